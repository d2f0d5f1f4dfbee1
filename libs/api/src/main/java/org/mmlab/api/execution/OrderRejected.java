package org.mmlab.api.execution;

import java.time.Instant;
import org.mmlab.api.ProblemCode;

/**
 * An order (or a cancel) was refused, by the gateway's checks or by the exchange.
 *
 * @param seq sequence number
 * @param orderId exchange order id, 0 when the order never reached the exchange
 * @param clientOrderId client order id
 * @param simTime simulated time, ns (0 for a gateway rejection)
 * @param time wall-clock time
 * @param code why: the same stable code as the REST problem detail
 * @param detail human-readable detail
 */
public record OrderRejected(
    long seq,
    long orderId,
    String clientOrderId,
    long simTime,
    Instant time,
    ProblemCode code,
    String detail)
    implements ExecutionReport {}
