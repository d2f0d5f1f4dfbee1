package org.mmlab.sim.lobster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmlab.sim.lobster.TinyDay.sec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.Side;
import org.mmlab.sim.Fees;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.core.LatencyModel;

/**
 * The lobster market on hand-built days: queue position, every fill rule, taking liquidity,
 * validation, replace priority, market data and the end of the file. No latency, so a command sent
 * at time t acts at t; fees are -0.2 (maker rebate) and 0.3 (taker) ticks per lot.
 */
class LobsterMarketScenarioTest {
  static final int BUY = 1;
  static final int SELL = -1;
  static final MarketConditions ZERO_LATENCY =
      new MarketConditions(
          LatencyModel.constant(0), LatencyModel.constant(0), Fees.perLot(-0.2, 0.3), 5);

  @TempDir Path dir;
  final Recorder rec = new Recorder();

  LobsterMarket start(TinyDay day, double startSeconds) throws IOException {
    Path msg = day.write(dir);
    LobsterMarket m =
        LobsterMarket.open(
            "lobster:" + msg, msg, ZERO_LATENCY, sec(startSeconds), sec(startSeconds));
    m.setListener(rec);
    m.reset(1);
    assertThat(m.now()).isEqualTo(sec(startSeconds));
    m.advanceTo(m.now());
    return m;
  }

  /** Bid 1000000 ($100.00 = 10000 ticks) x 400 and ask 1000300 x 300 before the open. */
  static TinyDay queueDay() {
    return queueRows(new TinyDay(3));
  }

  static TinyDay queueRows(TinyDay day) {
    return day.resting(BUY, 1_000_000, 400)
        .resting(SELL, 1_000_300, 300)
        .add(sec(34200.001), 1, 100, 1_000_000, BUY)
        .add(sec(34201), 2, 70, 1_000_000, BUY)
        .cancel(sec(34202), 1, 30, 1_000_000, BUY)
        .execute(sec(34203), 9, 400, 1_000_000, BUY) // an order resting before the open
        .execute(sec(34204), 1, 50, 1_000_000, BUY)
        .execute(sec(34205), 2, 40, 1_000_000, BUY) // behind agent 1, ahead of agent 2
        .delete(sec(34206), 1, 20, 1_000_000, BUY)
        .execute(sec(34207), 2, 30, 1_000_000, BUY)
        .add(sec(34208), 3, 10, 1_000_000, BUY)
        .execute(sec(34209), 3, 10, 1_000_000, BUY);
  }

  @Test
  void queueAheadShrinksAndOnlyExecutionsReachingTheAgentFillIt() throws IOException {
    LobsterMarket m = start(queueDay(), 34200.5);
    // Agent 1 joins behind the anonymous 400 and order 1 (100).
    m.submit(1, Side.BID, OrderType.POST_ONLY, 10_000, 50);
    m.advanceTo(sec(34200.5));
    assertThat(m.queueAhead(1)).isEqualTo(500);
    m.advanceTo(sec(34201));
    assertThat(m.queueAhead(1)).as("order 2 arrived behind").isEqualTo(500);
    // Agent 2 joins behind order 2.
    m.submit(2, Side.BID, OrderType.LIMIT, 10_000, 20);
    m.advanceTo(sec(34201.5));
    assertThat(m.queueAhead(2)).isEqualTo(570);
    m.advanceTo(sec(34202));
    assertThat(m.queueAhead(1)).as("cancel ahead").isEqualTo(470);
    assertThat(m.queueAhead(2)).isEqualTo(540);
    m.advanceTo(sec(34203));
    assertThat(m.queueAhead(1)).as("execution of the anonymous order ahead").isEqualTo(70);
    m.advanceTo(sec(34204));
    assertThat(m.queueAhead(1)).isEqualTo(20);
    assertThat(m.queueAhead(2)).isEqualTo(90);
    assertThat(rec.fills).isEmpty();
    assertThat(rec.trades)
        .containsExactly("trade 34203000000000 10000x400 ASK", "trade 34204000000000 10000x50 ASK");

    // Order 2, behind agent 1, executes: the aggressor met agent 1 first. Agent 2 is behind
    // order 2, so the 40 shares taken from ahead of it do not reach it.
    m.advanceTo(sec(34205));
    assertThat(rec.fills).containsExactly("fill 34205000000000 1 BID 10000x40 left 10 maker -8.0");
    assertThat(m.queueAhead(1)).isEqualTo(20);
    assertThat(m.queueAhead(2)).isEqualTo(50);
    m.advanceTo(sec(34206));
    assertThat(m.queueAhead(1)).isZero();
    assertThat(m.queueAhead(2)).isEqualTo(30);
    // 30 more of order 2: agent 1 takes its last 10, order 2 the other 20; agent 2 is not reached.
    m.advanceTo(sec(34207));
    assertThat(rec.fills)
        .hasSize(2)
        .last()
        .isEqualTo("fill 34207000000000 1 BID 10000x10 left 0 maker -2.0");
    assertThat(m.queueAhead(1)).isEqualTo(-1);
    assertThat(m.queueAhead(2)).isZero();
    // Order 3 arrives behind agent 2 and executes: agent 2 is at the front.
    m.advanceTo(sec(34208));
    assertThat(m.queueAhead(2)).isZero();
    m.advanceTo(sec(34209));
    assertThat(rec.fills)
        .hasSize(3)
        .last()
        .isEqualTo("fill 34209000000000 2 BID 10000x10 left 10 maker -2.0");
    assertThat(m.restingSize(2)).isEqualTo(10);
    // The replayed book is the file's, whatever the agent did.
    assertThat(m.book().sizeAtPrice(LobsterBook.BID, 1_000_000)).isZero();
  }

