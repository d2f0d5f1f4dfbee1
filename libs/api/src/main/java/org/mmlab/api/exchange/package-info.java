/**
 * The internal order-entry protocol between order-gateway-service and the exchange
 * (market-data-service), over one WebSocket ({@code /internal/ws/orders}) per gateway, opened with
 * the shared internal token in {@code X-Internal-Token}. The gateway is the edge: prices here are
 * integer ticks and sizes integer lots; client ids are the gateway's authenticated ids.
 *
 * <ol>
 *   <li>On connect the exchange sends {@link org.mmlab.api.exchange.SessionState}: the instrument,
 *       every open client order, every client's position, and the {@code seq} it is current to.
 *   <li>The gateway sends {@link org.mmlab.api.exchange.ExchangeCommand}s (submit, cancel, quote,
 *       cancel-all), each with a {@code ref} unique to that gateway.
 *   <li>The exchange sends an {@link org.mmlab.api.exchange.EventBatch} (the next {@code seq})
 *       after each command, carrying its {@code ref} and every client-order event the command
 *       caused (including fills of other clients' resting orders), and after any background market
 *       event that touched a client order or moved the top of the book ({@code ref} null). Every
 *       batch carries the top of the book for the gateway's price band.
 * </ol>
 *
 * <p>The exchange never waits for a gateway: a gateway session whose outbound buffer fills is
 * closed, and the gateway reconnects and resynchronises from a new {@code SessionState}. A gap in
 * {@code seq} means the same.
 */
package org.mmlab.api.exchange;
