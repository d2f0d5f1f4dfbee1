package org.mmlab.service.strategy.support;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.mmlab.api.Side;
import org.mmlab.client.LocalBook;
import org.mmlab.client.VenueListener;

/**
 * Every state a client's local book went through, by the seq of the message that made it, and the
 * seqs of its snapshots: two clients' books can then be compared seq by seq.
 */
public final class BookLog implements VenueListener {
  private static final int LEVELS = 4096;
  private final Map<Long, String> books = new ConcurrentHashMap<>();
  private final List<Long> snapshots = new CopyOnWriteArrayList<>();
  private final long[] px = new long[LEVELS];
  private final long[] sz = new long[LEVELS];
  private volatile Map<Long, Long> bids = Map.of();
  private volatile Map<Long, Long> asks = Map.of();

  @Override
  public void onSnapshot(LocalBook book, long simTime) {
    snapshots.add(book.seq());
    onBook(book, simTime);
  }

  @Override
  public void onBook(LocalBook book, long simTime) {
    StringBuilder b = new StringBuilder("bids");
    int n = book.bids(px, sz);
    bids = levels(n);
    b.append(Arrays.toString(Arrays.copyOf(px, n))).append(Arrays.toString(Arrays.copyOf(sz, n)));
    n = book.asks(px, sz);
    asks = levels(n);
    b.append(" asks").append(Arrays.toString(Arrays.copyOf(px, n)));
    b.append(Arrays.toString(Arrays.copyOf(sz, n)));
    books.put(book.seq(), b.toString());
  }

  private Map<Long, Long> levels(int n) {
    Map<Long, Long> m = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(px[i], sz[i]);
    }
    return m;
  }

  /**
   * The size resting at a price in the latest book.
   *
   * @param side the book side
   * @param ticks the price in ticks
   * @return lots, 0 when no level
   */
  public long sizeAt(Side side, long ticks) {
    return (side == Side.BUY ? bids : asks).getOrDefault(ticks, 0L);
  }

  /**
   * The seqs of the snapshots received, in order.
   *
   * @return a live view
   */
  public List<Long> snapshots() {
    return snapshots;
  }

  /**
   * The book after the message with this seq.
   *
   * @param seq the seq
   * @return its levels as text, null when this client did not see it
   */
  public String book(long seq) {
    return books.get(seq);
  }

  /**
   * Seqs this client has a book for.
   *
   * @return the seqs
   */
  public java.util.Set<Long> seqs() {
    return books.keySet();
  }
}
