package org.mmlab.sim.core;

import java.util.Arrays;

/**
 * Open-addressing map from long keys to non-negative int values (linear probing, backward-shift
 * deletion, so no tombstones accumulate). No boxing, no allocation after growth.
 */
public final class LongIndexMap {
  /** Returned by {@link #get} for an absent key. */
  public static final int MISSING = -1;

  private long[] keys;
  private int[] values;
  private boolean[] used;
  private int mask;
  private int size;

  /**
   * Creates a map.
   *
   * @param expected entries expected before the first growth
   */
  public LongIndexMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2) - 1) << 1;
    alloc(cap);
  }

  private void alloc(int cap) {
    keys = new long[cap];
    values = new int[cap];
    used = new boolean[cap];
    mask = cap - 1;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /**
   * Value of a key.
   *
   * @param key the key
   * @return its value, or {@link #MISSING}
   */
  public int get(long key) {
    int i = slot(key);
    while (used[i]) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return MISSING;
  }

  /**
   * Sets a key's value.
   *
   * @param key the key
   * @param value the value, non-negative
   */
  public void put(long key, int value) {
    if ((size + 1) * 2 > keys.length) {
      rehash(keys.length * 2);
    }
    int i = slot(key);
    while (used[i]) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    values[i] = value;
    size++;
  }

  /**
   * Removes a key.
   *
   * @param key the key
   * @return its value, or {@link #MISSING} when absent
   */
  public int remove(long key) {
    int i = slot(key);
    while (used[i]) {
      if (keys[i] == key) {
        int v = values[i];
        shiftBack(i);
        size--;
        return v;
      }
      i = (i + 1) & mask;
    }
    return MISSING;
  }

  private void shiftBack(int hole) {
    int i = (hole + 1) & mask;
    while (used[i]) {
      int home = slot(keys[i]);
      // Move the entry into the hole if its home is not cyclically in (hole, i].
      if (((i - home) & mask) >= ((i - hole) & mask)) {
        keys[hole] = keys[i];
        values[hole] = values[i];
        hole = i;
      }
      i = (i + 1) & mask;
    }
    used[hole] = false;
  }

  /**
   * Entries in the map.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /** Removes everything, keeping the capacity. */
  public void clear() {
    Arrays.fill(used, false);
    size = 0;
  }

  private void rehash(int cap) {
    long[] k = keys;
    int[] v = values;
    boolean[] u = used;
    alloc(cap);
    size = 0;
    for (int i = 0; i < k.length; i++) {
      if (u[i]) {
        put(k[i], v[i]);
      }
    }
  }
}
