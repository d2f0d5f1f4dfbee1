package org.mmlab.strategy.metrics;

/**
 * Fills waiting for the mid at a later time (their due time), in due-time order: a FIFO ring of
 * primitives that doubles when full.
 */
final class PendingFills {
  private long[] due = new long[256];
  private long[] price = new long[256];
  private long[] size = new long[256];
  private int[] sign = new int[256];
  private int head;
  private int count;
  private double sum;
  private long lots;

  void add(long dueNanos, long fillPrice, long fillSize, int fillSign) {
    if (count == due.length) {
      grow();
    }
    int slot = (head + count) % due.length;
    due[slot] = dueNanos;
    price[slot] = fillPrice;
    size[slot] = fillSize;
    sign[slot] = fillSign;
    count++;
  }

  /**
   * Resolves the fills due strictly before {@code t} with {@code midBefore} (the mid in force until
   * {@code t}) and those due exactly at {@code t} with {@code midAt}.
   */
  void resolve(long t, boolean hasMidBefore, double midBefore, double midAt) {
    while (count > 0 && due[head] <= t) {
      double m = due[head] < t ? midBefore : midAt;
      if (due[head] == t || hasMidBefore) {
        sum += sign[head] * (m - price[head]) * size[head];
        lots += size[head];
      }
      head = (head + 1) % due.length;
      count--;
    }
  }

  /** Size-weighted mean of the resolved signed spreads, NaN if none. */
  double mean() {
    return lots > 0 ? sum / lots : Double.NaN;
  }

  void clear() {
    head = 0;
    count = 0;
    sum = 0.0;
    lots = 0;
  }

  private void grow() {
    int n = due.length;
    long[] d = new long[n * 2];
    long[] p = new long[n * 2];
    long[] s = new long[n * 2];
    int[] g = new int[n * 2];
    for (int i = 0; i < count; i++) {
      int slot = (head + i) % n;
      d[i] = due[slot];
      p[i] = price[slot];
      s[i] = size[slot];
      g[i] = sign[slot];
    }
    due = d;
    price = p;
    size = s;
    sign = g;
    head = 0;
  }
}
