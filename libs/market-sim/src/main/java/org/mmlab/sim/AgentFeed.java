package org.mmlab.sim;

import java.nio.ByteBuffer;
import org.mmlab.lob.CancelReason;
import org.mmlab.lob.LimitOrderBook;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.core.LatencyModel;
import org.mmlab.sim.core.Rng;

/**
 * The wire between the exchange and the agent: every market-data message and execution report is
 * stamped with its exchange time plus a market-data latency and delivered in FIFO order (one
 * connection never reorders, so a delivery time is never earlier than the previous one).
 *
 * <p>Records live in a growable ring of primitive arrays; book snapshots in a parallel ring of
 * preallocated {@link BookSnapshot}s. Nothing is allocated per message after warm-up.
 */
public final class AgentFeed {
  private static final byte BOOK = 1;
  private static final byte TRADE = 2;
  private static final byte ACCEPTED = 3;
  private static final byte REJECTED = 4;
  private static final byte CANCELLED = 5;
  private static final byte FILL = 6;
  private static final RejectReason[] REJECTS = RejectReason.values();
  private static final CancelReason[] CANCELS = CancelReason.values();

  private final int levels;
  private final LatencyModel latency;
  private final Rng rng;
  private byte[] type;
  private long[] due;
  private long[] a;
  private long[] b;
  private long[] c;
  private long[] d;
  private double[] fee;
  private BookSnapshot[] books;
  private int head;
  private int count;
  private long lastDue = Long.MIN_VALUE;
  private boolean nextImmediate;

  /**
   * Creates a feed.
   *
   * @param levels book levels per side in each snapshot
   * @param latency market-data latency
   * @param rng the market's generator (only used for sampled latencies)
   */
  public AgentFeed(int levels, LatencyModel latency, Rng rng) {
    this.levels = levels;
    this.latency = latency;
    this.rng = rng;
    allocate(1024);
  }

  private void allocate(int cap) {
    type = new byte[cap];
    due = new long[cap];
    a = new long[cap];
    b = new long[cap];
    c = new long[cap];
    d = new long[cap];
    fee = new double[cap];
    books = new BookSnapshot[cap];
    for (int i = 0; i < cap; i++) {
      books[i] = new BookSnapshot(levels);
    }
  }

  /** Drops everything in flight (a new episode). */
  public void clear() {
    head = 0;
    count = 0;
    lastDue = Long.MIN_VALUE;
  }

  /**
   * Delivers the next message without latency: the snapshot an agent already holds when an episode
   * starts (as a subscriber gets one on connecting before it starts trading).
   */
  public void nextWithoutLatency() {
    nextImmediate = true;
  }

  /**
   * Messages in flight.
   *
   * @return count
   */
  public int pending() {
    return count;
  }

  /**
   * Delivery time of the next message.
   *
   * @return nanoseconds, or {@link Long#MAX_VALUE} when nothing is in flight
   */
  public long peekTime() {
    return count == 0 ? Long.MAX_VALUE : due[head];
  }

  private int append(byte t, long exchangeTime) {
    if (count == type.length) {
      grow();
    }
    int i = (head + count) & (type.length - 1);
    long at = exchangeTime;
    if (nextImmediate) {
      nextImmediate = false;
    } else {
      at += latency.sample(rng);
    }
    if (at < lastDue) {
      at = lastDue;
    }
    lastDue = at;
    type[i] = t;
    due[i] = at;
    count++;
    return i;
  }

  private void grow() {
    int cap = type.length;
    byte[] t2 = new byte[cap * 2];
    long[] due2 = new long[cap * 2];
    long[] a2 = new long[cap * 2];
    long[] b2 = new long[cap * 2];
    long[] c2 = new long[cap * 2];
    long[] d2 = new long[cap * 2];
    double[] f2 = new double[cap * 2];
    // Growing only happens when the ring is full, so the old snapshots are a rotation of the
    // first half.
    BookSnapshot[] s2 = new BookSnapshot[cap * 2];
    for (int k = 0; k < count; k++) {
      int from = (head + k) & (cap - 1);
      t2[k] = type[from];
      due2[k] = due[from];
      a2[k] = a[from];
      b2[k] = b[from];
      c2[k] = c[from];
      d2[k] = d[from];
      f2[k] = fee[from];
      s2[k] = books[from];
    }
    for (int k = cap; k < cap * 2; k++) {
      s2[k] = new BookSnapshot(levels);
    }
    type = t2;
    due = due2;
    a = a2;
    b = b2;
    c = c2;
    d = d2;
    fee = f2;
    books = s2;
    head = 0;
  }

  /**
   * Publishes the book's current top levels.
   *
   * @param exchangeTime when the book changed
   * @param book the exchange's book
   * @return the published snapshot (valid until it is delivered)
   */
  public BookSnapshot book(long exchangeTime, LimitOrderBook book) {
    int i = append(BOOK, exchangeTime);
    books[i].copyFrom(book);
    return books[i];
  }

  /**
   * Publishes a book given as a snapshot (replays, synthetic books).
   *
   * @param exchangeTime when the book changed
   * @param snapshot the levels to publish (copied)
   */
  public void book(long exchangeTime, BookSnapshot snapshot) {
    int i = append(BOOK, exchangeTime);
    books[i].copyFrom(snapshot);
  }

  /**
   * Publishes a trade print.
   *
   * @param exchangeTime trade time
   * @param price price in ticks
   * @param size lots
   * @param aggressor taker side
   */
  public void trade(long exchangeTime, long price, long size, Side aggressor) {
    int i = append(TRADE, exchangeTime);
    a[i] = price;
    b[i] = size;
    c[i] = aggressor.ordinal();
  }

