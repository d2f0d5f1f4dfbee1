package org.mmlab.service.gateway.orders;

import io.github.bucket4j.Bucket;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.Object2ObjectHashMap;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.ClientPosition;
import org.mmlab.api.execution.ExecutionReport;

/**
 * Everything the gateway knows about one client: its orders, position, quote, rate-limit bucket and
 * execution stream. Every field is guarded by the object's own lock, so each client's reports are
 * numbered and sent in the order its events happened, whichever thread produced them.
 *
 * <p>Open orders (pending ones included) are objects in open-addressing maps; a closed order is
 * copied into {@link ClosedOrders} and its object let go, and reports are kept in a {@link
 * ReportHistory}. What is remembered for lookups, retries and replays therefore costs the young
 * collections nothing, whatever the order rate.
 */
final class ClientState {
  final String clientId;
  final Bucket bucket;
  private final Long2ObjectHashMap<GatewayOrder> openById = new Long2ObjectHashMap<>();
  private final Object2ObjectHashMap<String, GatewayOrder> openByClientOrderId =
      new Object2ObjectHashMap<>();
  private final Set<GatewayOrder> open = new LinkedHashSet<>();
  private final ClosedOrders closed;
  ClientPosition position;
  GatewayOrder quoteBid;
  GatewayOrder quoteAsk;
  long quoteSeq;
  long orderSeq;
  // The execution stream.
  private long reportSeq;
  private final ReportHistory history;
  private final boolean replays;
  private final List<ReportSink> sinks = new ArrayList<>();
  private long attaches;

  ClientState(String clientId, Bucket bucket, int historyLimit, int closedLimit) {
    this.clientId = clientId;
    this.bucket = bucket;
    // Without replays the history still stages the report being sent.
    this.history = new ReportHistory(Math.max(1, historyLimit));
    this.replays = historyLimit > 0;
    this.closed = new ClosedOrders(closedLimit);
    this.position = new ClientPosition(clientId, 0, 0, 0, 0);
  }

  // =====================================================================================
  // Orders
  // =====================================================================================

  /** Tracks a new (pending or just learnt) order by its client order id. */
  void add(GatewayOrder o) {
    if (o.clientOrderId != null) {
      openByClientOrderId.put(o.clientOrderId, o);
    }
    open.add(o);
    if (o.orderId != 0) {
      openById.put(o.orderId, o);
    }
  }

  /** Records the exchange's id of an open order. */
  void identified(GatewayOrder o, long orderId) {
    o.orderId = orderId;
    if (open.contains(o)) {
      openById.put(orderId, o);
    }
  }

  /** An open order by exchange id, or null. */
  GatewayOrder openById(long orderId) {
    return openById.get(orderId);
  }

  /** An open (or pending) order by client order id, or null. */
  GatewayOrder openByClientOrderId(String clientOrderId) {
    return openByClientOrderId.get(clientOrderId);
  }

  /**
   * Any kept order by exchange id: the open one, or a detached copy of a closed one.
   *
   * @return the order, or null when unknown or forgotten
   */
  GatewayOrder find(long orderId) {
    GatewayOrder g = openById.get(orderId);
    return g != null ? g : closed.byId(orderId);
  }

  /**
   * Any kept order by client order id: the open one, or a detached copy of a closed one.
   *
   * @return the order, or null when unknown or forgotten
   */
  GatewayOrder findByClientOrderId(String clientOrderId) {
    GatewayOrder g = openByClientOrderId.get(clientOrderId);
    return g != null ? g : closed.byClientOrderId(clientOrderId);
  }

  /** Whether a client order id is taken by a kept order. */
  boolean clientOrderIdTaken(String clientOrderId) {
    return openByClientOrderId.containsKey(clientOrderId)
        || closed.containsClientOrderId(clientOrderId);
  }

  /** The client order id of a kept order, or null. */
  String clientOrderIdOf(long orderId) {
    GatewayOrder g = openById.get(orderId);
    return g != null ? g.clientOrderId : closed.clientOrderIdOf(orderId);
  }

  /**
   * Records an order that reached a final state: it leaves the open maps for the closed ring, and
   * the oldest closed ones are forgotten.
   */
  void closed(GatewayOrder o) {
    close(o, true);
  }

  /**
   * Closes an order the exchange never received: kept for lookups by id, but its client order id is
   * free again, so a retry submits it anew.
   */
  void abandoned(GatewayOrder o) {
    close(o, false);
  }

  private void close(GatewayOrder o, boolean keepClientOrderId) {
    if (!open.remove(o)) {
      return;
    }
    if (o.quote) {
      if (quoteBid == o) {
        quoteBid = null;
      }
      if (quoteAsk == o) {
        quoteAsk = null;
      }
    }
    if (o.orderId != 0 && openById.get(o.orderId) == o) {
      openById.remove(o.orderId);
    }
    if (o.clientOrderId != null && openByClientOrderId.get(o.clientOrderId) == o) {
      openByClientOrderId.remove(o.clientOrderId);
    }
    closed.add(o, keepClientOrderId);
  }

  /** Lots that open buy (or sell) orders could still add, excluding one order. */
  long openSize(Side side, GatewayOrder except) {
    long s = 0;
    for (GatewayOrder o : open) {
      if (o != except && o.side == side) {
        s += o.remaining;
      }
    }
    return s;
  }

  List<GatewayOrder> pendingOrders() {
    List<GatewayOrder> out = new ArrayList<>();
    for (GatewayOrder o : open) {
      if (o.orderId == 0) {
        out.add(o);
      }
    }
    return out;
  }

  List<GatewayOrder> openOrders() {
    List<GatewayOrder> out = new ArrayList<>();
    for (GatewayOrder o : open) {
      if (o.orderId != 0) {
        out.add(o);
      }
    }
    return out;
  }

  // =====================================================================================
  // The execution stream
  // =====================================================================================

  /** The next report's sequence number. */
  long nextSeq() {
    return ++reportSeq;
  }

  /**
   * The client's kept reports. A report is appended with {@link #nextSeq()} and its position then
   * handed to {@link #publish(long)}, under the client's lock.
   */
  ReportHistory reports() {
    return history;
  }

  /** Sends a kept report to every open socket, dropping slow ones; no socket, no record built. */
  void publish(long position) {
    if (sinks.isEmpty()) {
      return;
    }
    ExecutionReport report = history.report(position);
    for (Iterator<ReportSink> it = sinks.iterator(); it.hasNext(); ) {
      ReportSink s = it.next();
      if (!s.offer(report)) {
        it.remove();
        s.closeSlow();
      }
    }
  }

  /** Attaches a socket, first replaying the kept reports from {@code fromSeq} (0: none). */
  void attach(ReportSink sink, long fromSeq) {
    if (fromSeq > 0 && replays) {
      for (long p = history.first(); p < history.next(); p++) {
        if (history.seq(p) >= fromSeq && !sink.offer(history.report(p))) {
          sink.closeSlow();
          return;
        }
      }
    }
    sinks.add(sink);
    attaches++;
  }

  /** Whether no execution stream is attached. */
  boolean streamless() {
    return sinks.isEmpty();
  }

  /** Streams attached so far (tells whether one came and went during a grace period). */
  long attaches() {
    return attaches;
  }

  void closeSinks() {
    for (ReportSink s : sinks) {
      s.close();
    }
    sinks.clear();
  }

  void detach(ReportSink sink) {
    sinks.remove(sink);
  }
}
