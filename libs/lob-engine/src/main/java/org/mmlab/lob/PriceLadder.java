package org.mmlab.lob;

import java.util.Arrays;

/**
 * The price levels of one side: a price-to-level map for O(1) lookup plus the levels sorted by
 * price with the best level at the <em>end</em> of the array, so that reading or consuming the best
 * level is O(1).
 *
 * <p>Both sides sort ascending on a key: the price for bids, the negated price for asks (prices are
 * positive, so negation is safe); the best level is then always the largest key.
 *
 * <p>Emptied levels below the best stay in the ladder, dormant, instead of being removed: orders
 * that move around the book mostly land on prices used moments before, and reviving a dormant level
 * is a plain lookup where removing and re-inserting would shift the sorted array and rewrite the
 * map each time. The owner keeps the invariant that the last (best) entry is never empty, and
 * {@link #compact purges} dormant levels when they outnumber the live ones, which bounds memory
 * when prices drift. Whether a level is empty is the owner's knowledge ({@code orderCounts[level]
 * == 0}); the ladder only counts live levels through {@link #activated()} and {@link #emptied()}.
 */
final class PriceLadder {
  private final boolean ask;
  private final LongIntHashMap levelByPrice;
  private long[] keys;
  private int[] levels;
  private int count;
  private int live;

  /**
   * Creates an empty ladder.
   *
   * @param ask {@code true} for the ask side (best = lowest price)
   * @param expectedLevels capacity before growing
   */
  PriceLadder(boolean ask, int expectedLevels) {
    this.ask = ask;
    int capacity = Math.max(16, expectedLevels);
    this.levelByPrice = new LongIntHashMap(capacity);
    this.keys = new long[capacity];
    this.levels = new int[capacity];
  }

  private long key(long price) {
    return ask ? -price : price;
  }

  /** Number of entries, dormant ones included. */
  int count() {
    return count;
  }

  /** Number of non-empty levels. */
  int liveCount() {
    return live;
  }

  /** Number of dormant (empty) entries. */
  int dormantCount() {
    return count - live;
  }

  /** A level went from empty (new or dormant) to non-empty. */
  void activated() {
    live++;
  }

  /** A level became empty. */
  void emptied() {
    live--;
  }

  /** The level at {@code price} (possibly dormant), or {@link LongIntHashMap#MISSING}. */
  int find(long price) {
    return levelByPrice.get(price);
  }

  /** The best (last) entry, or {@link LongIntHashMap#MISSING} if empty. */
  int bestLevel() {
    return count == 0 ? LongIntHashMap.MISSING : levels[count - 1];
  }

  /** The entry {@code depth} places from the best (0 = best); {@code depth < count()}. */
  int levelAt(int depth) {
    return levels[count - 1 - depth];
  }

  /** Adds an (empty) level for a price that has no entry. */
  void insert(long price, int level) {
    levelByPrice.put(price, level);
    if (count == keys.length) {
      keys = Arrays.copyOf(keys, count << 1);
      levels = Arrays.copyOf(levels, count << 1);
    }
    final long key = key(price);
    final int pos = lowerBound(key);
    final int tail = count - pos;
    if (tail > 0) {
      System.arraycopy(keys, pos, keys, pos + 1, tail);
      System.arraycopy(levels, pos, levels, pos + 1, tail);
    }
    keys[pos] = key;
    levels[pos] = level;
    count++;
  }

  /** Removes the best entry, which is at {@code price} and empty (already {@link #emptied()}). */
  void removeBest(long price) {
    levelByPrice.remove(price);
    count--;
  }

  /**
   * Removes every empty entry.
   *
   * @param orderCounts order count by level
   * @param prices price by level
   * @param removed receives the removed levels; at least {@link #dormantCount()} long
   * @return how many levels were removed
   */
  int compact(int[] orderCounts, long[] prices, int[] removed) {
    int kept = 0;
    int dropped = 0;
    for (int i = 0; i < count; i++) {
      final int level = levels[i];
      if (orderCounts[level] == 0) {
        levelByPrice.remove(prices[level]);
        removed[dropped++] = level;
      } else {
        keys[kept] = keys[i];
        levels[kept] = level;
        kept++;
      }
    }
    count = kept;
    return dropped;
  }

  /** Removes every level. */
  void clear() {
    levelByPrice.clear();
    count = 0;
    live = 0;
  }

  /** First index whose key is {@code >= key}. */
  private int lowerBound(long key) {
    final long[] keys = this.keys;
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      final int mid = (lo + hi) >>> 1;
      if (keys[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
