package org.mmlab.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.Fees;
import org.mmlab.sim.Market;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.core.Durations;
import org.mmlab.sim.core.LatencyModel;

class ZiMarketTest {
  static final long S = Durations.SECOND;

  static RecordingListener run(String spec, long seed, long seconds) {
    Market m = MarketFactory.create(spec, MarketConditions.DEFAULT);
    RecordingListener l = new RecordingListener();
    m.setListener(l);
    m.reset(seed);
    long start = m.now();
    for (long t = 1; t <= seconds; t++) {
      m.advanceTo(start + t * S);
    }
    return l;
  }

  @ParameterizedTest
  @ValueSource(strings = {"zi", "hawkes"})
  void defaultsGiveARealisticBook(String spec) {
    RecordingListener l = run(spec, 11, 2000);
    long within1to3 = l.spreads.stream().filter(s -> s >= 1 && s <= 3).count();
    assertThat(within1to3 / (double) l.spreads.size()).isGreaterThan(0.9);
    assertThat(l.spreads.stream().filter(s -> s <= 0).count()).isZero();
    // Depth on about 20 levels: the agent's 10-level snapshot is nearly always full.
    assertThat(l.bidLevelsSum / (double) l.books).isGreaterThan(9.0);
    assertThat(l.trades).isGreaterThan(1000);
  }

  @Test
  void bookHasAboutTwentyLevelsASide() {
    ZiMarket m = (ZiMarket) MarketFactory.create("zi", MarketConditions.DEFAULT);
    m.reset(3);
    double sum = 0;
    for (int t = 1; t <= 500; t++) {
      m.advanceTo(m.now() + S);
      sum += m.book().levelCount(Side.BID) + m.book().levelCount(Side.ASK);
    }
    assertThat(sum / 1000).isBetween(15.0, 25.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"zi", "hawkes", "as"})
  void sameSeedSameStreamOtherSeedOtherStream(String spec) {
    assertThat(run(spec, 5, 200).log).isEqualTo(run(spec, 5, 200).log);
    assertThat(run(spec, 5, 200).log).isNotEqualTo(run(spec, 6, 200).log);
  }

  @Test
  void hawkesArrivalsClusterMoreThanZi() {
    // Index of dispersion of book updates per second: near 1 for Poisson flow, larger when
    // arrivals excite each other.
    assertThat(dispersion("hawkes")).isGreaterThan(dispersion("zi") * 2);
  }

  private static double dispersion(String spec) {
    Market m = MarketFactory.create(spec, MarketConditions.DEFAULT);
    long[] count = new long[1];
    m.setListener(
        new org.mmlab.sim.MarketListener() {
          @Override
          public void onBook(long t, org.mmlab.sim.BookSnapshot book) {
            count[0]++;
          }
        });
    m.reset(9);
    int n = 3000;
    double sum = 0;
    double sum2 = 0;
    for (int i = 0; i < n; i++) {
      count[0] = 0;
      m.advanceTo(m.now() + S);
      sum += count[0];
      sum2 += count[0] * (double) count[0];
    }
    double mean = sum / n;
    return (sum2 / n - mean * mean) / mean;
  }

  @Test
  void agentOrdersArriveAfterLatencyAndTradeWithTheFlow() {
    MarketConditions c =
        new MarketConditions(
            LatencyModel.constant(5 * Durations.MILLISECOND),
            LatencyModel.constant(2 * Durations.MILLISECOND),
            Fees.rates(-0.0001, 0.0003),
            10);
    ZiMarket m =
        new ZiMarket("zi", MarketFactory.create("zi", c).instrument(), ZiParams.DEFAULT, c);
    RecordingListener l = new RecordingListener();
    m.setListener(l);
    m.reset(21);
    long t0 = m.now();
    long bid = m.book().bestBid();
    m.submit(1, Side.BID, OrderType.POST_ONLY, bid, 3);
    m.submit(2, Side.ASK, OrderType.POST_ONLY, bid, 3);
    m.advanceTo(t0 + 4 * Durations.MILLISECOND);
    assertThat(m.book().remainingSize(1)).isZero();
    m.advanceTo(t0 + 6 * Durations.MILLISECOND);
    assertThat(m.book().remainingSize(1)).isEqualTo(3);
    // The acknowledgement travels back with the market-data latency.
    assertThat(l.log).noneMatch(s -> s.startsWith("accepted"));
    m.advanceTo(t0 + 7 * Durations.MILLISECOND);
    assertThat(l.log).contains("accepted " + (t0 + 7 * Durations.MILLISECOND) + " 1");
    assertThat(l.log)
        .contains(
            "rejected "
                + (t0 + 7 * Durations.MILLISECOND)
                + " 2 "
                + RejectReason.POST_ONLY_WOULD_CROSS);
    // Sooner or later the flow's market orders fill the resting bid, as maker, with the rebate.
    for (int i = 0; i < 600 && l.fills.isEmpty(); i++) {
      m.advanceTo(m.now() + S);
    }
    assertThat(l.fills).isNotEmpty();
    long[] f = l.fills.get(0);
    assertThat(f[1]).isEqualTo(1);
    assertThat(f[3]).isEqualTo(bid);
    assertThat(f[6]).isEqualTo(1);
    assertThat(l.log.stream().filter(s -> s.startsWith("fill")).findFirst().orElseThrow())
        .endsWith(String.valueOf(-0.0001 * bid * f[4]));
  }

  @Test
  void agentIdsOutsideTheirRangeAreRejected() {
    Market m = MarketFactory.create("zi", MarketConditions.DEFAULT);
    RecordingListener l = new RecordingListener();
    m.setListener(l);
    m.reset(1);
    m.submit(Market.MAX_AGENT_ORDER_ID + 1, Side.BID, OrderType.LIMIT, 9000, 1);
    m.advanceTo(m.now() + S);
    assertThat(l.log).anyMatch(s -> s.startsWith("rejected") && s.endsWith("BAD_ORDER_ID"));
  }

  @Test
  void timeCannotGoBack() {
    Market m = MarketFactory.create("zi", MarketConditions.DEFAULT);
    m.reset(1);
    m.advanceTo(m.now() + S);
    assertThatThrownBy(() -> m.advanceTo(m.now() - 1)).hasMessageContaining("cannot go back");
  }

  @Test
  void specsAreParsedWithClearErrors(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> MarketFactory.create("moon", MarketConditions.DEFAULT))
        .hasMessageContaining("unknown market \"moon\"")
        .hasMessageContaining("zi");
    assertThatThrownBy(() -> MarketFactory.create("zi:/no/such.json", MarketConditions.DEFAULT))
        .hasMessageContaining("not found");
    Path file = dir.resolve("zi.json");
    MarketFactory.writeZiParams(ZiParams.DEFAULT, file);
    assertThat(MarketFactory.ziParams(file.toString())).isEqualTo(ZiParams.DEFAULT);
    java.nio.file.Files.writeString(file, "{\"levels\": 0}");
    assertThatThrownBy(() -> MarketFactory.ziParams(file.toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zi.json");
  }
}
