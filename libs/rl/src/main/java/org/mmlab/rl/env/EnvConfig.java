package org.mmlab.rl.env;

import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.strategy.backtest.BacktestConfig;

/**
 * How an environment is built: the market and episode shape (shared with backtests, so the agent is
 * evaluated on exactly what it trained on), the reward, and optionally the predictor whose score is
 * the 14th observation.
 *
 * @param market market, conditions, decision interval, episode length and inventory limit
 * @param reward name of the reward function ({@link RewardFunction#KNOWN})
 * @param predictor the predictor, or null for the 13-value observation
 */
public record EnvConfig(BacktestConfig market, String reward, PredictorBundle predictor) {

  /** Validates the reward name. */
  public EnvConfig {
    if (market == null) {
      throw new IllegalArgumentException("market configuration is required");
    }
    RewardFunction.byName(reward);
  }

  /**
   * A configuration without the predictor.
   *
   * @param market market and episode shape
   * @param reward reward function name
   */
  public EnvConfig(BacktestConfig market, String reward) {
    this(market, reward, null);
  }

  /**
   * The defaults of DESIGN.md on a market: 1 s decisions, 1000-step episodes, the spread-inventory
   * reward, no predictor.
   *
   * @param marketSpec the market
   * @return the configuration
   */
  public static EnvConfig defaults(String marketSpec) {
    return new EnvConfig(BacktestConfig.defaults(marketSpec), "spread-inventory");
  }

  /**
   * The same with a predictor.
   *
   * @param bundle the predictor, or null for none
   * @return a new configuration
   */
  public EnvConfig withPredictor(PredictorBundle bundle) {
    return new EnvConfig(market, reward, bundle);
  }

  /**
   * Observation length: {@value Observations#SIZE}, or {@value Observations#SIZE_WITH_PREDICTOR}
   * with the predictor.
   *
   * @return the length
   */
  public int observationSize() {
    return Observations.size(predictor != null);
  }
}
