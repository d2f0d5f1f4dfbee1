package org.mmlab.lob;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Records book events as fixed-width rows of longs, so that millions of events can be compared
 * cheaply; decodes them to text only for assertions and failure messages.
 */
final class EventLog implements OrderBookListener {
  static final int ACCEPTED = 1;
  static final int REJECTED = 2;
  static final int TRADE = 3;
  static final int CANCELLED = 4;
  static final int REPLACED = 5;
  static final int LEVEL = 6;

  private static final int WIDTH = 10;
  private long[] rows = new long[WIDTH * 64];
  private int count;

  int size() {
    return count;
  }

  void reset() {
    count = 0;
  }

  long field(int event, int field) {
    return rows[event * WIDTH + field];
  }

  private void add(long t, long a, long b, long c, long d, long e, long f, long g, long h, long i) {
    if ((count + 1) * WIDTH > rows.length) {
      rows = Arrays.copyOf(rows, rows.length * 2);
    }
    int o = count * WIDTH;
    rows[o] = t;
    rows[o + 1] = a;
    rows[o + 2] = b;
    rows[o + 3] = c;
    rows[o + 4] = d;
    rows[o + 5] = e;
    rows[o + 6] = f;
    rows[o + 7] = g;
    rows[o + 8] = h;
    rows[o + 9] = i;
    count++;
  }

  /** Index of the first differing event, or -1 if both logs hold the same events. */
  int firstDifference(EventLog other) {
    int n = Math.min(count, other.count);
    for (int e = 0; e < n; e++) {
      if (!Arrays.equals(
          rows, e * WIDTH, e * WIDTH + WIDTH, other.rows, e * WIDTH, e * WIDTH + WIDTH)) {
        return e;
      }
    }
    return count == other.count ? -1 : n;
  }

  @Override
  public void onAccepted(
      long orderId, long owner, Side side, OrderType type, long price, long size) {
    add(ACCEPTED, orderId, owner, side.ordinal(), type.ordinal(), price, size, 0, 0, 0);
  }

  @Override
  public void onRejected(CommandType command, long orderId, long owner, RejectReason reason) {
    add(REJECTED, command.ordinal(), orderId, owner, reason.ordinal(), 0, 0, 0, 0, 0);
  }

  @Override
  public void onTrade(
      long makerOrderId,
      long takerOrderId,
      long makerOwner,
      long takerOwner,
      long price,
      long size,
      Side aggressorSide,
      long makerRemaining,
      long takerRemaining) {
    add(
        TRADE,
        makerOrderId,
        takerOrderId,
        makerOwner,
        takerOwner,
        price,
        size,
        aggressorSide.ordinal(),
        makerRemaining,
        takerRemaining);
  }

  @Override
  public void onCancelled(
      long orderId, long owner, Side side, long price, long cancelledSize, CancelReason reason) {
    add(CANCELLED, orderId, owner, side.ordinal(), price, cancelledSize, reason.ordinal(), 0, 0, 0);
  }

  @Override
  public void onReplaced(
      long orderId,
      long owner,
      Side side,
      long oldPrice,
      long oldSize,
      long newPrice,
      long newSize,
      boolean priorityKept) {
    add(
        REPLACED,
        orderId,
        owner,
        side.ordinal(),
        oldPrice,
        oldSize,
        newPrice,
        newSize,
        priorityKept ? 1 : 0,
        0);
  }

  @Override
  public void onLevelChanged(Side side, long price, long totalSize) {
    add(LEVEL, side.ordinal(), price, totalSize, 0, 0, 0, 0, 0, 0);
  }

  /** Event {@code e} as text, e.g. {@code TRADE(1, 2, 7, 8, 100, 5, BID, 0, 5)}. */
  String describe(int e) {
    if (e >= count) {
      return "<none>";
    }
    int o = e * WIDTH;
    long[] r = rows;
    switch ((int) r[o]) {
      case ACCEPTED:
        return "ACCEPTED("
            + r[o + 1]
            + ", "
            + r[o + 2]
            + ", "
            + Side.values()[(int) r[o + 3]]
            + ", "
            + OrderType.values()[(int) r[o + 4]]
            + ", "
            + r[o + 5]
            + ", "
            + r[o + 6]
            + ")";
      case REJECTED:
        return "REJECTED("
            + CommandType.values()[(int) r[o + 1]]
            + ", "
            + r[o + 2]
            + ", "
            + r[o + 3]
            + ", "
            + RejectReason.values()[(int) r[o + 4]]
            + ")";
      case TRADE:
        return "TRADE("
            + r[o + 1]
            + ", "
            + r[o + 2]
            + ", "
            + r[o + 3]
            + ", "
            + r[o + 4]
            + ", "
            + r[o + 5]
            + ", "
            + r[o + 6]
            + ", "
            + Side.values()[(int) r[o + 7]]
            + ", "
            + r[o + 8]
            + ", "
            + r[o + 9]
            + ")";
      case CANCELLED:
        return "CANCELLED("
            + r[o + 1]
            + ", "
            + r[o + 2]
            + ", "
            + Side.values()[(int) r[o + 3]]
            + ", "
            + r[o + 4]
            + ", "
            + r[o + 5]
            + ", "
            + CancelReason.values()[(int) r[o + 6]]
            + ")";
      case REPLACED:
        return "REPLACED("
            + r[o + 1]
            + ", "
            + r[o + 2]
            + ", "
            + Side.values()[(int) r[o + 3]]
            + ", "
            + r[o + 4]
            + ", "
            + r[o + 5]
            + ", "
            + r[o + 6]
            + ", "
            + r[o + 7]
            + ", "
            + (r[o + 8] == 1)
            + ")";
      case LEVEL:
        return "LEVEL(" + Side.values()[(int) r[o + 1]] + ", " + r[o + 2] + ", " + r[o + 3] + ")";
      default:
        throw new IllegalStateException("bad event type " + r[o]);
    }
  }

  /** All events as text; clears the log. */
  List<String> drain() {
    List<String> out = new ArrayList<>(count);
    for (int e = 0; e < count; e++) {
      out.add(describe(e));
    }
    reset();
    return out;
  }

  /** All events as text, one per line, for failure messages. */
  String dump() {
    StringBuilder sb = new StringBuilder();
    for (int e = 0; e < count; e++) {
      sb.append("  [").append(e).append("] ").append(describe(e)).append('\n');
    }
    return sb.toString();
  }
}
