package org.mmlab.strategy.backtest;

import org.mmlab.lob.CancelReason;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.BookSnapshot;
import org.mmlab.sim.Market;
import org.mmlab.sim.MarketListener;
import org.mmlab.sim.agent.Quoter;
import org.mmlab.strategy.MarketContext;
import org.mmlab.strategy.MutableMarketContext;
import org.mmlab.strategy.QuoteDecision;
import org.mmlab.strategy.Strategy;
import org.mmlab.strategy.accounting.Account;
import org.mmlab.strategy.features.FeatureConfig;
import org.mmlab.strategy.features.FeatureEngine;
import org.mmlab.strategy.metrics.MetricsCollector;
import org.mmlab.strategy.metrics.MetricsConfig;

/**
 * One agent trading on one market in fixed decision intervals: the piece the backtester, the RL
 * environment and training evaluation share, so a strategy sees the same thing everywhere.
 *
 * <p>It listens to the market (features, account, quoter and metrics are updated from what reaches
 * the agent, after latency), turns a {@link QuoteDecision} into commands through a {@link Quoter},
 * and advances time one interval at a time. Per step it also keeps the figures a reward needs: the
 * spread captured by the step's fills and the change in equity.
 *
 * <p>Call order per episode: {@link #reset}, {@link #recordStep}, then repeatedly {@link #quote}
 * (the decision at this step), {@link #advance}, {@link #recordStep} until {@link #truncated()} or
 * {@link #inventoryBreached()}.
 */
public final class TradingSession implements MarketListener {
  private final Market market;
  private final FeatureEngine features;
  private final Account account = new Account();
  private final Quoter quoter;
  private final MetricsCollector metrics;
  private final MutableMarketContext context = new MutableMarketContext();
  private final long intervalNanos;
  private final int steps;
  private final long maxInventory;
  private Strategy observer;

  private long start;
  private int step;
  private boolean hasBook;
  private long bidPrice;
  private long bidSize;
  private long askPrice;
  private long askSize;
  private double mid = Double.NaN;
  private double stepSpreadCapture;
  private long stepFilledLots;
  private long fills;

