package org.mmlab.cli.bench;

/**
 * When each market-data message first reached any subscriber, so each subscriber's lag can be
 * measured as its arrival time minus the first arrival of the same sequence number. A ring of
 * recent sequence numbers, striped locks: subscribers call from their own threads.
 */
final class ArrivalSkew {
  private static final int STRIPES = 64;
  private final int mask;
  private final long[] seqs;
  private final long[] firstArrival;
  private final Object[] locks = new Object[STRIPES];

  /**
   * A tracker.
   *
   * @param capacity recent messages remembered, rounded up to a power of two
   */
  ArrivalSkew(int capacity) {
    int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
    mask = size - 1;
    seqs = new long[size];
    firstArrival = new long[size];
    java.util.Arrays.fill(seqs, -1);
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * Notes an arrival.
   *
   * @param seq the message's sequence number
   * @param nowNanos when it arrived
   * @return nanoseconds after the first subscriber got it (0 for the first), or -1 when the message
   *     is older than the ring remembers
   */
  long arrive(long seq, long nowNanos) {
    int slot = (int) (seq & mask);
    synchronized (locks[slot & (STRIPES - 1)]) {
      long held = seqs[slot];
      if (held == seq) {
        return Math.max(0, nowNanos - firstArrival[slot]);
      }
      if (held > seq) {
        return -1;
      }
      seqs[slot] = seq;
      firstArrival[slot] = nowNanos;
      return 0;
    }
  }
}
