package org.mmlab.api.execution;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A resting quote side was resized in place by a quote update.
 *
 * @param seq sequence number
 * @param orderId exchange order id
 * @param clientOrderId client order id
 * @param simTime simulated time, ns
 * @param time wall-clock time
 * @param price its price (unchanged)
 * @param remainingSize its new open size
 * @param priorityKept true when it kept its queue place (a size decrease)
 */
public record OrderReplaced(
    long seq,
    long orderId,
    String clientOrderId,
    long simTime,
    Instant time,
    BigDecimal price,
    BigDecimal remainingSize,
    boolean priorityKept)
    implements ExecutionReport {}
