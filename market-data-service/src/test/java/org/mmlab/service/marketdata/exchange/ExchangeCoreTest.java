package org.mmlab.service.marketdata.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmlab.api.CancelReason;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.CancelAllCommand;
import org.mmlab.api.exchange.CancelCommand;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeCommand;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.ExchangeMessage;
import org.mmlab.api.exchange.QuoteCommand;
import org.mmlab.api.exchange.QuoteSide;
import org.mmlab.api.exchange.SessionState;
import org.mmlab.api.exchange.SubmitCommand;
import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.MarketDataMessage;
import org.mmlab.api.marketdata.Trade;
import org.mmlab.api.simulation.SimulationState;
import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.sim.market.MarketFactory;

class ExchangeCoreTest {
  private static final long MS = 1_000_000L;
  private ExchangeCore core;
  private int refs;

  private ExchangeCore quiet() {
    core =
        new ExchangeCore(
            (spec, conditions) ->
                spec.equals("quiet")
                    ? new QuietMarket(conditions)
                    : MarketFactory.create(spec, conditions),
            new ExchangeCore.Settings("quiet", 1, 1.0, true, 50, 1_000 * MS, MS),
            Recorder.JSON::writeValueAsString,
            nanos -> {});
    core.launch();
    return core;
  }

  @AfterEach
  void close() {
    if (core != null) {
      core.close();
    }
  }

  private Recorder<ExchangeMessage> session() throws InterruptedException {
    Recorder<ExchangeMessage> s = new Recorder<>(ExchangeMessage.class);
    core.openSession(s);
    assertThat(s.next()).isInstanceOf(SessionState.class);
    return s;
  }

  private String ref() {
    return "r" + ++refs;
  }

  /** Sends a command and returns the events of the batch answering it. */
  private List<ExchangeEvent> run(Recorder<ExchangeMessage> s, ExchangeCommand c)
      throws InterruptedException {
    core.execute(c);
    List<ExchangeMessage> got =
        s.until(m -> m instanceof EventBatch b && c.ref().equals(b.ref()), Duration.ofSeconds(5));
    return ((EventBatch) got.get(got.size() - 1)).events();
  }

  private SubmitCommand limit(String client, Side side, long price, long size) {
    return new SubmitCommand(ref(), client, "c" + refs, side, OrderType.LIMIT, price, size);
  }

  @Test
  void clientsTradeWithEachOtherAndSeePositions() throws Exception {
    quiet();
    Recorder<ExchangeMessage> s = session();
    List<ExchangeEvent> a = run(s, limit("alice", Side.SELL, 10_000, 5));
    assertThat(a).singleElement().isInstanceOf(ExchangeEvent.Accepted.class);
    long aliceOrder = a.get(0).orderId();

    List<ExchangeEvent> b = run(s, limit("bob", Side.BUY, 10_001, 3));
    assertThat(b).hasSize(3);
    assertThat(b.get(0)).isInstanceOf(ExchangeEvent.Accepted.class);
    ExchangeEvent.Filled makerFill = (ExchangeEvent.Filled) b.get(1);
    ExchangeEvent.Filled takerFill = (ExchangeEvent.Filled) b.get(2);
    assertThat(makerFill.clientId()).isEqualTo("alice");
    assertThat(makerFill.orderId()).isEqualTo(aliceOrder);
    assertThat(makerFill.maker()).isTrue();
    assertThat(makerFill.price()).isEqualTo(10_000);
    assertThat(makerFill.remaining()).isEqualTo(2);
    assertThat(makerFill.position().position()).isEqualTo(-3);
    assertThat(makerFill.position().cash()).isEqualTo(30_000);
    assertThat(takerFill.clientId()).isEqualTo("bob");
    assertThat(takerFill.maker()).isFalse();
    assertThat(takerFill.remaining()).isZero();
    assertThat(takerFill.position().position()).isEqualTo(3);

    // Self-trade prevention is per client: alice's buy cancels her own resting ask.
    List<ExchangeEvent> stp = run(s, limit("alice", Side.BUY, 10_000, 1));
    assertThat(stp)
        .anySatisfy(
            e -> {
              assertThat(e).isInstanceOf(ExchangeEvent.Cancelled.class);
              assertThat(((ExchangeEvent.Cancelled) e).reason()).isEqualTo(CancelReason.SELF_TRADE);
              assertThat(e.orderId()).isEqualTo(aliceOrder);
            });
  }

