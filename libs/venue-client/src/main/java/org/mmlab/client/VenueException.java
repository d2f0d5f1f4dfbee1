package org.mmlab.client;

import org.mmlab.api.ProblemCode;

/** A gateway call failed: an RFC 9457 problem detail, or no answer at all. */
public final class VenueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient ProblemCode code;

  /**
   * A failure.
   *
   * @param status the HTTP status, 0 when there was no response
   * @param code the problem's stable code, null when the body had none
   * @param message the detail
   * @param cause the cause, may be null
   */
  public VenueException(int status, ProblemCode code, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.code = code;
  }

  /**
   * The HTTP status.
   *
   * @return the status, 0 when there was no response
   */
  public int status() {
    return status;
  }

  /**
   * The problem's stable code.
   *
   * @return the code, null when unknown
   */
  public ProblemCode code() {
    return code;
  }
}
