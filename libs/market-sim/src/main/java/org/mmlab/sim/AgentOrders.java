package org.mmlab.sim;

import java.util.Arrays;
import java.util.function.Supplier;
import org.mmlab.lob.CancelReason;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;

/**
 * The agent's resting orders at a market that keeps them beside its own book (the replays and the
 * Avellaneda–Stoikov model; engine markets rest them in the engine), and the command handling such
 * markets share. Commands are checked as the engine checks them, rejections going to the market's
 * {@link AgentFeed}: price below 1 tick or above the market's largest ({@link
 * RejectReason#BAD_PRICE}; not checked for market orders), size below 1 ({@link
 * RejectReason#BAD_SIZE}), the id of a resting order ({@link RejectReason#DUPLICATE_ORDER_ID}),
 * cancel or replace of an id not resting ({@link RejectReason#UNKNOWN_ORDER}), a post-only order
 * that would cross ({@link RejectReason#POST_ONLY_WOULD_CROSS}). A cancel reports the open size
 * ({@link CancelReason#USER}); a replace re-enters the order as a limit order, except that in a
 * FIFO market a replace to the same price with no more size shrinks it in place and so keeps its
 * queue place. What an accepted order reaches, the queue model and the fill rules stay with the
 * market, which reports through {@link #fillTaker}, {@link #remainderRests} and {@link #fillMaker}
 * and rests orders with {@link #add}.
 *
 * <p>Entries are preallocated and reused: nothing is allocated per command once as many orders have
 * rested at the same time as ever before.
 *
 * @param <O> the market's entry type, with its queue state beside the common fields
 */
public final class AgentOrders<O extends AgentOrders.Order> {

  /** One resting order; a market extends it with its own queue state. */
  public static class Order {
    long id;
    Side side;
    long price;
    long remaining;

    /** Creates an empty entry, filled in by {@link AgentOrders#add}. */
    public Order() {}

    /**
     * The agent's id.
     *
     * @return the id
     */
    public final long id() {
      return id;
    }

    /**
     * Buy or sell.
     *
     * @return the side
     */
    public final Side side() {
      return side;
    }

    /**
     * Limit price.
     *
     * @return ticks
     */
    public final long price() {
      return price;
    }

    /**
     * Open size.
     *
     * @return lots, more than 0 while the order rests
     */
    public final long remaining() {
      return remaining;
    }
  }

  /** Whether a limit order would trade at once against the market's opposite best. */
  @FunctionalInterface
  public interface Crossing {
    /**
     * Tests a limit price.
     *
     * @param side the order's side
     * @param price limit price, ticks
     * @return true when the price reaches the opposite best
     */
    boolean crosses(Side side, long price);
  }

  /** What the market does with an order it has accepted. */
  @FunctionalInterface
  public interface Placement {
    /**
     * Trades what the order reaches, then rests the remainder (through {@link #add}) or cancels it.
     *
     * @param orderId the agent's id
     * @param side buy or sell
     * @param type order type ({@link OrderType#LIMIT} for a replace)
     * @param price limit price, ticks (meaningless for market orders)
     * @param size lots
     */
    void place(long orderId, Side side, OrderType type, long price, long size);
  }

  private final SimulatedMarket market;
  private final AgentFeed feed;
  private final Fees fees;
  private final long maxPrice;
  private final boolean fifo;
  private final Supplier<O> newOrder;
  private final Crossing crossing;
  private final Placement placement;
  private Order[] orders = new Order[0];
  private int count;

  /**
   * Creates an empty set for a market.
   *
   * @param market the market: its clock, feed and fees
   * @param maxPrice largest price a command may give, ticks
   * @param fifo whether the orders queue in arrival order: a removal keeps the others' order and a
   *     replace that only shrinks an order keeps its place; otherwise the last order moves into the
   *     gap of a removed one and every replace re-enters the order
   * @param newOrder creates the market's entries
   * @param crossing the market's crossing test, for post-only orders
   * @param placement what the market does with an accepted order
   */
  public AgentOrders(
      SimulatedMarket market,
      long maxPrice,
      boolean fifo,
      Supplier<O> newOrder,
      Crossing crossing,
      Placement placement) {
    this.market = market;
    this.feed = market.feed;
    this.fees = market.fees;
    this.maxPrice = maxPrice;
    this.fifo = fifo;
    this.newOrder = newOrder;
    this.crossing = crossing;
    this.placement = placement;
    grow();
  }

  /**
   * Resting orders.
   *
   * @return count
   */
  public int size() {
    return count;
  }

  /**
   * A resting order; valid until the next removal.
   *
   * @param i index, {@code 0 <= i < size()}
   * @return the entry
   */
  @SuppressWarnings("unchecked")
  public O get(int i) {
    return (O) orders[i];
  }

  /**
   * Where an order rests.
   *
   * @param id the agent's id
   * @return its index, or -1 when it does not rest
   */
  public int find(long id) {
    for (int i = 0; i < count; i++) {
      if (orders[i].id == id) {
        return i;
      }
    }
    return -1;
  }

  /** Forgets every order (a new episode). */
  public void clear() {
    count = 0;
  }

