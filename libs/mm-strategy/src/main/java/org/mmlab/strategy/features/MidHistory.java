package org.mmlab.strategy.features;

/**
 * The mid price as a step function of time, remembered for one look-back horizon {@code h}.
 *
 * <p>Keeps the change points of the last {@code h} plus exactly one change point at or before
 * {@code now - h}, so {@link #midAgo()} is the mid in force at {@code now - h} in O(1). Before
 * {@code h} of history exists it is the first mid seen. The ring grows by doubling if more changes
 * than its capacity fall inside one horizon (rare, amortized).
 */
final class MidHistory {
  private final long horizonNanos;
  private long[] times;
  private double[] mids;
  private int head;
  private int size;

  MidHistory(long horizonNanos, int initialCapacity) {
    this.horizonNanos = horizonNanos;
    this.times = new long[initialCapacity];
    this.mids = new double[initialCapacity];
  }

  /** Records that {@code mid} is in force from {@code timeNanos} on. */
  void record(long timeNanos, double mid) {
    advance(timeNanos);
    if (size == times.length) {
      grow();
    }
    int slot = (head + size) % times.length;
    times[slot] = timeNanos;
    mids[slot] = mid;
    size++;
  }

  /** Drops change points that are no longer needed to know the mid at {@code now - h}. */
  void advance(long nowNanos) {
    long cutoff = nowNanos - horizonNanos;
    while (size >= 2 && times[(head + 1) % times.length] <= cutoff) {
      head = (head + 1) % times.length;
      size--;
    }
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** The mid in force at {@code now - h} (or the first mid seen); 0 when empty. */
  double midAgo() {
    return size == 0 ? 0.0 : mids[head];
  }

  void clear() {
    head = 0;
    size = 0;
  }

  private void grow() {
    int n = times.length;
    long[] t = new long[n * 2];
    double[] m = new double[n * 2];
    for (int i = 0; i < size; i++) {
      int slot = (head + i) % n;
      t[i] = times[slot];
      m[i] = mids[slot];
    }
    times = t;
    mids = m;
    head = 0;
  }
}
