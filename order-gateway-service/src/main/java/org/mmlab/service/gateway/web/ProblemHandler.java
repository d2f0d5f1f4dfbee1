package org.mmlab.service.gateway.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.mmlab.api.ProblemCode;
import org.mmlab.service.gateway.ApiProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Turns every error of the REST API into a problem detail with a stable {@code code}: for the
 * annotated controllers as their advice, for the functional order-entry routes through {@link
 * #handles} and {@link #handle}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

  /**
   * Whether {@link #handle} knows the error; others go to Boot's error handling, as for
   * controllers.
   */
  static boolean handles(Throwable e) {
    return e instanceof ApiProblemException || e instanceof ResponseStatusException;
  }

  /** The problem response for an error the functional routes raised ({@link #handles} is true). */
  Mono<ServerResponse> handle(Throwable e, ServerRequest request) {
    ResponseEntity<ProblemDetail> r;
    if (e instanceof ApiProblemException a) {
      r = problem(a);
    } else if (e instanceof ServerWebInputException in) {
      r = malformed(in);
    } else {
      r = status((ResponseStatusException) e);
    }
    // As WebFlux does for controllers' problem details: the path, never the query.
    r.getBody().setInstance(URI.create(request.path()));
    return toServerResponse(r);
  }

  static Mono<ServerResponse> toServerResponse(ResponseEntity<ProblemDetail> r) {
    return ServerResponse.status(r.getStatusCode())
        .headers(h -> h.addAll(r.getHeaders()))
        .bodyValue(r.getBody());
  }

  @ExceptionHandler(ApiProblemException.class)
  ResponseEntity<ProblemDetail> problem(ApiProblemException e) {
    ResponseEntity<ProblemDetail> r = Problems.response(Problems.detail(e.code(), e.getMessage()));
    if (e.retryAfterSeconds() > 0) {
      return ResponseEntity.status(r.getStatusCode())
          .headers(r.getHeaders())
          .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
          .body(r.getBody());
    }
    return r;
  }

  @ExceptionHandler(WebExchangeBindException.class)
  ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e) {
    return invalidFields(
        e.getFieldErrors().stream()
            .map(
                f ->
                    Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
            .toList());
  }

  /** {@code VALIDATION_FAILED} listing each invalid field with its message. */
  static ResponseEntity<ProblemDetail> invalidFields(List<Map<String, String>> errors) {
    ProblemDetail p =
        Problems.detail(
            ProblemCode.VALIDATION_FAILED,
            "invalid fields: "
                + String.join(", ", errors.stream().map(m -> m.get("field")).toList()));
    p.setProperty("errors", errors);
    return Problems.response(p);
  }

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ProblemDetail> malformed(ServerWebInputException e) {
    String detail = e.getReason();
    Throwable cause = e.getMostSpecificCause();
    if (cause != null && cause != e && cause.getMessage() != null) {
      detail = detail + ": " + cause.getMessage().lines().findFirst().orElse("");
    }
    return Problems.response(Problems.detail(ProblemCode.MALFORMED_REQUEST, detail));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
    int status = e.getStatusCode().value();
    if (status == 404) {
      return Problems.response(Problems.detail(ProblemCode.NOT_FOUND, e.getReason()));
    }
    ProblemDetail p = e.getBody();
    p.setProperty(
        "code",
        status >= 500 ? ProblemCode.INTERNAL_ERROR.name() : ProblemCode.MALFORMED_REQUEST.name());
    return Problems.response(p);
  }
}
