package org.mmlab.api.execution;

import java.math.BigDecimal;
import java.time.Instant;
import org.mmlab.api.CancelReason;

/**
 * An order (or its remainder) left the book without trading.
 *
 * @param seq sequence number
 * @param orderId exchange order id
 * @param clientOrderId client order id
 * @param simTime simulated time, ns
 * @param time wall-clock time
 * @param cancelledSize size removed
 * @param reason why
 */
public record OrderCancelled(
    long seq,
    long orderId,
    String clientOrderId,
    long simTime,
    Instant time,
    BigDecimal cancelledSize,
    CancelReason reason)
    implements ExecutionReport {}
