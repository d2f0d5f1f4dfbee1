package org.mmlab.service.gateway;

import org.mmlab.api.ProblemCode;

/** A request the gateway refuses, with its stable code; the web layer makes a problem detail. */
public final class ApiProblemException extends RuntimeException {
  private final ProblemCode code;
  private final long retryAfterSeconds;

  /**
   * Creates the problem.
   *
   * @param code the stable code
   * @param detail what exactly is wrong
   */
  public ApiProblemException(ProblemCode code, String detail) {
    this(code, detail, 0);
  }

  /**
   * Creates a problem the client may retry after a pause.
   *
   * @param code the stable code
   * @param detail what exactly is wrong
   * @param retryAfterSeconds the {@code Retry-After} value, 0 for none
   */
  public ApiProblemException(ProblemCode code, String detail, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /**
   * The code.
   *
   * @return the code
   */
  public ProblemCode code() {
    return code;
  }

  /**
   * Seconds to wait before retrying.
   *
   * @return seconds, 0 for no hint
   */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
