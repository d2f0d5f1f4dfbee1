package org.mmlab.strategy.features;

/**
 * A rolling sum and count of {@code long} values over a window of simulated time.
 *
 * <p>An entry added at time {@code t} is inside the window at time {@code now} while {@code t > now
 * - window}: the window is the half-open interval {@code (now - window, now]}. Entries live in a
 * preallocated ring; if more than its capacity fall inside the window at once, the ring doubles (a
 * rare, amortized allocation that keeps the sums exact instead of silently dropping flow).
 *
 * <p>Sums of {@code long} values are exact. Not thread-safe.
 */
public final class LongTimeWindow {
  private final long windowNanos;
  private long[] times;
  private long[] values;
  private int head;
  private int size;
  private long sum;

  /**
   * Creates an empty window.
   *
   * @param windowNanos window length in nanoseconds, {@code > 0}
   * @param initialCapacity entries preallocated, {@code > 0}
   */
  public LongTimeWindow(long windowNanos, int initialCapacity) {
    if (windowNanos <= 0) {
      throw new IllegalArgumentException("windowNanos must be > 0, got " + windowNanos);
    }
    if (initialCapacity <= 0) {
      throw new IllegalArgumentException("initialCapacity must be > 0, got " + initialCapacity);
    }
    this.windowNanos = windowNanos;
    this.times = new long[initialCapacity];
    this.values = new long[initialCapacity];
  }

  /**
   * Adds a value at a time; evicts entries that left the window first.
   *
   * @param timeNanos time of the value, not before earlier calls
   * @param value the value
   */
  public void add(long timeNanos, long value) {
    evict(timeNanos);
    if (size == times.length) {
      grow();
    }
    int slot = (head + size) % times.length;
    times[slot] = timeNanos;
    values[slot] = value;
    size++;
    sum += value;
  }

  /**
   * Drops entries with {@code time <= now - window}.
   *
   * @param nowNanos the current time
   */
  public void evict(long nowNanos) {
    long cutoff = nowNanos - windowNanos;
    while (size > 0 && times[head] <= cutoff) {
      sum -= values[head];
      head = (head + 1) % times.length;
      size--;
    }
  }

  /**
   * Sum of the values in the window as of the last {@link #add} or {@link #evict}.
   *
   * @return the sum
   */
  public long sum() {
    return sum;
  }

  /**
   * Number of values in the window as of the last {@link #add} or {@link #evict}.
   *
   * @return the count
   */
  public int count() {
    return size;
  }

  /**
   * Window length.
   *
   * @return nanoseconds
   */
  public long windowNanos() {
    return windowNanos;
  }

  /** Empties the window, keeping its storage. */
  public void clear() {
    head = 0;
    size = 0;
    sum = 0;
  }

  private void grow() {
    int n = times.length;
    long[] t = new long[n * 2];
    long[] v = new long[n * 2];
    for (int i = 0; i < size; i++) {
      int slot = (head + i) % n;
      t[i] = times[slot];
      v[i] = values[slot];
    }
    times = t;
    values = v;
    head = 0;
  }
}
