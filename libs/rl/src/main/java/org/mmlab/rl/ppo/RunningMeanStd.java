package org.mmlab.rl.ppo;

/**
 * Running mean and (population) variance per component, merged batch by batch with Chan et al.'s
 * parallel algorithm exactly as Stable-Baselines3's {@code RunningMeanStd}: it starts from mean 0,
 * variance 1 and a pseudo-count {@code epsilon} (1e-4), and for a batch of {@code n} rows with mean
 * {@code m_b} and variance {@code v_b}:
 *
 * <pre>
 * δ = m_b − mean;  N = count + n
 * mean += δ · n / N
 * var   = (var · count + v_b · n + δ² · count · n / N) / N
 * count = N
 * </pre>
 *
 * All in double.
 */
public final class RunningMeanStd {
  private final double[] mean;
  private final double[] var;
  private double count;
  private final double[] batchMean;
  private final double[] batchVar;

  /**
   * Creates the statistics with SB3's prior (mean 0, variance 1, count 1e-4).
   *
   * @param size components
   */
  public RunningMeanStd(int size) {
    this(size, 1e-4);
  }

  /**
   * Creates the statistics.
   *
   * @param size components
   * @param epsilon the prior's pseudo-count, {@code > 0}
   */
  public RunningMeanStd(int size, double epsilon) {
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("epsilon must be positive: " + epsilon);
    }
    mean = new double[size];
    var = new double[size];
    java.util.Arrays.fill(var, 1.0);
    count = epsilon;
    batchMean = new double[size];
    batchVar = new double[size];
  }

  /**
   * Restores saved statistics.
   *
   * @param mean means
   * @param var variances
   * @param count count
   */
  public void set(double[] mean, double[] var, double count) {
    if (mean.length != this.mean.length || var.length != this.var.length || !(count > 0)) {
      throw new IllegalArgumentException("statistics do not fit: size " + this.mean.length);
    }
    System.arraycopy(mean, 0, this.mean, 0, mean.length);
    System.arraycopy(var, 0, this.var, 0, var.length);
    this.count = count;
  }

  /**
   * Merges a batch of rows.
   *
   * @param rows the batch, {@code rows[i]} one observation
   * @param n rows to use, {@code rows[0..n)}, positive
   */
  public void update(float[][] rows, int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("batch must not be empty");
    }
    int size = mean.length;
    for (int j = 0; j < size; j++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += rows[i][j];
      }
      double m = s / n;
      double ss = 0;
      for (int i = 0; i < n; i++) {
        double d = rows[i][j] - m;
        ss += d * d;
      }
      batchMean[j] = m;
      batchVar[j] = ss / n;
    }
    updateFromMoments(batchMean, batchVar, n);
  }

  /**
   * Merges a batch given by its moments.
   *
   * @param batchMean the batch's means
   * @param batchVar the batch's population variances
   * @param batchCount the batch's size
   */
  public void updateFromMoments(double[] batchMean, double[] batchVar, double batchCount) {
    double total = count + batchCount;
    for (int j = 0; j < mean.length; j++) {
      double delta = batchMean[j] - mean[j];
      double newMean = mean[j] + delta * batchCount / total;
      double mA = var[j] * count;
      double mB = batchVar[j] * batchCount;
      double m2 = mA + mB + delta * delta * count * batchCount / total;
      mean[j] = newMean;
      var[j] = m2 / total;
    }
    count = total;
  }

  /**
   * The means.
   *
   * @return a copy
   */
  public double[] mean() {
    return mean.clone();
  }

  /**
   * The variances.
   *
   * @return a copy
   */
  public double[] var() {
    return var.clone();
  }

  /**
   * The count, prior included.
   *
   * @return rows merged plus the prior's pseudo-count
   */
  public double count() {
    return count;
  }

  /**
   * Components.
   *
   * @return the size
   */
  public int size() {
    return mean.length;
  }
}
