package org.mmlab.service.strategy;

/** A request the service refuses; the REST edge turns it into a problem detail. */
public final class StrategyProblemException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final StrategyProblem problem;

  /**
   * A refusal.
   *
   * @param problem the stable code
   * @param detail what is wrong
   */
  public StrategyProblemException(StrategyProblem problem, String detail) {
    super(detail);
    this.problem = problem;
  }

  /**
   * The stable code.
   *
   * @return the problem
   */
  public StrategyProblem problem() {
    return problem;
  }
}