  @Test
  void cancelChecksTheOwnerAndRejectionsAreValues() throws Exception {
    quiet();
    Recorder<ExchangeMessage> s = session();
    long id = run(s, limit("alice", Side.BUY, 9_990, 2)).get(0).orderId();

    ExchangeEvent wrongOwner = run(s, new CancelCommand(ref(), "bob", id)).get(0);
    assertThat(((ExchangeEvent.Rejected) wrongOwner).code()).isEqualTo(ProblemCode.ORDER_NOT_FOUND);

    ExchangeEvent ok = run(s, new CancelCommand(ref(), "alice", id)).get(0);
    assertThat(((ExchangeEvent.Cancelled) ok).reason()).isEqualTo(CancelReason.USER);

    ExchangeEvent again = run(s, new CancelCommand(ref(), "alice", id)).get(0);
    assertThat(((ExchangeEvent.Rejected) again).code()).isEqualTo(ProblemCode.ORDER_NOT_OPEN);

    run(s, limit("bob", Side.SELL, 10_000, 1));
    ExchangeEvent cross =
        run(s, new SubmitCommand(ref(), "alice", "pc", Side.BUY, OrderType.POST_ONLY, 10_000, 1))
            .get(0);
    assertThat(((ExchangeEvent.Rejected) cross).code())
        .isEqualTo(ProblemCode.POST_ONLY_WOULD_CROSS);
  }

  @Test
  void quotesKeepQueuePlaceWhenUnchangedOrReduced() throws Exception {
    quiet();
    Recorder<ExchangeMessage> s = session();
    List<ExchangeEvent> first =
        run(
            s,
            new QuoteCommand(
                ref(), "mm", new QuoteSide(9_999, 5, "qb1"), new QuoteSide(10_001, 5, "qa1")));
    assertThat(first).hasSize(2).allMatch(e -> e instanceof ExchangeEvent.Accepted);
    long bidId = first.get(0).orderId();

    assertThat(
            run(
                s,
                new QuoteCommand(
                    ref(), "mm", new QuoteSide(9_999, 5, "qb2"), new QuoteSide(10_001, 5, "qa2"))))
        .isEmpty();

    List<ExchangeEvent> reduced =
        run(
            s,
            new QuoteCommand(
                ref(), "mm", new QuoteSide(9_999, 3, "qb3"), new QuoteSide(10_001, 5, "qa3")));
    assertThat(reduced).singleElement().isInstanceOf(ExchangeEvent.Replaced.class);
    assertThat(((ExchangeEvent.Replaced) reduced.get(0)).priorityKept()).isTrue();
    assertThat(reduced.get(0).orderId()).isEqualTo(bidId);

    List<ExchangeEvent> moved =
        run(s, new QuoteCommand(ref(), "mm", new QuoteSide(9_998, 3, "qb4"), null));
    assertThat(moved).hasSize(3);
    assertThat(((ExchangeEvent.Cancelled) moved.get(0)).reason())
        .isEqualTo(CancelReason.QUOTE_REPLACED);
    assertThat(((ExchangeEvent.Cancelled) moved.get(1)).reason()).isEqualTo(CancelReason.USER);
    assertThat(((ExchangeEvent.Accepted) moved.get(2)).price()).isEqualTo(9_998);
    assertThat(((ExchangeEvent.Accepted) moved.get(2)).quote()).isTrue();

    List<ExchangeEvent> all = run(s, new CancelAllCommand(ref(), null, CancelReason.KILL_SWITCH));
    assertThat(all)
        .singleElement()
        .satisfies(
            e ->
                assertThat(((ExchangeEvent.Cancelled) e).reason())
                    .isEqualTo(CancelReason.KILL_SWITCH));
  }

