package org.mmlab.service.strategy.run;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.mmlab.api.CancelReason;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderCancelled;
import org.mmlab.api.execution.OrderFilled;
import org.mmlab.api.marketdata.Trade;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.PositionView;
import org.mmlab.api.order.QuoteRequest;
import org.mmlab.api.order.QuoteView;
import org.mmlab.client.ExecutionResync;
import org.mmlab.client.LocalBook;
import org.mmlab.client.VenueClient;
import org.mmlab.client.VenueException;
import org.mmlab.client.VenueListener;
import org.mmlab.lob.Side;
import org.mmlab.strategy.MutableMarketContext;
import org.mmlab.strategy.QuoteDecision;
import org.mmlab.strategy.Strategy;
import org.mmlab.strategy.accounting.Account;
import org.mmlab.strategy.features.FeatureEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running strategy: the venue's book and trades feed a {@link FeatureEngine}; every decision
 * interval the {@link Strategy} decides on a {@link MutableMarketContext}, exactly as in the
 * backtester, and the decision becomes the client's quote; fills from the execution stream update
 * the {@link Account}.
 *
 * <p>Reconnects: the venue client resumes the execution stream where it stopped, so fills made
 * while it was down arrive once each. The inventory is still checked against the gateway's: each
 * fill carries the position after it, and a resync (a hole the gateway could not replay) carries
 * the positions; a difference is booked at the mid and logged. No quote is sent while the execution
 * stream is down (its fills would go unseen), and a quote the venue cancelled
 * (cancel-on-disconnect, kill switch, a reset) is sent again at the next decision.
 */
public final class LiveStrategy implements VenueListener {
  private static final Logger LOG = LoggerFactory.getLogger(LiveStrategy.class);

  private final String id;
  private final String type;
  private final String modelPath;
  private final Map<String, String> params;
  private final Strategy strategy;
  private final String apiKey;
  private final Integer keySlot;
  private final long maxInventory;
  private final long intervalNanos;
  private final StrategyMetrics metrics;
  private final Instant startedAt = Instant.now();

  // Guarded by "this": the model state fed by the streams and read by a decision.
  private final FeatureEngine features = new FeatureEngine();
  private final MutableMarketContext context = new MutableMarketContext();
  private final QuoteDecision decision = new QuoteDecision();
  private final Account account = new Account();
  private final long[] bidPx;
  private final long[] bidSz;
  private final long[] askPx;
  private final long[] askSz;
  private InstrumentInfo instrument;
  private long simTime;
  private long bestBid;
  private long bestBidSize;
  private long bestAsk;
  private long bestAskSize;
  private boolean twoSided;
  private long lastTickNanos;

  // Held while a decision is sent, so that stop() never races a quote.
  private final ReentrantLock quoting = new ReentrantLock();
  private volatile StrategyState state = StrategyState.STARTING;
  private volatile Instant stoppedAt;
  // Set once stop() has cancelled the quote and closed the streams: only then may another strategy
  // take the key (else this one's late cancel would hit the new one's quote).
  private volatile boolean keyReleased;
  private volatile String lastError;
  private volatile QuoteRequest lastQuote;
  private volatile long fills;
  private volatile long quotes;
  private volatile long quoteRejects;
  private VenueClient venue;
  private ScheduledFuture<?> schedule;

  LiveStrategy(
      String id,
      String type,
      String modelPath,
      Map<String, String> params,
      Strategy strategy,
      String apiKey,
      Integer keySlot,
      long maxInventory,
      long intervalNanos,
      StrategyMetrics metrics) {
    this.id = id;
    this.type = type;
    this.modelPath = modelPath;
    this.params = params;
    this.strategy = strategy;
    this.apiKey = apiKey;
    this.keySlot = keySlot;
    this.maxInventory = maxInventory;
    this.intervalNanos = intervalNanos;
    this.metrics = metrics;
    int levels = features.config().depthLevels();
    bidPx = new long[levels];
    bidSz = new long[levels];
    askPx = new long[levels];
    askSz = new long[levels];
    strategy.reset(0);
  }

  /** Connects to the venue with the client the function builds for this listener. */
  void connect(Function<VenueListener, VenueClient> clients) {
    venue = clients.apply(this);
    venue.subscribeExecutions();
    venue.subscribeMarketData();
  }

  void scheduled(ScheduledFuture<?> schedule) {
    this.schedule = schedule;
  }

  /** The id. */
  public String id() {
    return id;
  }

  // ---------------------------------------------------------------- market data

  @Override
  public void onSnapshot(LocalBook book, long simTime) {
    onBook(book, simTime);
  }

