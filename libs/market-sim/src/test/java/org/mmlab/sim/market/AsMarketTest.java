package org.mmlab.sim.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.Side;
import org.mmlab.sim.Fees;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.core.Durations;
import org.mmlab.sim.core.LatencyModel;

class AsMarketTest {

  @Test
  void quoteFillsAtThePapersIntensity() {
    // No volatility, so the distance of the quote from the mid stays exactly delta and the
    // fill rate must be A * exp(-k * delta).
    AsParams p = new AsParams(10_000, 0.0, 3.0, 0.5, 0.1, 1, 10);
    MarketConditions c =
        new MarketConditions(LatencyModel.constant(0), LatencyModel.constant(0), Fees.NONE, 5);
    AsMarket m = new AsMarket("as", MarketFactory.create("zi", c).instrument(), p, c);
    RecordingListener l = new RecordingListener();
    l.keepLog = false;
    m.setListener(l);
    m.reset(4);
    long id = 1;
    long seconds = 20_000;
    m.submit(id, Side.ASK, OrderType.POST_ONLY, 10_002, 1_000_000);
    m.advanceTo(m.now() + seconds * Durations.SECOND);
    double rate = l.fills.size() / (double) seconds;
    double expected = 3.0 * Math.exp(-0.5 * 2);
    // Poisson count: standard error sqrt(n)/T.
    assertThat(rate).isCloseTo(expected, within(4 * Math.sqrt(expected / seconds)));
  }

  @Test
  void crossingPostOnlyIsRejectedAndMarketOrdersFillAtTheSyntheticBest() {
    MarketConditions c = MarketConditions.DEFAULT;
    AsMarket m =
        new AsMarket("as", MarketFactory.create("zi", c).instrument(), AsParams.DEFAULT, c);
    RecordingListener l = new RecordingListener();
    m.setListener(l);
    m.reset(2);
    m.advanceTo(m.now() + Durations.MILLISECOND * 2);
    long ask = l.lastAsk;
    m.submit(1, Side.BID, OrderType.POST_ONLY, ask + 5, 1);
    m.submit(2, Side.BID, OrderType.MARKET, 0, 2);
    m.advanceTo(m.now() + Durations.MILLISECOND * 3);
    assertThat(l.log)
        .anyMatch(s -> s.startsWith("rejected") && s.endsWith("POST_ONLY_WOULD_CROSS"));
    assertThat(l.fills).hasSize(1);
    assertThat(l.fills.get(0)[4]).isEqualTo(2);
    assertThat(l.fills.get(0)[6]).isZero();
  }

  @Test
  void instrumentIsSynthetic() {
    Instrument i = MarketFactory.create("as", MarketConditions.DEFAULT).instrument();
    assertThat(i.tickSize().toPlainString()).isEqualTo("0.01");
  }
}
