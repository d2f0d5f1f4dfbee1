package org.mmlab.rl.env;

import org.mmlab.strategy.backtest.BacktestConfig;

/**
 * How an environment is built: the market and episode shape (shared with backtests, so the agent is
 * evaluated on exactly what it trained on) and the reward.
 *
 * @param market market, conditions, decision interval, episode length and inventory limit
 * @param reward name of the reward function ({@link RewardFunction#KNOWN})
 */
public record EnvConfig(BacktestConfig market, String reward) {

  /** Validates the reward name. */
  public EnvConfig {
    if (market == null) {
      throw new IllegalArgumentException("market configuration is required");
    }
    RewardFunction.byName(reward);
  }

  /**
   * The defaults of DESIGN.md on a market: 1 s decisions, 1000-step episodes, the spread-inventory
   * reward.
   *
   * @param marketSpec the market
   * @return the configuration
   */
  public static EnvConfig defaults(String marketSpec) {
    return new EnvConfig(BacktestConfig.defaults(marketSpec), "spread-inventory");
  }
}
