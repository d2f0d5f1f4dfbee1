package org.mmlab.rl.predictor;

/**
 * The recent history of top-of-book events that the predictor reads besides the twelve features:
 * the time, mid and order-flow imbalance of each of the last {@link #capacity()} events.
 *
 * <p>An <em>event</em> is a change of the best bid or ask price or size (the {@code onTopOfBook}
 * contract of the strategy API); a repeated identical top of book is not an event, so a driver that
 * calls more often than the top changes counts the same events as one that does not. The event's
 * order-flow imbalance is Cont, Kukanov &amp; Stoikov's {@code e_n} on the best level (lots), as in
 * {@code FeatureEngine}; an empty side counts as price −∞ (bid) or +∞ (ask) with size 0. While one
 * side is empty the mid keeps its last two-sided value.
 *
 * <p>O(1) per event, no allocation. Not thread-safe.
 */
public final class EventHistory {
  /** Fewest events remembered. */
  public static final int MIN_CAPACITY = 32;

  private static final long NO_BID = Long.MIN_VALUE;
  private static final long NO_ASK = Long.MAX_VALUE;

  private final int capacity;
  private final double[] mids;
  private final double[] ofi;
  private final long[] times;
  private long events;
  private boolean hasTop;
  private boolean hasMid;
  private double mid;
  private long bid = NO_BID;
  private long bidSize;
  private long ask = NO_ASK;
  private long askSize;

  /**
   * Creates a history.
   *
   * @param longestLag the longest lag that will be read, events
   */
  public EventHistory(int longestLag) {
    this.capacity = Math.max(MIN_CAPACITY, longestLag + 1);
    this.mids = new double[capacity];
    this.ofi = new double[capacity];
    this.times = new long[capacity];
  }

  /**
   * Events remembered.
   *
   * @return the capacity
   */
  public int capacity() {
    return capacity;
  }

  /** Forgets everything. */
  public void reset() {
    events = 0;
    hasTop = false;
    hasMid = false;
    mid = 0;
    bid = NO_BID;
    bidSize = 0;
    ask = NO_ASK;
    askSize = 0;
  }

  /**
   * A top of book.
   *
   * @param timeNanos event time
   * @param bidPrice best bid, ticks (ignored when {@code bidSz == 0})
   * @param bidSz lots at the best bid, 0 = empty side
   * @param askPrice best ask, ticks (ignored when {@code askSz == 0})
   * @param askSz lots at the best ask, 0 = empty side
   * @return whether it was an event (the top changed)
   */
  public boolean onTopOfBook(long timeNanos, long bidPrice, long bidSz, long askPrice, long askSz) {
    long nb = bidSz > 0 ? bidPrice : NO_BID;
    long na = askSz > 0 ? askPrice : NO_ASK;
    long nbs = bidSz > 0 ? bidSz : 0;
    long nas = askSz > 0 ? askSz : 0;
    if (hasTop && nb == bid && na == ask && nbs == bidSize && nas == askSize) {
      return false;
    }
    double e = 0;
    if (hasTop) {
      if (nb >= bid) {
        e += nbs;
      }
      if (nb <= bid) {
        e -= bidSize;
      }
      if (na <= ask) {
        e -= nas;
      }
      if (na >= ask) {
        e += askSize;
      }
    }
    hasTop = true;
    bid = nb;
    bidSize = nbs;
    ask = na;
    askSize = nas;
    if (nbs > 0 && nas > 0) {
      hasMid = true;
      mid = ((double) nb + (double) na) * 0.5;
    }
    int slot = (int) (events % capacity);
    mids[slot] = mid;
    ofi[slot] = e;
    times[slot] = timeNanos;
    events++;
    return true;
  }

  /**
   * Events seen since the last reset.
   *
   * @return the count
   */
  public long events() {
    return events;
  }

  /**
   * Whether a two-sided top of book has been seen.
   *
   * @return true after the first
   */
  public boolean hasMid() {
    return hasMid;
  }

  /**
   * The mid after the latest event.
   *
   * @return ticks, 0 before the first two-sided book
   */
  public double mid() {
    return mid;
  }

  /**
   * Mid change over the last {@code lag} events: {@code mid(now) − mid(lag events ago)}; with fewer
   * events seen, from the oldest remembered.
   *
   * @param lag 1..{@link #capacity()}−1
   * @return ticks
   */
  public double midChange(int lag) {
    if (events == 0) {
      return 0;
    }
    long back = Math.min(lag, events - 1);
    int now = (int) ((events - 1) % capacity);
    int then = (int) ((events - 1 - back) % capacity);
    double m = mids[then];
    // Events before the first two-sided book carry mid 0: no change is known across them.
    return m == 0 || mids[now] == 0 ? 0 : mids[now] - m;
  }

  /**
   * How many of the last {@code count} events moved the mid.
   *
   * @param count events looked at, 1..{@link #capacity()}−1
   * @return the number of mid changes
   */
  public int midMoves(int count) {
    long n = Math.min(count, events - 1);
    int moves = 0;
    for (long i = 0; i < n; i++) {
      double a = mids[(int) ((events - 1 - i) % capacity)];
      double b = mids[(int) ((events - 2 - i) % capacity)];
      if (a != b && b != 0) {
        moves++;
      }
    }
    return moves;
  }

  /**
   * Seconds spanned by the last {@code count} events (their arrival rate, inverted): short in busy
   * markets.
   *
   * @param count events, 1..{@link #capacity()}−1
   * @return seconds from the event {@code count} back to the latest; 0 with fewer events
   */
  public double secondsSpanned(int count) {
    if (events <= count) {
      return 0;
    }
    long now = times[(int) ((events - 1) % capacity)];
    long then = times[(int) ((events - 1 - count) % capacity)];
    return (now - then) / 1e9;
  }

  /**
   * Order-flow imbalance summed over the last {@code count} events (the latest included).
   *
   * @param count 1..{@link #capacity()}
   * @return lots
   */
  public double ofiSum(int count) {
    long n = Math.min(count, events);
    double s = 0;
    for (long i = 0; i < n; i++) {
      s += ofi[(int) ((events - 1 - i) % capacity)];
    }
    return s;
  }
}
