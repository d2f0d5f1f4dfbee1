package org.mmlab.sim.lobster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmlab.lob.CancelReason;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.Fees;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.core.Durations;
import org.mmlab.sim.core.LatencyModel;

/** The lobster market on the shared AMZN level-5 day, read in place. */
class LobsterMarketSharedDayTest {
  static final long SECOND = Durations.SECOND;
  static final Path AMZN_5 = SharedData.lobster("AMZN_2012-06-21_5");
  static final MarketConditions CONDITIONS =
      new MarketConditions(
          LatencyModel.constant(Durations.MILLISECOND),
          LatencyModel.constant(Durations.MILLISECOND),
          Fees.perLot(-0.2, 0.3),
          10);

  /**
   * Joins the best bid and ask with 100 shares each second, keeping its order while it is still at
   * the best and moving it (a replace: the back of the new queue) when the best moved; every {@code
   * takeEvery} steps also sends a 50-share IOC buy at the ask.
   */
  static final class Quoter extends Recorder {
    final int takeEvery;
    long nextId = 1;
    long bidId;
    long askId;
    long bidPx;
    long askPx;
    long steps;

    Quoter(int takeEvery) {
      this.takeEvery = takeEvery;
    }

    void step(LobsterMarket m) {
      steps++;
      if (!twoSided) {
        return;
      }
      if (bidId == 0) {
        bidId = nextId++;
        bidPx = bestBid;
        m.submit(bidId, Side.BID, OrderType.POST_ONLY, bidPx, 100);
      } else if (bidPx != bestBid) {
        bidPx = bestBid;
        m.replace(bidId, bidPx, 100);
      }
      if (askId == 0) {
        askId = nextId++;
        askPx = bestAsk;
        m.submit(askId, Side.ASK, OrderType.POST_ONLY, askPx, 100);
      } else if (askPx != bestAsk) {
        askPx = bestAsk;
        m.replace(askId, askPx, 100);
      }
      if (takeEvery > 0 && steps % takeEvery == 0) {
        m.submit(nextId++, Side.BID, OrderType.IOC, bestAsk, 50);
      }
    }

    private void gone(long id) {
      if (id == bidId) {
        bidId = 0;
      }
      if (id == askId) {
        askId = 0;
      }
    }

    @Override
    public void onFill(
        long t,
        long orderId,
        Side side,
        long price,
        long size,
        long remaining,
        boolean maker,
        double fee) {
      super.onFill(t, orderId, side, price, size, remaining, maker, fee);
      if (remaining == 0) {
        gone(orderId);
      }
    }

    @Override
    public void onCancelled(long t, long orderId, long size, CancelReason reason) {
      super.onCancelled(t, orderId, size, reason);
      gone(orderId);
    }

    @Override
    public void onRejected(long t, long orderId, RejectReason reason) {
      super.onRejected(t, orderId, reason);
      gone(orderId);
    }
  }

  static void run(LobsterMarket m, Quoter q, int seconds) {
    long t = m.now();
    for (int i = 0; i < seconds; i++) {
      q.step(m);
      t += SECOND;
      m.advanceTo(t);
    }
  }

  static Quoter episode(LobsterMarket m, long seed, int seconds, int takeEvery) {
    Quoter q = new Quoter(takeEvery);
    m.setListener(q);
    m.reset(seed);
    run(m, q, seconds);
    return q;
  }

  @Test
  void agentJoiningTheBestEverySecondGetsFills() {
    LobsterMarket m = LobsterMarket.create("lobster:" + AMZN_5, CONDITIONS);
    assertThat(m.instrument().symbol()).isEqualTo("AMZN");
    assertThat(m.fileLevels()).isEqualTo(5);
    Quoter q = episode(m, 11, 1000, 0);
    assertThat(q.makerFills).isPositive();
    assertThat(q.takerFills).isZero();
    // Every maker fill is at a price the agent quoted on that side and within its size.
    for (String f : q.fills) {
      assertThat(f).contains(" maker ");
    }
    System.out.printf(
        "lobster AMZN_5 quoter: start %s, 1000 s, %d maker fills, %d shares, %d books%n",
        LobsterRow.formatTime(m.startTimeNanos()), q.makerFills, q.makerLots, q.books.size());
  }

