package org.mmlab.api.exchange;

import org.mmlab.api.OrderType;
import org.mmlab.api.Side;

/**
 * A new order.
 *
 * @param ref the gateway's reference
 * @param clientId the owner
 * @param clientOrderId the owner's id for it
 * @param side side
 * @param type order type
 * @param price limit price in ticks (0 for market orders)
 * @param size lots, positive
 */
public record SubmitCommand(
    String ref,
    String clientId,
    String clientOrderId,
    Side side,
    OrderType type,
    long price,
    long size)
    implements ExchangeCommand {}
