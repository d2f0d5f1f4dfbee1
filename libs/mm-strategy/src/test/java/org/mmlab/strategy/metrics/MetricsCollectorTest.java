package org.mmlab.strategy.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmlab.lob.Side;

class MetricsCollectorTest {
  private static final long S = 1_000_000_000L;
  private static final double EPS = 1e-9;

  /** A 100-second "year" of 1 s steps: annualization by √100 = 10. */
  private static MetricsCollector collector() {
    return new MetricsCollector(new MetricsConfig(S, 100, true));
  }

  /**
   * Steps at 0..4 s with equity 0, 2, 1, 4, 3 and three fills:
   *
   * <pre>
   *   t     event                              inventory after
   *   0     step mid 100 spread 2; quote 99x1 / 101x1
   *   0.5   BUY 1 @ 99 (mid 100)                 1
   *   1     step mid 101 spread 1; quote 100x1 / 102x1
   *   2     step mid 100 spread 2; quote 99x1 / 101x2
   *   2.5   SELL 2 @ 102 (mid 100)              −1
   *   3     step mid 102 spread 1; quote 101x1 / none
   *   3.5   BUY 1 @ 101 (mid 100.5)              0
   *   4     step mid 101 spread 2; no quote
   *   6     mid 101
   * </pre>
   */
  private static MetricsCollector scripted() {
    MetricsCollector m = collector();
    m.onStep(0, 100, 2, 0, 0);
    m.onQuote(0, 99, 1, 101, 1);
    m.onFill(S / 2, Side.BID, 99, 1, 100);
    m.onStep(S, 101, 1, 2, 1);
    m.onQuote(S, 100, 1, 102, 1);
    m.onStep(2 * S, 100, 2, 1, 1);
    m.onQuote(2 * S, 99, 1, 101, 2);
    m.onFill(5 * S / 2, Side.ASK, 102, 2, 100);
    m.onStep(3 * S, 102, 1, 4, -1);
    m.onQuote(3 * S, 101, 1, 0, 0);
    m.onFill(7 * S / 2, Side.BID, 101, 1, 100.5);
    m.onStep(4 * S, 101, 2, 3, 0);
    m.onQuote(4 * S, 0, 0, 0, 0);
    m.onMid(6 * S, 101);
    return m;
  }

  @Test
  void handComputedEpisode() {
    EpisodeMetrics r = scripted().finish();
    assertThat(r.pnl()).isEqualTo(3.0);
    // Returns 2, −1, 3, −1: mean 0.75, sample variance 12.75 / 3 = 4.25.
    assertThat(r.sharpe()).isCloseTo(0.75 / Math.sqrt(4.25) * 10, within(EPS));
    // Downside deviation sqrt((1 + 1) / 4).
    assertThat(r.sortino()).isCloseTo(0.75 / Math.sqrt(0.5) * 10, within(EPS));
    assertThat(r.maxDrawdown()).isEqualTo(1.0);
    // Posted sides 2 + 2 + 2 + 1 + 0 = 7; filled: bid at 0, ask at 2, bid at 3.
    assertThat(r.quoteSidesPosted()).isEqualTo(7);
    assertThat(r.quoteSidesFilled()).isEqualTo(3);
    assertThat(r.fillRate()).isCloseTo(3.0 / 7.0, within(EPS));
    // |fill − mid| × size: 1 + 4 + 0.5 over 4 lots; signed: 1 + 4 − 0.5.
    assertThat(r.realizedSpread()).isCloseTo(5.5 / 4, within(EPS));
    assertThat(r.signedSpread()).isCloseTo(4.5 / 4, within(EPS));
    // 1 s later: mid(1.5) = 101 → +2; mid(3.5) = 100.5 (observed exactly then) → +3 for 2 lots;
    // mid(4.5) = 101 → 0. 5 s later only the first fill has a mid (101 at 5.5 s): +2.
    assertThat(r.realizedSpread1s()).isCloseTo(5.0 / 4, within(EPS));
    assertThat(r.realizedSpread5s()).isCloseTo(2.0, within(EPS));
    // Inventory 1 over [0.5, 2.5), −1 over [2.5, 3.5), 0 elsewhere, over 4 s.
    assertThat(r.twaInventory()).isCloseTo(0.25, within(EPS));
    assertThat(r.meanAbsPosition()).isCloseTo(0.75, within(EPS));
    assertThat(r.trades()).isEqualTo(3);
    assertThat(r.volume()).isEqualTo(4);
    assertThat(r.meanMarketSpread()).isCloseTo(1.6, within(EPS));
    assertThat(r.pnlPerSpread()).isCloseTo(3 / 1.6, within(EPS));
    assertThat(r.finalInventory()).isZero();
    assertThat(r.steps()).isEqualTo(5);
    assertThat(r.durationSeconds()).isEqualTo(4.0);
  }

