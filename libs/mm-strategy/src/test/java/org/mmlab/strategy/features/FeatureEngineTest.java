package org.mmlab.strategy.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FeatureEngineTest {
  private static final long S = 1_000_000_000L;
  private static final long MS = 1_000_000L;

  private final FeatureEngine engine = new FeatureEngine();

  /** One level per side. */
  private void book(long t, long bid, long bidSize, long ask, long askSize) {
    engine.onBook(
        t, new long[] {bid}, new long[] {bidSize}, new long[] {ask}, new long[] {askSize}, 1);
  }

  @Test
  void namesAndIndicesAreFixed() {
    assertThat(FeatureEngine.COUNT).isEqualTo(12);
    assertThat(FeatureEngine.names())
        .containsExactly(
            "mid_price",
            "spread",
            "relative_spread",
            "bid_depth",
            "ask_depth",
            "depth_imbalance",
            "order_flow_imbalance",
            "return_1s",
            "return_5s",
            "realized_volatility",
            "avg_trade_volume",
            "mid_skew");
    assertThat(FeatureEngine.name(FeatureEngine.MID_SKEW)).isEqualTo("mid_skew");
  }

  @Test
  void allZeroBeforeAnyBook() {
    double[] out = new double[FeatureEngine.COUNT];
    engine.values(out);
    assertThat(out).containsOnly(0.0);
    assertThat(engine.hasMid()).isFalse();
  }

  @Test
  void topOfBookAndDepthFeatures() {
    long[] bidPx = {100, 99, 98, 97, 96, 95};
    long[] bidSz = {10, 20, 30, 40, 50, 60};
    long[] askPx = {102, 103, 104, 105, 106, 107};
    long[] askSz = {5, 15, 25, 35, 45, 55};
    engine.onBook(0, bidPx, bidSz, askPx, askSz, 6);

    assertThat(engine.value(FeatureEngine.MID)).isEqualTo(101.0);
    assertThat(engine.value(FeatureEngine.SPREAD)).isEqualTo(2.0);
    assertThat(engine.value(FeatureEngine.RELATIVE_SPREAD)).isCloseTo(2.0 / 101.0, within(1e-15));
    // Top 5 levels only: the 6th (60 and 55 lots) is left out.
    assertThat(engine.value(FeatureEngine.BID_DEPTH)).isEqualTo(150.0);
    assertThat(engine.value(FeatureEngine.ASK_DEPTH)).isEqualTo(125.0);
    assertThat(engine.value(FeatureEngine.DEPTH_IMBALANCE)).isCloseTo(25.0 / 275.0, within(1e-15));
    // microprice = (100·5 + 102·10) / 15 = 101.333…, minus mid 101.
    assertThat(engine.value(FeatureEngine.MID_SKEW)).isCloseTo(1.0 / 3.0, within(1e-12));
    // The first book is the OFI reference; no history, no trades yet.
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isZero();
    assertThat(engine.value(FeatureEngine.RETURN_1S)).isZero();
    assertThat(engine.value(FeatureEngine.RETURN_5S)).isZero();
    assertThat(engine.value(FeatureEngine.REALIZED_VOLATILITY)).isZero();
    assertThat(engine.value(FeatureEngine.AVG_TRADE_VOLUME)).isZero();

    double[] out = new double[FeatureEngine.COUNT];
    engine.values(out);
    for (int i = 0; i < FeatureEngine.COUNT; i++) {
      assertThat(out[i]).isEqualTo(engine.value(i));
    }
  }

  @Test
  void depthLevelsAreConfigurable() {
    FeatureEngine two = new FeatureEngine(FeatureConfig.defaults().withDepthLevels(2));
    two.onBook(
        0,
        new long[] {100, 99, 98},
        new long[] {10, 20, 30},
        new long[] {102, 103},
        new long[] {5, 15},
        3);
    // Asymmetric level counts through the 6-argument overload's sibling.
    two.onBook(
        1,
        new long[] {100, 99, 98},
        new long[] {10, 20, 30},
        3,
        new long[] {102},
        new long[] {5},
        1);
    assertThat(two.value(FeatureEngine.BID_DEPTH)).isEqualTo(30.0);
    assertThat(two.value(FeatureEngine.ASK_DEPTH)).isEqualTo(5.0);
    assertThat(two.value(FeatureEngine.DEPTH_IMBALANCE)).isCloseTo(25.0 / 35.0, within(1e-15));
  }

  @Test
  void orderFlowImbalanceFollowsContKukanovStoikovOverOneSecond() {
    book(0, 100, 10, 102, 5); // reference
    book(100 * MS, 100, 15, 102, 5); // bid size +5 at same price: e = 15 − 10 = +5
    book(200 * MS, 101, 3, 102, 5); // bid price up: e = +3
    book(300 * MS, 101, 3, 102, 8); // ask size up at same price: e = −8 + 5 = −3
    book(400 * MS, 100, 7, 102, 8); // bid price down: e = −3 (the old best bid left)
    book(500 * MS, 100, 7, 103, 4); // ask price up: e = +8 (the old best ask left)
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isEqualTo(10.0);

    // The window is (now − 1 s, now]: entries roll off as time advances without events.
    engine.advanceTime(1150 * MS);
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isEqualTo(5.0);
    engine.advanceTime(1250 * MS);
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isEqualTo(2.0);
    engine.advanceTime(1300 * MS); // an entry exactly 1 s old is out
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isEqualTo(5.0);
    engine.advanceTime(1500 * MS);
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isZero();
  }

  @Test
  void orderFlowImbalanceTreatsAnEmptySideAsInfinitelyFar() {
    book(0, 100, 7, 103, 4);
    engine.onBook(S / 10, new long[0], new long[0], 0, new long[] {103}, new long[] {4}, 1);
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isEqualTo(-7.0); // bid vanished
    book(S / 5, 100, 6, 103, 4);
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isEqualTo(-1.0); // bid came back
    engine.onBook(3 * S / 10, new long[] {100}, new long[] {6}, 1, new long[0], new long[0], 0);
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isEqualTo(3.0); // ask vanished
  }

  @Test
  void oneSidedBookKeepsTheLastMid() {
    book(0, 100, 10, 102, 30);
    engine.onBook(S, new long[] {99}, new long[] {10}, 1, new long[0], new long[0], 0);
    assertThat(engine.value(FeatureEngine.MID)).isEqualTo(101.0);
    assertThat(engine.value(FeatureEngine.SPREAD)).isEqualTo(2.0);
    assertThat(engine.value(FeatureEngine.MID_SKEW)).isCloseTo(-0.5, within(1e-12));
    assertThat(engine.value(FeatureEngine.ASK_DEPTH)).isZero();
    assertThat(engine.value(FeatureEngine.DEPTH_IMBALANCE)).isEqualTo(1.0);
  }

  @Test
  void returnsAreTickChangesOfTheMidInForce() {
    book(0, 100, 1, 102, 1); // mid 101
    book(S / 2, 101, 1, 103, 1); // mid 102
    book(2 * S, 99, 1, 101, 1); // mid 100
    // mid(2 s) − mid(1 s) = 100 − 102; less than 5 s of history: since the first mid (101).
    assertThat(engine.value(FeatureEngine.RETURN_1S)).isEqualTo(-2.0);
    assertThat(engine.value(FeatureEngine.RETURN_5S)).isEqualTo(-1.0);
    engine.advanceTime(5200 * MS);
    assertThat(engine.value(FeatureEngine.RETURN_1S)).isZero(); // mid(4.2 s) = 100
    assertThat(engine.value(FeatureEngine.RETURN_5S)).isEqualTo(-1.0); // mid(0.2 s) = 101
    engine.advanceTime(5600 * MS);
    assertThat(engine.value(FeatureEngine.RETURN_5S)).isEqualTo(-2.0); // mid(0.6 s) = 102
    engine.advanceTime(7 * S);
    assertThat(engine.value(FeatureEngine.RETURN_5S)).isZero(); // mid(2 s) = 100
  }

  @Test
  void realizedVolatilityIsTheStdOfOneSecondMidChanges() {
    book(S / 2, 99, 1, 101, 1); // mid 100
    book(3 * S / 2, 100, 1, 102, 1); // mid 101
    book(5 * S / 2, 102, 1, 104, 1); // mid 103
    book(7 * S / 2, 101, 1, 103, 1); // mid 102
    engine.advanceTime(4 * S);
    // Grid mids at 1, 2, 3, 4 s: 100, 101, 103, 102 → changes 0, +1, +2, −1 (the first from the
    // first mid seen); sample variance = 5/3.
    assertThat(engine.value(FeatureEngine.REALIZED_VOLATILITY))
        .isCloseTo(Math.sqrt(5.0 / 3.0), within(1e-12));

    FeatureEngine windowed = new FeatureEngine(new FeatureConfig(5, S, 3 * S, S, 60 * S, 16));
    long[][] mids = {{99, 101}, {100, 102}, {102, 104}, {101, 103}};
    for (int i = 0; i < mids.length; i++) {
      windowed.onBook(
          (2L * i + 1) * S / 2,
          new long[] {mids[i][0]},
          new long[] {1},
          new long[] {mids[i][1]},
          new long[] {1},
          1);
    }
    windowed.advanceTime(4 * S);
    // Last three changes only: +1, +2, −1 → variance 21/9.
    assertThat(windowed.value(FeatureEngine.REALIZED_VOLATILITY))
        .isCloseTo(Math.sqrt(21.0 / 9.0), within(1e-12));
  }

  @Test
  void averageTradeVolumeOverSixtySeconds() {
    book(0, 100, 1, 102, 1);
    engine.onTrade(S, 102, 10, true);
    engine.onTrade(2 * S, 100, 20, false);
    engine.onTrade(30 * S, 102, 30, true);
    assertThat(engine.value(FeatureEngine.AVG_TRADE_VOLUME)).isEqualTo(20.0);
    engine.advanceTime(61500 * MS);
    assertThat(engine.value(FeatureEngine.AVG_TRADE_VOLUME)).isEqualTo(25.0);
    engine.advanceTime(62 * S);
    assertThat(engine.value(FeatureEngine.AVG_TRADE_VOLUME)).isEqualTo(30.0);
    engine.advanceTime(100 * S);
    assertThat(engine.value(FeatureEngine.AVG_TRADE_VOLUME)).isZero();
  }

  @Test
  void timeGoingBackwardsIsTreatedAsTheLatestTime() {
    book(2 * S, 100, 10, 102, 5);
    book(S, 100, 15, 102, 5); // stamped earlier: counted at 2 s
    engine.advanceTime(2900 * MS);
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isEqualTo(5.0);
    engine.advanceTime(3 * S);
    assertThat(engine.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isZero();
  }

  @Test
  void windowsGrowPastTheirInitialCapacity() {
    FeatureEngine small = new FeatureEngine(new FeatureConfig(5, S, 60 * S, S, 60 * S, 2));
    small.onBook(0, new long[] {100}, new long[] {1}, new long[] {102}, new long[] {1}, 1);
    for (int i = 1; i <= 100; i++) {
      small.onTrade(i * MS, 101, i, true);
      small.onBook(
          i * MS, new long[] {100 + (i % 2)}, new long[] {1}, new long[] {102}, new long[] {1}, 1);
    }
    assertThat(small.value(FeatureEngine.AVG_TRADE_VOLUME)).isEqualTo(50.5);
    // Bid alternates 101/100 at size 1: e = +1, −1, +1, ... ; 50 ups and 50 downs.
    assertThat(small.value(FeatureEngine.ORDER_FLOW_IMBALANCE)).isZero();
    assertThat(small.value(FeatureEngine.RETURN_1S)).isZero(); // mid back to 101 at 100 ms
  }

  @Test
  void resetForgetsEverything() {
    book(0, 100, 10, 102, 5);
    engine.onTrade(1, 101, 3, true);
    engine.reset();
    double[] out = new double[FeatureEngine.COUNT];
    engine.values(out);
    assertThat(out).containsOnly(0.0);
    assertThat(engine.timeNanos()).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void rejectsBadConfigurationAndIndex() {
    assertThatThrownBy(() -> new FeatureConfig(0, S, 60 * S, S, S, 8))
        .hasMessageContaining("depthLevels");
    assertThatThrownBy(() -> new FeatureConfig(5, S, S, S, S, 8))
        .hasMessageContaining("volatilityWindowNanos");
    assertThatThrownBy(() -> engine.value(12)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
