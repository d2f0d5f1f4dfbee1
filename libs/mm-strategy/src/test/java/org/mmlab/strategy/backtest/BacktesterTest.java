package org.mmlab.strategy.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmlab.sim.MarketConditions;
import org.mmlab.strategy.StrategyRegistry;
import org.mmlab.strategy.features.FeatureConfig;
import org.mmlab.strategy.metrics.EpisodeMetrics;

class BacktesterTest {

  static BacktestResult run(String strategy, String market, int steps, long seed) {
    BacktestConfig config =
        new BacktestConfig(
            market,
            MarketConditions.DEFAULT,
            BacktestConfig.DEFAULT_INTERVAL,
            steps,
            50,
            FeatureConfig.defaults());
    return new Backtester(config)
        .run(() -> StrategyRegistry.builtIn().create(strategy, Map.of()), 2, seed, true);
  }

  @ParameterizedTest
  @CsvSource({
    "symmetric, zi", "avellaneda-stoikov, zi", "glft, zi", "random, zi",
    "symmetric, hawkes", "avellaneda-stoikov, as", "glft, as", "symmetric, as"
  })
  void everyStrategyTradesOnEveryModelMarket(String strategy, String market) {
    BacktestResult r = run(strategy, market, 400, 3);
    assertThat(r.episodes()).hasSize(2);
    for (EpisodeMetrics e : r.episodes()) {
      assertThat(e.trades()).as("%s on %s trades", strategy, market).isPositive();
      assertThat(e.fillRate()).isGreaterThan(0).isLessThanOrEqualTo(1);
      assertThat(Double.isFinite(e.pnl())).isTrue();
      assertThat(Math.abs(e.meanAbsPosition())).isLessThanOrEqualTo(51);
    }
    assertThat(r.firstSeries()).isNotNull();
  }

  @Test
  void sameSeedSameResultOtherSeedOtherResult() {
    assertThat(run("symmetric", "zi", 300, 7).episodes())
        .isEqualTo(run("symmetric", "zi", 300, 7).episodes());
    assertThat(run("symmetric", "zi", 300, 7).episodes())
        .isNotEqualTo(run("symmetric", "zi", 300, 8).episodes());
  }

  @Test
  void inventoryAwareMakersHoldLessInventoryThanSymmetric() {
    double sym = run("symmetric", "as", 1000, 11).aggregate().stat("mean_abs_position").mean();
    double as =
        run("avellaneda-stoikov", "as", 1000, 11).aggregate().stat("mean_abs_position").mean();
    assertThat(as).isLessThan(sym);
  }
}
