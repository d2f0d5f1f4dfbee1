package org.mmlab.service.trainer;

/** A request the service refuses; the REST edge turns it into a problem detail. */
public final class TrainerProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final TrainerProblem problem;

  /**
   * A refusal.
   *
   * @param problem the stable code
   * @param detail what is wrong
   */
  public TrainerProblemException(TrainerProblem problem, String detail) {
    super(detail);
    this.problem = problem;
  }

  /**
   * The stable code.
   *
   * @return the problem
   */
  public TrainerProblem problem() {
    return problem;
  }
}
