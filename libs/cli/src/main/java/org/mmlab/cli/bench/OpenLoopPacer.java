package org.mmlab.cli.bench;

/**
 * The schedule of an open-loop load: request {@code i} is due at {@code start + i / rate}, whatever
 * happened to the earlier ones. Latency is measured from that intended time, so a stalled server is
 * charged for the requests it delayed (no coordinated omission).
 */
public final class OpenLoopPacer {
  private final long startNanos;
  private final double nanosPerRequest;

  /**
   * A schedule.
   *
   * @param startNanos {@link System#nanoTime()} of request 0
   * @param ratePerSecond requests per second, positive
   */
  public OpenLoopPacer(long startNanos, double ratePerSecond) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
    }
    this.startNanos = startNanos;
    this.nanosPerRequest = 1e9 / ratePerSecond;
  }

  /**
   * When a request is due.
   *
   * @param index the request's index, from 0
   * @return its intended send time, {@link System#nanoTime()} scale
   */
  public long intendedNanos(long index) {
    return startNanos + (long) (index * nanosPerRequest);
  }

  /**
   * How many requests are due by a time: those whose intended time is at or before it.
   *
   * @param nowNanos a {@link System#nanoTime()} reading
   * @return the count, 0 before the start
   */
  public long dueBy(long nowNanos) {
    if (nowNanos < startNanos) {
      return 0;
    }
    long n = (long) ((nowNanos - startNanos) / nanosPerRequest) + 1;
    // Guard the floating-point edge: request n must not be due yet, request n - 1 must be.
    while (n > 0 && intendedNanos(n - 1) > nowNanos) {
      n--;
    }
    while (intendedNanos(n) <= nowNanos) {
      n++;
    }
    return n;
  }

  /**
   * Requests in a window of the schedule.
   *
   * @param seconds the window's length
   * @return the number of requests the rate asks for in it
   */
  public long requestsIn(double seconds) {
    return (long) Math.floor(seconds * 1e9 / nanosPerRequest);
  }
}
