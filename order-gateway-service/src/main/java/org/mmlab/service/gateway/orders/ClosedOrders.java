package org.mmlab.service.gateway.orders;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Object2LongHashMap;
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
 * nothing. Only the client order id string is referenced (the request already allocated it).
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
  private final Object2LongHashMap<String> byClientOrderId =
      new Object2LongHashMap<>(INITIAL, 0.5f, MISSING);

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
      byClientOrderId.put(g.clientOrderId, p);
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
    return p == MISSING ? null : copy(slot(p));
  }

  /**
   * A closed order by client order id.
   *
   * @param id the client order id
   * @return a detached copy, or null
   */
  GatewayOrder byClientOrderId(String id) {
    long p = byClientOrderId.getValue(id);
    return p == MISSING ? null : copy(slot(p));
  }

  /**
   * The client order id of a closed order, without copying it.
   *
   * @param id the exchange order id
   * @return the client order id, or null
   */
  String clientOrderIdOf(long id) {
    long p = byId.get(id);
    return p == MISSING ? null : cols.clientOrderId[slot(p)];
  }

  /**
   * Whether a client order id is taken by a kept order.
   *
   * @param id the client order id
   * @return true when a retry would find it
   */
  boolean containsClientOrderId(String id) {
    return byClientOrderId.containsKey(id);
  }

  private GatewayOrder copy(int s) {
    return cols.get(s);
  }

  private void evictOldest() {
    long p = first++;
    int s = slot(p);
    // Only this entry's own index entries: a later order may have taken the same ids.
    if (cols.orderId[s] != 0) {
      byId.remove(cols.orderId[s], p);
    }
    if (cols.clientOrderId[s] != null) {
      byClientOrderId.remove(cols.clientOrderId[s], p);
    }
    cols.clientOrderId[s] = null;
    cols.rejectDetail[s] = null;
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
    final String[] clientOrderId;
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
      clientOrderId = new String[n];
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
      clientOrderId[s] = g.clientOrderId;
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
              clientOrderId[s], side[s], type[s], price[s], size[s], quote[s], createdNanos[s]);
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
      to.clientOrderId[s] = clientOrderId[from];
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
