package org.mmlab.lob;

/** How an incoming order is matched and what happens to its unfilled remainder. */
public enum OrderType {
  /** Good-till-cancelled limit order: matches up to its price, the remainder rests. */
  LIMIT,
  /** Immediate-or-cancel: matches up to its price, the remainder is cancelled. */
  IOC,
  /**
   * Maker-only limit order: rejected with {@link RejectReason#POST_ONLY_WOULD_CROSS} if its price
   * would cross the opposite best, otherwise it rests like {@link #LIMIT}.
   */
  POST_ONLY,
  /** Sweeps the opposite side regardless of price; the remainder is cancelled. Has no price. */
  MARKET
}
