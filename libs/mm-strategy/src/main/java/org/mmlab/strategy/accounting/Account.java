package org.mmlab.strategy.accounting;

import org.mmlab.lob.Side;

/**
 * Cash, inventory and P&amp;L of one trader, by average-cost accounting.
 *
 * <h2>Units</h2>
 *
 * Prices are ticks, sizes lots, and every money amount is ticks × lots (multiply by {@code tickSize
 * × lotSize} for currency). {@link #cash()} is exact ({@code long}); amounts that involve the
 * average entry price, fees or a (possibly half-tick) mid are {@code double}.
 *
 * <h2>Definitions</h2>
 *
 * <ul>
 *   <li>cash: {@code Σ sells price×size − Σ buys price×size}, starting at 0 (fees are kept apart).
 *   <li>average entry price: the size-weighted price of the fills that built the open position;
 *       reducing the position leaves it unchanged, flattening clears it, and a fill that flips the
 *       position through zero closes the old position in full and opens the remainder at the fill
 *       price.
 *   <li>realized P&amp;L (gross of fees): {@code Σ closedSize × (exit − entry)} signed by the
 *       closed position's direction.
 *   <li>unrealized P&amp;L: {@code position × (mid − averageEntry)}, marked to the mid given.
 *   <li>fees: the sum of the fees the venue charged on the fills (the market computes them from its
 *       {@link org.mmlab.sim.Fees}); negative when rebates dominate.
 *   <li>equity = net P&amp;L: {@code cash + position × mid − fees}, which equals {@code realized +
 *       unrealized − fees}.
 * </ul>
 *
 * <p>No allocation; not thread-safe.
 */
public final class Account {
  private long position;
  private long cash;
  private double averageEntry;
  private double realized;
  private double feesPaid;
  private long volume;
  private long fills;

  /** Creates a flat account. */
  public Account() {}

  /** Back to flat: no position, no cash, no P&amp;L, no fees, no volume. */
  public void reset() {
    position = 0;
    cash = 0;
    averageEntry = 0.0;
    realized = 0.0;
    feesPaid = 0.0;
    volume = 0;
    fills = 0;
  }

  /**
   * Books one fill.
   *
   * @param side {@link Side#BID} or {@link Side#ASK}
   * @param price ticks
   * @param size lots, {@code > 0}
   * @param fee the fee the venue charged, ticks × lots (negative = rebate)
   */
  public void onFill(Side side, long price, long size, double fee) {
    if (size <= 0) {
      throw new IllegalArgumentException("fill size must be > 0, got " + size);
    }
    int sign = side.sign();
    long signed = sign * size;
    cash -= signed * price;
    feesPaid += fee;
    volume += size;
    fills++;

    if (position == 0 || Long.signum(position) == sign) {
      // Opening or adding: the entry price becomes the size-weighted average.
      long abs = Math.abs(position);
      averageEntry = (averageEntry * abs + (double) price * size) / (abs + size);
      position += signed;
      return;
    }
    // Reducing, closing, or flipping through zero.
    long closed = Math.min(size, Math.abs(position));
    // A long position (sign of position +1) closes by selling: profit = exit − entry.
    realized += Long.signum(position) * closed * (price - averageEntry);
    position += signed;
    if (position == 0) {
      averageEntry = 0.0;
    } else if (Long.signum(position) == sign) {
      averageEntry = price;
    }
  }

  /**
   * Signed inventory.
   *
   * @return lots
   */
  public long position() {
    return position;
  }

  /**
   * Cash from trading, excluding fees.
   *
   * @return ticks × lots, exact
   */
  public long cash() {
    return cash;
  }

  /**
   * Average entry price of the open position.
   *
   * @return ticks; NaN when flat
   */
  public double averageEntryPrice() {
    return position == 0 ? Double.NaN : averageEntry;
  }

  /**
   * Realized P&amp;L, gross of fees.
   *
   * @return ticks × lots
   */
  public double realizedPnl() {
    return realized;
  }

  /**
   * Unrealized P&amp;L of the open position.
   *
   * @param mid mark price, ticks
   * @return ticks × lots; 0 when flat
   */
  public double unrealizedPnl(double mid) {
    return position == 0 ? 0.0 : position * (mid - averageEntry);
  }

  /**
   * Total fees paid (negative = net rebate).
   *
   * @return ticks × lots
   */
  public double feesPaid() {
    return feesPaid;
  }

  /**
   * Equity, i.e. net P&amp;L since the start: {@code cash + position × mid − fees}.
   *
   * @param mid mark price, ticks
   * @return ticks × lots
   */
  public double equity(double mid) {
    return cash + position * mid - feesPaid;
  }

  /**
   * Traded lots, both sides.
   *
   * @return lots
   */
  public long volume() {
    return volume;
  }

  /**
   * Number of fills.
   *
   * @return the count
   */
  public long fillCount() {
    return fills;
  }
}
