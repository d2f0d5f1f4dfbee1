package org.mmlab.api.marketdata;

import java.math.BigDecimal;
import org.mmlab.api.Side;

/**
 * A trade print.
 *
 * @param seq sequence number
 * @param simTime simulated time, ns
 * @param price trade price (the resting order's price)
 * @param size traded size
 * @param aggressor the taker's side: {@code BUY} = buyer-initiated
 */
public record Trade(long seq, long simTime, BigDecimal price, BigDecimal size, Side aggressor)
    implements MarketDataMessage {}
