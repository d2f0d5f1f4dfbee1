package org.mmlab.client;

import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.Heartbeat;
import org.mmlab.api.marketdata.MarketDataMessage;
import org.mmlab.api.marketdata.Trade;

/**
 * The market-data stream's state machine: waits for a snapshot, then applies each message whose seq
 * is exactly one more than the last; anything else is a gap, after which the caller resubscribes.
 */
final class MarketDataFeed {
  private final LocalBook book = new LocalBook();
  private final VenueListener listener;
  private long lastSeq = -1;
  private long gaps;

  MarketDataFeed(VenueListener listener) {
    this.listener = listener;
  }

  /** A new subscription starts: wait for its snapshot. */
  void resubscribing() {
    lastSeq = -1;
  }

  /**
   * Applies one message.
   *
   * @return false on a sequence gap (resubscribe)
   */
  boolean accept(MarketDataMessage m) {
    if (m instanceof BookSnapshot s) {
      book.apply(s);
      lastSeq = s.seq();
      listener.onSnapshot(book, s.simTime());
      return true;
    }
    if (lastSeq < 0) {
      return true; // before the snapshot: nothing to apply to
    }
    if (m.seq() <= lastSeq) {
      return true; // a duplicate
    }
    if (m.seq() != lastSeq + 1) {
      gaps++;
      lastSeq = -1;
      return false;
    }
    lastSeq = m.seq();
    if (m instanceof BookUpdate u) {
      book.apply(u);
      listener.onBook(book, u.simTime());
    } else if (m instanceof Trade t) {
      listener.onTrade(t, book.ticks(t.price()), book.lots(t.size()));
    } else if (m instanceof Heartbeat h) {
      listener.onHeartbeat(h.simTime(), h.running());
    }
    return true;
  }

  LocalBook book() {
    return book;
  }

  long gaps() {
    return gaps;
  }
}
