package org.mmlab.lob;

/**
 * A limit order book and price-time priority matching engine for one instrument.
 *
 * <p>Prices are {@code long} ticks in {@code [MIN_PRICE, MAX_PRICE]}, sizes {@code long} lots
 * greater than zero; the total size resting at one price must fit in a {@code long}. Order ids are
 * positive and unique among resting orders (an id may be reused once its order has left the book).
 * Every order carries an owner (client) id, any {@code long}. Implementations are single-threaded:
 * commands and queries must come from one thread at a time.
 *
 * <h2>Event order</h2>
 *
 * Every command reports its outcome to the registered listeners (in registration order, each
 * listener receiving the complete stream) as follows. "Matching" below is shared by submit and
 * replace:
 *
 * <p><b>Matching</b> an incoming order (the taker) of side S with limit price P: while the taker
 * has size left and the best opposite level crosses P (an ask at or below a buy's P, a bid at or
 * above a sell's P; a market order crosses every price), the best opposite level is worked in FIFO
 * order. For each resting order of the level, until the taker is filled:
 *
 * <ul>
 *   <li>same owner as the taker (self-trade prevention): the resting order is removed, {@link
 *       OrderBookListener#onCancelled onCancelled(maker, ..., SELF_TRADE)} with its whole remaining
 *       size, and matching continues;
 *   <li>otherwise {@link OrderBookListener#onTrade onTrade} at the resting order's price for {@code
 *       min(maker remaining, taker remaining)}; a maker whose remaining size reaches 0 leaves the
 *       book (no separate event: {@code makerRemaining == 0}).
 * </ul>
 *
 * When the level has been worked (emptied, or the taker filled), one {@link
 * OrderBookListener#onLevelChanged onLevelChanged(opposite side, level price, new total)} follows
 * (total 0 when the level is gone), then the next level is worked.
 *
 * <p><b>{@link #submit submit}</b>:
 *
 * <ol>
 *   <li>Validation, first failure wins, in this order: {@code BAD_ORDER_ID} (id &le; 0), {@code
 *       BAD_SIDE}, {@code BAD_ORDER_TYPE} (null), {@code BAD_PRICE} (except MARKET), {@code
 *       BAD_SIZE}, {@code DUPLICATE_ORDER_ID}, {@code POST_ONLY_WOULD_CROSS}: exactly one {@link
 *       OrderBookListener#onRejected onRejected(SUBMIT, ...)}, nothing else; returns false.
 *   <li>{@link OrderBookListener#onAccepted onAccepted}.
 *   <li>Matching.
 *   <li>If size remains: LIMIT and POST_ONLY rest at the back of their price level, reported by
 *       {@code onLevelChanged(side, price, new total)}; IOC gets {@code onCancelled(...,
 *       IOC_REMAINDER)} and MARKET {@code onCancelled(..., MARKET_REMAINDER)} with the remaining
 *       size. A fully filled order gets no further event ({@code takerRemaining == 0}).
 * </ol>
 *
 * <p><b>{@link #cancel cancel}</b>: unknown id: {@code onRejected(CANCEL, id, NO_OWNER,
 * UNKNOWN_ORDER)}. Otherwise {@code onCancelled(..., USER)} then {@code onLevelChanged}.
 *
 * <p><b>{@link #replace replace}</b> (the new size is the new <em>remaining</em> size):
 *
 * <ol>
 *   <li>Validation in this order: {@code UNKNOWN_ORDER}, {@code BAD_PRICE}, {@code BAD_SIZE}:
 *       exactly one {@code onRejected(REPLACE, ...)}; returns false.
 *   <li>Same price, size not increased: {@code onReplaced(..., priorityKept = true)}, then {@code
 *       onLevelChanged} if the size decreased. The order keeps its queue place.
 *   <li>Same price, size increased: {@code onReplaced(..., false)}, then {@code onLevelChanged};
 *       the order is now last at its level.
 *   <li>New price: {@code onReplaced(..., false)}; the order leaves its old level, {@code
 *       onLevelChanged(side, old price, new total)}; matching as a LIMIT taker at the new price;
 *       any remainder rests at the back of the new level, {@code onLevelChanged(side, new price,
 *       new total)}. A post-only order is not re-checked: a crossing replace trades.
 * </ol>
 */
public interface LimitOrderBook {

  /** {@link #bestBid()} when there are no bids; below every valid price. */
  long NO_BID = Long.MIN_VALUE;

