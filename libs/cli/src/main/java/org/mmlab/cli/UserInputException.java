package org.mmlab.cli;

/**
 * Bad input from the user: printed as one line on stderr, exit code 2, nothing started.
 *
 * <p>Library exceptions that already carry a precise message (a malformed data row, a missing file)
 * are mapped the same way by {@link MmlabCli}.
 */
public final class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the option or file and what is wrong with it
   */
  public UserInputException(String message) {
    super(message);
  }
}
