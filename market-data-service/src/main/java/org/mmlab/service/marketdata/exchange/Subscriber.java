package org.mmlab.service.marketdata.exchange;

/**
 * A consumer of one of the exchange's streams (market data, or a gateway's execution events). It is
 * called on the exchange thread and must never block: a subscriber that cannot take a message
 * refuses it, and the exchange then drops it (closing it) rather than wait.
 */
public interface Subscriber {
  /**
   * Offers the next message, already encoded as JSON.
   *
   * @param message the message
   * @return false when the subscriber's buffer is full (it is then dropped and closed)
   */
  boolean offer(String message);

  /**
   * The exchange dropped this subscriber (it was too slow, or the exchange is shutting down).
   * Called at most once, on the exchange thread; must not block.
   *
   * @param reason why, for the close frame
   */
  void close(String reason);
}
