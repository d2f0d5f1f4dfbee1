package org.mmlab.sim.core;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The simulator's one time-ordered event queue: a binary min-heap keyed by (time, insertion
 * sequence), so two events at the same nanosecond always pop in the order they were scheduled. That
 * tie-break is what makes a seeded run reproducible bit for bit.
 *
 * <p>An event is a kind (an int the owner defines) and two long arguments. Storage is
 * struct-of-arrays and grows by doubling; after warm-up, scheduling and popping allocate nothing.
 */
public final class EventQueue {
  private long[] time;
  private long[] seq;
  private int[] kind;
  private long[] arg0;
  private long[] arg1;
  private int size;
  private long nextSeq;

  private long poppedTime;
  private int poppedKind;
  private long poppedArg0;
  private long poppedArg1;

  /**
   * Creates an empty queue.
   *
   * @param initialCapacity slots preallocated before the first growth
   */
  public EventQueue(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    time = new long[cap];
    seq = new long[cap];
    kind = new int[cap];
    arg0 = new long[cap];
    arg1 = new long[cap];
  }

  /** Removes every event and restarts the tie-break sequence. */
  public void clear() {
    size = 0;
    nextSeq = 0;
  }

  /**
   * Number of pending events.
   *
   * @return pending events
   */
  public int size() {
    return size;
  }

  /**
   * Whether no event is pending.
   *
   * @return true when empty
   */
  public boolean isEmpty() {
    return size == 0;
  }

  /**
   * Schedules an event.
   *
   * @param t event time, nanoseconds of simulated time
   * @param k event kind
   * @param a0 first argument
   * @param a1 second argument
   */
  public void schedule(long t, int k, long a0, long a1) {
    if (size == time.length) {
      grow();
    }
    int i = size++;
    long s = nextSeq++;
    // Sift up.
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(t, s, time[parent], seq[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    time[i] = t;
    seq[i] = s;
    kind[i] = k;
    arg0[i] = a0;
    arg1[i] = a1;
  }

  /**
   * Time of the earliest pending event.
   *
   * @return its time, or {@link Long#MAX_VALUE} when empty
   */
  public long peekTime() {
    return size == 0 ? Long.MAX_VALUE : time[0];
  }

  /**
   * Removes the earliest event; read it with {@link #time()}, {@link #kind()}, {@link #arg0()},
   * {@link #arg1()}.
   *
   * @throws IllegalStateException when empty
   */
  public void pop() {
    if (size == 0) {
      throw new IllegalStateException("event queue is empty");
    }
    poppedTime = time[0];
    poppedKind = kind[0];
    poppedArg0 = arg0[0];
    poppedArg1 = arg1[0];
    int last = --size;
    if (last == 0) {
      return;
    }
    long t = time[last];
    long s = seq[last];
    int k = kind[last];
    long a0 = arg0[last];
    long a1 = arg1[last];
    int i = 0;
    int half = last >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < last && before(time[right], seq[right], time[child], seq[child])) {
        child = right;
      }
      if (!before(time[child], seq[child], t, s)) {
        break;
      }
      move(child, i);
      i = child;
    }
    time[i] = t;
    seq[i] = s;
    kind[i] = k;
    arg0[i] = a0;
    arg1[i] = a1;
  }

  /**
   * Time of the last popped event.
   *
   * @return nanoseconds of simulated time
   */
  public long time() {
    return poppedTime;
  }

  /**
   * Kind of the last popped event.
   *
   * @return the kind passed to {@link #schedule}
   */
  public int kind() {
    return poppedKind;
  }

  /**
   * First argument of the last popped event.
   *
   * @return the argument
   */
  public long arg0() {
    return poppedArg0;
  }

  /**
   * Second argument of the last popped event.
   *
   * @return the argument
   */
  public long arg1() {
    return poppedArg1;
  }

  /**
   * Writes the pending events and the tie-break sequence exactly (snapshots).
   *
   * @param out where to write them
   */
  public void saveState(ByteBuffer out) {
    out.putLong(nextSeq).putInt(size);
    for (int i = 0; i < size; i++) {
      out.putLong(time[i]).putLong(seq[i]).putInt(kind[i]).putLong(arg0[i]).putLong(arg1[i]);
    }
  }

  /**
   * Restores a queue written by {@link #saveState}: the same events pop in the same order.
   *
   * @param in where to read it
   */
  public void restoreState(ByteBuffer in) {
    long next = in.getLong();
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / 36) {
      throw new IllegalStateException("event queue snapshot holds a bad size: " + n);
    }
    clear();
    while (time.length < n) {
      grow();
    }
    for (int i = 0; i < n; i++) {
      time[i] = in.getLong();
      seq[i] = in.getLong();
      kind[i] = in.getInt();
      arg0[i] = in.getLong();
      arg1[i] = in.getLong();
    }
    size = n; // the heap layout is copied as is, so it is still a heap
    nextSeq = next;
  }

  private static boolean before(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }

  private void move(int from, int to) {
    time[to] = time[from];
    seq[to] = seq[from];
    kind[to] = kind[from];
    arg0[to] = arg0[from];
    arg1[to] = arg1[from];
  }

  private void grow() {
    int cap = time.length * 2;
    time = Arrays.copyOf(time, cap);
    seq = Arrays.copyOf(seq, cap);
    kind = Arrays.copyOf(kind, cap);
    arg0 = Arrays.copyOf(arg0, cap);
    arg1 = Arrays.copyOf(arg1, cap);
  }
}