  @Override
  public synchronized void onBook(LocalBook book, long t) {
    instrument = book.instrument();
    if (t < features.timeNanos()) {
      features.reset(); // the simulation was reset: its clock starts again
    }
    simTime = t;
    int nb = book.bids(bidPx, bidSz);
    int na = book.asks(askPx, askSz);
    features.onBook(t, bidPx, bidSz, nb, askPx, askSz, na);
    twoSided = nb > 0 && na > 0;
    bestBid = nb > 0 ? bidPx[0] : 0;
    bestBidSize = nb > 0 ? bidSz[0] : 0;
    bestAsk = na > 0 ? askPx[0] : 0;
    bestAskSize = na > 0 ? askSz[0] : 0;
    lastTickNanos = System.nanoTime();
    strategy.onTopOfBook(t, bestBid, bestBidSize, bestAsk, bestAskSize);
  }

  @Override
  public synchronized void onTrade(Trade trade, long priceTicks, long sizeLots) {
    if (trade.simTime() >= features.timeNanos() && sizeLots > 0) {
      simTime = trade.simTime();
      boolean buyer = trade.aggressor() == org.mmlab.api.Side.BUY;
      features.onTrade(trade.simTime(), priceTicks, sizeLots, buyer);
      strategy.onMarketTrade(trade.simTime(), priceTicks, sizeLots, buyer);
    }
  }

  @Override
  public synchronized void onHeartbeat(long t, boolean running) {
    if (t >= features.timeNanos()) {
      simTime = t;
    }
  }

  // ---------------------------------------------------------------- executions

  @Override
  public void onExecution(ExecutionReport report) {
    if (report instanceof OrderCancelled c) {
      if (c.reason() != CancelReason.QUOTE_REPLACED && c.reason() != CancelReason.USER) {
        lastQuote = null; // the venue took the quote away: the next decision sends it again
      }
      return;
    }
    if (!(report instanceof OrderFilled f)) {
      return;
    }
    double edgeTicks;
    synchronized (this) {
      if (instrument == null) {
        lastError = "fill before the first snapshot ignored: " + f.clientOrderId();
        return;
      }
      long px = instrument.ticksOrInvalid(f.price());
      long sz = instrument.lotsOrInvalid(f.size());
      if (px == Long.MIN_VALUE || sz == Long.MIN_VALUE || sz <= 0) {
        lastError = "fill off the grid: " + f;
        return;
      }
      Side side = f.side() == org.mmlab.api.Side.BUY ? Side.BID : Side.ASK;
      // Realized spread: what the fill earned against the mid the strategy sees, in ticks.
      double mid = (bestBid + bestAsk) * 0.5;
      edgeTicks = !twoSided ? Double.NaN : side == Side.BID ? mid - px : px - mid;
      account.onFill(side, px, sz, 0.0);
      strategy.onFill(side, px, sz, f.simTime());
      fills++;
      reconcile(instrument.lotsOrInvalid(f.position()), "fill " + f.seq(), px);
    }
    metrics.fill(id, edgeTicks);
  }

  @Override
  public void onExecutionResync(ExecutionResync resync) {
    lastQuote = null; // the open orders may differ from the last quote sent
    synchronized (this) {
      if (instrument == null) {
        return;
      }
      long lots = 0;
      for (PositionView p : resync.positions()) {
        if (instrument.symbol().equals(p.symbol())) {
          lots = instrument.lotsOrInvalid(p.position());
        }
      }
      long mark = twoSided ? (bestBid + bestAsk) / 2 : 0;
      reconcile(
          lots, "resync after reports " + resync.expectedSeq() + ".." + resync.resumedSeq(), mark);
    }
  }

  /**
   * Books the difference between the gateway's position and the account's at {@code markTicks} (the
   * fills behind it were never seen). Caller holds the lock.
   */
  private void reconcile(long gatewayLots, String why, long markTicks) {
    long diff = gatewayLots - account.position();
    if (gatewayLots == Long.MIN_VALUE || diff == 0 || markTicks <= 0) {
      return;
    }
    account.onFill(diff > 0 ? Side.BID : Side.ASK, markTicks, Math.abs(diff), 0.0);
    lastError = "inventory corrected by " + diff + " lots to the gateway's (" + why + ")";
    LOG.warn("strategy {}: {}", id, lastError);
  }

  // ---------------------------------------------------------------- decisions

