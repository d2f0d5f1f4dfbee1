package org.mmlab.api.exchange;

/**
 * One side of a quote.
 *
 * @param price price in ticks
 * @param size lots, positive
 * @param clientOrderId id for the new order, if the side needs one
 */
public record QuoteSide(long price, long size, String clientOrderId) {}
