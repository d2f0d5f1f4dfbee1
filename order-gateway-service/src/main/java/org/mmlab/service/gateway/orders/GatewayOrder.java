package org.mmlab.service.gateway.orders;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.mmlab.api.CancelReason;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.order.OrderView;

/** One order as the gateway tracks it; guarded by its client's lock. */
final class GatewayOrder {
  long orderId;
  final String clientOrderId;
  final Side side;
  final OrderType type;
  long price; // ticks; 0 for market orders
  long size; // lots
  long filled;
  long remaining;
  long filledNotional; // tick·lots, for the average price
  OrderStatus status = OrderStatus.PENDING_NEW;
  CancelReason cancelReason;
  ProblemCode rejectCode;
  String rejectDetail;
  boolean quote;

  /** The exchange's answer while the order is being submitted, for idempotent retries. */
  CompletableFuture<EventBatch> answer;

  final long createdNanos; // epoch nanoseconds (EpochNanos): what the closed-order columns keep
  long updatedNanos;

  GatewayOrder(
      String clientOrderId, Side side, OrderType type, long price, long size, boolean quote) {
    this(clientOrderId, side, type, price, size, quote, EpochNanos.now());
  }

  GatewayOrder(
      String clientOrderId,
      Side side,
      OrderType type,
      long price,
      long size,
      boolean quote,
      long createdNanos) {
    this.clientOrderId = clientOrderId;
    this.side = side;
    this.type = type;
    this.price = price;
    this.size = size;
    this.remaining = size;
    this.quote = quote;
    this.createdNanos = createdNanos;
    this.updatedNanos = createdNanos;
  }

  /** Whether a resubmission with this client order id asks for the same order. */
  boolean sameRequest(Side s, OrderType t, long p, long z) {
    return side == s && type == t && price == p && size == z;
  }

  boolean isOpen() {
    return status.isOpen();
  }

  OrderView view(InstrumentInfo i) {
    return new OrderView(
        orderId,
        clientOrderId,
        side,
        type,
        type == OrderType.MARKET ? null : i.price(price),
        i.size(size),
        i.size(filled),
        i.size(isOpen() ? remaining : 0),
        filled == 0 ? null : avgPrice(i),
        status,
        cancelReason,
        rejectCode,
        quote,
        EpochNanos.toInstant(createdNanos),
        EpochNanos.toInstant(updatedNanos));
  }

  private BigDecimal avgPrice(InstrumentInfo i) {
    return i.price((double) filledNotional / filled);
  }

  @Override
  public String toString() {
    return Objects.toString(clientOrderId) + "#" + orderId + " " + status;
  }
}
