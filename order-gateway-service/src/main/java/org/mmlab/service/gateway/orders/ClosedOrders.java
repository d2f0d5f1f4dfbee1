package org.mmlab.service.gateway.orders;

import java.util.Arrays;
import org.agrona.collections.Long2LongHashMap;
import org.mmlab.api.CancelReason;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;

/**
 * A client's last closed orders, for lookups by order id or client order id (idempotent retries)
 * after the order is done. Kept as columns of primitives in a ring with open-addressing indexes,
 * not as objects: at 10,000 orders/s a remembered order object lives for seconds, survives young
 * collections and is copied by each of them; a column slot is written in place and costs the GC
 * nothing. Client order ids are kept as bytes ({@link IdSlab}) and indexed by an open-addressing
 * table of positions, so the ring holds no per-order object at all.
 *
 * <p>Positions count every order ever added; position {@code p} lives in slot {@code p % capacity}.
 * The ring grows by doubling up to its limit, then overwrites its oldest entry. Not thread-safe:
 * guarded by the client's lock.
 */
final class ClosedOrders {
  private static final long MISSING = -1;
  private static final int INITIAL = 256;

  private final int limit;
  private long first; // oldest position kept
  private long next; // position of the next order

  private Columns cols;

  private final Long2LongHashMap byId = new Long2LongHashMap(INITIAL, 0.5f, MISSING);
  // Client order id -> position: open addressing over the ids' bytes in the columns, linear
  // probing, sized for the limit at a load of at most one half.
  private final long[] byClientOrderId;
  private final int mask;

