package org.mmlab.service.gateway.web;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

/** Turns every error of the REST API into a problem detail with a stable {@code code}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

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
    List<Map<String, String>> errors =
        e.getFieldErrors().stream()
            .map(
                f ->
                    Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
            .toList();
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