  @Test
  void tradeThroughHiddenExecutionsAndNewOrdersReachingTheAgentFillIt() throws IOException {
    TinyDay day =
        new TinyDay(3)
            .resting(BUY, 1_000_000, 400)
            .resting(SELL, 1_000_300, 300)
            .add(sec(34200.001), 1, 100, 999_900, BUY)
            .hidden(sec(34201), 25, 1_000_200, SELL) // at agent 2's price, nothing ahead
            .add(sec(34202), 2, 20, 1_000_100, SELL) // a seller at agent 1's bid
            .execute(sec(34203), 9, 100, 1_000_000, BUY) // a sell trade below agent 1's bid
            .hidden(sec(34204), 5, 1_000_250, SELL) // a sub-cent buy trade above agent 2's ask
            .hidden(sec(34205), 10, 1_000_300, SELL) // at agent 3's price, 300 ahead
            .execute(sec(34206), 8, 300, 1_000_300, SELL) // takes the 300 ahead of agent 3
            .hidden(sec(34207), 15, 1_000_300, SELL); // now nothing is ahead of agent 3
    LobsterMarket m = start(day, 34200.5);
    m.submit(1, Side.BID, OrderType.POST_ONLY, 10_001, 50);
    m.submit(2, Side.ASK, OrderType.POST_ONLY, 10_002, 60);
    m.submit(3, Side.ASK, OrderType.POST_ONLY, 10_003, 40);
    m.advanceTo(sec(34200.5));
    assertThat(m.queueAhead(1)).isZero();
    assertThat(m.queueAhead(2)).isZero();
    assertThat(m.queueAhead(3)).isEqualTo(300);

    m.advanceTo(sec(34201));
    assertThat(rec.fills).containsExactly("fill 34201000000000 2 ASK 10002x25 left 35 maker -5.0");
    m.advanceTo(sec(34202));
    assertThat(rec.fills).last().isEqualTo("fill 34202000000000 1 BID 10001x20 left 30 maker -4.0");
    assertThat(rec.trades).hasSize(1).first().isEqualTo("trade 34201000000000 10002x25 BID");
    m.advanceTo(sec(34203));
    assertThat(rec.fills).last().isEqualTo("fill 34203000000000 1 BID 10001x30 left 0 maker -6.0");
    m.advanceTo(sec(34204));
    assertThat(rec.fills).last().isEqualTo("fill 34204000000000 2 ASK 10002x35 left 0 maker -7.0");
    // The sub-cent hidden sell prints rounded up, to the resting order's side.
    assertThat(rec.trades).last().isEqualTo("trade 34204000000000 10003x5 BID");
    m.advanceTo(sec(34205));
    assertThat(rec.fills).hasSize(4);
    m.advanceTo(sec(34206));
    assertThat(rec.fills).hasSize(4);
    assertThat(m.queueAhead(3)).isZero();
    m.advanceTo(sec(34207));
    assertThat(rec.fills)
        .hasSize(5)
        .last()
        .isEqualTo("fill 34207000000000 3 ASK 10003x15 left 25 maker -3.0");
    assertThat(m.exhausted()).isTrue();
    assertThat(m.restingOrders()).isEqualTo(1);
  }

  static TinyDay twoLevelDay() {
    return new TinyDay(3)
        .resting(BUY, 1_000_000, 400)
        .resting(BUY, 999_900, 100)
        .resting(SELL, 1_000_100, 300)
        .resting(SELL, 1_000_200, 200)
        .add(sec(34200.001), 1, 10, 999_800, BUY)
        .add(sec(34210), 2, 5, 1_000_300, SELL)
        .add(sec(34211), 3, 50, 1_000_200, SELL)
        .execute(sec(34212), 3, 50, 1_000_200, SELL);
  }