  /**
   * Creates a session.
   *
   * @param market the market (its listener becomes this session)
   * @param featureConfig feature windows
   * @param intervalNanos decision interval
   * @param steps decisions per episode
   * @param maxInventory the inventory limit, lots
   * @param recordSeries whether metrics keep per-step series for charts
   */
  public TradingSession(
      Market market,
      FeatureConfig featureConfig,
      long intervalNanos,
      int steps,
      long maxInventory,
      boolean recordSeries) {
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("decision interval must be positive");
    }
    if (steps <= 0) {
      throw new IllegalArgumentException("steps per episode must be positive: " + steps);
    }
    if (maxInventory <= 0) {
      throw new IllegalArgumentException("max inventory must be positive: " + maxInventory);
    }
    this.market = market;
    this.features = new FeatureEngine(featureConfig);
    this.quoter = new Quoter(market);
    this.metrics =
        new MetricsCollector(
            new MetricsConfig(intervalNanos, MetricsConfig.EQUITY_YEAR_SECONDS, recordSeries));
    this.intervalNanos = intervalNanos;
    this.steps = steps;
    this.maxInventory = maxInventory;
    context
        .decisionIntervalNanos(intervalNanos)
        .maxInventory(maxInventory)
        .tickSize(market.instrument().tickSize().doubleValue());
    market.setListener(this);
  }

  /**
   * A strategy that also hears the market between decisions (trades, top of book, own fills): the
   * classic market makers estimate volatility and fill intensity from them.
   *
   * @param strategy the strategy, or null
   */
  public void observe(Strategy strategy) {
    this.observer = strategy;
  }

  /**
   * Starts an episode.
   *
   * @param seed the market's seed for this episode
   */
  public void reset(long seed) {
    market.setListener(this);
    features.reset();
    account.reset();
    quoter.reset();
    metrics.reset();
    hasBook = false;
    mid = Double.NaN;
    step = 0;
    fills = 0;
    market.reset(seed);
    start = market.now();
    // Take the first book (it travels with the market-data latency) before the first decision.
    market.advanceTo(start);
    stepSpreadCapture = 0;
    stepFilledLots = 0;
  }

  /** Records the state at the current decision time in the metrics. */
  public void recordStep() {
    double spread = hasBook ? (double) (askPrice - bidPrice) : Double.NaN;
    metrics.onStep(market.now(), markPrice(), spread, equity(), account.position());
  }

  /**
   * Sends this step's decision.
   *
   * @param decision the wanted quote
   */
  public void quote(QuoteDecision decision) {
    quoter.quote(decision.bidPrice(), decision.bidSize(), decision.askPrice(), decision.askSize());
    metrics.onQuote(
        market.now(),
        decision.bidPrice(),
        decision.bidSize(),
        decision.askPrice(),
        decision.askSize());
  }

  /** Runs the market to the next decision time. */
  public void advance() {
    stepSpreadCapture = 0;
    stepFilledLots = 0;
    step++;
    market.advanceTo(start + step * intervalNanos);
    features.advanceTime(market.now());
  }

  /** Cancels the agent's quotes (end of an episode). */
  public void cancelQuotes() {
    quoter.cancelAll();
  }

  /**
   * The decision context at the current time.
   *
   * @return a view valid until the next call
   */
  public MarketContext context() {
    context
        .time(market.now())
        .book(
            hasBook ? bidPrice : 0,
            hasBook ? bidSize : 0,
            hasBook ? askPrice : 0,
            hasBook ? askSize : 0)
        .features(features)
        .inventory(account.position())
        .remainingFraction(Math.max(0.0, (steps - step) / (double) steps));
    return context;
  }

  /**
   * The agent's mark price: the latest mid it saw, or the feature engine's last mid when one side
   * of the book is empty.
   *
   * @return ticks, NaN before the first two-sided book
   */
  public double markPrice() {
    if (!Double.isNaN(mid)) {
      return mid;
    }
    return features.hasMid() ? features.value(FeatureEngine.MID) : Double.NaN;
  }

  /**
   * Net P&amp;L marked to the agent's mid.
   *
   * @return ticks × lots (0 before any mid)
   */
  public double equity() {
    double m = markPrice();
    return Double.isNaN(m) ? -account.feesPaid() + account.cash() : account.equity(m);
  }

  /**
   * Whether the episode reached its step limit (a time limit: {@code truncated}).
   *
   * @return true after the last step
   */
  public boolean truncated() {
    return step >= steps;
  }

  /**
   * Whether the inventory limit is breached (a real end: {@code terminated}).
   *
   * @return true when |inventory| exceeds the limit
   */
  public boolean inventoryBreached() {
    return Math.abs(account.position()) > maxInventory;
  }

  @Override
  public void onBook(long t, BookSnapshot book) {
    features.onBook(
        t,
        book.bidPrices(),
        book.bidSizes(),
        book.bidLevels(),
        book.askPrices(),
        book.askSizes(),
        book.askLevels());
    hasBook = book.isTwoSided();
    if (hasBook) {
      bidPrice = book.bestBid();
      bidSize = book.bestBidSize();
      askPrice = book.bestAsk();
      askSize = book.bestAskSize();
      mid = book.mid();
      metrics.onMid(t, mid);
    }
    if (observer != null) {
      observer.onTopOfBook(
          t, book.bestBid(), book.bestBidSize(), book.bestAsk(), book.bestAskSize());
    }
  }

  @Override
  public void onTrade(long t, long price, long size, Side aggressor) {
    features.onTrade(t, price, size, aggressor == Side.BID);
    if (observer != null) {
      observer.onMarketTrade(t, price, size, aggressor == Side.BID);
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
    account.onFill(side, price, size, fee);
    quoter.onFill(orderId, remaining);
    double m = markPrice();
    double reference = Double.isNaN(m) ? price : m;
    metrics.onFill(t, side, price, size, reference);
    stepSpreadCapture += Math.abs(price - reference) * size;
    stepFilledLots += size;
    fills++;
    if (observer != null) {
      observer.onFill(side, price, size, t);
    }
  }

  @Override
  public void onCancelled(long t, long orderId, long size, CancelReason reason) {
    quoter.onCancelled(orderId, reason);
  }

  @Override
  public void onRejected(long t, long orderId, RejectReason reason) {
    quoter.onRejected(orderId, reason);
  }

  /**
   * Spread captured by this step's fills: Σ |fill price − mid at fill| × size.
   *
   * @return ticks × lots
   */
  public double stepSpreadCapture() {
    return stepSpreadCapture;
  }

  /**
   * Lots filled during this step.
   *
   * @return lots
   */
  public long stepFilledLots() {
    return stepFilledLots;
  }

  /**
   * Decisions taken so far this episode.
   *
   * @return steps
   */
  public int step() {
    return step;
  }

  /**
   * Decisions per episode.
   *
   * @return steps
   */
  public int steps() {
    return steps;
  }

  /**
   * The account.
   *
   * @return the live account
   */
  public Account account() {
    return account;
  }

  /**
   * The features.
   *
   * @return the live feature engine
   */
  public FeatureEngine features() {
    return features;
  }

  /**
   * The metrics of the current episode.
   *
   * @return the live collector
   */
  public MetricsCollector metrics() {
    return metrics;
  }

  /**
   * The market.
   *
   * @return the market
   */
  public Market market() {
    return market;
  }

  /**
   * The inventory limit.
   *
   * @return lots
   */
  public long maxInventory() {
    return maxInventory;
  }

  /**
   * Fills this episode.
   *
   * @return count
   */
  public long fills() {
    return fills;
  }
}
