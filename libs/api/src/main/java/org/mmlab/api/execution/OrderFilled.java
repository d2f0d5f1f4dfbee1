package org.mmlab.api.execution;

import java.math.BigDecimal;
import java.time.Instant;
import org.mmlab.api.Side;

/**
 * (Part of) an order traded.
 *
 * @param seq sequence number
 * @param orderId exchange order id
 * @param clientOrderId client order id
 * @param simTime simulated time, ns
 * @param time wall-clock time
 * @param side the order's side
 * @param price fill price
 * @param size filled size
 * @param remainingSize size still open after this fill (0: the order is done)
 * @param maker whether the order was resting (maker) or incoming (taker)
 * @param position the client's net position after this fill
 */
public record OrderFilled(
    long seq,
    long orderId,
    String clientOrderId,
    long simTime,
    Instant time,
    Side side,
    BigDecimal price,
    BigDecimal size,
    BigDecimal remainingSize,
    boolean maker,
    BigDecimal position)
    implements ExecutionReport {}
