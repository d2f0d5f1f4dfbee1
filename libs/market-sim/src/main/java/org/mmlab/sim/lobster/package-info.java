/**
 * LOBSTER (NASDAQ TotalView-ITCH reconstructions) readers and an order-level replay book.
 *
 * <ul>
 *   <li>{@link org.mmlab.sim.lobster.LobsterReader} streams a message/orderbook file pair (from the
 *       vendor zip or two CSV files) into one reusable {@link org.mmlab.sim.lobster.LobsterRow}
 *       cursor, parsing bytes directly into longs.
 *   <li>{@link org.mmlab.sim.lobster.LobsterBook} is an order-level book keyed by order id with
 *       FIFO queues per price level, driven by LOBSTER messages.
 *   <li>{@link org.mmlab.sim.lobster.LobsterReplay} ties them together: it seeds the book before
 *       message 1, applies every message and takes from the orderbook file exactly the levels that
 *       enter the visible window from deeper in the book.
 *   <li>{@link org.mmlab.sim.lobster.LobsterMarket} is the {@code lobster:PATH} market: the replay
 *       as a simulated market in which the agent's orders queue FIFO behind the real orders at
 *       their price and never alter the replayed book.
 * </ul>
 *
 * <p>Prices are LOBSTER's fixed-point longs (dollars &times; 10000), sizes are shares, times are
 * nanoseconds after midnight. Nothing here allocates per row.
 */
package org.mmlab.sim.lobster;
