package org.mmlab.api.marketdata;

import java.math.BigDecimal;

/**
 * One price level: the total resting size at a price.
 *
 * @param price the price, decimal
 * @param size total resting size at the price, decimal; 0 in a {@code book} update removes the
 *     level
 */
public record PriceLevel(BigDecimal price, BigDecimal size) {}
