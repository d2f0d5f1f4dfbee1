package org.mmlab.sim.core;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A set of long ids with O(1) add, remove and uniform random pick: the market models' view of their
 * own resting orders, so "cancel a random resting order" costs the same at any depth.
 */
public final class LongIdSet {
  private long[] ids;
  private int size;
  private final LongIndexMap index;

  /**
   * Creates an empty set.
   *
   * @param expected ids expected before the first growth
   */
  public LongIdSet(int expected) {
    ids = new long[Math.max(16, expected)];
    index = new LongIndexMap(expected);
  }

  /**
   * Adds an id (no effect when present).
   *
   * @param id the id
   */
  public void add(long id) {
    if (index.get(id) != LongIndexMap.MISSING) {
      return;
    }
    if (size == ids.length) {
      ids = Arrays.copyOf(ids, size * 2);
    }
    ids[size] = id;
    index.put(id, size);
    size++;
  }

  /**
   * Removes an id (no effect when absent).
   *
   * @param id the id
   * @return whether it was present
   */
  public boolean remove(long id) {
    int i = index.remove(id);
    if (i == LongIndexMap.MISSING) {
      return false;
    }
    int last = --size;
    if (i != last) {
      long moved = ids[last];
      ids[i] = moved;
      index.put(moved, i);
    }
    return true;
  }

  /**
   * Whether an id is present.
   *
   * @param id the id
   * @return true when present
   */
  public boolean contains(long id) {
    return index.get(id) != LongIndexMap.MISSING;
  }

  /**
   * The id at a position (positions change on removal).
   *
   * @param i position in [0, size)
   * @return the id
   */
  public long get(int i) {
    return ids[i];
  }

  /**
   * Ids in the set.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * Writes the ids in their positions (a random pick depends on them).
   *
   * @param out where to write them
   */
  public void saveState(ByteBuffer out) {
    out.putInt(size);
    for (int i = 0; i < size; i++) {
      out.putLong(ids[i]);
    }
  }

  /**
   * Restores a set written by {@link #saveState}, every id at its position.
   *
   * @param in where to read it
   */
  public void restoreState(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / 8) {
      throw new IllegalStateException("id set snapshot holds a bad size: " + n);
    }
    clear();
    for (int i = 0; i < n; i++) {
      add(in.getLong());
    }
    if (size != n) {
      throw new IllegalStateException("id set snapshot holds duplicate ids");
    }
  }

  /** Empties the set. */
  public void clear() {
    size = 0;
    index.clear();
  }
}
