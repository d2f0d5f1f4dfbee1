package org.mmlab.rl.policy;

import org.mmlab.sim.core.Rng;

/**
 * Categorical distributions over concatenated logits, one head per action dimension (SB3's {@code
 * MultiCategoricalDistribution}), on plain arrays: softmax, log-probability, argmax (the mode, as
 * SB3's deterministic action) and sampling by inverse CDF with a seeded {@link Rng} (so rollouts
 * and stochastic strategies are reproducible, unlike a sampler inside the native engine).
 *
 * <p>All arithmetic is in double with {@link StrictMath}, hence bit-reproducible on every JVM.
 */
public final class Categorical {
  private Categorical() {}

  /**
   * Softmax of one head.
   *
   * @param logits concatenated logits
   * @param offset first logit of the head
   * @param n choices of the head
   * @param out receives probabilities at {@code out[0..n)}
   */
  public static void softmax(float[] logits, int offset, int n, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, logits[offset + i]);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double e = StrictMath.exp(logits[offset + i] - max);
      out[i] = e;
      sum += e;
    }
    for (int i = 0; i < n; i++) {
      out[i] /= sum;
    }
  }

  /**
   * Log-probability of one choice of one head: {@code logit − logsumexp(logits)}.
   *
   * @param logits concatenated logits
   * @param offset first logit of the head
   * @param n choices of the head
   * @param choice the chosen index
   * @return the log-probability
   */
  public static double logProb(float[] logits, int offset, int n, int choice) {
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, logits[offset + i]);
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += StrictMath.exp(logits[offset + i] - max);
    }
    return logits[offset + choice] - max - StrictMath.log(sum);
  }

  /**
   * Index of the largest value (the first one on ties, as {@code torch.argmax}).
   *
   * @param values values
   * @param offset first value
   * @param n count
   * @return index in {@code [0, n)}
   */
  public static int argmax(float[] values, int offset, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (values[offset + i] > values[offset + best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Index of the largest value (the first one on ties).
   *
   * @param values values
   * @param n count
   * @return index in {@code [0, n)}
   */
  public static int argmax(double[] values, int n) {
    int best = 0;
    for (int i = 1; i < n; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /**
   * Draws from probabilities by inverse CDF: one {@link Rng#nextDouble()} per draw.
   *
   * @param probabilities probabilities summing to 1
   * @param n count
   * @param rng the generator
   * @return index in {@code [0, n)}
   */
  public static int sample(double[] probabilities, int n, Rng rng) {
    double u = rng.nextDouble();
    double cumulative = 0;
    for (int i = 0; i < n - 1; i++) {
      cumulative += probabilities[i];
      if (u < cumulative) {
        return i;
      }
    }
    return n - 1;
  }
}