  @Test
  void marketDataStartsWithASnapshotAndHasNoGaps() throws Exception {
    quiet();
    Recorder<ExchangeMessage> s = session();
    run(s, limit("alice", Side.SELL, 10_002, 4));
    Recorder<MarketDataMessage> md = new Recorder<>(MarketDataMessage.class);
    core.subscribeMarketData(md);
    BookSnapshot snap = (BookSnapshot) md.next();
    assertThat(snap.asks()).hasSize(1);
    assertThat(snap.asks().get(0).price()).isEqualByComparingTo("100.02");
    assertThat(snap.instrument().symbol()).isEqualTo("TEST");

    run(s, limit("bob", Side.BUY, 10_002, 1));
    Trade trade = (Trade) md.next();
    assertThat(trade.seq()).isEqualTo(snap.seq() + 1);
    assertThat(trade.price()).isEqualByComparingTo("100.02");
    assertThat(trade.aggressor()).isEqualTo(Side.BUY);
    BookUpdate book = (BookUpdate) md.next();
    assertThat(book.seq()).isEqualTo(trade.seq() + 1);
    assertThat(book.asks())
        .singleElement()
        .satisfies(l -> assertThat(l.size()).isEqualByComparingTo("3"));
  }

  @Test
  void modelMarketsAreTradedThroughTheSharedAgentApi() throws Exception {
    core =
        new ExchangeCore(
            MarketFactory::create,
            new ExchangeCore.Settings("as", 5, 1.0, true, 20, 1_000 * MS, MS),
            Recorder.JSON::writeValueAsString,
            nanos -> {});
    core.launch();
    Recorder<MarketDataMessage> md = new Recorder<>(MarketDataMessage.class);
    core.subscribeMarketData(md);
    BookSnapshot snap = (BookSnapshot) md.next();
    assertThat(snap.bids()).isNotEmpty();
    assertThat(snap.asks()).isNotEmpty();
    Recorder<ExchangeMessage> s = session();
    List<ExchangeEvent> quoted =
        run(
            s,
            new QuoteCommand(
                ref(), "mm", new QuoteSide(9_900, 2, "b1"), new QuoteSide(10_100, 2, "a1")));
    assertThat(quoted).hasSize(2).allMatch(e -> e instanceof ExchangeEvent.Accepted);
    // A resize is a cancel and a new order on a model market.
    List<ExchangeEvent> resized =
        run(
            s,
            new QuoteCommand(
                ref(), "mm", new QuoteSide(9_900, 1, "b2"), new QuoteSide(10_100, 2, "a2")));
    assertThat(resized).hasSize(2);
    assertThat(((ExchangeEvent.Cancelled) resized.get(0)).reason())
        .isEqualTo(CancelReason.QUOTE_REPLACED);
    assertThat(((ExchangeEvent.Accepted) resized.get(1)).size()).isEqualTo(1);
  }

  @Test
  void aSlowSubscriberIsDroppedWithoutSlowingTheExchange() throws Exception {
    core =
        new ExchangeCore(
            MarketFactory::create,
            new ExchangeCore.Settings("zi", 7, 200.0, true, 50, 1_000 * MS, MS),
            Recorder.JSON::writeValueAsString,
            nanos -> {});
    core.launch();
    Recorder<MarketDataMessage> slow = new Recorder<>(MarketDataMessage.class, 5);
    Recorder<MarketDataMessage> fast = new Recorder<>(MarketDataMessage.class);
    core.subscribeMarketData(slow);
    core.subscribeMarketData(fast);
    List<MarketDataMessage> got = fast.until(m -> m.seq() > 200, Duration.ofSeconds(10));
    assertThat(slow.closedReason).isEqualTo(ExchangeCore.SLOW_CONSUMER);
    assertThat(core.droppedSubscribers()).isEqualTo(1);
    for (int i = 1; i < got.size(); i++) {
      assertThat(got.get(i).seq()).isEqualTo(got.get(i - 1).seq() + 1);
    }
    assertThat(core.status().subscribers()).isEqualTo(1);
  }

