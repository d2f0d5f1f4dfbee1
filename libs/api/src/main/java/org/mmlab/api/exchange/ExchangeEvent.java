package org.mmlab.api.exchange;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One event of one client order; {@code type} names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ExchangeEvent.Accepted.class, name = "accepted"),
  @JsonSubTypes.Type(value = ExchangeEvent.Rejected.class, name = "rejected"),
  @JsonSubTypes.Type(value = ExchangeEvent.Filled.class, name = "filled"),
  @JsonSubTypes.Type(value = ExchangeEvent.Cancelled.class, name = "cancelled"),
  @JsonSubTypes.Type(value = ExchangeEvent.Replaced.class, name = "replaced")
})
public sealed interface ExchangeEvent {
  /**
   * The order's owner.
   *
   * @return the client id
   */
  String clientId();

  /**
   * The exchange order id (0 for a rejected submit).
   *
   * @return the order id
   */
  long orderId();

  /**
   * The order was accepted.
   *
   * @param clientId owner
   * @param orderId exchange order id
   * @param clientOrderId owner's id
   * @param side side
   * @param type order type
   * @param price limit price in ticks (0 for market orders)
   * @param size lots
   * @param quote whether it is a side of the owner's quote
   */
  record Accepted(
      String clientId,
      long orderId,
      String clientOrderId,
      org.mmlab.api.Side side,
      org.mmlab.api.OrderType type,
      long price,
      long size,
      boolean quote)
      implements ExchangeEvent {}

  /**
   * A command was refused.
   *
   * @param clientId owner
   * @param orderId the order id it named (0 for a submit)
   * @param clientOrderId the owner's id, for a submit
   * @param code why
   * @param detail human-readable detail
   */
  record Rejected(
      String clientId,
      long orderId,
      String clientOrderId,
      org.mmlab.api.ProblemCode code,
      String detail)
      implements ExchangeEvent {}

  /**
   * The order traded.
   *
   * @param clientId owner
   * @param orderId exchange order id
   * @param side the order's side
   * @param price ticks
   * @param size lots
   * @param remaining lots still open
   * @param maker whether the order was resting
   * @param position the owner's position after the fill
   */
  record Filled(
      String clientId,
      long orderId,
      org.mmlab.api.Side side,
      long price,
      long size,
      long remaining,
      boolean maker,
      ClientPosition position)
      implements ExchangeEvent {}

  /**
   * The order (or its remainder) left the book without trading.
   *
   * @param clientId owner
   * @param orderId exchange order id
   * @param size lots removed
   * @param reason why
   */
  record Cancelled(String clientId, long orderId, long size, org.mmlab.api.CancelReason reason)
      implements ExchangeEvent {}

  /**
   * A resting order was resized in place.
   *
   * @param clientId owner
   * @param orderId exchange order id
   * @param price ticks
   * @param size new open lots
   * @param priorityKept whether it kept its queue place
   */
  record Replaced(String clientId, long orderId, long price, long size, boolean priorityKept)
      implements ExchangeEvent {}
}