  /** One decision: runs on the service's scheduler every interval. */
  void decide() {
    if (state == StrategyState.STOPPED || !quoting.tryLock()) {
      return;
    }
    long start = System.nanoTime();
    try {
      if (state == StrategyState.STOPPED || !venue.executionsConnected()) {
        return; // no quoting blind: fills of a quote sent now could go unseen
      }
      QuoteRequest quote;
      long tick;
      synchronized (this) {
        if (!twoSided || instrument == null) {
          return;
        }
        features.advanceTime(simTime);
        context
            .time(simTime)
            .book(bestBid, bestBidSize, bestAsk, bestAskSize)
            .features(features)
            .inventory(account.position())
            .maxInventory(maxInventory)
            .decisionIntervalNanos(intervalNanos)
            .tickSize(instrument.tickSize().doubleValue())
            .remainingFraction(1.0);
        decision.clear();
        strategy.decide(context, decision);
        quote = toQuote(decision);
        tick = lastTickNanos;
      }
      state = StrategyState.RUNNING;
      if (quote.equals(lastQuote)) {
        return; // unchanged: the resting quote keeps its queue place
      }
      send(quote, start, tick);
    } catch (RuntimeException e) {
      lastError = e.toString();
      LOG.warn("strategy {}: decision failed", id, e);
    } finally {
      quoting.unlock();
    }
  }

  private QuoteRequest toQuote(QuoteDecision d) {
    boolean bid = d.bidSize() > 0 && d.bidPrice() > 0;
    boolean ask = d.askSize() > 0 && d.askPrice() > 0;
    if (bid && ask && d.bidPrice() >= d.askPrice()) {
      ask = false; // a crossed decision keeps its bid only
    }
    return new QuoteRequest(
        bid ? instrument.price(d.bidPrice()) : null,
        bid ? instrument.size(d.bidSize()) : null,
        ask ? instrument.price(d.askPrice()) : null,
        ask ? instrument.size(d.askSize()) : null);
  }

  private void send(QuoteRequest quote, long decisionStartNanos, long tickNanos) {
    long ready = System.nanoTime();
    try {
      QuoteView view = venue.quote(quote);
      long answered = System.nanoTime();
      quotes++;
      metrics.quote(id, ready - decisionStartNanos, answered - ready, answered - tickNanos);
      if (rejected(view.bid()) || rejected(view.ask())) {
        quoteRejects++;
        lastQuote = null; // try again next time
        OrderView r = rejected(view.bid()) ? view.bid() : view.ask();
        lastError = "quote side rejected: " + r.rejectCode();
      } else {
        lastQuote = quote;
      }
    } catch (VenueException e) {
      quoteRejects++;
      lastQuote = null;
      lastError = e.getMessage();
    }
  }

  private static boolean rejected(OrderView v) {
    return v != null && v.status() == OrderStatus.REJECTED;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Stops deciding, cancels the quote and disconnects. Idempotent. */
  void stop() {
    quoting.lock();
    try {
      if (state == StrategyState.STOPPED) {
        return;
      }
      state = StrategyState.STOPPED;
      stoppedAt = Instant.now();
      if (schedule != null) {
        schedule.cancel(false);
      }
      if (venue != null) {
        try {
          venue.cancelQuote();
        } catch (VenueException e) {
          lastError = "cancelling the quote: " + e.getMessage();
          LOG.warn("strategy {}: {}", id, lastError);
        }
        venue.close();
      }
      lastQuote = null;
    } finally {
      keyReleased = true;
      quoting.unlock();
    }
  }

  /** Whether this strategy trades under the key and has not released it by stopping. */
  boolean holdsKey(String key) {
    return !keyReleased && apiKey.equals(key);
  }

  /** The state. */
  StrategyState state() {
    return state;
  }

  /** Mark-to-market P&amp;L in the quote currency. */
  synchronized double pnl() {
    if (instrument == null) {
      return 0.0;
    }
    double mid = twoSided ? (bestBid + bestAsk) * 0.5 : features.value(FeatureEngine.MID);
    if (Double.isNaN(mid)) {
      mid = 0;
    }
    return account.equity(mid)
        * instrument.tickSize().doubleValue()
        * instrument.lotSize().doubleValue();
  }

  /** Signed inventory in lots. */
  synchronized long inventory() {
    return account.position();
  }

  /** The inventory limit the strategy sees, lots. */
  long maxInventory() {
    return maxInventory;
  }

  /** A snapshot of the status. */
  synchronized StrategyView view() {
    QuoteRequest q = lastQuote;
    return new StrategyView(
        id,
        type,
        strategy.name(),
        modelPath,
        params,
        state,
        startedAt,
        stoppedAt,
        venue != null && venue.marketDataLive(),
        pnl(),
        account.position(),
        instrument == null ? null : instrument.size(account.position()),
        fills,
        quotes,
        quoteRejects,
        q == null ? null : q.bidPrice(),
        q == null ? null : q.bidSize(),
        q == null ? null : q.askPrice(),
        q == null ? null : q.askSize(),
        keySlot,
        lastError);
  }

  static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
