package org.mmlab.api.order;

import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * {@code PUT /api/v1/quotes}: replaces the client's two-sided quote in one call, atomically at the
 * exchange. Each side is a post-only order. Per side:
 *
 * <ul>
 *   <li>same price and size as now: untouched (keeps its queue place);
 *   <li>same price, smaller size: reduced in place (keeps its queue place);
 *   <li>same price, larger size: resized, moves to the back of its level;
 *   <li>new price: the old order is cancelled ({@code QUOTE_REPLACED}) and a new post-only order is
 *       sent (rejected with {@code POST_ONLY_WOULD_CROSS} if it would trade);
 *   <li>price and size both null, or size 0: the side is cancelled.
 * </ul>
 *
 * @param bidPrice bid price on the tick grid
 * @param bidSize bid size on the lot grid
 * @param askPrice ask price on the tick grid
 * @param askSize ask size on the lot grid
 */
public record QuoteRequest(
    @PositiveOrZero BigDecimal bidPrice,
    @PositiveOrZero BigDecimal bidSize,
    @PositiveOrZero BigDecimal askPrice,
    @PositiveOrZero BigDecimal askSize) {}