  @Test
  void agentOrdersNeverAlterTheReplay() {
    LobsterMarket withAgent = LobsterMarket.create("lobster:" + AMZN_5, CONDITIONS);
    Quoter q = episode(withAgent, 3, 600, 20);
    LobsterMarket alone = LobsterMarket.create("lobster:" + AMZN_5, CONDITIONS);
    Quoter idle = new Quoter(0);
    alone.setListener(idle);
    alone.reset(3);
    alone.advanceTo(alone.now() + 600 * SECOND);

    assertThat(q.makerFills).isPositive();
    assertThat(q.takerFills).isPositive();
    assertThat(q.books).isEqualTo(idle.books).hasSizeGreaterThan(100);
    // The prints are the file's plus the agent's own taker prints.
    List<String> trades = new ArrayList<>(q.trades);
    for (String p : q.takerPrints) {
      assertThat(trades.remove(p)).as(p).isTrue();
    }
    assertThat(trades).isEqualTo(idle.trades).isNotEmpty();
    assertThat(withAgent.book().windowString(5)).isEqualTo(alone.book().windowString(5));
  }

  @Test
  void sameSeedSameCallbacksDifferentSeedDifferentStart() {
    MarketConditions sampled =
        new MarketConditions(
            LatencyModel.parse("uniform:1ms:3ms"),
            LatencyModel.parse("lognormal:1ms:0.5"),
            Fees.NONE,
            5);
    LobsterMarket a = LobsterMarket.create("lobster:" + AMZN_5, sampled);
    LobsterMarket b = LobsterMarket.create("lobster:" + AMZN_5, sampled);
    Quoter qa = episode(a, 42, 300, 10);
    Quoter qb = episode(b, 42, 300, 10);
    assertThat(a.startTimeNanos()).isEqualTo(b.startTimeNanos());
    assertThat(qa.log).isEqualTo(qb.log).hasSizeGreaterThan(100);
    assertThat(qa.fills).isNotEmpty();

    Quoter qc = episode(b, 43, 300, 10);
    assertThat(b.startTimeNanos()).isNotEqualTo(a.startTimeNanos());
    assertThat(qc.log).isNotEqualTo(qa.log);
  }

  @Test
  void resetsThatContinueOrRereadTheFileGiveTheSameEpisodes() {
    LobsterMarket reused = LobsterMarket.create("lobster:" + AMZN_5, CONDITIONS);
    long[] seeds = {1, 2, 3, 4, 5, 6};
    int rereads = 0;
    int continued = 0;
    for (long seed : seeds) {
      long opens = reused.fileOpens();
      Quoter q = episode(reused, seed, 120, 15);
      if (reused.fileOpens() > opens) {
        rereads++;
      } else {
        continued++;
      }
      LobsterMarket fresh = LobsterMarket.create("lobster:" + AMZN_5, CONDITIONS);
      Quoter f = episode(fresh, seed, 120, 15);
      assertThat(reused.startTimeNanos()).isEqualTo(fresh.startTimeNanos());
      assertThat(q.log).as("seed %d", seed).isEqualTo(f.log);
      fresh.close();
    }
    assertThat(rereads).isGreaterThan(1);
    assertThat(continued).isPositive();
  }

  @Test
  void episodesStartAfterTheOpeningMinutesAndFitBeforeTheClose() {
    LobsterMarket m = LobsterMarket.create("lobster:" + AMZN_5, CONDITIONS);
    assertThat(m.earliestStartNanos()).isEqualTo((34_200 + 300) * SECOND);
    assertThat(m.latestStartNanos()).isEqualTo((57_600 - 1000) * SECOND);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long seed = 0; seed < 10; seed++) {
      m.reset(seed);
      long s = m.startTimeNanos();
      assertThat(s).isBetween(m.earliestStartNanos(), m.latestStartNanos());
      assertThat(m.now()).isEqualTo(s);
      assertThat(m.book().lastOrderSequence()).isGreaterThanOrEqualTo(-1);
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    assertThat(max - min).isGreaterThan(3600 * SECOND);
  }

  @Test
  void exhaustedAtTheEndOfTheFile() {
    LobsterMarket m =
        LobsterMarket.open("late", AMZN_5, CONDITIONS, 57_590 * SECOND, 57_590 * SECOND);
    Recorder r = new Recorder();
    m.setListener(r);
    m.reset(0);
    assertThat(m.exhausted()).isFalse();
    m.advanceTo(57_599 * SECOND);
    assertThat(m.exhausted()).isFalse();
    m.advanceTo(57_601 * SECOND);
    assertThat(m.exhausted()).isTrue();
    assertThat(m.replayedRows()).isEqualTo(155_935);
    long books = r.books.size();
    m.submit(1, Side.BID, OrderType.LIMIT, r.bestBid, 10);
    m.advanceTo(57_700 * SECOND);
    assertThat(r.books).hasSize((int) books);
    assertThat(r.reports).containsExactly("accepted 57601002000000 1");
  }
}