  @Test
  void crossingOrdersTakeTheVisibleLevelsWithoutDepletingThem() throws IOException {
    LobsterMarket m = start(twoLevelDay(), 34200.5);
    m.submit(1, Side.BID, OrderType.POST_ONLY, 10_001, 5);
    m.submit(2, Side.ASK, OrderType.POST_ONLY, 10_000, 5);
    m.submit(3, Side.BID, OrderType.LIMIT, 10_002, 600);
    m.submit(4, Side.BID, OrderType.IOC, 10_001, 500);
    m.submit(5, Side.ASK, OrderType.MARKET, 0, 1000);
    m.advanceTo(sec(34200.5));
    long t = sec(34200.5);
    assertThat(rec.reports)
        .containsExactly(
            "rejected " + t + " 1 POST_ONLY_WOULD_CROSS",
            "rejected " + t + " 2 POST_ONLY_WOULD_CROSS",
            "accepted " + t + " 3",
            "accepted " + t + " 4",
            "cancelled " + t + " 4 200 IOC_REMAINDER",
            "accepted " + t + " 5",
            "cancelled " + t + " 5 490 MARKET_REMAINDER");
    assertThat(rec.fills)
        .containsExactly(
            "fill " + t + " 3 BID 10001x300 left 300 taker 90.0",
            "fill " + t + " 3 BID 10002x200 left 100 taker 60.0",
            "fill " + t + " 4 BID 10001x300 left 200 taker 90.0",
            "fill " + t + " 5 ASK 10000x400 left 600 taker 120.0",
            "fill " + t + " 5 ASK 9999x100 left 500 taker 30.0",
            "fill " + t + " 5 ASK 9998x10 left 490 taker 3.0");
    assertThat(rec.trades)
        .containsExactly(
            "trade " + t + " 10001x300 BID",
            "trade " + t + " 10002x200 BID",
            "trade " + t + " 10001x300 BID",
            "trade " + t + " 10000x400 ASK",
            "trade " + t + " 9999x100 ASK",
            "trade " + t + " 9998x10 ASK");
    assertThat(m.restingSize(3)).isEqualTo(100);
    m.advanceTo(sec(34210));
    // A new sell at the resting remainder's price trades with it.
    m.advanceTo(sec(34211));
    assertThat(rec.fills)
        .last()
        .isEqualTo("fill 34211000000000 3 BID 10002x50 left 50 maker -10.0");
    m.advanceTo(sec(34300));
    assertThat(m.exhausted()).isTrue();

    // The same day without the agent publishes the same books.
    Recorder alone = new Recorder();
    Path msg = dir.resolve("TEST_2012-06-21_34200000_57600000_message_3.csv");
    LobsterMarket quiet = LobsterMarket.open("q", msg, ZERO_LATENCY, sec(34200.5), sec(34200.5));
    quiet.setListener(alone);
    quiet.reset(1);
    quiet.advanceTo(sec(34300));
    assertThat(rec.books).isEqualTo(alone.books).hasSize(4);
    assertThat(alone.books.get(0))
        .isEqualTo("book 34200500000000 bid 10000x400 9999x100 9998x10 ask 10001x300 10002x200");
    assertThat(alone.books.get(1))
        .isEqualTo(
            "book 34210000000000 bid 10000x400 9999x100 9998x10 ask 10001x300 10002x200 10003x5");
  }

