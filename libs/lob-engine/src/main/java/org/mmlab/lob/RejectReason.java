package org.mmlab.lob;

/**
 * Why a command was rejected. Rejections are business outcomes reported to listeners, never
 * exceptions. A rejected command leaves the book unchanged.
 */
public enum RejectReason {
  /** The order id is not positive. */
  BAD_ORDER_ID,
  /** The side is {@code null}. */
  BAD_SIDE,
  /** The order type is {@code null}. */
  BAD_ORDER_TYPE,
  /**
   * The price is outside {@code [1, Long.MAX_VALUE - 1]} (not checked for {@link
   * OrderType#MARKET}).
   */
  BAD_PRICE,
  /** The size is not positive. */
  BAD_SIZE,
  /** An order with this id is currently resting on the book. */
  DUPLICATE_ORDER_ID,
  /** A {@link OrderType#POST_ONLY} order's price would cross the opposite best price. */
  POST_ONLY_WOULD_CROSS,
  /** Cancel or replace of an id that is not resting on the book. */
  UNKNOWN_ORDER
}
