package org.mmlab.sim.lobster;

import java.util.Arrays;

/**
 * Open-addressing {@code long -> int} map: linear probing, backward-shift deletion (no tombstones),
 * power-of-two capacity, load factor 1/2. Key {@link Long#MIN_VALUE} is reserved. Absent keys read
 * as {@code -1}. Allocates only when it grows.
 */
final class LongIntHashMap {
  private static final long EMPTY = Long.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int mask;
  private int size;
  private int resizeAt;

  LongIntHashMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    allocate(cap);
  }

  private void allocate(int cap) {
    keys = new long[cap];
    values = new int[cap];
    Arrays.fill(keys, EMPTY);
    mask = cap - 1;
    resizeAt = cap >>> 1;
  }

  private static int mix(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  int size() {
    return size;
  }

  /** Value of {@code key}, or -1. */
  int get(long key) {
    final long[] k = keys;
    int i = mix(key) & mask;
    while (true) {
      long c = k[i];
      if (c == key) {
        return values[i];
      }
      if (c == EMPTY) {
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Maps {@code key} to {@code value}; returns the previous value or -1. */
  int put(long key, int value) {
    final long[] k = keys;
    int i = mix(key) & mask;
    while (true) {
      long c = k[i];
      if (c == key) {
        int old = values[i];
        values[i] = value;
        return old;
      }
      if (c == EMPTY) {
        k[i] = key;
        values[i] = value;
        if (++size >= resizeAt) {
          grow();
        }
        return -1;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes {@code key}; returns its value or -1. */
  int remove(long key) {
    final long[] k = keys;
    final int m = mask;
    int i = mix(key) & m;
    while (true) {
      long c = k[i];
      if (c == key) {
        break;
      }
      if (c == EMPTY) {
        return -1;
      }
      i = (i + 1) & m;
    }
    int value = values[i];
    int j = i;
    while (true) {
      j = (j + 1) & m;
      long c = k[j];
      if (c == EMPTY) {
        break;
      }
      int home = mix(c) & m;
      // Leave c where it is when its home lies cyclically in (i, j].
      boolean stays = i <= j ? (i < home && home <= j) : (i < home || home <= j);
      if (!stays) {
        k[i] = c;
        values[i] = values[j];
        i = j;
      }
    }
    k[i] = EMPTY;
    size--;
    return value;
  }

  void clear() {
    Arrays.fill(keys, EMPTY);
    size = 0;
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = values;
    allocate(ok.length << 1);
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ok[i] != EMPTY) {
        put(ok[i], ov[i]);
      }
    }
  }
}
