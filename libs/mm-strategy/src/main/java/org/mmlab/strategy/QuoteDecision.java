package org.mmlab.strategy;

/**
 * A two-sided quote, filled in by {@link Strategy#decide}: a mutable struct that the driver
 * allocates once and reuses every decision.
 *
 * <p>Prices are ticks, sizes lots. A size of 0 means no quote on that side (its price is then
 * meaningless and reads 0). Strategies in this module never cross the book nor their own quote
 * ({@code bidPrice < askPrice} whenever both sides are quoted); the driver still owns post-only
 * semantics and risk checks.
 */
public final class QuoteDecision {
  private long bidPrice;
  private long bidSize;
  private long askPrice;
  private long askSize;

  /** Withdraws both sides. */
  public void clear() {
    bidPrice = 0;
    bidSize = 0;
    askPrice = 0;
    askSize = 0;
  }

  /**
   * Sets both sides.
   *
   * @param bidPrice bid price, ticks
   * @param bidSize bid size, lots, {@code >= 0} (0 = no bid)
   * @param askPrice ask price, ticks
   * @param askSize ask size, lots, {@code >= 0} (0 = no ask)
   */
  public void set(long bidPrice, long bidSize, long askPrice, long askSize) {
    bid(bidPrice, bidSize);
    ask(askPrice, askSize);
  }

  /**
   * Sets the bid side.
   *
   * @param price ticks
   * @param size lots, {@code >= 0}; 0 withdraws the bid
   */
  public void bid(long price, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("bid size must be >= 0, got " + size);
    }
    this.bidPrice = size == 0 ? 0 : price;
    this.bidSize = size;
  }

  /**
   * Sets the ask side.
   *
   * @param price ticks
   * @param size lots, {@code >= 0}; 0 withdraws the ask
   */
  public void ask(long price, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("ask size must be >= 0, got " + size);
    }
    this.askPrice = size == 0 ? 0 : price;
    this.askSize = size;
  }

  /**
   * Bid price.
   *
   * @return ticks; 0 when there is no bid
   */
  public long bidPrice() {
    return bidPrice;
  }

  /**
   * Bid size.
   *
   * @return lots; 0 = no bid
   */
  public long bidSize() {
    return bidSize;
  }

  /**
   * Ask price.
   *
   * @return ticks; 0 when there is no ask
   */
  public long askPrice() {
    return askPrice;
  }

  /**
   * Ask size.
   *
   * @return lots; 0 = no ask
   */
  public long askSize() {
    return askSize;
  }

  /**
   * Whether a bid is quoted.
   *
   * @return {@code bidSize() > 0}
   */
  public boolean hasBid() {
    return bidSize > 0;
  }

  /**
   * Whether an ask is quoted.
   *
   * @return {@code askSize() > 0}
   */
  public boolean hasAsk() {
    return askSize > 0;
  }

  /**
   * Copies another decision into this one.
   *
   * @param other the source
   */
  public void copyFrom(QuoteDecision other) {
    this.bidPrice = other.bidPrice;
    this.bidSize = other.bidSize;
    this.askPrice = other.askPrice;
    this.askSize = other.askSize;
  }

  @Override
  public String toString() {
    return "QuoteDecision{bid="
        + (bidSize > 0 ? bidSize + "@" + bidPrice : "none")
        + ", ask="
        + (askSize > 0 ? askSize + "@" + askPrice : "none")
        + '}';
  }
}
