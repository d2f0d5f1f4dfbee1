package org.mmlab.lob;

/** The side of the book an order rests on: {@link #BID} (buy) or {@link #ASK} (sell). */
public enum Side {
  /** Buy side. */
  BID,
  /** Sell side. */
  ASK;

  /**
   * Returns the other side.
   *
   * @return {@link #ASK} for {@link #BID} and vice versa
   */
  public Side opposite() {
    return this == BID ? ASK : BID;
  }

  /**
   * The sign of a fill on this side for a position: buying adds, selling subtracts.
   *
   * @return +1 for {@link #BID}, -1 for {@link #ASK}
   */
  public int sign() {
    return this == BID ? 1 : -1;
  }
}
