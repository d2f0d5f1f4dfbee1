package org.mmlab.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What is traded and the grid its prices and sizes live on: a wire price is {@code ticks ×
 * tickSize}, a wire size {@code lots × lotSize}. The conversions here are exact: a value off the
 * grid is rejected, never rounded.
 *
 * @param symbol the instrument's name, e.g. {@code SIM} or {@code AMZN}
 * @param tickSize price of one tick, positive
 * @param lotSize quantity of one lot, positive
 */
public record InstrumentInfo(String symbol, BigDecimal tickSize, BigDecimal lotSize) {

  /** Validates the fields. */
  public InstrumentInfo {
    Objects.requireNonNull(symbol, "symbol");
    if (tickSize == null || tickSize.signum() <= 0 || lotSize == null || lotSize.signum() <= 0) {
      throw new IllegalArgumentException("tick and lot sizes must be positive: " + symbol);
    }
  }

  /**
   * Converts a price to ticks.
   *
   * @param price a decimal price
   * @return the number of ticks, or {@link Long#MIN_VALUE} when the price is not a whole number of
   *     ticks (or does not fit in a long)
   */
  public long ticksOrInvalid(BigDecimal price) {
    return exact(price, tickSize);
  }

  /**
   * Converts a size to lots.
   *
   * @param size a decimal size
   * @return the number of lots, or {@link Long#MIN_VALUE} when the size is not a whole number of
   *     lots (or does not fit in a long)
   */
  public long lotsOrInvalid(BigDecimal size) {
    return exact(size, lotSize);
  }

  /**
   * Converts ticks to a decimal price, without trailing zeros beyond the tick's scale.
   *
   * @param ticks integer ticks
   * @return the price
   */
  public BigDecimal price(long ticks) {
    return tickSize.multiply(BigDecimal.valueOf(ticks)).setScale(scale(tickSize));
  }

  /**
   * Converts lots to a decimal size.
   *
   * @param lots integer lots
   * @return the size
   */
  public BigDecimal size(long lots) {
    return lotSize.multiply(BigDecimal.valueOf(lots)).setScale(scale(lotSize));
  }

  /**
   * Converts a quantity in tick·lots (a notional in the engine's units, e.g. cash) to a decimal
   * amount of the quote currency.
   *
   * @param tickLots price × size in ticks × lots
   * @return {@code tickLots × tickSize × lotSize}
   */
  public BigDecimal notional(long tickLots) {
    return tickSize
        .multiply(lotSize)
        .multiply(BigDecimal.valueOf(tickLots))
        .setScale(scale(tickSize) + scale(lotSize));
  }

  /**
   * Converts a fractional number of ticks (a mid price) to a decimal price.
   *
   * @param ticks ticks, may end in .5
   * @return the price
   */
  public BigDecimal price(double ticks) {
    return tickSize
        .multiply(BigDecimal.valueOf(ticks))
        .setScale(scale(tickSize) + 1, RoundingMode.HALF_EVEN)
        .stripTrailingZeros();
  }

  private static int scale(BigDecimal step) {
    return Math.max(0, step.stripTrailingZeros().scale());
  }

  private static long exact(BigDecimal value, BigDecimal step) {
    if (value == null) {
      return Long.MIN_VALUE;
    }
    BigDecimal[] qr = value.divideAndRemainder(step);
    if (qr[1].signum() != 0) {
      return Long.MIN_VALUE;
    }
    try {
      return qr[0].longValueExact();
    } catch (ArithmeticException e) {
      return Long.MIN_VALUE;
    }
  }
}
