package org.mmlab.api.exchange;

import org.mmlab.api.OrderType;
import org.mmlab.api.Side;

/**
 * An open client order at the exchange.
 *
 * @param clientId owner
 * @param orderId exchange order id
 * @param clientOrderId owner's id
 * @param side side
 * @param type order type
 * @param price ticks
 * @param size original lots
 * @param filled lots filled
 * @param remaining lots resting
 * @param quote whether it is a side of the owner's quote
 */
public record OpenOrder(
    String clientId,
    long orderId,
    String clientOrderId,
    Side side,
    OrderType type,
    long price,
    long size,
    long filled,
    long remaining,
    boolean quote) {}
