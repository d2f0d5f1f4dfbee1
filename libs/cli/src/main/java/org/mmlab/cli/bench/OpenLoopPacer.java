package org.mmlab.cli.bench;

/**
 * The schedule of an open-loop load: request {@code i} is due at a time fixed in advance, whatever
 * happened to the earlier ones. Latency is measured from that intended time, so a stalled server is
 * charged for the requests it delayed (no coordinated omission).
 *
 * <p>The schedule may open with a ramp: over its first {@code rampSeconds} the rate rises linearly
 * from {@code startFraction × rate} to the rate, and from then on request {@code i} is due every
 * {@code 1 / rate}. The ramp exists because services just started run interpreted, cold code (the
 * gateway spends about 170 µs of CPU per order cold against 110 µs warm): a warm-up at full rate
 * overloads them, a backlog builds, and the first measured window inherits it (a p50 of seconds
 * where the warm service answers in a millisecond). Rising from a low rate lets the JIT compile the
 * hot paths while the service still keeps up.
 */
public final class OpenLoopPacer {
  private final long startNanos;
  private final double nanosPerRequest;
  // The ramp: requests by t ns after the start are rampRate·t + rampAccel·t², for t ≤ its length.
  private final double rampRate;
  private final double rampAccel;
  private final long rampRequests;
  // Intended time of request rampRequests, the first at the full rate.
  private final long steadyStartNanos;

  /**
   * A schedule at a constant rate: request {@code i} is due at {@code start + i / rate}.
   *
   * @param startNanos {@link System#nanoTime()} of request 0
   * @param ratePerSecond requests per second, positive
   */
  public OpenLoopPacer(long startNanos, double ratePerSecond) {
    this(startNanos, ratePerSecond, 0, 1);
  }

  private OpenLoopPacer(
      long startNanos, double ratePerSecond, double rampSeconds, double startFraction) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
    }
    if (!(rampSeconds >= 0) || Double.isInfinite(rampSeconds)) {
      throw new IllegalArgumentException(
          "ramp must be a non-negative number of seconds, got " + rampSeconds);
    }
    if (!(startFraction > 0 && startFraction <= 1)) {
      throw new IllegalArgumentException(
          "ramp start fraction must be in (0, 1], got " + startFraction);
    }
    this.startNanos = startNanos;
    this.nanosPerRequest = 1e9 / ratePerSecond;
    // Whole nanoseconds keep the ramp's integral exact for whole-second or whole-millisecond ramps.
    double rampNanos = Math.rint(rampSeconds * 1e9);
    double fullRate = ratePerSecond / 1e9;
    this.rampRate = startFraction * fullRate;
    this.rampAccel = rampNanos > 0 ? (fullRate - rampRate) / (2 * rampNanos) : 0;
    // The integral of the rate over the ramp (per second, so that 10% of 1000/s over 10 s is
    // exactly 5,500); the ramp's requests are those due strictly before its end.
    double rampIntegral = (startFraction * ratePerSecond + ratePerSecond) * rampNanos / 2e9;
    this.rampRequests = (long) Math.ceil(rampIntegral);
    // Request rampRequests is where the constant rate, continued from the ramp's end, reaches it.
    this.steadyStartNanos =
        startNanos + (long) (rampNanos + (rampRequests - rampIntegral) * nanosPerRequest);
  }

  /**
   * A schedule that ramps up: over {@code rampSeconds} the rate rises linearly from {@code
   * startFraction × rate} to {@code rate}, then stays there, each request {@code 1 / rate} after
   * the previous one. The ramp holds {@code ⌈(1 + startFraction) / 2 × rate × rampSeconds⌉}
   * requests ({@link #rampRequests()}); a zero ramp is the constant-rate schedule.
   *
   * @param startNanos {@link System#nanoTime()} of request 0
   * @param ratePerSecond the rate reached at the end of the ramp, requests per second, positive
   * @param rampSeconds the ramp's length, not negative
   * @param startFraction the rate at the start of the ramp as a fraction of the rate, in (0, 1]
   * @return the schedule
   */
  public static OpenLoopPacer ramped(
      long startNanos, double ratePerSecond, double rampSeconds, double startFraction) {
    return new OpenLoopPacer(startNanos, ratePerSecond, rampSeconds, startFraction);
  }

  /**
   * When a request is due.
   *
   * @param index the request's index, from 0
   * @return its intended send time, {@link System#nanoTime()} scale
   */
  public long intendedNanos(long index) {
    if (index >= rampRequests) {
      return steadyStartNanos + (long) ((index - rampRequests) * nanosPerRequest);
    }
    // Solves rampRate·t + rampAccel·t² = index for t, in the form that stays exact when
    // rampAccel is 0 (no ramp in the rate) and cannot cancel.
    double t = 2 * index / (rampRate + Math.sqrt(rampRate * rampRate + 4 * rampAccel * index));
    return startNanos + (long) t;
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
    long n;
    if (nowNanos >= steadyStartNanos) {
      n = rampRequests + (long) ((nowNanos - steadyStartNanos) / nanosPerRequest) + 1;
    } else {
      double t = nowNanos - startNanos;
      n = (long) (rampRate * t + rampAccel * t * t) + 1;
    }
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
   * The ramp's requests: those due before its end, numbered {@code 0 .. rampRequests() - 1}.
   *
   * @return their count, 0 without a ramp
   */
  public long rampRequests() {
    return rampRequests;
  }

  /**
   * Requests in a window at the full rate.
   *
   * @param seconds the window's length
   * @return the number of requests the rate asks for in it
   */
  public long requestsIn(double seconds) {
    return (long) Math.floor(seconds * 1e9 / nanosPerRequest);
  }
}
