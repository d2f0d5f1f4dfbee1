package org.mmlab.client;

import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.marketdata.Trade;

/**
 * Callbacks of a {@link VenueClient}. Each stream calls back from one thread at a time, in stream
 * order; market-data and execution callbacks may come from different threads. Every method has an
 * empty default.
 */
public interface VenueListener {
  /**
   * A new snapshot replaced the local book (first message of a subscription, after a gap, or after
   * a simulation reset).
   *
   * @param book the local book; valid during the call only
   * @param simTime simulated time, ns
   */
  default void onSnapshot(LocalBook book, long simTime) {}

  /**
   * A delta was applied to the local book.
   *
   * @param book the local book; valid during the call only
   * @param simTime simulated time, ns
   */
  default void onBook(LocalBook book, long simTime) {}

  /**
   * A trade print.
   *
   * @param trade the message
   * @param priceTicks its price in ticks
   * @param sizeLots its size in lots
   */
  default void onTrade(Trade trade, long priceTicks, long sizeLots) {}

  /**
   * A heartbeat.
   *
   * @param simTime simulated time, ns
   * @param running whether the exchange's clock runs
   */
  default void onHeartbeat(long simTime, boolean running) {}

  /**
   * One of the client's execution reports, in order, each exactly once.
   *
   * @param report the report
   */
  default void onExecution(ExecutionReport report) {}

  /**
   * The execution stream came back with a hole that the gateway could not replay: the client's
   * state, read afresh over REST, on the execution stream's thread, before the report that follows
   * the hole is delivered. Reports missed in the hole are never delivered.
   *
   * @param resync the positions and open orders, and where the hole was
   */
  default void onExecutionResync(ExecutionResync resync) {}

  /**
   * A stream connected or lost its connection.
   *
   * @param stream which stream
   * @param connected whether it is now connected
   */
  default void onConnection(Stream stream, boolean connected) {}

  /** The client's streams. */
  enum Stream {
    /** The public market-data WebSocket. */
    MARKET_DATA,
    /** The private execution-report WebSocket. */
    EXECUTIONS
  }
}