  @Test
  void commandsAreValidatedAndReplaceKeepsPriorityOnlyWhenShrinking() throws IOException {
    LobsterMarket m = start(queueRows(new TinyDay(3).resting(BUY, 999_900, 100)), 34200.5);
    m.submit(0, Side.BID, OrderType.LIMIT, 10_000, 10);
    m.submit(1, Side.BID, OrderType.LIMIT, 0, 10);
    m.submit(1, Side.BID, OrderType.LIMIT, LobsterMarket.MAX_PRICE_TICKS + 1, 10);
    m.submit(1, Side.BID, OrderType.LIMIT, 10_000, 0);
    m.submit(1, Side.BID, OrderType.POST_ONLY, 10_000, 50);
    m.submit(1, Side.ASK, OrderType.POST_ONLY, 10_005, 5);
    m.cancel(7);
    m.replace(7, 10_000, 5);
    m.replace(1, 0, 10);
    m.replace(1, 10_000, 0);
    m.advanceTo(sec(34200.5));
    long t = sec(34200.5);
    assertThat(rec.reports)
        .containsExactly(
            "rejected " + t + " 0 BAD_ORDER_ID",
            "rejected " + t + " 1 BAD_PRICE",
            "rejected " + t + " 1 BAD_PRICE",
            "rejected " + t + " 1 BAD_SIZE",
            "accepted " + t + " 1",
            "rejected " + t + " 1 DUPLICATE_ORDER_ID",
            "rejected " + t + " 7 UNKNOWN_ORDER",
            "rejected " + t + " 7 UNKNOWN_ORDER",
            "rejected " + t + " 1 BAD_PRICE",
            "rejected " + t + " 1 BAD_SIZE");
    assertThat(m.queueAhead(1)).isEqualTo(500);
    m.advanceTo(sec(34201)); // order 2 (70) joins behind
    m.replace(1, 10_000, 40);
    m.advanceTo(sec(34201.1));
    assertThat(m.queueAhead(1)).as("shrinking keeps the place").isEqualTo(500);
    assertThat(m.restingSize(1)).isEqualTo(40);
    m.replace(1, 10_000, 60);
    m.advanceTo(sec(34201.2));
    assertThat(m.queueAhead(1)).as("growing goes to the back").isEqualTo(570);
    m.replace(1, 9_999, 60);
    m.advanceTo(sec(34201.3));
    assertThat(m.queueAhead(1)).isEqualTo(100);
    m.cancel(1);
    m.advanceTo(sec(34201.4));
    assertThat(rec.reports).last().isEqualTo("cancelled 34201300000000 1 60 USER");
    assertThat(m.restingOrders()).isZero();
    // A replace onto the ask trades.
    m.submit(2, Side.BID, OrderType.LIMIT, 10_000, 10);
    m.replace(2, 10_003, 10);
    m.advanceTo(sec(34201.5));
    assertThat(rec.fills).containsExactly("fill 34201400000000 2 BID 10003x10 left 0 taker 3.0");
    assertThat(m.restingOrders()).isZero();
  }

  @Test
  void publishesTheFileWindowInTicksAndEndsWithTheFile() throws IOException {
    LobsterMarket m = start(queueDay(), 34200.5);
    assertThat(m.instrument().symbol()).isEqualTo("TEST");
    assertThat(m.instrument().tickSize()).isEqualByComparingTo("0.01");
    assertThat(m.instrument().lotSize()).isEqualByComparingTo("1");
    assertThat(m.fileLevels()).isEqualTo(3);
    assertThat(m.exhausted()).isFalse();
    m.advanceTo(sec(34208.9));
    assertThat(m.exhausted()).isFalse();
    m.advanceTo(sec(34209));
    assertThat(m.exhausted()).isTrue();
    m.advanceTo(sec(35000));
    assertThat(rec.books)
        .containsExactly(
            "book 34200500000000 bid 10000x500 ask 10003x300",
            "book 34201000000000 bid 10000x570 ask 10003x300",
            "book 34202000000000 bid 10000x540 ask 10003x300",
            "book 34203000000000 bid 10000x140 ask 10003x300",
            "book 34204000000000 bid 10000x90 ask 10003x300",
            "book 34205000000000 bid 10000x50 ask 10003x300",
            "book 34206000000000 bid 10000x30 ask 10003x300",
            "book 34207000000000 bid ask 10003x300",
            "book 34208000000000 bid 10000x10 ask 10003x300",
            "book 34209000000000 bid ask 10003x300");
    assertThat(m.replayedRows()).isEqualTo(10);

    // A start after the last row: exhausted at once, with the final book.
    Path msg = dir.resolve("TEST_2012-06-21_34200000_57600000_message_3.csv");
    Recorder late = new Recorder();
    LobsterMarket after = LobsterMarket.open("l", msg, ZERO_LATENCY, sec(40000), sec(40000));
    after.setListener(late);
    after.reset(3);
    assertThat(after.exhausted()).isTrue();
    after.advanceTo(sec(40001));
    assertThat(late.books).containsExactly("book 40000000000000 bid ask 10003x300");
  }

  @Test
  void specErrorsNameTheProblem() throws IOException {
    assertThatThrownBy(
            () -> LobsterMarket.create("lobster:" + dir.resolve("nope.zip"), ZERO_LATENCY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not found");
    assertThatThrownBy(() -> LobsterMarket.create("binance:x", ZERO_LATENCY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lobster:PATH");
    Path other = Files.writeString(dir.resolve("prices.csv"), "1,2\n");
    assertThatThrownBy(() -> LobsterMarket.create("lobster:" + other, ZERO_LATENCY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("_message_N.csv");
    Path lone = Files.writeString(dir.resolve("X_message_1.csv"), "");
    assertThatThrownBy(() -> LobsterMarket.create("lobster:" + lone, ZERO_LATENCY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orderbook file not found");
  }
}
