package org.mmlab.api;

import java.util.Objects;

/**
 * A business rejection on its way to the REST edge, which turns it into an RFC 9457 problem detail
 * with the code's status, title, type and stable {@code code}.
 */
public final class ProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ProblemCode code;

  /**
   * Creates the exception.
   *
   * @param code the stable problem code
   * @param detail what exactly was wrong, for the caller
   */
  public ProblemException(ProblemCode code, String detail) {
    super(detail);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * The problem code.
   *
   * @return the code
   */
  public ProblemCode code() {
    return code;
  }
}
