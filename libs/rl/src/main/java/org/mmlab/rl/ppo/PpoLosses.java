package org.mmlab.rl.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;

/**
 * The pieces of PPO's loss on DJL arrays, each as Stable-Baselines3 computes it in {@code
 * PPO.train()}, plus the two diagnostics it logs. Kept apart so each can be tested on a batch
 * computed by hand.
 */
public final class PpoLosses {
  private PpoLosses() {}

  /**
   * Log-softmax of each head of concatenated logits ({@code MultiCategoricalDistribution}).
   *
   * @param logits {@code [batch, sum(nvec)]}
   * @param nvec choices per head
   * @return {@code [batch, sum(nvec)]} log-probabilities, head by head
   */
  public static NDArray logSoftmaxPerHead(NDArray logits, int[] nvec) {
    if (nvec.length == 1) {
      return logits.logSoftmax(1);
    }
    long[] splits = new long[nvec.length - 1];
    long at = 0;
    for (int i = 0; i < splits.length; i++) {
      at += nvec[i];
      splits[i] = at;
    }
    NDList heads = logits.split(splits, 1);
    NDList logp = new NDList(heads.size());
    for (NDArray h : heads) {
      logp.add(h.logSoftmax(1));
    }
    return NDArrays.concat(logp, 1);
  }

  /**
   * Log-probability of the taken actions: the sum over heads of each head's log-probability.
   *
   * @param logp per-head log-probabilities {@code [batch, sum(nvec)]}
   * @param actionsOneHot one 1 per head at the taken choice {@code [batch, sum(nvec)]}
   * @return {@code [batch]}
   */
  public static NDArray logProb(NDArray logp, NDArray actionsOneHot) {
    return logp.mul(actionsOneHot).sum(new int[] {1});
  }

  /**
   * Entropy of the joint distribution: the sum over heads of {@code −Σ p·log p}.
   *
   * @param logp per-head log-probabilities {@code [batch, sum(nvec)]}
   * @return {@code [batch]}
   */
  public static NDArray entropy(NDArray logp) {
    return logp.exp().mul(logp).sum(new int[] {1}).neg();
  }

  /**
   * The entropy loss {@code −mean(entropy)}, as {@code Σ p·log p / batch} (fewer graph nodes than
   * {@code entropy(logp).mean().neg()}, the same value up to rounding).
   *
   * @param logp per-head log-probabilities {@code [batch, sum(nvec)]}
   * @return a scalar
   */
  public static NDArray entropyLoss(NDArray logp) {
    return logp.exp().mul(logp).sum().div(logp.getShape().get(0));
  }

  /**
   * The clipped surrogate policy loss, {@code −mean(min(A·r, A·clip(r, 1 − ε, 1 + ε)))}.
   *
   * @param ratio probability ratios {@code π(a|s)/π_old(a|s)}, {@code [batch]}
   * @param advantages advantages (normalized or not), {@code [batch]}
   * @param clipRange ε
   * @return a scalar
   */
  public static NDArray clippedSurrogate(NDArray ratio, NDArray advantages, double clipRange) {
    NDArray unclipped = advantages.mul(ratio);
    NDArray clipped = advantages.mul(ratio.clip(1 - clipRange, 1 + clipRange));
    return unclipped.minimum(clipped).mean().neg();
  }

  /**
   * The value loss, {@code mean((returns − values)²)} (no value clipping: SB3's default).
   *
   * @param returns GAE returns {@code [batch]}
   * @param values predicted values {@code [batch]}
   * @return a scalar
   */
  public static NDArray valueLoss(NDArray returns, NDArray values) {
    return returns.sub(values).square().mean();
  }

  /**
   * SB3's approximate KL divergence of old to new policy, {@code mean((r − 1) − log r)} (Schulman's
   * k3 estimator: unbiased, non-negative).
   *
   * @param logProb new log-probabilities
   * @param oldLogProb old log-probabilities
   * @param n samples
   * @return the estimate
   */
  public static double approxKl(float[] logProb, float[] oldLogProb, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      double logRatio = (double) logProb[i] - oldLogProb[i];
      s += Math.expm1(logRatio) - logRatio;
    }
    return s / n;
  }

  /**
   * Fraction of samples whose ratio was clipped, {@code mean(|r − 1| > ε)}.
   *
   * @param logProb new log-probabilities
   * @param oldLogProb old log-probabilities
   * @param n samples
   * @param clipRange ε
   * @return the fraction
   */
  public static double clipFraction(float[] logProb, float[] oldLogProb, int n, double clipRange) {
    int clipped = 0;
    for (int i = 0; i < n; i++) {
      double ratio = Math.exp((double) logProb[i] - oldLogProb[i]);
      if (Math.abs(ratio - 1) > clipRange) {
        clipped++;
      }
    }
    return clipped / (double) n;
  }

  /**
   * Explained variance {@code 1 − Var(y − ŷ) / Var(y)} (population variances), as SB3's {@code
   * explained_variance(values, returns)}: 1 is a perfect value function, 0 no better than a
   * constant, negative worse; NaN when the returns do not vary.
   *
   * @param predicted ŷ, the value estimates
   * @param actual y, the returns
   * @param n samples
   * @return the explained variance
   */
  public static double explainedVariance(float[] predicted, float[] actual, int n) {
    double meanY = 0;
    double meanD = 0;
    for (int i = 0; i < n; i++) {
      meanY += actual[i];
      meanD += (double) actual[i] - predicted[i];
    }
    meanY /= n;
    meanD /= n;
    double varY = 0;
    double varD = 0;
    for (int i = 0; i < n; i++) {
      double y = actual[i] - meanY;
      double d = (double) actual[i] - predicted[i] - meanD;
      varY += y * y;
      varD += d * d;
    }
    return varY == 0 ? Double.NaN : 1 - varD / varY;
  }
}
