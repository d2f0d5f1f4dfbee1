package org.mmlab.service.support;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.mmlab.api.Endpoints;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Turns every error of a service's REST API into an RFC 9457 problem detail with a stable {@code
 * code}: {@link ProblemException}s, bean-validation failures and unreadable bodies. A service takes
 * it with {@code @Import(ProblemHandler.class)}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {
  private static final MediaType PROBLEM_JSON = MediaType.parseMediaType(Endpoints.PROBLEM_JSON);

  private static ResponseEntity<ProblemDetail> problem(
      int status, String type, String title, String code, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    p.setType(URI.create(type));
    p.setTitle(title);
    p.setProperty("code", code);
    return ResponseEntity.status(status).contentType(PROBLEM_JSON).body(p);
  }

  /**
   * A problem-detail response.
   *
   * @param code the stable code
   * @param detail what exactly was wrong
   * @return the response
   */
  public static ResponseEntity<ProblemDetail> problem(ProblemCode code, String detail) {
    return problem(code.status(), code.type(), code.title(), code.name(), detail);
  }

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<ProblemDetail> rejected(ProblemException e) {
    return problem(e.code(), e.getMessage());
  }

  @ExceptionHandler(WebExchangeBindException.class)
  ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e) {
    List<Map<String, String>> errors =
        e.getFieldErrors().stream()
            .map(
                f ->
                    Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
            .toList();
    ResponseEntity<ProblemDetail> r =
        problem(
            ProblemCode.VALIDATION_FAILED,
            "invalid fields: "
                + String.join(", ", errors.stream().map(m -> m.get("field")).toList()));
    r.getBody().setProperty("errors", errors);
    return r;
  }

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ProblemDetail> malformed(ServerWebInputException e) {
    String detail = e.getReason();
    Throwable cause = e.getMostSpecificCause();
    if (cause != null && cause != e && cause.getMessage() != null) {
      detail = detail + ": " + cause.getMessage().lines().findFirst().orElse("");
    }
    return problem(ProblemCode.MALFORMED_REQUEST, detail);
  }
}
