package org.mmlab.sim;

import org.mmlab.lob.OrderType;
import org.mmlab.lob.Side;

/**
 * The agent's side of a market: everything above the simulator (backtests, the RL environment, the
 * live exchange) uses only this. A market is single-threaded and seeded: the same seed and
 * configuration give the same sequence of callbacks, bit for bit.
 *
 * <p>Time only moves inside {@link #advanceTo}. Commands are sent at {@link #now()} and reach the
 * exchange after the order-entry latency; their outcomes come back through the {@link
 * MarketListener} after the market-data latency.
 */
public interface Market {

  /** Largest order id the agent may use; larger ids are reserved for the market's own flow. */
  long MAX_AGENT_ORDER_ID = (1L << 40) - 1;

  /**
   * The spec string this market was built from, e.g. {@code zi} or {@code lobster:PATH}.
   *
   * @return the spec
   */
  String spec();

  /**
   * What is traded.
   *
   * @return the instrument
   */
  Instrument instrument();

  /**
   * Starts a new episode: clears all state, reseeds, and (for models) warms the book up so it is in
   * its steady state at {@link #now()}.
   *
   * @param seed the episode's seed
   */
  void reset(long seed);

  /**
   * Where the agent's market data and execution reports go.
   *
   * @param listener the listener, never null
   */
  void setListener(MarketListener listener);

  /**
   * Current simulated time.
   *
   * @return nanoseconds
   */
  long now();

  /**
   * Runs the market up to and including a time, delivering every callback due by then.
   *
   * @param timeNanos the target time; not before {@link #now()}
   */
  void advanceTo(long timeNanos);

  /**
   * Whether a replay has run out of data (models never do).
   *
   * @return true when no further events will come
   */
  boolean exhausted();

  /**
   * Sends a new order.
   *
   * @param orderId the agent's id, 1..{@link #MAX_AGENT_ORDER_ID}, unique per episode
   * @param side buy or sell
   * @param type order type
   * @param price limit price in ticks (ignored for market orders)
   * @param size lots
   */
  void submit(long orderId, Side side, OrderType type, long price, long size);

  /**
   * Sends a cancel.
   *
   * @param orderId the agent's order id
   */
  void cancel(long orderId);

  /**
   * Sends a replace: a size decrease at the same price keeps queue priority; anything else loses
   * it.
   *
   * @param orderId the agent's order id
   * @param price new price, ticks
   * @param size new size, lots
   */
  void replace(long orderId, long price, long size);
}
