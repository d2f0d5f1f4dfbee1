package org.mmlab.service.marketdata.web;

import java.util.List;
import java.util.Map;
import org.mmlab.api.ProblemCode;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
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
    return Problems.response(Problems.detail(e.code(), e.getMessage()));
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
        Problems.detail(ProblemCode.VALIDATION_FAILED, "invalid fields: " + fieldNames(errors));
    p.setProperty("errors", errors);
    return Problems.response(p);
  }

  private static String fieldNames(List<Map<String, String>> errors) {
    return String.join(", ", errors.stream().map(m -> m.get("field")).toList());
  }

  @ExceptionHandler(ServerWebInputException.class)
  ResponseEntity<ProblemDetail> malformed(ServerWebInputException e) {
    return Problems.response(Problems.detail(ProblemCode.MALFORMED_REQUEST, e.getReason()));
  }

  @ExceptionHandler(ResponseStatusException.class)
  ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
    ProblemCode code =
        switch (e.getStatusCode().value()) {
          case 404 -> ProblemCode.NOT_FOUND;
          case 400 -> ProblemCode.MALFORMED_REQUEST;
          default -> null;
        };
    if (code == null) {
      ProblemDetail p = e.getBody();
      p.setProperty(
          "code", e.getStatusCode().value() >= 500 ? "INTERNAL_ERROR" : "MALFORMED_REQUEST");
      return Problems.response(p);
    }
    return Problems.response(Problems.detail(code, e.getReason()));
  }
}
