package org.mmlab.api.exchange;

import org.mmlab.api.CancelReason;

/**
 * Cancels every open order of one client, or of all clients.
 *
 * @param ref the gateway's reference
 * @param clientId the owner, or null for every client
 * @param reason reported on each cancel ({@code USER} or {@code KILL_SWITCH})
 */
public record CancelAllCommand(String ref, String clientId, CancelReason reason)
    implements ExchangeCommand {}