  /**
   * Rests an order after the others; the market then sets its own fields on the entry.
   *
   * @param id the agent's id
   * @param side buy or sell
   * @param price limit price, ticks
   * @param size open lots
   * @return the entry
   */
  public O add(long id, Side side, long price, long size) {
    if (count == orders.length) {
      grow();
    }
    O o = get(count++);
    o.id = id;
    o.side = side;
    o.price = price;
    o.remaining = size;
    return o;
  }

  /**
   * Removes a resting order.
   *
   * @param i its index
   */
  public void removeAt(int i) {
    Order o = orders[i];
    int last = --count;
    if (fifo) {
      System.arraycopy(orders, i + 1, orders, i, last - i);
    } else {
      orders[i] = orders[last];
    }
    // Keep the entry for reuse.
    orders[last] = o;
  }

  /**
   * Fills a resting order at its price as maker, with the maker fee; a full fill removes it.
   *
   * @param i its index
   * @param size lots, at most its open size
   * @return true while it still rests (false: removed, and another order, if any, is now at i)
   */
  public boolean fillMaker(int i, long size) {
    Order o = orders[i];
    o.remaining -= size;
    feed.fill(
        market.now(),
        o.id,
        o.side,
        o.price,
        size,
        o.remaining,
        true,
        fees.fee(o.price, size, true));
    if (o.remaining == 0) {
      removeAt(i);
      return false;
    }
    return true;
  }

  /**
   * Reports that an incoming order took liquidity, as taker with the taker fee, and prints the
   * trade (the agent's side as aggressor).
   *
   * @param id the agent's id
   * @param side the order's side
   * @param price fill price, ticks
   * @param size filled lots
   * @param remaining lots the order still has
   */
  public void fillTaker(long id, Side side, long price, long size, long remaining) {
    long now = market.now();
    feed.fill(now, id, side, price, size, remaining, false, fees.fee(price, size, false));
    feed.trade(now, price, size, side);
  }

  /**
   * Ends what an order has left after trading when it may not rest: a market order's remainder is
   * cancelled ({@link CancelReason#MARKET_REMAINDER}), an IOC order's too ({@link
   * CancelReason#IOC_REMAINDER}).
   *
   * @param id the agent's id
   * @param type order type
   * @param left lots left
   * @return true when a remainder is left to rest (a limit or post-only order's)
   */
  public boolean remainderRests(long id, OrderType type, long left) {
    if (left == 0) {
      return false;
    }
    if (type == OrderType.MARKET) {
      feed.cancelled(market.now(), id, left, CancelReason.MARKET_REMAINDER);
      return false;
    }
    if (type == OrderType.IOC) {
      feed.cancelled(market.now(), id, left, CancelReason.IOC_REMAINDER);
      return false;
    }
    return true;
  }

  /**
   * Executes an agent command at the market (see the class comment).
   *
   * @param command {@link SimulatedMarket#CMD_SUBMIT}, {@link SimulatedMarket#CMD_CANCEL} or {@link
   *     SimulatedMarket#CMD_REPLACE}
   * @param id the agent's order id
   * @param side side (submit only)
   * @param type order type (submit only)
   * @param price price in ticks (submit and replace)
   * @param size lots (submit and replace)
   */
  public void execute(byte command, long id, Side side, OrderType type, long price, long size) {
    long now = market.now();
    if (command == SimulatedMarket.CMD_CANCEL) {
      int i = find(id);
      if (i < 0) {
        feed.rejected(now, id, RejectReason.UNKNOWN_ORDER);
        return;
      }
      feed.cancelled(now, id, orders[i].remaining, CancelReason.USER);
      removeAt(i);
      return;
    }
    if (command == SimulatedMarket.CMD_REPLACE) {
      int i = find(id);
      if (i < 0) {
        feed.rejected(now, id, RejectReason.UNKNOWN_ORDER);
      } else if (checkPriceAndSize(now, id, OrderType.LIMIT, price, size)) {
        replace(now, i, price, size);
      }
      return;
    }
    if (!checkPriceAndSize(now, id, type, price, size)) {
      return;
    }
    if (find(id) >= 0) {
      feed.rejected(now, id, RejectReason.DUPLICATE_ORDER_ID);
      return;
    }
    if (type == OrderType.POST_ONLY && crossing.crosses(side, price)) {
      feed.rejected(now, id, RejectReason.POST_ONLY_WOULD_CROSS);
      return;
    }
    feed.accepted(now, id);
    placement.place(id, side, type, price, size);
  }

  private boolean checkPriceAndSize(long now, long id, OrderType type, long price, long size) {
    if (type != OrderType.MARKET && (price < 1 || price > maxPrice)) {
      feed.rejected(now, id, RejectReason.BAD_PRICE);
      return false;
    }
    if (size < 1) {
      feed.rejected(now, id, RejectReason.BAD_SIZE);
      return false;
    }
    return true;
  }

  private void replace(long now, int i, long price, long size) {
    Order o = orders[i];
    long id = o.id;
    if (fifo && price == o.price && size <= o.remaining) {
      // Shrinking in place keeps the queue place.
      o.remaining = size;
      feed.accepted(now, id);
      return;
    }
    Side side = o.side;
    removeAt(i);
    feed.accepted(now, id);
    placement.place(id, side, OrderType.LIMIT, price, size);
  }

  private void grow() {
    int n = orders.length;
    orders = Arrays.copyOf(orders, Math.max(8, n * 2));
    for (int k = n; k < orders.length; k++) {
      orders[k] = newOrder.get();
    }
  }
}
