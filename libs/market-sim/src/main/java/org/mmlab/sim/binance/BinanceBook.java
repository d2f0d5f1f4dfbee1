package org.mmlab.sim.binance;

import java.util.Arrays;
import org.mmlab.lob.LimitOrderBook;
import org.mmlab.lob.Side;

/**
 * An L2 book, price level to aggregate size per side, in ticks and lots, as a Binance depth stream
 * maintains it: a snapshot sets every level, then each update sets the absolute size of the levels
 * it names (0 removes the level).
 *
 * <p>Each side is one sorted array of keys with the best level at the end (bids by price, asks by
 * negated price), so the usual update near the top moves few entries and lookups are a binary
 * search. Nothing is allocated once the arrays have grown to the book's size.
 */
public final class BinanceBook {
  private final long[][] keys = {new long[1024], new long[1024]};
  private final long[][] sizes = {new long[1024], new long[1024]};
  private final int[] count = new int[2];

  /** Creates an empty book. */
  public BinanceBook() {}

  /** Removes every level. */
  public void clear() {
    count[0] = 0;
    count[1] = 0;
  }

  private static long key(int s, long price) {
    return s == 0 ? price : -price;
  }

  private int find(int s, long k) {
    return Arrays.binarySearch(keys[s], 0, count[s], k);
  }

  /**
   * Sets the size of a level.
   *
   * @param side the side
   * @param price ticks
   * @param size lots; 0 removes the level
   * @return the level's size before, 0 when it did not exist
   */
  public long set(Side side, long price, long size) {
    int s = side.ordinal();
    long k = key(s, price);
    int i = find(s, k);
    long[] ks = keys[s];
    long[] sz = sizes[s];
    int n = count[s];
    if (i >= 0) {
      long prev = sz[i];
      if (size == 0) {
        System.arraycopy(ks, i + 1, ks, i, n - i - 1);
        System.arraycopy(sz, i + 1, sz, i, n - i - 1);
        count[s] = n - 1;
      } else {
        sz[i] = size;
      }
      return prev;
    }
    if (size == 0) {
      return 0;
    }
    int at = -i - 1;
    if (n == ks.length) {
      keys[s] = ks = Arrays.copyOf(ks, n * 2);
      sizes[s] = sz = Arrays.copyOf(sz, n * 2);
    }
    System.arraycopy(ks, at, ks, at + 1, n - at);
    System.arraycopy(sz, at, sz, at + 1, n - at);
    ks[at] = k;
    sz[at] = size;
    count[s] = n + 1;
    return 0;
  }

  /**
   * Applies a depth snapshot (replacing the whole book) or a depth update; other messages are
   * ignored.
   *
   * @param m the message
   */
  public void apply(BinanceMessage m) {
    if (m.type == BinanceMessageType.DEPTH_SNAPSHOT) {
      clear();
    } else if (m.type != BinanceMessageType.DEPTH_UPDATE) {
      return;
    }
    for (int i = 0; i < m.bidCount; i++) {
      set(Side.BID, m.bidPrices[i], m.bidSizes[i]);
    }
    for (int i = 0; i < m.askCount; i++) {
      set(Side.ASK, m.askPrices[i], m.askSizes[i]);
    }
  }

  /**
   * Size at a price.
   *
   * @param side the side
   * @param price ticks
   * @return lots, 0 when there is no level
   */
  public long size(Side side, long price) {
    int s = side.ordinal();
    int i = find(s, key(s, price));
    return i >= 0 ? sizes[s][i] : 0;
  }

  /**
   * Number of levels on a side.
   *
   * @param side the side
   * @return count
   */
  public int levels(Side side) {
    return count[side.ordinal()];
  }

  /**
   * Price of the i-th best level.
   *
   * @param side the side
   * @param i 0 = best, below {@link #levels}
   * @return ticks
   */
  public long price(Side side, int i) {
    int s = side.ordinal();
    long k = keys[s][count[s] - 1 - i];
    return s == 0 ? k : -k;
  }

  /**
   * Size of the i-th best level.
   *
   * @param side the side
   * @param i 0 = best, below {@link #levels}
   * @return lots
   */
  public long sizeAt(Side side, int i) {
    int s = side.ordinal();
    return sizes[s][count[s] - 1 - i];
  }

  /**
   * Best bid.
   *
   * @return ticks, or {@link LimitOrderBook#NO_BID}
   */
  public long bestBid() {
    return count[0] == 0 ? LimitOrderBook.NO_BID : keys[0][count[0] - 1];
  }

  /**
   * Best ask.
   *
   * @return ticks, or {@link LimitOrderBook#NO_ASK}
   */
  public long bestAsk() {
    return count[1] == 0 ? LimitOrderBook.NO_ASK : -keys[1][count[1] - 1];
  }

  /**
   * Whether the best bid is at or above the best ask.
   *
   * @return true when crossed
   */
  public boolean isCrossed() {
    return count[0] > 0 && count[1] > 0 && bestBid() >= bestAsk();
  }

  /**
   * Copies the top levels of a side, best first.
   *
   * @param side the side
   * @param max levels wanted
   * @param prices receives prices
   * @param levelSizes receives sizes
   * @return levels copied
   */
  public int depth(Side side, int max, long[] prices, long[] levelSizes) {
    int s = side.ordinal();
    int n = Math.min(max, count[s]);
    long[] ks = keys[s];
    long[] sz = sizes[s];
    int top = count[s] - 1;
    for (int i = 0; i < n; i++) {
      long k = ks[top - i];
      prices[i] = s == 0 ? k : -k;
      levelSizes[i] = sz[top - i];
    }
    return n;
  }

  /**
   * A hash of every level, for comparing books in tests.
   *
   * @return the hash
   */
  public long stateHash() {
    long h = 1125899906842597L;
    for (int s = 0; s < 2; s++) {
      for (int i = 0; i < count[s]; i++) {
        h = 31 * h + keys[s][i];
        h = 31 * h + sizes[s][i];
      }
      h = 31 * h + count[s];
    }
    return h;
  }
}
