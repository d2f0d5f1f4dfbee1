package org.mmlab.sim;

import org.mmlab.lob.LimitOrderBook;
import org.mmlab.lob.Side;

/**
 * The top levels of a book as the agent sees it, in preallocated arrays that a market reuses: valid
 * only during the callback that hands it over. Bids are best (highest) first, asks best (lowest)
 * first; sizes are in lots.
 */
public final class BookSnapshot {
  private final long[] bidPrices;
  private final long[] bidSizes;
  private final long[] askPrices;
  private final long[] askSizes;
  private int bidLevels;
  private int askLevels;

  /**
   * Creates an empty snapshot.
   *
   * @param maxLevels levels kept per side
   */
  public BookSnapshot(int maxLevels) {
    bidPrices = new long[maxLevels];
    bidSizes = new long[maxLevels];
    askPrices = new long[maxLevels];
    askSizes = new long[maxLevels];
  }

  /**
   * Levels kept per side.
   *
   * @return capacity
   */
  public int maxLevels() {
    return bidPrices.length;
  }

  /**
   * Fills this snapshot from a book's top levels.
   *
   * @param book the book
   */
  public void copyFrom(LimitOrderBook book) {
    bidLevels = book.depth(Side.BID, bidPrices.length, bidPrices, bidSizes);
    askLevels = book.depth(Side.ASK, askPrices.length, askPrices, askSizes);
  }

  /**
   * Copies another snapshot.
   *
   * @param other the source
   */
  public void copyFrom(BookSnapshot other) {
    bidLevels = Math.min(other.bidLevels, bidPrices.length);
    askLevels = Math.min(other.askLevels, askPrices.length);
    System.arraycopy(other.bidPrices, 0, bidPrices, 0, bidLevels);
    System.arraycopy(other.bidSizes, 0, bidSizes, 0, bidLevels);
    System.arraycopy(other.askPrices, 0, askPrices, 0, askLevels);
    System.arraycopy(other.askSizes, 0, askSizes, 0, askLevels);
  }

  /**
   * Sets the levels from arrays (replays and synthetic books).
   *
   * @param bidPx bid prices, best first
   * @param bidSz bid sizes
   * @param bids number of bid levels
   * @param askPx ask prices, best first
   * @param askSz ask sizes
   * @param asks number of ask levels
   */
  public void set(long[] bidPx, long[] bidSz, int bids, long[] askPx, long[] askSz, int asks) {
    bidLevels = Math.min(bids, bidPrices.length);
    askLevels = Math.min(asks, askPrices.length);
    System.arraycopy(bidPx, 0, bidPrices, 0, bidLevels);
    System.arraycopy(bidSz, 0, bidSizes, 0, bidLevels);
    System.arraycopy(askPx, 0, askPrices, 0, askLevels);
    System.arraycopy(askSz, 0, askSizes, 0, askLevels);
  }

  /** Empties both sides. */
  public void clear() {
    bidLevels = 0;
    askLevels = 0;
  }

  /**
   * Bid levels present.
   *
   * @return count
   */
  public int bidLevels() {
    return bidLevels;
  }

  /**
   * Ask levels present.
   *
   * @return count
   */
  public int askLevels() {
    return askLevels;
  }

  /**
   * The live bid price array (best first; only the first {@link #bidLevels()} are valid).
   *
   * @return the array, not a copy
   */
  public long[] bidPrices() {
    return bidPrices;
  }

  /**
   * The live bid size array.
   *
   * @return the array, not a copy
   */
  public long[] bidSizes() {
    return bidSizes;
  }

  /**
   * The live ask price array.
   *
   * @return the array, not a copy
   */
  public long[] askPrices() {
    return askPrices;
  }

  /**
   * The live ask size array.
   *
   * @return the array, not a copy
   */
  public long[] askSizes() {
    return askSizes;
  }

  /**
   * Best bid price.
   *
   * @return ticks, or {@link LimitOrderBook#NO_BID}
   */
  public long bestBid() {
    return bidLevels == 0 ? LimitOrderBook.NO_BID : bidPrices[0];
  }

  /**
   * Best ask price.
   *
   * @return ticks, or {@link LimitOrderBook#NO_ASK}
   */
  public long bestAsk() {
    return askLevels == 0 ? LimitOrderBook.NO_ASK : askPrices[0];
  }

  /**
   * Size at the best bid.
   *
   * @return lots, 0 when empty
   */
  public long bestBidSize() {
    return bidLevels == 0 ? 0 : bidSizes[0];
  }

  /**
   * Size at the best ask.
   *
   * @return lots, 0 when empty
   */
  public long bestAskSize() {
    return askLevels == 0 ? 0 : askSizes[0];
  }

  /**
   * Whether both sides have a level.
   *
   * @return true when a mid exists
   */
  public boolean isTwoSided() {
    return bidLevels > 0 && askLevels > 0;
  }

  /**
   * Mid price in ticks.
   *
   * @return (best bid + best ask) / 2, or NaN when one side is empty
   */
  public double mid() {
    return isTwoSided() ? (bidPrices[0] + askPrices[0]) * 0.5 : Double.NaN;
  }
}
