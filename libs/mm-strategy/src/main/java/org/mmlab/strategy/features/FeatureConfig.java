package org.mmlab.strategy.features;

/**
 * Settings of a {@link FeatureEngine}.
 *
 * @param depthLevels price levels per side summed into bid/ask depth, {@code 1..1000}; default 5
 * @param ofiWindowNanos window of the order-flow imbalance sum, {@code > 0}; default 1 s
 * @param volatilityWindowNanos window of realized volatility, a multiple of the sample interval
 *     holding at least two samples; default 60 s
 * @param volatilitySampleNanos grid step on which the mid is sampled for realized volatility,
 *     {@code > 0}; default 1 s
 * @param tradeWindowNanos window of the average trade volume, {@code > 0}; default 60 s
 * @param initialCapacity entries preallocated per time window ring, {@code > 0}; default 1024
 */
public record FeatureConfig(
    int depthLevels,
    long ofiWindowNanos,
    long volatilityWindowNanos,
    long volatilitySampleNanos,
    long tradeWindowNanos,
    int initialCapacity) {

  /** One second in nanoseconds. */
  public static final long SECOND = 1_000_000_000L;

  /** Validates every field; messages name the field. */
  public FeatureConfig {
    if (depthLevels < 1 || depthLevels > 1000) {
      throw new IllegalArgumentException("depthLevels must be in 1..1000, got " + depthLevels);
    }
    if (ofiWindowNanos <= 0) {
      throw new IllegalArgumentException("ofiWindowNanos must be > 0, got " + ofiWindowNanos);
    }
    if (volatilitySampleNanos <= 0) {
      throw new IllegalArgumentException(
          "volatilitySampleNanos must be > 0, got " + volatilitySampleNanos);
    }
    if (volatilityWindowNanos < 2 * volatilitySampleNanos
        || volatilityWindowNanos % volatilitySampleNanos != 0) {
      throw new IllegalArgumentException(
          "volatilityWindowNanos must be a multiple of volatilitySampleNanos holding at least two"
              + " samples, got "
              + volatilityWindowNanos);
    }
    if (tradeWindowNanos <= 0) {
      throw new IllegalArgumentException("tradeWindowNanos must be > 0, got " + tradeWindowNanos);
    }
    if (initialCapacity <= 0) {
      throw new IllegalArgumentException("initialCapacity must be > 0, got " + initialCapacity);
    }
  }

  /**
   * The defaults: 5 levels, OFI over 1 s, volatility of 1 s mid changes over 60 s, trade volume
   * over 60 s.
   *
   * @return the default configuration
   */
  public static FeatureConfig defaults() {
    return new FeatureConfig(5, SECOND, 60 * SECOND, SECOND, 60 * SECOND, 1024);
  }

  /**
   * A copy with another depth.
   *
   * @param levels levels per side
   * @return the new configuration
   */
  public FeatureConfig withDepthLevels(int levels) {
    return new FeatureConfig(
        levels,
        ofiWindowNanos,
        volatilityWindowNanos,
        volatilitySampleNanos,
        tradeWindowNanos,
        initialCapacity);
  }

  /**
   * Number of samples in the realized-volatility window.
   *
   * @return window / sample interval
   */
  public int volatilitySamples() {
    return (int) (volatilityWindowNanos / volatilitySampleNanos);
  }
}
