package org.mmlab.api.order;

/**
 * The client's quote: its two sides after the last {@code PUT /api/v1/quotes}. A side that was
 * rejected shows status {@code REJECTED} and its {@code rejectCode}.
 *
 * @param bid the bid order, null when the client has no bid
 * @param ask the ask order, null when the client has no ask
 */
public record QuoteView(OrderView bid, OrderView ask) {}
