package org.mmlab.rl.ppo;

/**
 * Early stop when evaluations stop improving, as Stable-Baselines3's {@code
 * StopTrainingOnNoModelImprovement}: after the first {@code minEvals} evaluations, count the
 * evaluations in a row that did not raise the best mean reward, and stop once that count exceeds
 * {@code maxNoImprovementEvals}. Use as {@link EvalCallback.Builder#optAfterEval}.
 */
public final class StopTrainingOnNoImprovement implements EvalCallback.AfterEval {
  private final int maxNoImprovementEvals;
  private final int minEvals;
  private int calls;
  private int noImprovementEvals;
  private double lastBest = Double.NEGATIVE_INFINITY;
  private boolean stopped;

  /**
   * Creates the stop.
   *
   * @param maxNoImprovementEvals evaluations without improvement tolerated, {@code >= 0}
   * @param minEvals evaluations before counting, {@code >= 0}
   */
  public StopTrainingOnNoImprovement(int maxNoImprovementEvals, int minEvals) {
    if (maxNoImprovementEvals < 0 || minEvals < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    this.maxNoImprovementEvals = maxNoImprovementEvals;
    this.minEvals = minEvals;
  }

  @Override
  public boolean onEvaluation(EvalCallback.Result result) {
    calls++;
    boolean go = true;
    if (calls > minEvals) {
      if (result.bestMeanReward() > lastBest) {
        noImprovementEvals = 0;
      } else {
        noImprovementEvals++;
        if (noImprovementEvals > maxNoImprovementEvals) {
          go = false;
          stopped = true;
        }
      }
    }
    lastBest = result.bestMeanReward();
    return go;
  }

  /**
   * Whether this stopped training.
   *
   * @return true once it asked to stop
   */
  public boolean stopped() {
    return stopped;
  }
}
