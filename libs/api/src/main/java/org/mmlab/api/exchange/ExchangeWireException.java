package org.mmlab.api.exchange;

/**
 * A message of the internal protocol that {@link ExchangeWire} cannot decode (or encode): not JSON,
 * truncated, an unknown or missing {@code type}, a field of the wrong kind or out of range. The
 * message is one line naming the field and the problem.
 */
public final class ExchangeWireException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A decoding failure.
   *
   * @param message one line: the field and the problem
   */
  public ExchangeWireException(String message) {
    super(message);
  }

  /**
   * A failure caused by the JSON layer (a syntax error, an I/O error of the source).
   *
   * @param message one line: the problem
   * @param cause the parser's or the source's exception
   */
  public ExchangeWireException(String message, Throwable cause) {
    super(message, cause);
  }
}
