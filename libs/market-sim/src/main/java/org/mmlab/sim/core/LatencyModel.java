package org.mmlab.sim.core;

/**
 * A one-way latency, constant or sampled, in nanoseconds of simulated time. Used for order entry
 * (agent to exchange) and for market data (exchange to agent).
 *
 * <p>Spec strings: {@code 0}, {@code 2ms} or {@code constant:2ms}; {@code uniform:1ms:3ms}; {@code
 * lognormal:MEDIAN:SIGMA} (log-normal with the given median and log-space standard deviation, the
 * usual shape of measured network latency); {@code exp:MIN:MEAN_EXTRA} (a floor plus an exponential
 * tail).
 */
public final class LatencyModel {
  private enum Kind {
    CONSTANT,
    UNIFORM,
    LOGNORMAL,
    EXPONENTIAL
  }

  private final Kind kind;
  private final long a;
  private final long b;
  private final double sigma;
  private final String spec;

  private LatencyModel(Kind kind, long a, long b, double sigma, String spec) {
    this.kind = kind;
    this.a = a;
    this.b = b;
    this.sigma = sigma;
    this.spec = spec;
  }

  /**
   * A fixed latency.
   *
   * @param nanos the latency
   * @return the model
   */
  public static LatencyModel constant(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("latency must be >= 0: " + nanos);
    }
    return new LatencyModel(Kind.CONSTANT, nanos, 0, 0, Durations.format(nanos));
  }

  /**
   * Parses a spec string (see the class comment).
   *
   * @param spec the spec
   * @return the model
   * @throws IllegalArgumentException naming the spec when it does not parse
   */
  public static LatencyModel parse(String spec) {
    String[] p = spec.trim().split(":");
    try {
      switch (p[0]) {
        case "constant":
          need(p, 2, spec);
          return constant(Durations.parseNanos(p[1]));
        case "uniform":
          {
            need(p, 3, spec);
            long lo = Durations.parseNanos(p[1]);
            long hi = Durations.parseNanos(p[2]);
            if (hi < lo) {
              throw new IllegalArgumentException("uniform latency needs min <= max: " + spec);
            }
            return new LatencyModel(Kind.UNIFORM, lo, hi, 0, spec);
          }
        case "lognormal":
          {
            need(p, 3, spec);
            long median = Durations.parseNanos(p[1]);
            double s = Double.parseDouble(p[2]);
            if (!(s >= 0 && s <= 3)) {
              throw new IllegalArgumentException("lognormal sigma must be in [0, 3]: " + spec);
            }
            return new LatencyModel(Kind.LOGNORMAL, median, 0, s, spec);
          }
        case "exp":
          need(p, 3, spec);
          return new LatencyModel(
              Kind.EXPONENTIAL, Durations.parseNanos(p[1]), Durations.parseNanos(p[2]), 0, spec);
        default:
          need(p, 1, spec);
          return constant(Durations.parseNanos(p[0]));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a latency spec: \"" + spec + "\"");
    }
  }

  private static void need(String[] parts, int n, String spec) {
    if (parts.length != n) {
      throw new IllegalArgumentException(
          "not a latency spec: \""
              + spec
              + "\" (use 2ms, constant:2ms, uniform:1ms:3ms, lognormal:1ms:0.5 or exp:1ms:2ms)");
    }
  }

  /**
   * Draws one latency.
   *
   * @param rng the simulation's generator (untouched for a constant model, so adding a constant
   *     latency does not shift other random streams)
   * @return nanoseconds, never negative
   */
  public long sample(Rng rng) {
    switch (kind) {
      case CONSTANT:
        return a;
      case UNIFORM:
        return a + (long) (rng.nextDouble() * (b - a + 1));
      case LOGNORMAL:
        return (long) (a * StrictMath.exp(sigma * rng.nextGaussian()));
      case EXPONENTIAL:
        return a + (long) (b * rng.nextExponential(1.0));
      default:
        throw new IllegalStateException(kind.name());
    }
  }

  /**
   * Whether every sample is the same.
   *
   * @return true for a constant model
   */
  public boolean isConstant() {
    return kind == Kind.CONSTANT;
  }

  @Override
  public String toString() {
    return spec;
  }
}
