package org.mmlab.strategy;

import org.mmlab.strategy.features.FeatureEngine;

/**
 * A plain settable {@link MarketContext}: for tests, studies and simple drivers that keep their
 * state in fields. The setters return {@code this} for chaining; nothing allocates after
 * construction.
 *
 * <p>Defaults: time 0, empty book, all features 0, inventory 0, max inventory 100 lots, decision
 * interval 1 s, tick size 0.01, remaining fraction 1.
 */
public final class MutableMarketContext implements MarketContext {
  private final double[] features = new double[FeatureEngine.COUNT];
  private long timeNanos;
  private long bidPrice;
  private long bidSize;
  private long askPrice;
  private long askSize;
  private long inventory;
  private long maxInventory = 100;
  private long decisionIntervalNanos = 1_000_000_000L;
  private double tickSize = 0.01;
  private double remainingFraction = 1.0;

  /**
   * Sets the time.
   *
   * @param nanos simulated time
   * @return this
   */
  public MutableMarketContext time(long nanos) {
    this.timeNanos = nanos;
    return this;
  }

  /**
   * Sets the top of book; a size of 0 marks an empty side.
   *
   * @param bidPrice best bid, ticks
   * @param bidSize lots at the best bid
   * @param askPrice best ask, ticks
   * @param askSize lots at the best ask
   * @return this
   */
  public MutableMarketContext book(long bidPrice, long bidSize, long askPrice, long askSize) {
    this.bidPrice = bidPrice;
    this.bidSize = bidSize;
    this.askPrice = askPrice;
    this.askSize = askSize;
    return this;
  }

  /**
   * Sets one feature.
   *
   * @param index a {@link FeatureEngine} index
   * @param value the value
   * @return this
   */
  public MutableMarketContext feature(int index, double value) {
    features[index] = value;
    return this;
  }

  /**
   * Copies all features from an engine.
   *
   * @param engine the source
   * @return this
   */
  public MutableMarketContext features(FeatureEngine engine) {
    engine.values(features);
    return this;
  }

  /**
   * Sets the inventory.
   *
   * @param lots signed inventory
   * @return this
   */
  public MutableMarketContext inventory(long lots) {
    this.inventory = lots;
    return this;
  }

  /**
   * Sets the inventory limit.
   *
   * @param lots limit, {@code > 0}
   * @return this
   */
  public MutableMarketContext maxInventory(long lots) {
    this.maxInventory = lots;
    return this;
  }

  /**
   * Sets the decision interval.
   *
   * @param nanos interval
   * @return this
   */
  public MutableMarketContext decisionIntervalNanos(long nanos) {
    this.decisionIntervalNanos = nanos;
    return this;
  }

  /**
   * Sets the tick size.
   *
   * @param size currency per tick
   * @return this
   */
  public MutableMarketContext tickSize(double size) {
    this.tickSize = size;
    return this;
  }

  /**
   * Sets the remaining fraction of the episode.
   *
   * @param fraction in [0, 1]
   * @return this
   */
  public MutableMarketContext remainingFraction(double fraction) {
    this.remainingFraction = fraction;
    return this;
  }

  @Override
  public long timeNanos() {
    return timeNanos;
  }

  @Override
  public long bestBidPrice() {
    return bidPrice;
  }

  @Override
  public long bestBidSize() {
    return bidSize;
  }

  @Override
  public long bestAskPrice() {
    return askPrice;
  }

  @Override
  public long bestAskSize() {
    return askSize;
  }

  @Override
  public double feature(int index) {
    return features[index];
  }

  @Override
  public long inventory() {
    return inventory;
  }

  @Override
  public long maxInventory() {
    return maxInventory;
  }

  @Override
  public long decisionIntervalNanos() {
    return decisionIntervalNanos;
  }

  @Override
  public double tickSize() {
    return tickSize;
  }

  @Override
  public double remainingFraction() {
    return remainingFraction;
  }
}
