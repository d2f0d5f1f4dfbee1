package org.mmlab.lob;

/** Why (part of) an order left the book without trading. */
public enum CancelReason {
  /** Cancelled by {@link LimitOrderBook#cancel}. */
  USER,
  /** The unfilled remainder of an {@link OrderType#IOC} order. */
  IOC_REMAINDER,
  /** The unfilled remainder of a {@link OrderType#MARKET} order. */
  MARKET_REMAINDER,
  /**
   * A resting order cancelled by self-trade prevention: an incoming order of the same owner would
   * have traded with it.
   */
  SELF_TRADE
}
