package org.mmlab.lob;

/**
 * Receives every state change of a {@link LimitOrderBook}, synchronously, on the thread that issued
 * the command. All arguments are primitives or enum constants, so delivering an event never
 * allocates. Every method has an empty default so an implementation overrides only what it needs.
 *
 * <p>The order in which events arrive for each command is part of the contract and is documented on
 * {@link LimitOrderBook}. A listener must not issue commands to the book it listens to; queries are
 * allowed but may observe the book part-way through a command.
 */
public interface OrderBookListener {

  /**
   * A submitted order passed validation and will now be matched.
   *
   * @param orderId the order id
   * @param owner the owner (client) id
   * @param side the order's side
   * @param type the order type
   * @param price the limit price, or {@link LimitOrderBook#MARKET_PRICE} for a market order
   * @param size the submitted size in lots
   */
  default void onAccepted(
      long orderId, long owner, Side side, OrderType type, long price, long size) {}

  /**
   * A command was rejected; the book is unchanged.
   *
   * @param command which command was rejected
   * @param orderId the order id the command named
   * @param owner the submitted owner for {@link CommandType#SUBMIT}; for cancel and replace the
   *     resting order's owner, or {@link LimitOrderBook#NO_OWNER} if the order is unknown
   * @param reason why
   */
  default void onRejected(CommandType command, long orderId, long owner, RejectReason reason) {}

  /**
   * A trade between a resting (maker) order and the incoming (taker) order.
   *
   * @param makerOrderId the resting order
   * @param takerOrderId the incoming order (a submitted order, or a replaced order that crossed)
   * @param makerOwner owner of the maker
   * @param takerOwner owner of the taker
   * @param price the trade price, always the maker's price
   * @param size the traded size in lots, positive
   * @param aggressorSide the taker's side
   * @param makerRemaining the maker's size left after this trade; 0 means it has left the book
   * @param takerRemaining the taker's size left after this trade
   */
  default void onTrade(
      long makerOrderId,
      long takerOrderId,
      long makerOwner,
      long takerOwner,
      long price,
      long size,
      Side aggressorSide,
      long makerRemaining,
      long takerRemaining) {}

  /**
   * An order (or the unfilled remainder of one) left the book, or will never rest, without trading.
   *
   * @param orderId the order id
   * @param owner the order's owner
   * @param side the order's side
   * @param price the order's price ({@link LimitOrderBook#MARKET_PRICE} for a market order)
   * @param cancelledSize the size removed, positive
   * @param reason why
   */
  default void onCancelled(
      long orderId, long owner, Side side, long price, long cancelledSize, CancelReason reason) {}

  /**
   * A resting order was replaced. Sent before any resulting trades and level changes.
   *
   * @param orderId the order id (unchanged by a replace)
   * @param owner the order's owner
   * @param side the order's side
   * @param oldPrice price before
   * @param oldSize remaining size before
   * @param newPrice price after
   * @param newSize remaining size after (before any matching at the new price)
   * @param priorityKept {@code true} if the order kept its queue place (same price, size not
   *     increased), {@code false} if it moved to the back of the queue at {@code newPrice}
   */
  default void onReplaced(
      long orderId,
      long owner,
      Side side,
      long oldPrice,
      long oldSize,
      long newPrice,
      long newSize,
      boolean priorityKept) {}

  /**
   * The total resting size at a price level changed.
   *
   * @param side the level's side
   * @param price the level's price
   * @param totalSize the new total size at the level; 0 means the level is gone
   */
  default void onLevelChanged(Side side, long price, long totalSize) {}
}
