package org.mmlab.rl.ppo;

import org.mmlab.rl.policy.NormalizationStats;

/**
 * Observation normalization as Stable-Baselines3's {@code VecNormalize} with {@code norm_obs=True,
 * norm_reward=False}: running statistics ({@link RunningMeanStd}) updated with every batch of raw
 * observations the vector environment returns while training, and {@code clip((obs − mean) /
 * sqrt(var + ε), −clip, clip)} applied with the statistics after the update. Frozen ({@link
 * #setTraining(boolean) training = false}) for evaluation; saved with the model as {@link
 * NormalizationStats}, whose formula the frozen policy applies.
 */
public final class ObservationNormalizer {
  private final boolean enabled;
  private final RunningMeanStd rms;
  private final double clip;
  private final double epsilon;
  private final double[] mean;
  private final double[] std;
  private boolean training = true;

  /**
   * Creates a normalizer.
   *
   * @param size observation size
   * @param enabled whether to normalize at all (false: pass-through, no statistics)
   * @param clip clip bound (SB3: 10)
   * @param epsilon variance epsilon (SB3: 1e-8)
   */
  public ObservationNormalizer(int size, boolean enabled, double clip, double epsilon) {
    this.enabled = enabled;
    this.rms = new RunningMeanStd(size);
    this.clip = clip;
    this.epsilon = epsilon;
    this.mean = new double[size];
    this.std = new double[size];
    refresh();
  }

  private void refresh() {
    double[] m = rms.mean();
    double[] v = rms.var();
    for (int i = 0; i < m.length; i++) {
      mean[i] = m[i];
      std[i] = Math.sqrt(v[i] + epsilon);
    }
  }

  /**
   * Whether statistics are updated by {@link #observe}.
   *
   * @return true while training
   */
  public boolean training() {
    return training;
  }

  /**
   * Freezes or unfreezes the statistics.
   *
   * @param training whether {@link #observe} updates them
   */
  public void setTraining(boolean training) {
    this.training = training;
  }

  /**
   * Updates the statistics with a batch of raw observations (while training and enabled).
   *
   * @param rows raw observations
   * @param n rows to use
   */
  public void observe(float[][] rows, int n) {
    if (enabled && training) {
      rms.update(rows, n);
      refresh();
    }
  }

  /**
   * Normalizes one observation.
   *
   * @param raw the raw observation
   * @param out destination
   * @param offset where in {@code out} to write
   */
  public void normalize(float[] raw, float[] out, int offset) {
    NormalizationStats.normalize(enabled, mean, std, clip, raw, 0, out, offset, mean.length);
  }

  /**
   * The statistics now, for saving.
   *
   * @return a snapshot
   */
  public NormalizationStats stats() {
    return new NormalizationStats(enabled, rms.mean(), rms.var(), rms.count(), clip, epsilon);
  }

  /**
   * Restores saved statistics.
   *
   * @param stats the statistics
   */
  public void restore(NormalizationStats stats) {
    rms.set(stats.mean(), stats.var(), stats.count());
    refresh();
  }

  /**
   * The running statistics.
   *
   * @return the live statistics
   */
  public RunningMeanStd runningMeanStd() {
    return rms;
  }
}
