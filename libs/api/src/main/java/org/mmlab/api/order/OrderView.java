package org.mmlab.api.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import org.mmlab.api.CancelReason;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;

/**
 * An order as its owner sees it.
 *
 * @param orderId the exchange's id (use it to cancel); 0 while pending or when rejected before
 *     reaching the exchange
 * @param clientOrderId the client's id
 * @param side buy or sell
 * @param type order type
 * @param price limit price; null for market orders
 * @param size original size
 * @param filledSize size filled so far
 * @param remainingSize size still resting (0 once final)
 * @param avgFillPrice volume-weighted fill price; null before the first fill
 * @param status where the order is in its life
 * @param cancelReason why it was cancelled, when {@code CANCELLED}
 * @param rejectCode why it was rejected, when {@code REJECTED}
 * @param quote whether the order is a side of the client's quote ({@code PUT /api/v1/quotes})
 * @param createdAt when the gateway received it
 * @param updatedAt last change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(
    long orderId,
    String clientOrderId,
    Side side,
    OrderType type,
    BigDecimal price,
    BigDecimal size,
    BigDecimal filledSize,
    BigDecimal remainingSize,
    BigDecimal avgFillPrice,
    OrderStatus status,
    CancelReason cancelReason,
    ProblemCode rejectCode,
    boolean quote,
    Instant createdAt,
    Instant updatedAt) {}
