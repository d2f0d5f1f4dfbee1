package org.mmlab.sim.market;

import java.nio.ByteBuffer;
import org.mmlab.lob.CancelReason;
import org.mmlab.lob.CommandType;
import org.mmlab.lob.OrderBook;
import org.mmlab.lob.OrderBookListener;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.BookSnapshot;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.SimulatedMarket;
import org.mmlab.sim.core.LongIdSet;

/**
 * A market whose exchange is the real matching engine: background order flow from a model
 * (subclasses) and the agent's orders meet in one {@link OrderBook}, so the agent's quotes take
 * queue places, trade with the flow and move the book exactly as anyone else's would. The agent is
 * owner {@link #AGENT}; each flow order is its own owner (its id), because the flow stands for many
 * independent traders and self-trade prevention must never cancel between them.
 */
public abstract class EngineMarket extends SimulatedMarket implements OrderBookListener {
  /** Owner id of the agent's orders. */
  public static final long AGENT = 1;

  /** The exchange's book. */
  protected final OrderBook book = new OrderBook(4096, 512);

  /** The flow's resting orders, for uniformly random cancellations. */
  protected final LongIdSet flowOrders = new LongIdSet(4096);

  private long nextFlowId;
  private boolean bookDirty;
  private boolean restoring; // rebuilding the book from a snapshot: no reports
  // Prices bounding the levels the agent last saw: a change beyond them is invisible.
  private long visibleBidFloor;
  private long visibleAskCeiling;

  /**
   * Creates the market.
   *
   * @param spec the spec string it was built from
   * @param instrument what is traded
   * @param conditions latencies, fees and book depth published to the agent
   */
  protected EngineMarket(String spec, Instrument instrument, MarketConditions conditions) {
    super(spec, instrument, conditions);
    book.addListener(this);
  }

  @Override
  protected final long startModel() {
    book.clear();
    flowOrders.clear();
    nextFlowId = MAX_AGENT_ORDER_ID + 1;
    bookDirty = false;
    visibleBidFloor = Long.MIN_VALUE;
    visibleAskCeiling = Long.MAX_VALUE;
    startFlow();
    return warmUpNanos();
  }

  /** Schedules the flow's first events. */
  protected abstract void startFlow();

  /**
   * How long the flow runs before the agent starts.
   *
   * @return nanoseconds of simulated warm-up
   */
  protected abstract long warmUpNanos();

  @Override
  protected final void publishBook() {
    BookSnapshot shown = feed.book(now(), book);
    int levels = shown.maxLevels();
    // With fewer levels than the snapshot holds, any new level is visible.
    visibleBidFloor = shown.bidLevels() < levels ? Long.MIN_VALUE : shown.bidPrices()[levels - 1];
    visibleAskCeiling = shown.askLevels() < levels ? Long.MAX_VALUE : shown.askPrices()[levels - 1];
  }

  @Override
  protected final boolean takeBookChanged() {
    boolean changed = bookDirty;
    bookDirty = false;
    return changed;
  }

  @Override
  protected final void executeCommand(
      byte command, long orderId, Side side, OrderType type, long price, long size) {
    switch (command) {
      case CMD_SUBMIT:
        book.submit(orderId, AGENT, side, type, price, size);
        break;
      case CMD_CANCEL:
        book.cancel(orderId);
        break;
      default:
        book.replace(orderId, price, size);
        break;
    }
  }

  /**
   * Writes the exchange's book (every resting order in time priority), the flow's orders and the
   * flow model's state ({@link #saveFlow}).
   */
  @Override
  protected final void saveModel(ByteBuffer out) {
    out.putLong(nextFlowId).put((byte) (bookDirty ? 1 : 0));
    out.putLong(visibleBidFloor).putLong(visibleAskCeiling);
    out.putInt(book.orderCount());
    book.forEachOrder(
        (id, owner, side, price, size) ->
            out.putLong(id).putLong(owner).put((byte) side.ordinal()).putLong(price).putLong(size));
    flowOrders.saveState(out);
    saveFlow(out);
  }

