package org.mmlab.strategy.metrics;

/**
 * Settings of a {@link MetricsCollector}.
 *
 * @param stepNanos the decision interval between {@link MetricsCollector#onStep} calls, used to
 *     annualize Sharpe and Sortino, {@code > 0}; default 1 s
 * @param tradingSecondsPerYear trading time in a year, seconds, {@code > 0}; default 252 days × 6.5
 *     h = 5,896,800 s (an equity-market year; use 365 × 86,400 for a 24/7 crypto market)
 * @param recordSeries whether to keep the per-step series for charts ({@link EpisodeSeries}); one
 *     row per step
 */
public record MetricsConfig(long stepNanos, double tradingSecondsPerYear, boolean recordSeries) {

  /** 252 trading days of 6.5 hours, in seconds. */
  public static final double EQUITY_YEAR_SECONDS = 252 * 6.5 * 3600;

  /** Validates; messages name the field. */
  public MetricsConfig {
    if (stepNanos <= 0) {
      throw new IllegalArgumentException("stepNanos must be > 0, got " + stepNanos);
    }
    if (!(tradingSecondsPerYear > 0) || Double.isInfinite(tradingSecondsPerYear)) {
      throw new IllegalArgumentException(
          "tradingSecondsPerYear must be > 0, got " + tradingSecondsPerYear);
    }
  }

  /**
   * The defaults: 1 s steps, an equity-market year, series recorded.
   *
   * @return the default configuration
   */
  public static MetricsConfig defaults() {
    return new MetricsConfig(1_000_000_000L, EQUITY_YEAR_SECONDS, true);
  }

  /**
   * Steps per trading year: {@code tradingSecondsPerYear / step length in seconds}.
   *
   * @return the annualization count; Sharpe and Sortino scale by its square root
   */
  public double periodsPerYear() {
    return tradingSecondsPerYear / (stepNanos / 1e9);
  }
}
