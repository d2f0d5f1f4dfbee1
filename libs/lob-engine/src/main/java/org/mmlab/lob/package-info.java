/**
 * Limit order book and price-time priority matching engine for one instrument.
 *
 * <p>{@link org.mmlab.lob.LimitOrderBook} is the contract (commands, queries and the exact event
 * order); {@link org.mmlab.lob.OrderBook} is the fast, allocation-free implementation and {@link
 * org.mmlab.lob.ReferenceOrderBook} the plain one tests compare it with. Events reach {@link
 * org.mmlab.lob.OrderBookListener}s as primitive arguments. Prices are {@code long} ticks, sizes
 * {@code long} lots; there is no floating point anywhere in the engine.
 */
package org.mmlab.lob;
