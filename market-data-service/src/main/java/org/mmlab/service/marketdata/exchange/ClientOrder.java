package org.mmlab.service.marketdata.exchange;

import org.mmlab.api.OrderType;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.OpenOrder;

/** A client's order while it is open at the exchange (exchange thread only). */
final class ClientOrder {
  final String clientId;
  final long orderId;
  final String clientOrderId;
  final Side side;
  final OrderType type;
  final boolean quote;
  long price;
  long size;
  long filled;
  long remaining;

  ClientOrder(
      String clientId,
      long orderId,
      String clientOrderId,
      Side side,
      OrderType type,
      long price,
      long size,
      boolean quote) {
    this.clientId = clientId;
    this.orderId = orderId;
    this.clientOrderId = clientOrderId;
    this.side = side;
    this.type = type;
    this.price = price;
    this.size = size;
    this.remaining = size;
    this.quote = quote;
  }

  OpenOrder view() {
    return new OpenOrder(
        clientId, orderId, clientOrderId, side, type, price, size, filled, remaining, quote);
  }
}
