package org.mmlab.api.exchange;

/**
 * Cancels one order; the exchange checks that {@code clientId} owns it.
 *
 * @param ref the gateway's reference
 * @param clientId the owner
 * @param orderId the exchange order id
 */
public record CancelCommand(String ref, String clientId, long orderId) implements ExchangeCommand {}
