package org.mmlab.api.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;

/**
 * {@code POST /api/v1/orders}.
 *
 * <p>Idempotent by {@code clientOrderId}: sending the same request again returns the order it
 * created (200 instead of 201) instead of a second order; reusing the id for a different order is
 * {@code DUPLICATE_CLIENT_ORDER_ID} (409). Without a client order id the gateway makes one up (and
 * a retry makes a second order).
 *
 * @param clientOrderId the client's id for the order: 1–64 of {@code [A-Za-z0-9._:-]}, optional
 * @param side buy or sell
 * @param type limit, IOC, post-only or market
 * @param price decimal price on the tick grid; required except for market orders, which must have
 *     none
 * @param size decimal size on the lot grid, positive
 */
public record SubmitOrderRequest(
    @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String clientOrderId,
    @NotNull Side side,
    @NotNull OrderType type,
    @Positive BigDecimal price,
    @NotNull @Positive BigDecimal size) {}
