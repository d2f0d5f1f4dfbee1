/**
 * Binance WebSocket capture replay: reader, L2 book, queue-position estimate and the {@code
 * binance:PATH} market.
 *
 * <ul>
 *   <li>{@link org.mmlab.sim.binance.BinanceReader} streams one or more gzip capture files (one
 *       {@code <receive ns> <JSON>} message a line) into a reusable {@link
 *       org.mmlab.sim.binance.BinanceMessage}, with Jackson's streaming parser and no allocation
 *       per line, and synchronises the depth stream with the REST snapshot by update id (rules per
 *       venue in {@link org.mmlab.sim.binance.BinanceVenue}); a gap is an error naming file and
 *       line.
 *   <li>{@link org.mmlab.sim.binance.BinanceBook} is the L2 book (price to size per side).
 *   <li>{@link org.mmlab.sim.binance.QueuePosition} estimates an agent order's place in its level.
 *   <li>{@link org.mmlab.sim.binance.BinanceMarket} replays a capture as a {@link
 *       org.mmlab.sim.Market}.
 * </ul>
 *
 * <p>Prices are ticks and quantities lots of the capture's instrument ({@link
 * org.mmlab.sim.binance.BinanceInstruments}); decimals exist only while a line is decoded.
 */
package org.mmlab.sim.binance;
