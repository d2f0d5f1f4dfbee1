package org.mmlab.api.exchange;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A message from the exchange to a gateway; {@code type} names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SessionState.class, name = "state"),
  @JsonSubTypes.Type(value = EventBatch.class, name = "batch")
})
public sealed interface ExchangeMessage permits SessionState, EventBatch {
  /**
   * Position in the session's stream: a state message carries the seq it is current to, each batch
   * the next one.
   *
   * @return the sequence number
   */
  long seq();
}
