package org.mmlab.sim;

import org.mmlab.lob.CancelReason;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;

/**
 * What a market tells the agent: public market data and the agent's own execution reports, each at
 * the simulated time it reaches the agent (after market-data latency). Arguments are primitives or
 * reused objects, so delivery allocates nothing. Every method has an empty default.
 */
public interface MarketListener {
  /**
   * The visible book changed.
   *
   * @param timeNanos arrival time at the agent
   * @param book the top levels; valid only during this call
   */
  default void onBook(long timeNanos, BookSnapshot book) {}

  /**
   * A public trade print.
   *
   * @param timeNanos arrival time at the agent
   * @param price trade price, ticks
   * @param size traded lots
   * @param aggressor the taker's side ({@link Side#BID} = buyer-initiated)
   */
  default void onTrade(long timeNanos, long price, long size, Side aggressor) {}

  /**
   * The exchange accepted one of the agent's orders.
   *
   * @param timeNanos arrival time at the agent
   * @param orderId the agent's order id
   */
  default void onAccepted(long timeNanos, long orderId) {}

  /**
   * The exchange rejected one of the agent's commands (submit, cancel or replace).
   *
   * @param timeNanos arrival time at the agent
   * @param orderId the order id the command named
   * @param reason why
   */
  default void onRejected(long timeNanos, long orderId, RejectReason reason) {}

  /**
   * One of the agent's orders (or part of it) was cancelled.
   *
   * @param timeNanos arrival time at the agent
   * @param orderId the agent's order id
   * @param cancelledSize lots removed
   * @param reason why
   */
  default void onCancelled(long timeNanos, long orderId, long cancelledSize, CancelReason reason) {}

  /**
   * One of the agent's orders traded.
   *
   * @param timeNanos arrival time at the agent
   * @param orderId the agent's order id
   * @param side the agent's side
   * @param price fill price, ticks
   * @param size filled lots
   * @param remaining lots the order still has open
   * @param maker whether the agent's order was resting (maker) or incoming (taker)
   * @param fee fee charged in tick-lots (negative = rebate)
   */
  default void onFill(
      long timeNanos,
      long orderId,
      Side side,
      long price,
      long size,
      long remaining,
      boolean maker,
      double fee) {}
}