  /**
   * Reports an accepted agent order.
   *
   * @param exchangeTime when
   * @param orderId the agent's id
   */
  public void accepted(long exchangeTime, long orderId) {
    int i = append(ACCEPTED, exchangeTime);
    a[i] = orderId;
  }

  /**
   * Reports a rejected agent command.
   *
   * @param exchangeTime when
   * @param orderId the id the command named
   * @param reason why
   */
  public void rejected(long exchangeTime, long orderId, RejectReason reason) {
    int i = append(REJECTED, exchangeTime);
    a[i] = orderId;
    b[i] = reason.ordinal();
  }

  /**
   * Reports a cancelled agent order.
   *
   * @param exchangeTime when
   * @param orderId the agent's id
   * @param size lots cancelled
   * @param reason why
   */
  public void cancelled(long exchangeTime, long orderId, long size, CancelReason reason) {
    int i = append(CANCELLED, exchangeTime);
    a[i] = orderId;
    b[i] = size;
    c[i] = reason.ordinal();
  }

  /**
   * Reports an agent fill.
   *
   * @param exchangeTime when
   * @param orderId the agent's id
   * @param side the agent's side
   * @param price price in ticks
   * @param size filled lots
   * @param remaining lots still open
   * @param maker whether the agent was the maker
   * @param feeValue fee in tick-lots
   */
  public void fill(
      long exchangeTime,
      long orderId,
      Side side,
      long price,
      long size,
      long remaining,
      boolean maker,
      double feeValue) {
    int i = append(FILL, exchangeTime);
    a[i] = orderId;
    b[i] = price;
    c[i] = size;
    // Pack side, maker flag and remaining size into one field.
    d[i] = (remaining << 2) | (side == Side.ASK ? 2 : 0) | (maker ? 1 : 0);
    fee[i] = feeValue;
  }

  /**
   * Writes the messages in flight and the FIFO's state exactly (snapshots).
   *
   * @param out where to write them
   */
  public void saveState(ByteBuffer out) {
    out.putLong(lastDue).put((byte) (nextImmediate ? 1 : 0)).putInt(count);
    for (int k = 0; k < count; k++) {
      int i = (head + k) & (type.length - 1);
      out.put(type[i]).putLong(due[i]).putLong(a[i]).putLong(b[i]).putLong(c[i]).putLong(d[i]);
      out.putDouble(fee[i]);
      if (type[i] == BOOK) {
        BookSnapshot s = books[i];
        out.putInt(s.bidLevels()).putInt(s.askLevels());
        for (int l = 0; l < s.bidLevels(); l++) {
          out.putLong(s.bidPrices()[l]).putLong(s.bidSizes()[l]);
        }
        for (int l = 0; l < s.askLevels(); l++) {
          out.putLong(s.askPrices()[l]).putLong(s.askSizes()[l]);
        }
      }
    }
  }

  /**
   * Restores a feed written by {@link #saveState}: the same messages arrive at the same times.
   *
   * @param in where to read it
   */
  public void restoreState(ByteBuffer in) {
    clear();
    long last = in.getLong();
    nextImmediate = in.get() != 0;
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / 49) {
      throw new IllegalStateException("feed snapshot holds a bad size: " + n);
    }
    long[] bp = new long[levels];
    long[] bs = new long[levels];
    long[] ap = new long[levels];
    long[] as = new long[levels];
    for (int k = 0; k < n; k++) {
      if (count == type.length) {
        grow();
      }
      int i = count++;
      type[i] = in.get();
      due[i] = in.getLong();
      a[i] = in.getLong();
      b[i] = in.getLong();
      c[i] = in.getLong();
      d[i] = in.getLong();
      fee[i] = in.getDouble();
      if (type[i] == BOOK) {
        int nb = in.getInt();
        int na = in.getInt();
        if (nb < 0 || nb > levels || na < 0 || na > levels) {
          throw new IllegalStateException("feed snapshot holds a bad book: " + nb + "/" + na);
        }
        for (int l = 0; l < nb; l++) {
          bp[l] = in.getLong();
          bs[l] = in.getLong();
        }
        for (int l = 0; l < na; l++) {
          ap[l] = in.getLong();
          as[l] = in.getLong();
        }
        books[i].set(bp, bs, nb, ap, as, na);
      }
    }
    lastDue = last;
  }

  /**
   * Delivers the next message.
   *
   * @param listener the agent
   * @return its delivery time
   */
  public long deliverOne(MarketListener listener) {
    int i = head;
    head = (head + 1) & (type.length - 1);
    count--;
    long t = due[i];
    switch (type[i]) {
      case BOOK:
        listener.onBook(t, books[i]);
        break;
      case TRADE:
        listener.onTrade(t, a[i], b[i], c[i] == 0 ? Side.BID : Side.ASK);
        break;
      case ACCEPTED:
        listener.onAccepted(t, a[i]);
        break;
      case REJECTED:
        listener.onRejected(t, a[i], REJECTS[(int) b[i]]);
        break;
      case CANCELLED:
        listener.onCancelled(t, a[i], b[i], CANCELS[(int) c[i]]);
        break;
      case FILL:
        long packed = d[i];
        listener.onFill(
            t,
            a[i],
            (packed & 2) != 0 ? Side.ASK : Side.BID,
            b[i],
            c[i],
            packed >>> 2,
            (packed & 1) != 0,
            fee[i]);
        break;
      default:
        throw new IllegalStateException("unknown record " + type[i]);
    }
    return t;
  }
}
