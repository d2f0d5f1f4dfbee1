/**
 * Wire contracts of the mmlab services: a record for every REST body and WebSocket message, shared
 * by the services and by their clients (never copy a DTO between services). No Spring here; only
 * Jackson's annotations (the {@code type} discriminator of the message families) and Jakarta
 * Validation's constraints on request bodies.
 *
 * <h2>Units on the wire</h2>
 *
 * <p>Public JSON (market data, order entry, execution reports, positions) carries prices and sizes
 * as <b>decimals in the instrument's units</b>: a price is {@code ticks × tickSize}, a size {@code
 * lots × lotSize} (see {@link org.mmlab.api.InstrumentInfo}, which every market-data snapshot
 * carries). Decimals are written as plain JSON numbers ({@code 100.01}, never {@code 1.0001E+2})
 * and read from a JSON number or a decimal string; a price off the tick grid or a size off the lot
 * grid is rejected, never rounded. Inside the engine and the simulator prices are {@code long}
 * ticks and sizes {@code long} lots; the conversion happens at the service edge.
 *
 * <p>The internal exchange protocol ({@link org.mmlab.api.exchange}) between the order gateway and
 * the exchange is the one exception: the gateway is the edge, so that protocol carries integer
 * ticks and lots.
 *
 * <h2>Sequence numbers</h2>
 *
 * <p>Every streamed message has a {@code seq} that grows by exactly one per message of its stream.
 * A gap means a lost message: resubscribe and start again from a new snapshot.
 */
package org.mmlab.api;
