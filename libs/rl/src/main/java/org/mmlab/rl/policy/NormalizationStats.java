package org.mmlab.rl.policy;

import java.util.Arrays;

/**
 * Frozen observation-normalization statistics, as Stable-Baselines3's {@code VecNormalize} applies
 * them: {@code clip((obs − mean) / sqrt(var + epsilon), −clip, clip)}, computed in double and
 * rounded to float. Saved in a policy bundle so inference sees exactly what training saw.
 *
 * @param enabled whether observations are normalized at all (false: passed through)
 * @param mean running mean per component
 * @param var running (population) variance per component
 * @param count number of observations the statistics summarize (starts at 1e-4, as SB3)
 * @param clip clip bound of the normalized value, {@code > 0} (SB3: 10)
 * @param epsilon added to the variance, {@code > 0} (SB3: 1e-8)
 */
public record NormalizationStats(
    boolean enabled, double[] mean, double[] var, double count, double clip, double epsilon) {

  /** Validates; messages name the field. */
  public NormalizationStats {
    if (mean == null || var == null || mean.length != var.length) {
      throw new IllegalArgumentException("mean and var must have the same length");
    }
    for (int i = 0; i < mean.length; i++) {
      if (!Double.isFinite(mean[i]) || !(var[i] >= 0) || Double.isInfinite(var[i])) {
        throw new IllegalArgumentException(
            "normalization statistics of component "
                + i
                + " are not finite: mean "
                + mean[i]
                + ", var "
                + var[i]);
      }
    }
    if (!(count > 0) || !(clip > 0) || !(epsilon > 0)) {
      throw new IllegalArgumentException(
          "count, clip and epsilon must be positive: " + count + ", " + clip + ", " + epsilon);
    }
    mean = mean.clone();
    var = var.clone();
  }

  /**
   * Pass-through statistics (normalization disabled).
   *
   * @param size observation size
   * @return the statistics
   */
  public static NormalizationStats disabled(int size) {
    double[] ones = new double[size];
    Arrays.fill(ones, 1.0);
    return new NormalizationStats(false, new double[size], ones, 1e-4, 10.0, 1e-8);
  }

  /**
   * Observation size.
   *
   * @return components
   */
  public int size() {
    return mean.length;
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] var() {
    return var.clone();
  }

  /**
   * The standard deviations {@code sqrt(var + epsilon)} the normalization divides by.
   *
   * @return one per component
   */
  public double[] std() {
    double[] s = new double[var.length];
    for (int i = 0; i < s.length; i++) {
      s[i] = Math.sqrt(var[i] + epsilon);
    }
    return s;
  }

  /**
   * Normalizes one observation.
   *
   * @param raw the raw observation
   * @param out receives the normalized observation (may be {@code raw})
   */
  public void normalize(float[] raw, float[] out) {
    normalize(enabled, mean, std(), clip, raw, 0, out, 0, mean.length);
  }

  /**
   * The normalization with precomputed standard deviations: the one formula every caller (the
   * learner's running normalizer and the frozen policy) uses.
   *
   * @param enabled whether to normalize (false: copy)
   * @param mean means
   * @param std {@code sqrt(var + epsilon)}
   * @param clip clip bound
   * @param raw source
   * @param rawOffset source offset
   * @param out destination
   * @param outOffset destination offset
   * @param n components
   */
  public static void normalize(
      boolean enabled,
      double[] mean,
      double[] std,
      double clip,
      float[] raw,
      int rawOffset,
      float[] out,
      int outOffset,
      int n) {
    for (int i = 0; i < n; i++) {
      float x = raw[rawOffset + i];
      if (enabled) {
        double z = (x - mean[i]) / std[i];
        out[outOffset + i] = (float) Math.max(-clip, Math.min(clip, z));
      } else {
        out[outOffset + i] = x;
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NormalizationStats s
        && enabled == s.enabled
        && Arrays.equals(mean, s.mean)
        && Arrays.equals(var, s.var)
        && Double.compare(count, s.count) == 0
        && Double.compare(clip, s.clip) == 0
        && Double.compare(epsilon, s.epsilon) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(mean) * 31 + Arrays.hashCode(var);
  }

  @Override
  public String toString() {
    return "NormalizationStats{enabled="
        + enabled
        + ", mean="
        + Arrays.toString(mean)
        + ", var="
        + Arrays.toString(var)
        + ", count="
        + count
        + '}';
  }
}
