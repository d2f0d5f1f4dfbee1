package org.mmlab.rl.training;

/** A {@link TrainingSpec} that cannot run: one line naming the option and what is wrong. */
public final class TrainingSpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the option and what is wrong with it
   */
  public TrainingSpecException(String message) {
    super(message);
  }
}
