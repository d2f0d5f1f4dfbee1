package org.mmlab.strategy.features;

/**
 * Realized volatility of a mid price sampled on a fixed time grid.
 *
 * <p>The mid is piecewise constant between updates. At every grid boundary {@code b} (the multiples
 * of the sample interval {@code Δ}) the mid in force at {@code b} is sampled, and the change since
 * the previous boundary is kept in a ring of the last {@code n} changes. The estimate is the sample
 * standard deviation of those changes (denominator {@code n - 1}), scaled to one second: {@code σ =
 * std(Δmid) / sqrt(Δ / 1 s)}, in ticks per √second. With {@code Δ = 1 s} it is simply the standard
 * deviation of one-second mid changes.
 *
 * <p>Sampling on a clock (rather than per event) makes the estimate independent of the event rate,
 * and gives the σ of the Avellaneda–Stoikov diffusion {@code dS = σ dW} directly.
 *
 * <p>A boundary is closed when time moves strictly past it ({@link #onMid}, {@link #advance(long,
 * boolean)} with {@code inclusive = false}) or reaches it ({@code inclusive = true}, used when the
 * caller guarantees all events up to that time were delivered). Long gaps without events cost at
 * most {@code n} steps. Mids from a tick book are multiples of half a tick, so their changes and
 * squares are exact in {@code double} and the running sums never drift over millions of updates. No
 * allocation after construction.
 */
public final class GridVolatility {
  private final long sampleNanos;
  private final double secondsScale;
  private final double[] changes;
  private int head;
  private int size;
  private double sum;
  private double sumSq;
  private boolean hasMid;
  private double mid;
  private double lastSampleMid;
  private long nextBoundary;

  /**
   * Creates an estimator.
   *
   * @param sampleNanos grid step {@code Δ} in nanoseconds, {@code > 0}
   * @param samples number of grid changes in the rolling window, {@code >= 2}
   */
  public GridVolatility(long sampleNanos, int samples) {
    if (sampleNanos <= 0) {
      throw new IllegalArgumentException("sampleNanos must be > 0, got " + sampleNanos);
    }
    if (samples < 2) {
      throw new IllegalArgumentException("samples must be >= 2, got " + samples);
    }
    this.sampleNanos = sampleNanos;
    this.secondsScale = Math.sqrt(sampleNanos / 1e9);
    this.changes = new double[samples];
  }

  /**
   * Records a new mid in force from {@code timeNanos} on; boundaries strictly before it are closed
   * with the previous mid first.
   *
   * @param timeNanos time of the change, non-decreasing across calls
   * @param newMid the mid price in ticks
   */
  public void onMid(long timeNanos, double newMid) {
    if (!hasMid) {
      hasMid = true;
      mid = newMid;
      lastSampleMid = newMid;
      // First boundary strictly after the first observation, aligned to the absolute grid.
      nextBoundary = Math.floorDiv(timeNanos, sampleNanos) * sampleNanos + sampleNanos;
      return;
    }
    advance(timeNanos, false);
    mid = newMid;
  }

  /**
   * Closes the grid boundaries up to a time with the mid in force.
   *
   * @param nowNanos the current time
   * @param inclusive whether a boundary exactly at {@code nowNanos} is closed too
   */
  public void advance(long nowNanos, boolean inclusive) {
    if (!hasMid) {
      return;
    }
    long last = inclusive ? nowNanos : nowNanos - 1;
    if (last < nextBoundary) {
      return;
    }
    long boundaries = (last - nextBoundary) / sampleNanos + 1;
    push(mid - lastSampleMid);
    lastSampleMid = mid;
    // Every later boundary saw the same mid: a zero change each, at most a window's worth.
    long zeros = Math.min(boundaries - 1, changes.length);
    for (long i = 0; i < zeros; i++) {
      push(0.0);
    }
    nextBoundary += boundaries * sampleNanos;
  }

  /**
   * The volatility estimate.
   *
   * @return ticks per √second; 0 until two changes were sampled
   */
  public double sigma() {
    if (size < 2) {
      return 0.0;
    }
    double var = (sumSq - sum * sum / size) / (size - 1);
    return var <= 0.0 ? 0.0 : Math.sqrt(var) / secondsScale;
  }

  /**
   * Number of grid changes currently in the window.
   *
   * @return the count, at most the window size
   */
  public int samples() {
    return size;
  }

  /** Forgets every observation. */
  public void reset() {
    head = 0;
    size = 0;
    sum = 0.0;
    sumSq = 0.0;
    hasMid = false;
    mid = 0.0;
    lastSampleMid = 0.0;
    nextBoundary = 0L;
  }

  private void push(double change) {
    if (size == changes.length) {
      double old = changes[head];
      sum -= old;
      sumSq -= old * old;
      head = (head + 1) % changes.length;
      size--;
    }
    changes[(head + size) % changes.length] = change;
    size++;
    sum += change;
    sumSq += change * change;
  }
}
