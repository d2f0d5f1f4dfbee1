package org.mmlab.api.exchange;

import java.util.List;

/**
 * Client-order events that happened together, in order.
 *
 * @param seq sequence number, one more than the previous message's
 * @param ref the reference of the command that caused them, or null for background events
 * @param simTime simulated time, ns
 * @param halted whether new orders are refused (simulation stopped or finished)
 * @param bestBid best bid in ticks after the events, 0 when none
 * @param bestAsk best ask in ticks after the events, 0 when none
 * @param events the events
 */
public record EventBatch(
    long seq,
    String ref,
    long simTime,
    boolean halted,
    long bestBid,
    long bestAsk,
    List<ExchangeEvent> events)
    implements ExchangeMessage {}
