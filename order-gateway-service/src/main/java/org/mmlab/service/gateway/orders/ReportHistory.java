package org.mmlab.service.gateway.orders;

import java.time.Instant;
import org.mmlab.api.CancelReason;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.api.execution.OrderCancelled;
import org.mmlab.api.execution.OrderFilled;
import org.mmlab.api.execution.OrderRejected;
import org.mmlab.api.execution.OrderReplaced;

/**
 * A client's last execution reports, for {@code ?fromSeq=} replays. Reports are kept as columns of
 * primitives (ticks, lots, epoch nanoseconds) in a ring and turned into {@link ExecutionReport}
 * records only when a socket needs one: with no stream attached, reporting an order allocates
 * nothing, and a kept report holds no object at all (the client order id is kept as bytes), so
 * nothing of it is copied by the young collections or promoted.
 *
 * <p>Positions count every report ever appended; position {@code p} lives in slot {@code p %
 * capacity}. The ring grows by doubling up to its capacity, then overwrites its oldest report. Not
 * thread-safe: guarded by the client's lock.
 */
final class ReportHistory {
  private static final byte ACCEPTED = 1;
  private static final byte REJECTED = 2;
  private static final byte FILLED = 3;
  private static final byte CANCELLED = 4;
  private static final byte REPLACED = 5;
  private static final int INITIAL = 256;

  private final int limit;
  private long first;
  private long next;
  private Columns cols;

