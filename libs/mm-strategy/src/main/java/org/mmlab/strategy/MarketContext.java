package org.mmlab.strategy;

import org.mmlab.strategy.features.FeatureEngine;

/**
 * What a strategy sees at a decision: a read-only view that the driver (backtester, RL environment,
 * live service) implements over its own state and refreshes before each {@link Strategy#decide}
 * call. Implementations must not allocate per call.
 *
 * <p>Units: prices ticks, sizes and inventory lots, time nanoseconds of simulated time.
 */
public interface MarketContext {

  /**
   * Current simulated time.
   *
   * @return nanoseconds
   */
  long timeNanos();

  /**
   * Best bid price; meaningful only when {@link #bestBidSize()} {@code > 0}.
   *
   * @return ticks
   */
  long bestBidPrice();

  /**
   * Size at the best bid.
   *
   * @return lots; 0 when the bid side is empty
   */
  long bestBidSize();

  /**
   * Best ask price; meaningful only when {@link #bestAskSize()} {@code > 0}.
   *
   * @return ticks
   */
  long bestAskPrice();

  /**
   * Size at the best ask.
   *
   * @return lots; 0 when the ask side is empty
   */
  long bestAskSize();

  /**
   * One microstructure feature as computed by the driver's {@link FeatureEngine}.
   *
   * @param index a {@link FeatureEngine} index constant
   * @return the value, in the units documented on {@link FeatureEngine}
   */
  double feature(int index);

  /**
   * Our signed inventory.
   *
   * @return lots; positive long, negative short
   */
  long inventory();

  /**
   * The inventory limit: strategies never quote a side whose fill could take {@code |inventory|}
   * above it.
   *
   * @return lots, {@code > 0}
   */
  long maxInventory();

  /**
   * Time between two {@link Strategy#decide} calls.
   *
   * @return nanoseconds
   */
  long decisionIntervalNanos();

  /**
   * Price of one tick in the instrument's currency; for documentation and display only (all
   * strategy arithmetic is in ticks).
   *
   * @return currency units per tick
   */
  double tickSize();

  /**
   * Fraction of the episode still to run, {@code (T − t) / T} in [0, 1]: 1 at the start, 0 at the
   * end. Finite-horizon strategies (Avellaneda–Stoikov) scale their horizon by it. A live,
   * open-ended run has no end and reports 1 at every decision, which turns such strategies into
   * their stationary, rolling-horizon form.
   *
   * @return the remaining fraction
   */
  double remainingFraction();

  /**
   * Whether there is a bid.
   *
   * @return {@code bestBidSize() > 0}
   */
  default boolean hasBid() {
    return bestBidSize() > 0;
  }

  /**
   * Whether there is an ask.
   *
   * @return {@code bestAskSize() > 0}
   */
  default boolean hasAsk() {
    return bestAskSize() > 0;
  }

  /**
   * The mid price: {@code (bestBid + bestAsk) / 2} on a two-sided book, otherwise the last
   * two-sided mid from the features (0 if there never was one).
   *
   * @return ticks
   */
  default double midPrice() {
    if (hasBid() && hasAsk()) {
      return ((double) bestBidPrice() + (double) bestAskPrice()) * 0.5;
    }
    return feature(FeatureEngine.MID);
  }
}
