package org.mmlab.api.exchange;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A command from the gateway to the exchange; {@code type} names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = SubmitCommand.class, name = "submit"),
  @JsonSubTypes.Type(value = CancelCommand.class, name = "cancel"),
  @JsonSubTypes.Type(value = QuoteCommand.class, name = "quote"),
  @JsonSubTypes.Type(value = CancelAllCommand.class, name = "cancelAll")
})
public sealed interface ExchangeCommand
    permits SubmitCommand, CancelCommand, QuoteCommand, CancelAllCommand {
  /**
   * The gateway's reference, echoed on the batch that answers the command.
   *
   * @return the reference
   */
  String ref();
}
