package org.mmlab.rl.env;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmlab.sim.MarketConditions;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.features.FeatureConfig;

class MarketMakingEnvTest {

  static EnvConfig config(String market, int steps, long maxInventory, String reward) {
    return new EnvConfig(
        new BacktestConfig(
            market,
            MarketConditions.DEFAULT,
            BacktestConfig.DEFAULT_INTERVAL,
            steps,
            maxInventory,
            FeatureConfig.defaults()),
        reward);
  }

  @Test
  void episodeIsTruncatedAtItsTimeLimit() {
    MarketMakingEnv env = new MarketMakingEnv(config("zi", 50, 1000, "spread-inventory"));
    float[] obs = env.reset(3);
    assertThat(obs).hasSize(13);
    assertThat(obs[0]).isGreaterThan(100f); // a mid in ticks
    MarketMakingEnv.Step s = null;
    for (int i = 0; i < 50; i++) {
      s = env.step(new int[] {2, 2, 0});
      if (i < 49) {
        assertThat(s.truncated).isFalse();
      }
    }
    assertThat(s.truncated).isTrue();
    assertThat(s.terminated).isFalse();
    MarketMakingEnv.Step last = s;
    assertThatThrownBy(() -> env.step(new int[] {2, 2, 0})).hasMessageContaining("reset");
    assertThat(last.observation).hasSize(13);
  }

  @Test
  void breachingTheInventoryLimitTerminates() {
    MarketMakingEnv env = new MarketMakingEnv(config("zi", 1000, 3, "spread-inventory"));
    env.reset(5);
    MarketMakingEnv.Step s = null;
    int i = 0;
    // Join the bid with 10 lots and never offer: the first big fill breaches 3 lots.
    do {
      s = env.step(new int[] {0, 10, 9});
      i++;
    } while (!s.terminated && !s.truncated);
    assertThat(s.terminated).isTrue();
    assertThat(Math.abs(s.inventory)).isGreaterThan(3);
    assertThat(i).isLessThan(1000);
  }

  @Test
  void defaultRewardIsSpreadCaptureMinusInventoryPenaltyPlusUnrealized() {
    StepOutcome o = new StepOutcome();
    o.spreadCapture = 3.0;
    o.inventory = -4;
    o.unrealizedPnl = 20.0;
    assertThat(RewardFunction.spreadInventory().reward(o))
        .isCloseTo(3.0 - 0.01 * 16 + 0.001 * 20, within(1e-12));
  }

  @Test
  void otherRewardsByHand() {
    StepOutcome o = new StepOutcome();
    o.spreadCapture = 2.0;
    o.previousInventory = 5;
    o.midChange = 1.5;
    o.equityChange = 9.5;
    assertThat(RewardFunction.pnl().reward(o)).isEqualTo(9.5);
    o.inventory = 3;
    assertThat(RewardFunction.pnlInventory().reward(o)).isCloseTo(9.5 - 0.09, within(1e-12));
    // Inventory P&L 7.5 is a gain: dampened by half.
    assertThat(RewardFunction.dampenedPnl(0.5).reward(o)).isCloseTo(2 + 7.5 - 3.75, within(1e-12));
    o.midChange = -1.5;
    assertThat(RewardFunction.dampenedPnl(0.5).reward(o)).isCloseTo(2 - 7.5, within(1e-12));
    assertThat(RewardFunction.cara(0.1).reward(o))
        .isCloseTo((1 - Math.exp(-0.95)) / 0.1, within(1e-12));
    o.equityChange = -1e9;
    assertThat(RewardFunction.cara(0.1).reward(o)).isFinite().isNegative();
    assertThatThrownBy(() -> RewardFunction.byName("sharpe")).hasMessageContaining("known rewards");
  }

  @Test
  void rewardMatchesTheSessionsFiguresEveryStep() {
    MarketMakingEnv env = new MarketMakingEnv(config("zi", 300, 1000, "spread-inventory"));
    env.reset(8);
    double spreadTotal = 0;
    for (int i = 0; i < 300; i++) {
      MarketMakingEnv.Step s = env.step(new int[] {1, 1, 2});
      double capture = env.session().stepSpreadCapture();
      double expected =
          capture
              - 0.01 * s.inventory * (double) s.inventory
              + 0.001 * env.session().account().unrealizedPnl(env.session().markPrice());
      assertThat(s.reward).isCloseTo(expected, within(1e-9));
      spreadTotal += capture;
      if (s.truncated) {
        break;
      }
    }
    assertThat(spreadTotal).isPositive();
  }

  @ParameterizedTest
  @ValueSource(strings = {"zi", "hawkes", "as"})
  void checkerFindsNothingWrong(String market) {
    EnvChecker.Report r = EnvChecker.check(config(market, 200, 50, "spread-inventory"), 500, 4);
    assertThat(r.problems()).isEmpty();
    assertThat(r.episodes()).isPositive();
  }

  @Test
  void badActionsAreRefused() {
    MarketMakingEnv env = new MarketMakingEnv(config("zi", 10, 50, "pnl"));
    env.reset(1);
    assertThatThrownBy(() -> env.step(new int[] {11, 0, 0})).hasMessageContaining("action[0]");
    assertThatThrownBy(() -> env.step(new int[] {0, 0})).hasMessageContaining("3 dimensions");
  }
}