  /** Rebuilds the book order by order (equal priorities and state hash), then the flow's state. */
  @Override
  protected final void restoreModel(ByteBuffer in) {
    nextFlowId = in.getLong();
    boolean dirty = in.get() != 0;
    visibleBidFloor = in.getLong();
    visibleAskCeiling = in.getLong();
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / 33) {
      throw new IllegalStateException("market snapshot holds a bad order count: " + n);
    }
    book.clear();
    restoring = true;
    try {
      restoreOrders(in, n);
    } finally {
      restoring = false;
    }
    flowOrders.restoreState(in);
    bookDirty = dirty; // rebuilding marked it
    restoreFlow(in);
  }

  private void restoreOrders(ByteBuffer in, int n) {
    for (int k = 0; k < n; k++) {
      long id = in.getLong();
      long owner = in.getLong();
      Side side = in.get() == 0 ? Side.BID : Side.ASK;
      long price = in.getLong();
      long size = in.getLong();
      if (!book.submit(id, owner, side, OrderType.LIMIT, price, size)
          || book.remainingSize(id) != size) {
        throw new IllegalStateException("market snapshot order " + id + " does not rest again");
      }
    }
  }

  /**
   * Writes the flow model's own state beyond the book and the generator (none for zi).
   *
   * @param out where to write
   */
  protected void saveFlow(ByteBuffer out) {}

  /**
   * Restores what {@link #saveFlow} wrote.
   *
   * @param in where to read
   */
  protected void restoreFlow(ByteBuffer in) {}

  // ---- the flow's order entry (no latency: the model is the market itself) ----

  /**
   * Submits a flow order and tracks it while it rests.
   *
   * @param side side
   * @param type order type
   * @param price limit price in ticks
   * @param size lots
   */
  protected final void flowSubmit(Side side, OrderType type, long price, long size) {
    long id = nextFlowId++;
    if (book.submit(id, id, side, type, price, size) && book.remainingSize(id) > 0) {
      flowOrders.add(id);
    }
  }

  /**
   * Cancels a flow order.
   *
   * @param id the flow order's id
   */
  protected final void flowCancel(long id) {
    book.cancel(id);
  }

  // ---- engine events: route to the agent's feed ----

  @Override
  public final void onAccepted(
      long orderId, long owner, Side side, OrderType type, long price, long size) {
    if (owner == AGENT && !restoring) {
      feed.accepted(now(), orderId);
    }
  }

  @Override
  public final void onRejected(CommandType command, long orderId, long owner, RejectReason reason) {
    // An agent command on an unknown id reports NO_OWNER: the id range tells whose it was.
    if (orderId <= MAX_AGENT_ORDER_ID) {
      feed.rejected(now(), orderId, reason);
    }
  }

  @Override
  public final void onTrade(
      long makerOrderId,
      long takerOrderId,
      long makerOwner,
      long takerOwner,
      long price,
      long size,
      Side aggressorSide,
      long makerRemaining,
      long takerRemaining) {
    feed.trade(now(), price, size, aggressorSide);
    if (makerOwner == AGENT) {
      feed.fill(
          now(),
          makerOrderId,
          aggressorSide.opposite(),
          price,
          size,
          makerRemaining,
          true,
          fees.fee(price, size, true));
    } else if (makerRemaining == 0) {
      flowOrders.remove(makerOrderId);
    }
    if (takerOwner == AGENT) {
      feed.fill(
          now(),
          takerOrderId,
          aggressorSide,
          price,
          size,
          takerRemaining,
          false,
          fees.fee(price, size, false));
    }
  }

  @Override
  public final void onCancelled(
      long orderId, long owner, Side side, long price, long cancelledSize, CancelReason reason) {
    if (owner == AGENT) {
      feed.cancelled(now(), orderId, cancelledSize, reason);
    } else {
      flowOrders.remove(orderId);
    }
  }

  @Override
  public final void onLevelChanged(Side side, long price, long totalSize) {
    // Only changes within the levels the agent sees are published (a level leaving the top
    // lets a deeper one in, and that change is itself within the top).
    if (side == Side.BID ? price >= visibleBidFloor : price <= visibleAskCeiling) {
      bookDirty = true;
    }
  }

  @Override
  public final void onReplaced(
      long orderId,
      long owner,
      Side side,
      long oldPrice,
      long oldSize,
      long newPrice,
      long newSize,
      boolean priorityKept) {
    if (owner == AGENT) {
      feed.accepted(now(), orderId);
    }
  }

  /**
   * The exchange's book, for tests and diagnostics (the agent sees it only through the feed).
   *
   * @return the book
   */
  public final OrderBook book() {
    return book;
  }

  /**
   * A reference price for the flow when one side of the book is empty.
   *
   * @param fallback the price to use when both sides are empty
   * @return the mid, the one best price present, or the fallback
   */
  protected final long referencePrice(long fallback) {
    long bid = book.bestBid();
    long ask = book.bestAsk();
    boolean hasBid = bid != OrderBook.NO_BID;
    boolean hasAsk = ask != OrderBook.NO_ASK;
    if (hasBid && hasAsk) {
      return (bid + ask) >>> 1;
    }
    if (hasBid) {
      return bid;
    }
    if (hasAsk) {
      return ask;
    }
    return fallback;
  }
}
