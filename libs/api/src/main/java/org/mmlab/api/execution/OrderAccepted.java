package org.mmlab.api.execution;

import java.math.BigDecimal;
import java.time.Instant;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;

/**
 * The exchange accepted an order; fills or a cancel follow.
 *
 * @param seq sequence number
 * @param orderId exchange order id
 * @param clientOrderId client order id
 * @param simTime simulated time, ns
 * @param time wall-clock time
 * @param side side
 * @param type order type
 * @param price limit price (null for market orders)
 * @param size size
 * @param quote whether it is a side of the client's quote
 */
public record OrderAccepted(
    long seq,
    long orderId,
    String clientOrderId,
    long simTime,
    Instant time,
    Side side,
    OrderType type,
    BigDecimal price,
    BigDecimal size,
    boolean quote)
    implements ExecutionReport {}
