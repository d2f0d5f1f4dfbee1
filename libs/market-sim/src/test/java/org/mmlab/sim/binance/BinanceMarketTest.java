package org.mmlab.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmlab.sim.binance.BinanceTestFiles.depth;
import static org.mmlab.sim.binance.BinanceTestFiles.gz;
import static org.mmlab.sim.binance.BinanceTestFiles.lv;
import static org.mmlab.sim.binance.BinanceTestFiles.shared;
import static org.mmlab.sim.binance.BinanceTestFiles.snapshot;
import static org.mmlab.sim.binance.BinanceTestFiles.trade;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.lob.CancelReason;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.BookSnapshot;
import org.mmlab.sim.Fees;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.MarketListener;
import org.mmlab.sim.agent.Quoter;
import org.mmlab.sim.core.Durations;
import org.mmlab.sim.core.LatencyModel;

class BinanceMarketTest {
  private static final long S = Durations.SECOND;
  private static final long MS = Durations.MILLISECOND;

  private static final MarketConditions INSTANT =
      new MarketConditions(
          LatencyModel.constant(0), LatencyModel.constant(0), Fees.rates(-0.0001, 0.0004), 5);

  @TempDir Path tmp;

  /** Records every callback as a line; fills also as arrays. */
  static final class Log implements MarketListener {
    final List<String> lines = new ArrayList<>();
    final List<long[]> fills = new ArrayList<>();
    long books;
    long trades;
    long bid = Long.MIN_VALUE;
    long ask = Long.MAX_VALUE;
    Quoter quoter;
    boolean keep = true;

    @Override
    public void onBook(long t, BookSnapshot b) {
      books++;
      bid = b.bestBid();
      ask = b.bestAsk();
      if (keep) {
        lines.add(
            "book "
                + t
                + " "
                + bid
                + "x"
                + b.bestBidSize()
                + " "
                + ask
                + "x"
                + b.bestAskSize()
                + " "
                + b.bidLevels()
                + "/"
                + b.askLevels());
      }
    }

    @Override
    public void onTrade(long t, long price, long size, Side aggressor) {
      trades++;
      if (keep) {
        lines.add("trade " + t + " " + price + " " + size + " " + aggressor);
      }
    }

    @Override
    public void onAccepted(long t, long id) {
      lines.add("accepted " + t + " " + id);
    }

    @Override
    public void onRejected(long t, long id, RejectReason reason) {
      lines.add("rejected " + t + " " + id + " " + reason);
      if (quoter != null) {
        quoter.onRejected(id, reason);
      }
    }

    @Override
    public void onCancelled(long t, long id, long size, CancelReason reason) {
      lines.add("cancelled " + t + " " + id + " " + size + " " + reason);
      if (quoter != null) {
        quoter.onCancelled(id, reason);
      }
    }

    @Override
    public void onFill(
        long t, long id, Side side, long price, long size, long rem, boolean maker, double fee) {
      lines.add(
          "fill " + t + " " + id + " " + side + " " + price + " " + size + " " + rem + " " + maker
              + " " + fee);
      fills.add(new long[] {id, side.ordinal(), price, size, rem, maker ? 1 : 0});
      if (quoter != null) {
        quoter.onFill(id, rem);
      }
    }
  }

  private BinanceMarket scenario() throws IOException {
    long t0 = S;
    Path f =
        gz(
            tmp,
            "btcusdt_test.gz",
            depth(t0 - 50 * MS, 900, 9, 10, lv("100.00", "0.00009"), ""),
            snapshot(
                t0,
                10,
                lv("100.00", "0.00005") + "," + lv("99.99", "0.00010"),
                lv("100.01", "0.00005") + "," + lv("100.02", "0.00010")),
            depth(t0 + 100 * MS, 1_100, 11, 11, lv("99.98", "0.00001"), ""),
            trade(t0 + 200 * MS, 1_150, "100.00", "0.00003", true),
            depth(t0 + 300 * MS, 1_200, 12, 12, lv("100.00", "0.00002"), ""),
            depth(t0 + 400 * MS, 1_300, 13, 13, lv("100.00", "0.00006"), ""),
            depth(t0 + 500 * MS, 1_400, 14, 14, lv("100.00", "0.00003"), ""),
            trade(t0 + 600 * MS, 1_500, "100.00", "0.00004", true),
            trade(t0 + 700 * MS, 1_600, "99.99", "0.00001", true),
            depth(
                t0 + 800 * MS,
                1_700,
                15,
                15,
                lv("100.02", "0.00001"),
                lv("100.01", "0") + "," + lv("100.02", "0") + "," + lv("100.03", "0.00007")),
            trade(t0 + 900 * MS, 1_800, "100.02", "0.00001", true));
    // An episode as long as the capture: the agent starts at the snapshot whatever the seed.
    BinanceMarket m =
        new BinanceMarket(
            "binance:" + f, List.of(f), BinanceInstruments.SPOT_BTCUSDT, INSTANT, Long.MAX_VALUE);
    return m;
  }

