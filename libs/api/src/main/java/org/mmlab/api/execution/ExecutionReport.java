package org.mmlab.api.execution;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** One event of one of the client's orders; {@code type} names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = OrderAccepted.class, name = "accepted"),
  @JsonSubTypes.Type(value = OrderRejected.class, name = "rejected"),
  @JsonSubTypes.Type(value = OrderFilled.class, name = "filled"),
  @JsonSubTypes.Type(value = OrderCancelled.class, name = "cancelled"),
  @JsonSubTypes.Type(value = OrderReplaced.class, name = "replaced")
})
public sealed interface ExecutionReport
    permits OrderAccepted, OrderRejected, OrderFilled, OrderCancelled, OrderReplaced {
  /**
   * Position in the client's stream, from 1.
   *
   * @return the sequence number
   */
  long seq();

  /**
   * The exchange's order id (0 for an order rejected before it reached the exchange).
   *
   * @return the order id
   */
  long orderId();

  /**
   * The client's order id.
   *
   * @return the client order id
   */
  String clientOrderId();

  /**
   * Simulated exchange time of the event (0 for a gateway rejection).
   *
   * @return nanoseconds
   */
  long simTime();

  /**
   * Wall-clock time the gateway produced the report.
   *
   * @return the instant
   */
  Instant time();
}
