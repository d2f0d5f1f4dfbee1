package org.mmlab.api.exchange;

import java.util.List;
import org.mmlab.api.InstrumentInfo;

/**
 * The first message of a session: everything the gateway needs to (re)build its state.
 *
 * @param seq the seq of the last batch included; the next batch has {@code seq + 1}
 * @param simTime simulated time, ns
 * @param instrument what is traded
 * @param halted whether new orders are refused (simulation stopped or finished)
 * @param bestBid best bid in ticks, 0 when none
 * @param bestAsk best ask in ticks, 0 when none
 * @param orders every open client order
 * @param positions every client's position
 */
public record SessionState(
    long seq,
    long simTime,
    InstrumentInfo instrument,
    boolean halted,
    long bestBid,
    long bestAsk,
    List<OpenOrder> orders,
    List<ClientPosition> positions)
    implements ExchangeMessage {}