  /**
   * An empty history.
   *
   * @param limit reports kept, at least 1
   */
  ReportHistory(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("history limit must be at least 1, got " + limit);
    }
    this.limit = limit;
    this.cols = new Columns(Math.min(limit, INITIAL));
  }

  /** The position of the oldest kept report. */
  long first() {
    return first;
  }

  /** The position the next report will take (one past the newest). */
  long next() {
    return next;
  }

  /** A kept report's sequence number. */
  long seq(long position) {
    return cols.seq[slot(position)];
  }

  /**
   * Appends an accepted order.
   *
   * @return its position
   */
  long accepted(
      long seq,
      long orderId,
      String clientOrderId,
      long simTime,
      long timeNanos,
      Side side,
      OrderType type,
      long priceTicks,
      long sizeLots,
      boolean quote,
      InstrumentInfo i) {
    int s = append(ACCEPTED, seq, orderId, clientOrderId, simTime, timeNanos, i);
    cols.side[s] = side;
    cols.type[s] = type;
    cols.price[s] = priceTicks;
    cols.size[s] = sizeLots;
    cols.flag[s] = quote;
    return next - 1;
  }

  /**
   * Appends a rejection.
   *
   * @return its position
   */
  long rejected(
      long seq,
      long orderId,
      String clientOrderId,
      long simTime,
      long timeNanos,
      ProblemCode code,
      String detail) {
    int s = append(REJECTED, seq, orderId, clientOrderId, simTime, timeNanos, null);
    cols.code[s] = code;
    cols.detail[s] = detail;
    return next - 1;
  }

  /**
   * Appends a fill.
   *
   * @return its position
   */
  long filled(
      long seq,
      long orderId,
      String clientOrderId,
      long simTime,
      long timeNanos,
      Side side,
      long priceTicks,
      long sizeLots,
      long remainingLots,
      boolean maker,
      long positionLots,
      InstrumentInfo i) {
    int s = append(FILLED, seq, orderId, clientOrderId, simTime, timeNanos, i);
    cols.side[s] = side;
    cols.price[s] = priceTicks;
    cols.size[s] = sizeLots;
    cols.remaining[s] = remainingLots;
    cols.flag[s] = maker;
    cols.position[s] = positionLots;
    return next - 1;
  }

  /**
   * Appends a cancel.
   *
   * @return its position
   */
  long cancelled(
      long seq,
      long orderId,
      String clientOrderId,
      long simTime,
      long timeNanos,
      long cancelledLots,
      CancelReason reason,
      InstrumentInfo i) {
    int s = append(CANCELLED, seq, orderId, clientOrderId, simTime, timeNanos, i);
    cols.size[s] = cancelledLots;
    cols.reason[s] = reason;
    return next - 1;
  }

  /**
   * Appends a replace.
   *
   * @return its position
   */
  long replaced(
      long seq,
      long orderId,
      String clientOrderId,
      long simTime,
      long timeNanos,
      long priceTicks,
      long remainingLots,
      boolean priorityKept,
      InstrumentInfo i) {
    int s = append(REPLACED, seq, orderId, clientOrderId, simTime, timeNanos, i);
    cols.price[s] = priceTicks;
    cols.size[s] = remainingLots;
    cols.flag[s] = priorityKept;
    return next - 1;
  }

  /**
   * A kept report as the wire record.
   *
   * @param position between {@link #first()} and {@link #next()}
   * @return the report
   */
  ExecutionReport report(long position) {
    if (position < first || position >= next) {
      throw new IndexOutOfBoundsException(
          "report position " + position + " is outside [" + first + ", " + next + ")");
    }
    Columns c = cols;
    int s = slot(position);
    Instant time = EpochNanos.toInstant(c.timeNanos[s]);
    InstrumentInfo i = c.instrument[s];
    String clientOrderId = c.clientOrderId.get(s);
    return switch (c.kind[s]) {
      case ACCEPTED ->
          new OrderAccepted(
              c.seq[s],
              c.orderId[s],
              clientOrderId,
              c.simTime[s],
              time,
              c.side[s],
              c.type[s],
              c.type[s] == OrderType.MARKET ? null : i.price(c.price[s]),
              i.size(c.size[s]),
              c.flag[s]);
      case REJECTED ->
          new OrderRejected(
              c.seq[s], c.orderId[s], clientOrderId, c.simTime[s], time, c.code[s], c.detail[s]);
      case FILLED ->
          new OrderFilled(
              c.seq[s],
              c.orderId[s],
              clientOrderId,
              c.simTime[s],
              time,
              c.side[s],
              i.price(c.price[s]),
              i.size(c.size[s]),
              i.size(c.remaining[s]),
              c.flag[s],
              i.size(c.position[s]));
      case CANCELLED ->
          new OrderCancelled(
              c.seq[s],
              c.orderId[s],
              clientOrderId,
              c.simTime[s],
              time,
              i.size(c.size[s]),
              c.reason[s]);
      case REPLACED ->
          new OrderReplaced(
              c.seq[s],
              c.orderId[s],
              clientOrderId,
              c.simTime[s],
              time,
              i.price(c.price[s]),
              i.size(c.size[s]),
              c.flag[s]);
      default -> throw new IllegalStateException("no report kind " + c.kind[s]);
    };
  }

  /** Takes the next slot, clearing what the kinds below may leave unset. */
  private int append(
      byte kind,
      long seq,
      long orderId,
      String clientOrderId,
      long simTime,
      long timeNanos,
      InstrumentInfo i) {
    if (next - first == cols.capacity) {
      if (cols.capacity < limit) {
        Columns old = cols;
        cols = new Columns((int) Math.min(limit, old.capacity * 2L));
        for (long p = first; p < next; p++) {
          old.copy((int) (p % old.capacity), cols, slot(p));
        }
      } else {
        first++;
      }
    }
    int s = slot(next++);
    Columns c = cols;
    c.kind[s] = kind;
    c.seq[s] = seq;
    c.orderId[s] = orderId;
    c.clientOrderId.set(s, clientOrderId);
    c.simTime[s] = simTime;
    c.timeNanos[s] = timeNanos;
    c.instrument[s] = i;
    c.detail[s] = null;
    return s;
  }

  private int slot(long position) {
    return (int) (position % cols.capacity);
  }

  /** The ring's storage: one array per report field. */
  private static final class Columns {
    final int capacity;
    final byte[] kind;
    final long[] seq;
    final long[] orderId;
    final IdSlab clientOrderId; // bytes, not strings: see IdSlab
    final long[] simTime;
    final long[] timeNanos;
    final Side[] side;
    final OrderType[] type;
    final long[] price;
    final long[] size;
    final long[] remaining;
    final long[] position;
    final boolean[] flag; // quote, maker or priority kept, by kind
    final ProblemCode[] code;
    final CancelReason[] reason;
    final String[] detail;
    final InstrumentInfo[] instrument;

    Columns(int n) {
      capacity = n;
      kind = new byte[n];
      seq = new long[n];
      orderId = new long[n];
      clientOrderId = new IdSlab(n);
      simTime = new long[n];
      timeNanos = new long[n];
      side = new Side[n];
      type = new OrderType[n];
      price = new long[n];
      size = new long[n];
      remaining = new long[n];
      position = new long[n];
      flag = new boolean[n];
      code = new ProblemCode[n];
      reason = new CancelReason[n];
      detail = new String[n];
      instrument = new InstrumentInfo[n];
    }

    void copy(int from, Columns to, int s) {
      to.kind[s] = kind[from];
      to.seq[s] = seq[from];
      to.orderId[s] = orderId[from];
      clientOrderId.copyTo(from, to.clientOrderId, s);
      to.simTime[s] = simTime[from];
      to.timeNanos[s] = timeNanos[from];
      to.side[s] = side[from];
      to.type[s] = type[from];
      to.price[s] = price[from];
      to.size[s] = size[from];
      to.remaining[s] = remaining[from];
      to.position[s] = position[from];
      to.flag[s] = flag[from];
      to.code[s] = code[from];
      to.reason[s] = reason[from];
      to.detail[s] = detail[from];
      to.instrument[s] = instrument[from];
    }
  }
}
