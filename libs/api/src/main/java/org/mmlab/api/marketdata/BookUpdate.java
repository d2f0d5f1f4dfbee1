package org.mmlab.api.marketdata;

import java.util.List;

/**
 * The levels that changed since the previous message (type {@code book}).
 *
 * @param seq sequence number
 * @param simTime simulated time, ns
 * @param bids changed bid levels with their new total size (0: level removed)
 * @param asks changed ask levels with their new total size (0: level removed)
 */
public record BookUpdate(long seq, long simTime, List<PriceLevel> bids, List<PriceLevel> asks)
    implements MarketDataMessage {}
