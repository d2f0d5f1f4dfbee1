package org.mmlab.api;

/** Where an order is in its life. */
public enum OrderStatus {
  /** Sent to the exchange, not yet acknowledged. */
  PENDING_NEW,
  /** Resting, nothing filled yet. */
  NEW,
  /** Resting, partly filled. */
  PARTIALLY_FILLED,
  /** Completely filled (final). */
  FILLED,
  /** Left the book without filling completely (final); see the cancel reason. */
  CANCELLED,
  /** Never accepted (final); see the problem code. */
  REJECTED;

  /**
   * Whether the order can still trade.
   *
   * @return true for {@link #PENDING_NEW}, {@link #NEW} and {@link #PARTIALLY_FILLED}
   */
  public boolean isOpen() {
    return this == PENDING_NEW || this == NEW || this == PARTIALLY_FILLED;
  }
}
