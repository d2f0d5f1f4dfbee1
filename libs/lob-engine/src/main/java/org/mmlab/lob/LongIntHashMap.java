package org.mmlab.lob;

import java.util.Arrays;

/**
 * Open-addressing hash map from non-zero {@code long} keys to {@code int} values, with linear
 * probing and backward-shift deletion (no tombstones, so lookups never degrade after many
 * removals). Keys and values are interleaved in one array so that a probe touches one cache line,
 * not two. Never allocates except when it grows past half full.
 *
 * <p>Key 0 marks an empty slot and cannot be stored; the engine only stores order ids and prices,
 * which are positive.
 */
final class LongIntHashMap {
  /** Returned by {@link #get} and {@link #remove} for an absent key. */
  static final int MISSING = -1;

  private static final long EMPTY = 0L;

  private long[] table; // [key, value] pairs
  private int mask; // over entries, not array indices
  // Entry index = top bits of key * golden ratio: Fibonacci hashing spreads sequential ids.
  private int shift;
  private int size;
  private int resizeAt;

  /**
   * Creates a map that holds {@code expectedSize} keys without growing.
   *
   * @param expectedSize expected number of keys
   */
  LongIntHashMap(int expectedSize) {
    int capacity = Integer.highestOneBit(Math.max(4, expectedSize) * 2 - 1) << 1;
    allocate(capacity);
  }

  private void allocate(int capacity) {
    table = new long[capacity * 2];
    mask = capacity - 1;
    shift = 64 - Integer.numberOfTrailingZeros(capacity);
    resizeAt = capacity >>> 1; // load factor 0.5 keeps probe sequences short
    size = 0;
  }

  private int home(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
  }

  /** Number of keys. */
  int size() {
    return size;
  }

  /** Value for {@code key}, or {@link #MISSING}. */
  int get(long key) {
    final long[] table = this.table;
    final int mask = this.mask;
    int i = home(key);
    while (true) {
      final long k = table[i << 1];
      if (k == key) {
        return (int) table[(i << 1) + 1];
      }
      if (k == EMPTY) {
        return MISSING;
      }
      i = (i + 1) & mask;
    }
  }

  /** Inserts or overwrites. {@code key} must not be 0. */
  void put(long key, int value) {
    final long[] table = this.table;
    final int mask = this.mask;
    int i = home(key);
    while (true) {
      final long k = table[i << 1];
      if (k == EMPTY) {
        table[i << 1] = key;
        table[(i << 1) + 1] = value;
        if (++size > resizeAt) {
          grow();
        }
        return;
      }
      if (k == key) {
        table[(i << 1) + 1] = value;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes {@code key}; returns its value or {@link #MISSING}. */
  int remove(long key) {
    final long[] table = this.table;
    final int mask = this.mask;
    int i = home(key);
    while (true) {
      final long k = table[i << 1];
      if (k == key) {
        break;
      }
      if (k == EMPTY) {
        return MISSING;
      }
      i = (i + 1) & mask;
    }
    final int removed = (int) table[(i << 1) + 1];
    // Backward-shift: pull later entries of the probe run into the hole unless that would move
    // one before its home slot.
    int hole = i;
    int j = i;
    while (true) {
      j = (j + 1) & mask;
      final long k = table[j << 1];
      if (k == EMPTY) {
        break;
      }
      if (((j - home(k)) & mask) >= ((j - hole) & mask)) {
        table[hole << 1] = k;
        table[(hole << 1) + 1] = table[(j << 1) + 1];
        hole = j;
      }
    }
    table[hole << 1] = EMPTY;
    size--;
    return removed;
  }

  /** Removes every key, keeping the capacity. */
  void clear() {
    if (size > 0) {
      Arrays.fill(table, EMPTY);
      size = 0;
    }
  }

  private void grow() {
    final long[] old = table;
    allocate((mask + 1) << 1);
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != EMPTY) {
        put(old[i], (int) old[i + 1]);
      }
    }
  }
}
