package org.mmlab.service.marketdata.web;

import org.mmlab.api.ProblemCode;

/** A request the service refuses, with its stable code; becomes a problem detail. */
final class ApiProblemException extends RuntimeException {
  private final ProblemCode code;

  ApiProblemException(ProblemCode code, String detail) {
    super(detail, null, false, false);
    this.code = code;
  }

  ProblemCode code() {
    return code;
  }
}
