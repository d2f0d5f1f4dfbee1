package org.mmlab.sim;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What is traded: the decimal tick and lot sizes that convert the engine's integer ticks and lots
 * to prices and quantities at the edges (data readers, JSON, reports).
 *
 * @param symbol the instrument's name, e.g. {@code AMZN}
 * @param tickSize price of one tick, positive
 * @param lotSize quantity of one lot, positive
 */
public record Instrument(String symbol, BigDecimal tickSize, BigDecimal lotSize) {

  /** Validates the fields. */
  public Instrument {
    Objects.requireNonNull(symbol, "symbol");
    if (tickSize.signum() <= 0 || lotSize.signum() <= 0) {
      throw new IllegalArgumentException("tick and lot sizes must be positive: " + symbol);
    }
  }

  /**
   * Converts ticks to a decimal price.
   *
   * @param ticks integer ticks
   * @return the price
   */
  public BigDecimal price(long ticks) {
    return tickSize.multiply(BigDecimal.valueOf(ticks));
  }

  /**
   * Converts ticks to a double price, for charts and reports only.
   *
   * @param ticks integer ticks
   * @return the price
   */
  public double priceDouble(double ticks) {
    return ticks * tickSize.doubleValue();
  }
}