  @Test
  void jsonMapHasTheRequiredKeysFirst() {
    Map<String, Object> json = scripted().finish().toJsonMap();
    assertThat(List.copyOf(json.keySet()).subList(0, 10))
        .containsExactly(
            "pnl",
            "sharpe",
            "sortino",
            "max_drawdown",
            "fill_rate",
            "realized_spread",
            "twa_inventory",
            "mean_abs_position",
            "trades",
            "volume");
    assertThat(json.get("trades")).isEqualTo(3L);
    assertThat(json.get("pnl")).isEqualTo(3.0);
  }

  @Test
  void undefinedMetricsAreNaNAndNullInJson() {
    MetricsCollector m = collector();
    m.onStep(0, 100, 2, 0, 0);
    m.onStep(S, 100, 2, 1, 0);
    m.onStep(2 * S, 100, 2, 2, 0);
    EpisodeMetrics r = m.finish();
    assertThat(r.sharpe()).isNaN(); // zero variance
    assertThat(r.sortino()).isNaN(); // no losing step
    assertThat(r.fillRate()).isNaN();
    assertThat(r.realizedSpread()).isNaN();
    assertThat(r.toJsonMap()).containsEntry("sharpe", null).containsEntry("fill_rate", null);
  }

  @Test
  void seriesRecordsStepsAndQuotes() {
    EpisodeSeries s = scripted().series();
    assertThat(s.size()).isEqualTo(5);
    assertThat(s.times()).containsExactly(0, 1, 2, 3, 4);
    assertThat(s.equities()).containsExactly(0, 2, 1, 4, 3);
    assertThat(s.inventories()).containsExactly(0, 1, 1, -1, 0);
    assertThat(s.bids()[3]).isEqualTo(101.0);
    assertThat(s.asks()[3]).isNaN();
    assertThat(s.asks()[4]).isNaN();
  }

  @Test
  void resetStartsOver() {
    MetricsCollector m = scripted();
    m.reset();
    m.onStep(10 * S, 100, 2, 5, 0);
    m.onStep(11 * S, 100, 2, 6, 0);
    EpisodeMetrics r = m.finish();
    assertThat(r.pnl()).isEqualTo(1.0);
    assertThat(r.trades()).isZero();
    assertThat(m.series().size()).isEqualTo(2);
  }

  @Test
  void annualizationDefaultsToAnEquityYear() {
    MetricsConfig c = MetricsConfig.defaults();
    assertThat(c.periodsPerYear()).isCloseTo(252 * 6.5 * 3600, within(1e-6));
    assertThat(new MetricsConfig(S / 10, 100, false).periodsPerYear()).isCloseTo(1000, within(EPS));
  }

  @Test
  void aggregateGivesMeanAndStandardError() {
    MetricsCollector a = collector();
    a.onStep(0, 100, 2, 0, 0);
    a.onStep(S, 100, 2, 1, 0);
    MetricsCollector b = collector();
    b.onStep(0, 100, 2, 0, 0);
    b.onStep(S, 100, 2, 3, 0);
    MetricsAggregate agg = MetricsAggregate.of(List.of(a.finish(), b.finish()));
    assertThat(agg.runs()).isEqualTo(2);
    assertThat(agg.stat("pnl").mean()).isEqualTo(2.0);
    // Sample std of {1, 3} is √2; over √2 runs: 1.
    assertThat(agg.stat("pnl").stdErr()).isCloseTo(1.0, within(EPS));
    assertThat(agg.stat("sharpe").n()).isZero(); // undefined in both
    @SuppressWarnings("unchecked")
    Map<String, Object> pnl =
        (Map<String, Object>) ((Map<String, Object>) agg.toJsonMap().get("metrics")).get("pnl");
    assertThat(pnl).containsEntry("mean", 2.0).containsEntry("n", 2);
  }
}
