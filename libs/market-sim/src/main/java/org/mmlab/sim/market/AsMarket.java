package org.mmlab.sim.market;

import org.mmlab.lob.CancelReason;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.Side;
import org.mmlab.sim.AgentOrders;
import org.mmlab.sim.BookSnapshot;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.SimulatedMarket;
import org.mmlab.sim.core.Durations;

/**
 * The Avellaneda–Stoikov market (see {@link AsParams}): there is no order book to queue in, only a
 * mid-price and arriving market orders.
 *
 * <ul>
 *   <li>The mid moves by {@code σ·√dt·N(0,1)} every {@code dt}; it is a real number of ticks.
 *   <li>Buy and sell market orders each arrive as a Poisson process with rate {@code A}; each
 *       reaches a depth {@code D ~ Exp(k)} ticks beyond the mid and fills every agent quote within
 *       it (a sell quote at price {@code p} fills when {@code p − mid ≤ D}), up to its size. The
 *       probability per unit time that a quote at distance {@code δ} fills is then {@code
 *       A·exp(−kδ)}, the paper's intensity. Every arrival prints a trade at {@code mid ± D} rounded
 *       to the tick, whether or not it met the agent.
 *   <li>The visible book is synthetic: best bid {@code ceil(mid) − 1}, best ask {@code floor(mid) +
 *       1}, {@code bookDepth} lots on each level. Agent orders that cross it (at or through the
 *       opposite best) trade at once at that price as takers; post-only ones are rejected.
 * </ul>
 */
public final class AsMarket extends SimulatedMarket {
  private static final int KIND_MID_STEP = KIND_MODEL;
  private static final int KIND_BUY_ARRIVAL = KIND_MODEL + 1;
  private static final int KIND_SELL_ARRIVAL = KIND_MODEL + 2;
  private static final int MAX_ORDERS = 64;

  private final AsParams params;
  private final long stepNanos;
  private final double stepStd;
  private final BookSnapshot visible;
  private final long[] levelPrices;
  private final long[] levelSizes;
  private final long[] askPrices;
  private double mid;

  // The agent's resting orders; with no queues their order only breaks ties at equal prices.
  private final AgentOrders<AgentOrders.Order> orders =
      new AgentOrders<>(
          this,
          Long.MAX_VALUE,
          /* fifo= */ false,
          AgentOrders.Order::new,
          this::crosses,
          this::place);

  /**
   * Creates the market.
   *
   * @param spec the spec string
   * @param instrument what is traded
   * @param params the model's parameters
   * @param conditions latencies and fees
   */
  public AsMarket(
      String spec, Instrument instrument, AsParams params, MarketConditions conditions) {
    super(spec, instrument, conditions);
    this.params = params;
    this.stepNanos = Math.max(1, (long) (params.stepSeconds() * Durations.SECOND));
    this.stepStd = params.sigma() * Math.sqrt(stepNanos / (double) Durations.SECOND);
    int levels = conditions.bookLevels();
    visible = new BookSnapshot(levels);
    levelPrices = new long[levels];
    levelSizes = new long[levels];
    askPrices = new long[levels];
    java.util.Arrays.fill(levelSizes, params.bookDepth());
  }

  /**
   * The current mid, for tests.
   *
   * @return ticks
   */
  public double mid() {
    return mid;
  }

  @Override
  protected long startModel() {
    mid = params.initialMid();
    orders.clear();
    queue.schedule(stepNanos, KIND_MID_STEP, 0, 0);
    scheduleArrival(KIND_BUY_ARRIVAL);
    scheduleArrival(KIND_SELL_ARRIVAL);
    return 0;
  }

  private void scheduleArrival(int kind) {
    long wait = (long) Math.ceil(rng.nextExponential(params.arrivalRate()) * Durations.SECOND);
    queue.schedule(now() + Math.max(1, wait), kind, 0, 0);
  }

  private long bestBid() {
    return (long) Math.ceil(mid) - 1;
  }

  private long bestAsk() {
    return (long) Math.floor(mid) + 1;
  }

  private boolean crosses(Side side, long price) {
    return side == Side.BID ? price >= bestAsk() : price <= bestBid();
  }

  private boolean bookChanged;

  @Override
  protected void onModelEvent(int kind, long arg0, long arg1) {
    if (kind == KIND_MID_STEP) {
      mid += stepStd * rng.nextGaussian();
      if (mid < 2) {
        mid = 2;
      }
      bookChanged = true;
      queue.schedule(now() + stepNanos, KIND_MID_STEP, 0, 0);
      return;
    }
    boolean buyer = kind == KIND_BUY_ARRIVAL;
    double reach = rng.nextExponential(params.decay());
    long left = params.marketSize();
    // Agent quotes within reach fill, best-priced first.
    while (left > 0) {
      int best = -1;
      long bestPrice = 0;
      for (int i = 0; i < orders.size(); i++) {
        AgentOrders.Order o = orders.get(i);
        if ((o.side() == Side.BID) == buyer) {
          continue;
        }
        double distance = buyer ? o.price() - mid : mid - o.price();
        if (distance <= reach
            && (best < 0 || (buyer ? o.price() < bestPrice : o.price() > bestPrice))) {
          best = i;
          bestPrice = o.price();
        }
      }
      if (best < 0) {
        break;
      }
      long size = Math.min(left, orders.get(best).remaining());
      left -= size;
      orders.fillMaker(best, size);
    }
    long tradePrice = Math.round(buyer ? mid + reach : mid - reach);
    feed.trade(now(), Math.max(1, tradePrice), params.marketSize(), buyer ? Side.BID : Side.ASK);
    scheduleArrival(kind);
  }

  @Override
  protected void executeCommand(
      byte command, long id, Side side, OrderType type, long price, long size) {
    orders.execute(command, id, side, type, price, size);
  }

  private void place(long id, Side side, OrderType type, long price, long size) {
    if (type == OrderType.MARKET || crosses(side, price)) {
      // The synthetic book is deep enough for any agent order at its best price.
      long fillPrice = side == Side.BID ? bestAsk() : bestBid();
      orders.fillTaker(id, side, fillPrice, size, 0);
      return;
    }
    if (!orders.remainderRests(id, type, size)) {
      return;
    }
    if (orders.size() == MAX_ORDERS) {
      feed.cancelled(now(), id, size, CancelReason.USER);
      return;
    }
    orders.add(id, side, price, size);
  }

  @Override
  protected void publishBook() {
    int n = levelPrices.length;
    long bid = bestBid();
    long ask = bestAsk();
    for (int i = 0; i < n; i++) {
      levelPrices[i] = bid - i;
      askPrices[i] = ask + i;
    }
    visible.set(levelPrices, levelSizes, n, askPrices, levelSizes, n);
    feed.book(now(), visible);
  }

  @Override
  protected boolean takeBookChanged() {
    boolean c = bookChanged;
    bookChanged = false;
    return c;
  }
}
