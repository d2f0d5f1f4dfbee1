package org.mmlab.api.order;

import java.math.BigDecimal;

/**
 * The client's position in one instrument, from every fill since the exchange started.
 *
 * @param symbol the instrument
 * @param position signed net position (bought − sold)
 * @param bought total size bought
 * @param sold total size sold
 * @param cash cash flow of the fills in the quote currency: Σ sell notional − Σ buy notional
 * @param openBuySize size resting in open buy orders
 * @param openSellSize size resting in open sell orders
 * @param markPrice the mid used to mark the position; null when the book is one-sided
 * @param pnl mark-to-market P&amp;L: {@code cash + position × markPrice}; null without a mark
 */
public record PositionView(
    String symbol,
    BigDecimal position,
    BigDecimal bought,
    BigDecimal sold,
    BigDecimal cash,
    BigDecimal openBuySize,
    BigDecimal openSellSize,
    BigDecimal markPrice,
    BigDecimal pnl) {}