  @Test
  void queueFillsAndTakingOnAHandBuiltCapture() throws IOException {
    BinanceMarket m = scenario();
    Log log = new Log();
    m.setListener(log);
    m.reset(1);
    assertThat(m.now()).isEqualTo(S);
    assertThat(m.startTimeNanos()).isEqualTo(S);
    // The update 9..10 held before the snapshot is older than it (u <= lastUpdateId 10): dropped.
    assertThat(m.book().size(Side.BID, 10_000)).isEqualTo(5);

    m.submit(1, Side.BID, OrderType.POST_ONLY, 10_000, 4);
    m.submit(2, Side.ASK, OrderType.POST_ONLY, 10_002, 2);
    m.advanceTo(S);
    assertThat(log.lines.get(0)).isEqualTo("book " + S + " 10000x5 10001x5 2/2");
    // Joined behind 5 lots (bid) and 10 lots (ask).
    assertThat(m.queueAhead(1)).isEqualTo(5);
    assertThat(m.queueAhead(2)).isEqualTo(10);

    m.advanceTo(S + 200 * MS);
    // A sell trade of 3 at 100.00: 2 left ahead.
    assertThat(m.queueAhead(1)).isEqualTo(2);
    m.advanceTo(S + 300 * MS);
    // The depth shows 5 -> 2, explained by the trade.
    assertThat(m.queueAhead(1)).isEqualTo(2);
    m.advanceTo(S + 400 * MS);
    assertThat(m.queueAhead(1)).isEqualTo(2);
    m.advanceTo(S + 500 * MS);
    // 6 -> 3 unexplained, 2 ahead and 4 behind: 1 taken from ahead.
    assertThat(m.queueAhead(1)).isEqualTo(1);
    assertThat(log.fills).isEmpty();

    m.advanceTo(S + 600 * MS);
    // A sell trade of 4: 1 ahead, 3 reach the bid.
    assertThat(log.fills).hasSize(1);
    assertThat(log.fills.get(0)).containsExactly(1, 0, 10_000, 3, 1, 1);
    assertThat(log.lines).contains("fill " + (S + 600 * MS) + " 1 BID 10000 3 1 true -3.0");

    m.advanceTo(S + 700 * MS);
    // A sell trade at 99.99, through the bid: the rest fills.
    assertThat(log.fills).hasSize(2);
    assertThat(log.fills.get(1)).containsExactly(1, 0, 10_000, 1, 0, 1);
    assertThat(m.queueAhead(1)).isEqualTo(-1);

    m.advanceTo(S + 800 * MS);
    // The best bid moves up to 100.02, onto the ask: it fills at its price.
    assertThat(log.fills).hasSize(3);
    assertThat(log.fills.get(2)).containsExactly(2, 1, 10_002, 2, 0, 1);
    assertThat(m.book().bestBid()).isEqualTo(10_002);
    assertThat(m.book().bestAsk()).isEqualTo(10_003);

    // Crossing post-only: rejected. IOC buy: takes the 7 lots at 100.03, rest cancelled. Market
    // sell of 2: 1 lot at 100.02, 1 at 100.00. None of it changes the replayed book.
    m.advanceTo(S + 850 * MS);
    m.submit(3, Side.BID, OrderType.POST_ONLY, 10_003, 1);
    m.submit(4, Side.BID, OrderType.IOC, 10_004, 10);
    m.submit(5, Side.ASK, OrderType.MARKET, 0, 2);
    m.submit(6, Side.BID, OrderType.LIMIT, 9_999, 5);
    m.advanceTo(S + 850 * MS);
    long t = S + 850 * MS;
    assertThat(log.lines)
        .contains(
            "rejected " + t + " 3 POST_ONLY_WOULD_CROSS",
            "fill "
                + t
                + " 4 BID 10003 7 3 false "
                + Fees.rates(-0.0001, 0.0004).fee(10_003, 7, false),
            "cancelled " + t + " 4 3 IOC_REMAINDER",
            "fill "
                + t
                + " 5 ASK 10002 1 1 false "
                + Fees.rates(-0.0001, 0.0004).fee(10_002, 1, false),
            "fill "
                + t
                + " 5 ASK 10000 1 0 false "
                + Fees.rates(-0.0001, 0.0004).fee(10_000, 1, false),
            "trade " + t + " 10003 7 BID");
    assertThat(m.book().size(Side.ASK, 10_003)).isEqualTo(7);
    // A smaller replace at the same price keeps the place; a larger one goes to the back.
    assertThat(m.queueAhead(6)).isEqualTo(10);
    m.replace(6, 9_999, 3);
    m.advanceTo(t);
    assertThat(m.queueAhead(6)).isEqualTo(10);
    m.cancel(6);
    m.cancel(99);
    m.advanceTo(t);
    assertThat(log.lines)
        .contains("cancelled " + t + " 6 3 USER", "rejected " + t + " 99 UNKNOWN_ORDER");

    assertThat(m.exhausted()).isFalse();
    m.advanceTo(2 * S);
    assertThat(m.exhausted()).isTrue();
    assertThat(log.lines).contains("trade " + (S + 900 * MS) + " 10002 1 ASK");
    m.close();
  }

