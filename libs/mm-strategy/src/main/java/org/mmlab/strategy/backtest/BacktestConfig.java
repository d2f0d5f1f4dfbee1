package org.mmlab.strategy.backtest;

import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.core.Durations;
import org.mmlab.strategy.features.FeatureConfig;

/**
 * How a backtest runs: the market, the conditions every market shares, and the episode shape.
 *
 * @param marketSpec the market, e.g. {@code zi} or {@code lobster:PATH}
 * @param conditions latencies, fees and published depth
 * @param intervalNanos decision interval (default 1 s)
 * @param steps decisions per episode (default 1000)
 * @param maxInventory inventory limit in lots (strategies stop quoting the side that would breach
 *     it)
 * @param features feature windows
 */
public record BacktestConfig(
    String marketSpec,
    MarketConditions conditions,
    long intervalNanos,
    int steps,
    long maxInventory,
    FeatureConfig features) {

  /** Default decision interval: 1 s of simulated time. */
  public static final long DEFAULT_INTERVAL = Durations.SECOND;

  /** Default episode length in decisions. */
  public static final int DEFAULT_STEPS = 1000;

  /** Default inventory limit in lots. */
  public static final long DEFAULT_MAX_INVENTORY = 50;

  /** Validates the fields. */
  public BacktestConfig {
    if (marketSpec == null || marketSpec.isBlank()) {
      throw new IllegalArgumentException("a market is required");
    }
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("decision interval must be positive");
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("steps per episode must be positive: " + steps);
    }
    if (maxInventory <= 0) {
      throw new IllegalArgumentException("max inventory must be positive: " + maxInventory);
    }
  }

  /**
   * The defaults on a market.
   *
   * @param marketSpec the market
   * @return the configuration
   */
  public static BacktestConfig defaults(String marketSpec) {
    return new BacktestConfig(
        marketSpec,
        MarketConditions.DEFAULT,
        DEFAULT_INTERVAL,
        DEFAULT_STEPS,
        DEFAULT_MAX_INVENTORY,
        FeatureConfig.defaults());
  }
}
