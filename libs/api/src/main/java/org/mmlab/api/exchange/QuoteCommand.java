package org.mmlab.api.exchange;

/**
 * Replaces the client's two-sided quote atomically (see {@code QuoteRequest} for the rules); a null
 * side cancels that side.
 *
 * @param ref the gateway's reference
 * @param clientId the owner
 * @param bid the bid side, or null
 * @param ask the ask side, or null
 */
public record QuoteCommand(String ref, String clientId, QuoteSide bid, QuoteSide ask)
    implements ExchangeCommand {}
