package org.mmlab.sim.market;

import org.mmlab.lob.CancelReason;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
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

  // The agent's resting orders: a handful, so flat arrays.
  private final long[] orderId = new long[MAX_ORDERS];
  private final boolean[] orderBuy = new boolean[MAX_ORDERS];
  private final long[] orderPrice = new long[MAX_ORDERS];
  private final long[] orderSize = new long[MAX_ORDERS];
  private int orders;

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
    orders = 0;
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
      for (int i = 0; i < orders; i++) {
        if (orderBuy[i] == buyer) {
          continue;
        }
        double distance = buyer ? orderPrice[i] - mid : mid - orderPrice[i];
        if (distance <= reach
            && (best < 0
                || (buyer ? orderPrice[i] < orderPrice[best] : orderPrice[i] > orderPrice[best]))) {
          best = i;
        }
      }
      if (best < 0) {
        break;
      }
      long size = Math.min(left, orderSize[best]);
      left -= size;
      fillResting(best, size);
    }
    long tradePrice = Math.round(buyer ? mid + reach : mid - reach);
    feed.trade(now(), Math.max(1, tradePrice), params.marketSize(), buyer ? Side.BID : Side.ASK);
    scheduleArrival(kind);
  }

  private void fillResting(int i, long size) {
    long price = orderPrice[i];
    orderSize[i] -= size;
    feed.fill(
        now(),
        orderId[i],
        orderBuy[i] ? Side.BID : Side.ASK,
        price,
        size,
        orderSize[i],
        true,
        fees.fee(price, size, true));
    if (orderSize[i] == 0) {
      removeAt(i);
    }
  }

  private void removeAt(int i) {
    int last = --orders;
    orderId[i] = orderId[last];
    orderBuy[i] = orderBuy[last];
    orderPrice[i] = orderPrice[last];
    orderSize[i] = orderSize[last];
  }

  private int find(long id) {
    for (int i = 0; i < orders; i++) {
      if (orderId[i] == id) {
        return i;
      }
    }
    return -1;
  }

  @Override
  protected void executeCommand(
      byte command, long id, Side side, OrderType type, long price, long size) {
    if (command == CMD_CANCEL) {
      int i = find(id);
      if (i < 0) {
        feed.rejected(now(), id, RejectReason.UNKNOWN_ORDER);
        return;
      }
      feed.cancelled(now(), id, orderSize[i], CancelReason.USER);
      removeAt(i);
      return;
    }
    if (command == CMD_REPLACE) {
      int i = find(id);
      if (i < 0) {
        feed.rejected(now(), id, RejectReason.UNKNOWN_ORDER);
        return;
      }
      if (price < 1) {
        feed.rejected(now(), id, RejectReason.BAD_PRICE);
        return;
      }
      if (size < 1) {
        feed.rejected(now(), id, RejectReason.BAD_SIZE);
        return;
      }
      boolean buy = orderBuy[i];
      removeAt(i);
      feed.accepted(now(), id);
      place(id, buy, OrderType.LIMIT, price, size);
      return;
    }
    if (type != OrderType.MARKET && price < 1) {
      feed.rejected(now(), id, RejectReason.BAD_PRICE);
      return;
    }
    if (size < 1) {
      feed.rejected(now(), id, RejectReason.BAD_SIZE);
      return;
    }
    if (find(id) >= 0) {
      feed.rejected(now(), id, RejectReason.DUPLICATE_ORDER_ID);
      return;
    }
    boolean buy = side == Side.BID;
    boolean crosses = type == OrderType.MARKET || (buy ? price >= bestAsk() : price <= bestBid());
    if (type == OrderType.POST_ONLY && crosses) {
      feed.rejected(now(), id, RejectReason.POST_ONLY_WOULD_CROSS);
      return;
    }
    feed.accepted(now(), id);
    place(id, buy, type, price, size);
  }

  private void place(long id, boolean buy, OrderType type, long price, long size) {
    boolean crosses = type == OrderType.MARKET || (buy ? price >= bestAsk() : price <= bestBid());
    if (crosses) {
      // The synthetic book is deep enough for any agent order at its best price.
      long fillPrice = buy ? bestAsk() : bestBid();
      feed.fill(
          now(),
          id,
          buy ? Side.BID : Side.ASK,
          fillPrice,
          size,
          0,
          false,
          fees.fee(fillPrice, size, false));
      feed.trade(now(), fillPrice, size, buy ? Side.BID : Side.ASK);
      return;
    }
    if (type == OrderType.IOC) {
      feed.cancelled(now(), id, size, CancelReason.IOC_REMAINDER);
      return;
    }
    if (orders == MAX_ORDERS) {
      feed.cancelled(now(), id, size, CancelReason.USER);
      return;
    }
    orderId[orders] = id;
    orderBuy[orders] = buy;
    orderPrice[orders] = price;
    orderSize[orders] = size;
    orders++;
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
