package org.mmlab.api;

/** How an order is matched and what happens to its unfilled remainder. */
public enum OrderType {
  /** Good-till-cancelled limit order: matches up to its price, the remainder rests. */
  LIMIT,
  /** Immediate-or-cancel: matches up to its price, the remainder is cancelled. */
  IOC,
  /** Maker only: rejected ({@code POST_ONLY_WOULD_CROSS}) if it would trade on arrival. */
  POST_ONLY,
  /** Sweeps the opposite side whatever the price; has no price; the remainder is cancelled. */
  MARKET
}