  /**
   * An empty ring.
   *
   * @param limit closed orders kept, at least 1
   */
  ClosedOrders(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("closed-orders limit must be at least 1, got " + limit);
    }
    this.limit = limit;
    cols = new Columns(Math.min(limit, INITIAL));
    int tableSize = Integer.highestOneBit(Math.max(2, limit) * 2 - 1) << 1;
    byClientOrderId = new long[tableSize];
    Arrays.fill(byClientOrderId, MISSING);
    mask = tableSize - 1;
  }

  /** Orders kept. */
  int size() {
    return (int) (next - first);
  }

  /**
   * Remembers a closed order, forgetting the oldest when the ring is full.
   *
   * @param g the order, in a final state
   * @param indexClientOrderId whether a retry with its client order id should find it (false for an
   *     order the exchange never saw, which a retry may submit again)
   */
  void add(GatewayOrder g, boolean indexClientOrderId) {
    if (size() == cols.capacity) {
      if (cols.capacity < limit) {
        grow((int) Math.min(limit, cols.capacity * 2L));
      } else {
        evictOldest();
      }
    }
    long p = next++;
    cols.set(slot(p), g);
    if (g.orderId != 0) {
      byId.put(g.orderId, p);
    }
    if (indexClientOrderId && g.clientOrderId != null) {
      index(g.clientOrderId, p);
    }
  }

  /**
   * A closed order by exchange order id.
   *
   * @param id the order id
   * @return a detached copy (changing it changes nothing here), or null
   */
  GatewayOrder byId(long id) {
    long p = byId.get(id);
    return p == MISSING ? null : cols.get(slot(p));
  }

  /**
   * A closed order by client order id.
   *
   * @param id the client order id
   * @return a detached copy, or null
   */
  GatewayOrder byClientOrderId(String id) {
    long p = find(id);
    return p == MISSING ? null : cols.get(slot(p));
  }

  /**
   * The client order id of a closed order, without copying the rest of it.
   *
   * @param id the exchange order id
   * @return the client order id, or null
   */
  String clientOrderIdOf(long id) {
    long p = byId.get(id);
    return p == MISSING ? null : cols.clientOrderId.get(slot(p));
  }

  /**
   * Whether a client order id is taken by a kept order.
   *
   * @param id the client order id
   * @return true when a retry would find it
   */
  boolean containsClientOrderId(String id) {
    return find(id) != MISSING;
  }

  private void evictOldest() {
    long p = first++;
    int s = slot(p);
    // Only this entry's own index entries: a later order may have taken the same ids.
    if (cols.orderId[s] != 0) {
      byId.remove(cols.orderId[s], p);
    }
    if (!cols.clientOrderId.isNull(s)) {
      unindex(s, p);
    }
    cols.clientOrderId.set(s, null);
    cols.rejectDetail[s] = null;
  }

  /** The newest indexed position holding a client order id, or MISSING. */
  private long find(String id) {
    if (id == null) {
      return MISSING;
    }
    for (int i = IdSlab.hash(id) & mask; ; i = (i + 1) & mask) {
      long p = byClientOrderId[i];
      if (p == MISSING) {
        return MISSING;
      }
      if (cols.clientOrderId.matches(slot(p), id)) {
        return p;
      }
    }
  }

  /** Points a client order id at a position, replacing an older order's entry for it. */
  private void index(String id, long position) {
    for (int i = IdSlab.hash(id) & mask; ; i = (i + 1) & mask) {
      long p = byClientOrderId[i];
      if (p == MISSING || cols.clientOrderId.matches(slot(p), id)) {
        byClientOrderId[i] = position;
        return;
      }
    }
  }

  /**
   * Removes the entry of a position about to be overwritten, if the index still points at it (a
   * newer order with the same id owns the entry otherwise). Backward-shift deletion keeps every
   * other entry reachable from its home bucket without tombstones.
   */
  private void unindex(int s, long position) {
    int i = cols.clientOrderId.hash(s) & mask;
    while (byClientOrderId[i] != position) {
      if (byClientOrderId[i] == MISSING) {
        return;
      }
      i = (i + 1) & mask;
    }
    for (int j = (i + 1) & mask; byClientOrderId[j] != MISSING; j = (j + 1) & mask) {
      int home = cols.clientOrderId.hash(slot(byClientOrderId[j])) & mask;
      // Move entry j into the hole at i when its home bucket does not lie in (i, j].
      boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
      if (movable) {
        byClientOrderId[i] = byClientOrderId[j];
        i = j;
      }
    }
    byClientOrderId[i] = MISSING;
  }

  private int slot(long position) {
    return (int) (position % cols.capacity);
  }

  private void grow(int newCapacity) {
    Columns old = cols;
    cols = new Columns(newCapacity);
    for (long p = first; p < next; p++) {
      old.copy((int) (p % old.capacity), cols, slot(p));
    }
  }

  /** The ring's storage: one array per order field. */
  private static final class Columns {
    final int capacity;
    final long[] orderId;
    final IdSlab clientOrderId;
    final Side[] side;
    final OrderType[] type;
    final long[] price;
    final long[] size;
    final long[] filled;
    final long[] filledNotional;
    final OrderStatus[] status;
    final CancelReason[] cancelReason;
    final ProblemCode[] rejectCode;
    final String[] rejectDetail;
    final boolean[] quote;
    final long[] createdNanos;
    final long[] updatedNanos;

    Columns(int n) {
      capacity = n;
      orderId = new long[n];
      clientOrderId = new IdSlab(n);
      side = new Side[n];
      type = new OrderType[n];
      price = new long[n];
      size = new long[n];
      filled = new long[n];
      filledNotional = new long[n];
      status = new OrderStatus[n];
      cancelReason = new CancelReason[n];
      rejectCode = new ProblemCode[n];
      rejectDetail = new String[n];
      quote = new boolean[n];
      createdNanos = new long[n];
      updatedNanos = new long[n];
    }

    void set(int s, GatewayOrder g) {
      orderId[s] = g.orderId;
      clientOrderId.set(s, g.clientOrderId);
      side[s] = g.side;
      type[s] = g.type;
      price[s] = g.price;
      size[s] = g.size;
      filled[s] = g.filled;
      filledNotional[s] = g.filledNotional;
      status[s] = g.status;
      cancelReason[s] = g.cancelReason;
      rejectCode[s] = g.rejectCode;
      rejectDetail[s] = g.rejectDetail;
      quote[s] = g.quote;
      createdNanos[s] = g.createdNanos;
      updatedNanos[s] = g.updatedNanos;
    }

    GatewayOrder get(int s) {
      GatewayOrder g =
          new GatewayOrder(
              clientOrderId.get(s), side[s], type[s], price[s], size[s], quote[s], createdNanos[s]);
      g.orderId = orderId[s];
      g.filled = filled[s];
      g.filledNotional = filledNotional[s];
      g.remaining = 0;
      g.status = status[s];
      g.cancelReason = cancelReason[s];
      g.rejectCode = rejectCode[s];
      g.rejectDetail = rejectDetail[s];
      g.updatedNanos = updatedNanos[s];
      return g;
    }

    void copy(int from, Columns to, int s) {
      to.orderId[s] = orderId[from];
      clientOrderId.copyTo(from, to.clientOrderId, s);
      to.side[s] = side[from];
      to.type[s] = type[from];
      to.price[s] = price[from];
      to.size[s] = size[from];
      to.filled[s] = filled[from];
      to.filledNotional[s] = filledNotional[from];
      to.status[s] = status[from];
      to.cancelReason[s] = cancelReason[from];
      to.rejectCode[s] = rejectCode[from];
      to.rejectDetail[s] = rejectDetail[from];
      to.quote[s] = quote[from];
      to.createdNanos[s] = createdNanos[from];
      to.updatedNanos[s] = updatedNanos[from];
    }
  }
}
