package org.mmlab.service.marketdata.exchange;

import java.util.ArrayList;
import java.util.List;

/**
 * A stream's subscribers, used only on the exchange thread. A message is offered to each; one that
 * refuses it is dropped and closed, so a slow subscriber costs the exchange one failed offer, never
 * a wait.
 */
final class Fanout {
  private final List<Subscriber> subscribers = new ArrayList<>();
  private volatile int size;
  private long dropped;

  /**
   * Adds a subscriber after offering it its first message.
   *
   * @param s the subscriber
   * @param first the first message (a snapshot)
   */
  void add(Subscriber s, String first) {
    if (s.offer(first)) {
      subscribers.add(s);
      size = subscribers.size();
    } else {
      dropped++;
      s.close(ExchangeCore.SLOW_CONSUMER);
    }
  }

  void remove(Subscriber s) {
    subscribers.remove(s);
    size = subscribers.size();
  }

  void publish(String message) {
    for (int i = subscribers.size() - 1; i >= 0; i--) {
      Subscriber s = subscribers.get(i);
      if (!s.offer(message)) {
        subscribers.remove(i);
        dropped++;
        s.close(ExchangeCore.SLOW_CONSUMER);
      }
    }
    size = subscribers.size();
  }

  void closeAll(String reason) {
    for (Subscriber s : subscribers) {
      s.close(reason);
    }
    subscribers.clear();
    size = 0;
  }

  boolean isEmpty() {
    return subscribers.isEmpty();
  }

  int size() {
    return size;
  }

  long dropped() {
    return dropped;
  }
}
