package org.mmlab.api.marketdata;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One message of the market-data stream; {@code type} names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = BookSnapshot.class, name = "snapshot"),
  @JsonSubTypes.Type(value = BookUpdate.class, name = "book"),
  @JsonSubTypes.Type(value = Trade.class, name = "trade"),
  @JsonSubTypes.Type(value = Heartbeat.class, name = "heartbeat")
})
public sealed interface MarketDataMessage permits BookSnapshot, BookUpdate, Trade, Heartbeat {
  /**
   * Position in the stream; grows by one per message.
   *
   * @return the sequence number
   */
  long seq();

  /**
   * The exchange's simulated time when the message was produced.
   *
   * @return nanoseconds of simulated (event) time
   */
  long simTime();
}
