package org.mmlab.service.gateway.web;

import java.net.URI;
import org.mmlab.api.Endpoints;
import org.mmlab.api.ProblemCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** RFC 9457 problem details with the stable {@code code} extension. */
final class Problems {
  static final MediaType PROBLEM_JSON = MediaType.parseMediaType(Endpoints.PROBLEM_JSON);

  private Problems() {}

  static ProblemDetail detail(ProblemCode code, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status()), detail);
    p.setType(URI.create(code.type()));
    p.setTitle(code.title());
    p.setProperty("code", code.name());
    return p;
  }

  static ResponseEntity<ProblemDetail> response(ProblemDetail p) {
    return ResponseEntity.status(p.getStatus()).contentType(PROBLEM_JSON).body(p);
  }
}
