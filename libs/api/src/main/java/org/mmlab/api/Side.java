package org.mmlab.api;

/** The side of an order or of a trade's aggressor. */
public enum Side {
  /** Buy: rests on the bid side of the book. */
  BUY,
  /** Sell: rests on the ask side of the book. */
  SELL;

  /**
   * The sign of a fill on this side for a position.
   *
   * @return +1 for {@link #BUY}, -1 for {@link #SELL}
   */
  public int sign() {
    return this == BUY ? 1 : -1;
  }
}
