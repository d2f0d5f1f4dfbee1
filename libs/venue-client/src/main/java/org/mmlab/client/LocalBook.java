package org.mmlab.client;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.PriceLevel;

/**
 * The client's copy of the exchange's visible book, in ticks and lots, kept from a {@link
 * BookSnapshot} and the {@link BookUpdate} deltas after it. Not thread-safe: the market-data stream
 * owns it.
 */
public final class LocalBook {
  private final NavigableMap<Long, Long> bids = new TreeMap<>(Collections.reverseOrder());
  private final NavigableMap<Long, Long> asks = new TreeMap<>();
  private InstrumentInfo instrument;
  private long seq = -1;

  /**
   * Replaces the book with a snapshot.
   *
   * @param s the snapshot
   */
  public void apply(BookSnapshot s) {
    instrument = s.instrument();
    bids.clear();
    asks.clear();
    put(bids, s.bids());
    put(asks, s.asks());
    seq = s.seq();
  }

  /**
   * Applies a delta.
   *
   * @param u the changed levels
   * @throws IllegalStateException before the first snapshot
   */
  public void apply(BookUpdate u) {
    if (instrument == null) {
      throw new IllegalStateException("no snapshot yet");
    }
    put(bids, u.bids());
    put(asks, u.asks());
    seq = u.seq();
  }

  private void put(NavigableMap<Long, Long> side, java.util.List<PriceLevel> levels) {
    if (levels == null) {
      return;
    }
    for (PriceLevel l : levels) {
      long px = ticks(l.price());
      long sz = lots(l.size());
      if (sz <= 0) {
        side.remove(px);
      } else {
        side.put(px, sz);
      }
    }
  }

  /**
   * Converts a wire price to ticks.
   *
   * @param price the decimal price
   * @return ticks
   * @throws IllegalArgumentException when it is off the tick grid
   */
  public long ticks(java.math.BigDecimal price) {
    long t = instrument.ticksOrInvalid(price);
    if (t == Long.MIN_VALUE) {
      throw new IllegalArgumentException("price off the tick grid: " + price);
    }
    return t;
  }

  /**
   * Converts a wire size to lots.
   *
   * @param size the decimal size
   * @return lots
   * @throws IllegalArgumentException when it is off the lot grid
   */
  public long lots(java.math.BigDecimal size) {
    long l = instrument.lotsOrInvalid(size);
    if (l == Long.MIN_VALUE) {
      throw new IllegalArgumentException("size off the lot grid: " + size);
    }
    return l;
  }

  /**
   * Whether a snapshot has been applied.
   *
   * @return true once the book is valid
   */
  public boolean ready() {
    return instrument != null;
  }

  /**
   * The instrument of the last snapshot.
   *
   * @return the instrument, null before the first snapshot
   */
  public InstrumentInfo instrument() {
    return instrument;
  }

  /**
   * The seq of the last message applied.
   *
   * @return the seq, -1 before the first snapshot
   */
  public long seq() {
    return seq;
  }

  /**
   * Best bid price.
   *
   * @return ticks, or {@link Long#MIN_VALUE} when the bid side is empty
   */
  public long bestBid() {
    return bids.isEmpty() ? Long.MIN_VALUE : bids.firstKey();
  }

  /**
   * Best ask price.
   *
   * @return ticks, or {@link Long#MAX_VALUE} when the ask side is empty
   */
  public long bestAsk() {
    return asks.isEmpty() ? Long.MAX_VALUE : asks.firstKey();
  }

  /**
   * Size at the best bid.
   *
   * @return lots, 0 when empty
   */
  public long bestBidSize() {
    return bids.isEmpty() ? 0 : bids.firstEntry().getValue();
  }

  /**
   * Size at the best ask.
   *
   * @return lots, 0 when empty
   */
  public long bestAskSize() {
    return asks.isEmpty() ? 0 : asks.firstEntry().getValue();
  }

  /**
   * Number of bid levels.
   *
   * @return levels
   */
  public int bidLevels() {
    return bids.size();
  }

  /**
   * Number of ask levels.
   *
   * @return levels
   */
  public int askLevels() {
    return asks.size();
  }

  /**
   * Size resting at a bid price.
   *
   * @param ticks the price
   * @return lots, 0 when none
   */
  public long bidSizeAt(long ticks) {
    return bids.getOrDefault(ticks, 0L);
  }

  /**
   * Size resting at an ask price.
   *
   * @param ticks the price
   * @return lots, 0 when none
   */
  public long askSizeAt(long ticks) {
    return asks.getOrDefault(ticks, 0L);
  }

  /**
   * Copies the best bid levels, best first.
   *
   * @param px prices out
   * @param sz sizes out
   * @return levels copied, at most {@code px.length}
   */
  public int bids(long[] px, long[] sz) {
    return copy(bids, px, sz);
  }

  /**
   * Copies the best ask levels, best first.
   *
   * @param px prices out
   * @param sz sizes out
   * @return levels copied, at most {@code px.length}
   */
  public int asks(long[] px, long[] sz) {
    return copy(asks, px, sz);
  }

  private static int copy(NavigableMap<Long, Long> side, long[] px, long[] sz) {
    int n = 0;
    for (Map.Entry<Long, Long> e : side.entrySet()) {
      if (n >= px.length) {
        break;
      }
      px[n] = e.getKey();
      sz[n] = e.getValue();
      n++;
    }
    return n;
  }
}
