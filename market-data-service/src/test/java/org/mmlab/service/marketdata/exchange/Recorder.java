package org.mmlab.service.marketdata.exchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.json.JsonMapper;

/** A subscriber that keeps what it gets, decoded, and can refuse after a number of messages. */
final class Recorder<T> implements Subscriber {
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final Class<T> type;
  private final int capacity;
  private final BlockingQueue<T> received = new LinkedBlockingQueue<>();
  private int offered;
  volatile String closedReason;

  Recorder(Class<T> type, int capacity) {
    this.type = type;
    this.capacity = capacity;
  }

  Recorder(Class<T> type) {
    this(type, Integer.MAX_VALUE);
  }

  @Override
  public boolean offer(String message) {
    if (offered >= capacity) {
      return false;
    }
    offered++;
    received.add(JSON.readValue(message, type));
    return true;
  }

  @Override
  public void close(String reason) {
    closedReason = reason;
  }

  T next() throws InterruptedException {
    T t = received.poll(5, TimeUnit.SECONDS);
    if (t == null) {
      throw new AssertionError("nothing received in 5 s");
    }
    return t;
  }

  /** Takes messages until one matches, returning every message taken. */
  List<T> until(Predicate<T> stop, Duration timeout) throws InterruptedException {
    List<T> out = new ArrayList<>();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      T t = received.poll(50, TimeUnit.MILLISECONDS);
      if (t != null) {
        out.add(t);
        if (stop.test(t)) {
          return out;
        }
      }
    }
    throw new AssertionError("condition not met in " + timeout + "; got " + out);
  }
}
