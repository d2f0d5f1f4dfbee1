package org.mmlab.api.marketdata;

import java.util.List;
import org.mmlab.api.InstrumentInfo;

/**
 * The whole visible book.
 *
 * @param seq the seq of the last change included; the next message has {@code seq + 1}
 * @param simTime simulated time, ns
 * @param market the market spec the exchange runs, e.g. {@code zi}
 * @param instrument symbol, tick and lot size (to convert prices to ticks)
 * @param bids bid levels, best (highest) first
 * @param asks ask levels, best (lowest) first
 */
public record BookSnapshot(
    long seq,
    long simTime,
    String market,
    InstrumentInfo instrument,
    List<PriceLevel> bids,
    List<PriceLevel> asks)
    implements MarketDataMessage {}