  /** {@link #bestAsk()} when there are no asks; above every valid price. */
  long NO_ASK = Long.MAX_VALUE;

  /** Lowest valid price. */
  long MIN_PRICE = 1L;

  /** Highest valid price. */
  long MAX_PRICE = Long.MAX_VALUE - 1;

  /** The price reported for market orders, and by {@link #orderPrice} for unknown orders. */
  long MARKET_PRICE = 0L;

  /** The owner reported when rejecting a cancel or replace of an unknown order. */
  long NO_OWNER = Long.MIN_VALUE;

  /**
   * Submits a new order.
   *
   * @param orderId positive id, not currently resting
   * @param owner owner (client) id, used for self-trade prevention
   * @param side buy ({@link Side#BID}) or sell ({@link Side#ASK})
   * @param type order type
   * @param price limit price in ticks; ignored for {@link OrderType#MARKET}
   * @param size size in lots, positive
   * @return {@code true} if accepted (it may still have traded or been cancelled), {@code false} if
   *     rejected
   */
  boolean submit(long orderId, long owner, Side side, OrderType type, long price, long size);

  /**
   * Cancels a resting order.
   *
   * @param orderId the order id
   * @return {@code true} if the order was resting and is now cancelled
   */
  boolean cancel(long orderId);

  /**
   * Changes a resting order's price and/or remaining size. A size decrease (or no change) at the
   * same price keeps queue priority; a size increase or a price change moves the order to the back
   * of the queue at the new price, and a crossing price matches like a limit order.
   *
   * @param orderId the order id
   * @param newPrice the new price in ticks
   * @param newSize the new remaining size, positive
   * @return {@code true} if replaced, {@code false} if rejected
   */
  boolean replace(long orderId, long newPrice, long newSize);

  /**
   * Registers a listener; it receives events after those already registered.
   *
   * @param listener the listener
   */
  void addListener(OrderBookListener listener);

  /**
   * Unregisters a listener.
   *
   * @param listener the listener
   * @return {@code true} if it was registered
   */
  boolean removeListener(OrderBookListener listener);

  /**
   * Returns the highest bid price.
   *
   * @return the best bid, or {@link #NO_BID} if there are no bids
   */
  long bestBid();

  /**
   * Returns the lowest ask price.
   *
   * @return the best ask, or {@link #NO_ASK} if there are no asks
   */
  long bestAsk();

  /**
   * Copies the best levels of one side, best first, into caller-supplied arrays. Allocation-free.
   *
   * @param side the side
   * @param maxLevels at most this many levels are written
   * @param prices receives level prices, from index 0
   * @param sizes receives level total sizes, from index 0
   * @return the number of levels written: {@code min(maxLevels, prices.length, sizes.length,
   *     levelCount(side))}
   */
  int depth(Side side, int maxLevels, long[] prices, long[] sizes);

  /**
   * Returns the total resting size at a price.
   *
   * @param side the side
   * @param price the price
   * @return the total size, 0 if there is no such level
   */
  long sizeAt(Side side, long price);

  /**
   * Returns the number of non-empty price levels on a side.
   *
   * @param side the side
   * @return the level count
   */
  int levelCount(Side side);

  /**
   * Returns the number of resting orders on both sides.
   *
   * @return the order count
   */
  int orderCount();

  /**
   * Returns a resting order's remaining size.
   *
   * @param orderId the order id
   * @return the remaining size, 0 if the order is not resting
   */
  long remainingSize(long orderId);

  /**
   * Returns a resting order's price.
   *
   * @param orderId the order id
   * @return the price, or {@link #MARKET_PRICE} (0) if the order is not resting
   */
  long orderPrice(long orderId);

  /**
   * Returns a resting order's queue position: the total size of the orders ahead of it at its price
   * level. Costs a walk of the orders ahead.
   *
   * @param orderId the order id
   * @return the size ahead (0 at the front of the queue), or -1 if the order is not resting
   */
  long queuePosition(long orderId);

  /**
   * Returns a deterministic hash of the full resting state: for each side (bids, then asks) its
   * level count, then best level first each level's price and order count and each of its orders in
   * FIFO order with id, owner and remaining size. Two books in the same state have the same hash
   * whatever their implementation.
   *
   * @return the state hash
   */
  long stateHash();

  /** Removes every order without emitting events, keeping preallocated memory. */
  void clear();
}