  private static List<String> run(BinanceMarket m, long seed, long seconds) {
    Log log = new Log();
    m.setListener(log);
    m.reset(seed);
    Quoter q = new Quoter(m);
    log.quoter = q;
    long end = m.now() + seconds * S;
    while (m.now() < end && !m.exhausted()) {
      m.advanceTo(m.now() + 100 * MS);
      if (log.bid != Long.MIN_VALUE && log.ask != Long.MAX_VALUE) {
        q.quote(log.bid, 2, log.ask, 2);
      }
    }
    log.lines.add("start " + m.startTimeNanos() + " fills " + log.fills.size());
    return log.lines;
  }

  @Test
  void sameSeedSameCallbacks() {
    BinanceMarket a =
        BinanceMarket.create(
            "binance:" + shared("usdm/btcusdt_20240808.gz"), MarketConditions.DEFAULT);
    BinanceMarket b =
        BinanceMarket.create(
            "binance:" + shared("usdm/btcusdt_20240808.gz"), MarketConditions.DEFAULT);
    List<String> first = run(a, 42, 20);
    List<String> again = run(b, 42, 20);
    assertThat(again).isEqualTo(first);
    // The same market object reset with the same seed replays the same way too.
    assertThat(run(a, 42, 20)).isEqualTo(first);
    long start42 = a.startTimeNanos();
    run(a, 43, 1);
    assertThat(a.startTimeNanos()).isNotEqualTo(start42);
    // Starts fall in the first half of the capture after the snapshot.
    long half = a.syncTimeNanos() + (a.captureEndNanos() - a.syncTimeNanos()) / 2;
    assertThat(a.startTimeNanos()).isBetween(a.syncTimeNanos(), half);
    a.close();
    b.close();
  }

  @Test
  void quotingAtTheTouchGetsMakerFillsAtItsPrices() {
    BinanceMarket m =
        BinanceMarket.create(
            "binance:" + shared("usdm/btcusdt_20240808.gz"), MarketConditions.DEFAULT);
    assertThat(m.instrument()).isEqualTo(BinanceInstruments.USDM_BTCUSDT);
    Log log = new Log();
    log.keep = false;
    m.setListener(log);
    m.reset(5);
    Quoter q = new Quoter(m);
    log.quoter = q;
    long bidFills = 0;
    long askFills = 0;
    long end = m.now() + 120 * S;
    while (m.now() < end) {
      m.advanceTo(m.now() + 100 * MS);
      q.quote(log.bid, 1, log.ask, 1);
    }
    for (long[] f : log.fills) {
      assertThat(f[5]).as("maker").isEqualTo(1);
      assertThat(f[3]).isEqualTo(1);
      if (f[1] == 0) {
        bidFills++;
      } else {
        askFills++;
      }
    }
    assertThat(bidFills).isGreaterThan(10);
    assertThat(askFills).isGreaterThan(10);
    assertThat(log.trades).isGreaterThan(1_000);
    assertThat(log.books).isGreaterThan(100);
    m.close();
  }

  @Test
  void directoryReplaysTheSpotFilesAsOneCapture() {
    Path dir = shared("spot/btcusdt_20240808.gz").getParent();
    BinanceMarket m = BinanceMarket.create("binance:" + dir, MarketConditions.DEFAULT);
    assertThat(m.files())
        .extracting(p -> p.getFileName().toString())
        .containsExactly("btcusdt_20240808.gz", "btcusdt_20240809.gz");
    assertThat(m.instrument()).isEqualTo(BinanceInstruments.SPOT_BTCUSDT);
    Log log = new Log();
    log.keep = false;
    m.setListener(log);
    m.reset(11);
    // The 9 August file continues the chain; the replay runs to its last line.
    m.advanceTo(m.captureEndNanos() + S);
    assertThat(m.exhausted()).isTrue();
    assertThat(m.book().bestBid()).isEqualTo(6_160_201);
    assertThat(m.book().bestAsk()).isEqualTo(6_160_202);
    assertThat(log.bid).isEqualTo(6_160_201);
    // Every depth update plus the trades after the snapshot (one trade came before it).
    assertThat(m.replayedLines()).isEqualTo(6_493 + 19_904 - 1);
    m.close();
  }

  @Test
  void specsNameTheirProblem() {
    String file = shared("spot/btcusdt_20240808.gz").toString();
    String next = shared("spot/btcusdt_20240809.gz").toString();
    assertThat(BinanceMarket.resolve(file + "," + next)).hasSize(2);
    assertThatThrownBy(() -> BinanceMarket.create("binance:/nonexistent/x.gz", INSTANT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Binance capture not found: /nonexistent/x.gz");
    assertThatThrownBy(() -> BinanceMarket.create("binance:", INSTANT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BinanceMarket.create("binance:" + tmp, INSTANT))
        .hasMessageContaining("no .gz capture files");
  }
}
