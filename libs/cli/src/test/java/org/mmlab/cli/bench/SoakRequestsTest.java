package org.mmlab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.PriceLevel;
import org.mmlab.client.LocalBook;

/** The soak's orders against the gateway's price band, on the books the soak's own flow makes. */
class SoakRequestsTest {
  private static final InstrumentInfo SIM =
      new InstrumentInfo("SIM", new BigDecimal("0.01"), BigDecimal.ONE);
  private static final Pattern FIELDS =
      Pattern.compile("\"side\":\"(BUY|SELL)\",\"type\":\"(IOC|LIMIT)\",\"price\":([0-9.]+)");
  private static final double GATEWAY_BAND_PERCENT = 5;

  /** The gateway's band centre (OrderStore.midTicks): both bests, or the one present. */
  private static double gatewayMid(long bid, long ask) {
    if (bid > 0 && ask > 0) {
      return (bid + ask) / 2.0;
    }
    return bid > 0 ? bid : ask;
  }

  private static PriceLevel level(long ticks, long lots) {
    return new PriceLevel(SIM.price(ticks), SIM.size(lots));
  }

  private static List<SoakCommand.Client> clients(long position) {
    SoakCommand.Client c = new SoakCommand.Client("k", new SoakLedger());
    c.positionLots.set(position);
    return List.of(c);
  }

  /** Price of request {@code i} in ticks, its side and type. */
  private record Order(boolean buy, boolean ioc, long ticks) {}

  private static Order order(OpenLoopLoad.Request r) {
    Matcher m = FIELDS.matcher(r.body());
    assertThat(m.find()).as(r.body()).isTrue();
    return new Order(
        m.group(1).equals("BUY"),
        m.group(2).equals("IOC"),
        SIM.ticksOrInvalid(new BigDecimal(m.group(3))));
  }

  @Test
  void anEmptyAskSideIsPricedFromTheBidsNotFromItsLastPrice() {
    // What the 10-minute runs hit: the load's one-lot IOCs empty the ask side of the zi book, the
    // bids move on (here 6% down), and the gateway centres its band on the best bid alone.
    LocalBook local = new LocalBook();
    local.apply(
        new BookSnapshot(
            1,
            0,
            "zi",
            SIM,
            List.of(level(9_999, 3)),
            List.of(level(10_000, 2), level(10_003, 1))));
    BookWatch watch = new BookWatch();
    watch.onSnapshot(local, 0);
    local.apply(
        new BookUpdate(2, 0, List.of(), List.of(level(10_000, 0), level(10_003, 0)))); // asks gone
    watch.onBook(local, 0);
    local.apply(new BookUpdate(3, 0, List.of(level(9_999, 0), level(9_400, 4)), List.of()));
    watch.onBook(local, 0);

    BookWatch.Top top = watch.top();
    assertThat(top.bid()).isEqualTo(9_400);
    assertThat(top.ask()).isZero();
    assertThat(top.askOrMid()).isEqualTo(9_400);
    assertThat(watch.bestAsk()).isEqualTo(9_400);
    // A short client's resting sell (kind 8) goes 3–7 ticks above the bids, not above 100.00.
    SoakCommand.Client c = clients(1).get(0);
    Order sell = order(SoakCommand.request(8, List.of(c), top, SIM, "t"));
    assertThat(sell.buy()).isFalse();
    assertThat(sell.ticks()).isBetween(9_403L, 9_407L);
    double mid = gatewayMid(top.bid(), top.ask());
    assertThat(Math.abs(sell.ticks() - mid) / mid * 100).isLessThan(GATEWAY_BAND_PERCENT);
  }

  @Test
  void aBookThatEmptiesKeepsTheLastMid() {
    LocalBook local = new LocalBook();
    local.apply(
        new BookSnapshot(1, 0, "zi", SIM, List.of(level(9_990, 1)), List.of(level(10_010, 1))));
    BookWatch watch = new BookWatch();
    watch.onSnapshot(local, 0);
    local.apply(new BookUpdate(2, 0, List.of(level(9_990, 0)), List.of(level(10_010, 0))));
    watch.onBook(local, 0);
    assertThat(watch.top().bid()).isZero();
    assertThat(watch.top().ask()).isZero();
    assertThat(watch.top().mid()).isEqualTo(10_000.0);
    assertThat(watch.bestBid()).isEqualTo(10_000);
  }

  @Test
  void withinBandClampsToTheBandAndOneTick() {
    assertThat(SoakCommand.withinBand(10_000, 10_000)).isEqualTo(10_000);
    assertThat(SoakCommand.withinBand(11_000, 10_000)).isEqualTo(10_400);
    assertThat(SoakCommand.withinBand(9_000, 10_000)).isEqualTo(9_600);
    assertThat(SoakCommand.withinBand(-4, 3)).isEqualTo(3);
    assertThat(SoakCommand.withinBand(0, 0.5)).isEqualTo(1);
  }

  /**
   * Random books as the soak's flow leaves them (tight, wide, one-sided), random positions: every
   * order is inside the gateway's band and at least one tick, and the IOCs meant to miss the book
   * do not cross it.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 2026})
  void everyOrderIsInsideTheGatewayBand(long seed) {
    Random r = new Random(seed);
    for (int n = 0; n < 2_000; n++) {
      // From 10 $ at a cent tick: below, 4% of the mid is less than the 5 ticks an IOC keeps
      // outside the spread, and the band wins over staying outside.
      long center = 1_000 + r.nextInt(20_000);
      long half = 1 + (long) (center * r.nextDouble() * (r.nextBoolean() ? 0.002 : 0.15));
      long bid = Math.max(1, center - half);
      long ask = center + half;
      switch (r.nextInt(4)) {
        case 0 -> bid = 0;
        case 1 -> ask = 0;
        default -> {}
      }
      BookWatch.Top top = new BookWatch.Top(bid, ask, center);
      List<SoakCommand.Client> cs = clients(r.nextInt(21) - 10);
      List<Order> orders = new ArrayList<>();
      for (long i = 0; i < 20; i++) {
        orders.add(order(SoakCommand.request(i, cs, top, SIM, "t")));
      }
      double mid = gatewayMid(bid, ask);
      for (int k = 0; k < orders.size(); k++) {
        Order o = orders.get(k);
        String what = "book " + top + ", order " + o;
        assertThat(o.ticks()).as(what).isPositive();
        assertThat(Math.abs(o.ticks() - mid) / mid * 100)
            .as(what)
            .isLessThanOrEqualTo(SoakCommand.MAX_FROM_MID * 100 + 100.0 / mid);
        if (k % 10 < 7) { // the IOCs priced outside the spread
          if (o.buy() && ask > 0) {
            assertThat(o.ticks()).as(what).isLessThan(ask);
          }
          if (!o.buy() && bid > 0) {
            assertThat(o.ticks()).as(what).isGreaterThan(bid);
          }
        }
      }
    }
  }
}