  @Test
  void simulatedTimeFollowsTheWallClockTimesTheSpeed() throws Exception {
    core =
        new ExchangeCore(
            MarketFactory::create,
            new ExchangeCore.Settings("zi", 3, 10.0, false, 50, 1_000 * MS, MS),
            Recorder.JSON::writeValueAsString,
            nanos -> {});
    core.launch();
    SimulationStatus stopped = core.status();
    assertThat(stopped.state()).isEqualTo(SimulationState.STOPPED);
    long t0 = core.start(null).get(5, TimeUnit.SECONDS).simTime();
    long wall0 = System.nanoTime();
    Thread.sleep(400);
    long t1 = core.stop().get(5, TimeUnit.SECONDS).simTime();
    long wall = System.nanoTime() - wall0;
    // 10x speed: simulated time moved about ten times the wall time, and stops with the clock.
    assertThat((double) (t1 - t0)).isBetween(0.5 * 10 * 400 * MS, 1.2 * 10 * wall);
    Thread.sleep(50);
    assertThat(core.status().simTime()).isEqualTo(t1);
  }

  @Test
  void stoppedMarketRefusesNewOrdersButCancels() throws Exception {
    quiet();
    Recorder<ExchangeMessage> s = session();
    long id = run(s, limit("alice", Side.BUY, 9_990, 2)).get(0).orderId();
    core.stop().get(5, TimeUnit.SECONDS);
    ExchangeEvent refused = run(s, limit("alice", Side.BUY, 9_991, 2)).get(0);
    assertThat(((ExchangeEvent.Rejected) refused).code()).isEqualTo(ProblemCode.MARKET_HALTED);
    assertThat(run(s, new CancelCommand(ref(), "alice", id)).get(0))
        .isInstanceOf(ExchangeEvent.Cancelled.class);
  }

  @Test
  void resetCancelsClientOrdersRepublishesTheBookAndResyncsSessions() throws Exception {
    quiet();
    Recorder<ExchangeMessage> s = session();
    run(s, limit("alice", Side.BUY, 9_990, 2));
    Recorder<MarketDataMessage> md = new Recorder<>(MarketDataMessage.class);
    core.subscribeMarketData(md);
    BookSnapshot first = (BookSnapshot) md.next();

    SimulationStatus after = core.reset("zi", 11L, 2.0).get(10, TimeUnit.SECONDS);
    assertThat(after.market()).isEqualTo("zi");
    assertThat(after.seed()).isEqualTo(11);
    assertThat(after.speed()).isEqualTo(2.0);
    List<ExchangeMessage> tail =
        s.until(
            m ->
                m instanceof EventBatch b
                    && b.events().stream().anyMatch(e -> e instanceof ExchangeEvent.Cancelled),
            Duration.ofSeconds(5));
    EventBatch batch = (EventBatch) tail.get(tail.size() - 1);
    assertThat(((ExchangeEvent.Cancelled) batch.events().get(0)).reason())
        .isEqualTo(CancelReason.MARKET_RESET);
    assertThat(s.closedReason).isEqualTo(ExchangeCore.MARKET_RESET);

    List<MarketDataMessage> next = md.until(m -> m instanceof BookSnapshot, Duration.ofSeconds(5));
    BookSnapshot second = (BookSnapshot) next.get(next.size() - 1);
    assertThat(second.market()).isEqualTo("zi");
    assertThat(second.seq()).isEqualTo(first.seq() + next.size());
    assertThat(second.bids()).isNotEmpty();
    List<Long> seqs = new ArrayList<>();
    next.forEach(m -> seqs.add(m.seq()));
    assertThat(seqs).isSorted();
  }
}
