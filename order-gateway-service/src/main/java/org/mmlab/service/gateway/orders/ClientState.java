package org.mmlab.service.gateway.orders;

import io.github.bucket4j.Bucket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.ClientPosition;
import org.mmlab.api.execution.ExecutionReport;

/**
 * Everything the gateway knows about one client: its orders, position, quote, rate-limit bucket and
 * execution stream. Every field is guarded by the object's own lock, so each client's reports are
 * numbered and sent in the order its events happened, whichever thread produced them.
 */
final class ClientState {
  final String clientId;
  final Bucket bucket;
  final Map<Long, GatewayOrder> byId = new HashMap<>();
  final Map<String, GatewayOrder> byClientOrderId = new LinkedHashMap<>();
  private final Set<GatewayOrder> open = new LinkedHashSet<>();
  private final ArrayDeque<GatewayOrder> closed = new ArrayDeque<>();
  private final int closedLimit;
  ClientPosition position;
  GatewayOrder quoteBid;
  GatewayOrder quoteAsk;
  long quoteSeq;
  long orderSeq;
  // The execution stream.
  private long reportSeq;
  private final ArrayDeque<ExecutionReport> history = new ArrayDeque<>();
  private final int historyLimit;
  private final List<ReportSink> sinks = new ArrayList<>();
  private long attaches;

  ClientState(String clientId, Bucket bucket, int historyLimit, int closedLimit) {
    this.clientId = clientId;
    this.bucket = bucket;
    this.historyLimit = historyLimit;
    this.closedLimit = closedLimit;
    this.position = new ClientPosition(clientId, 0, 0, 0, 0);
  }

  /** The next report's sequence number. */
  long nextSeq() {
    return ++reportSeq;
  }

  /** Keeps a report for replays and sends it to every open socket, dropping slow ones. */
  void emit(ExecutionReport report) {
    if (historyLimit > 0) {
      if (history.size() == historyLimit) {
        history.removeFirst();
      }
      history.addLast(report);
    }
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
    if (fromSeq > 0) {
      for (ExecutionReport r : history) {
        if (r.seq() >= fromSeq && !sink.offer(r)) {
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

  /** Tracks a new (pending or just learnt) order by its client order id. */
  void add(GatewayOrder o) {
    byClientOrderId.put(o.clientOrderId, o);
    open.add(o);
  }

  /** Records an order that reached a final state; the oldest closed ones are forgotten. */
  void closed(GatewayOrder o) {
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
    closed.addLast(o);
    while (closed.size() > closedLimit) {
      GatewayOrder old = closed.removeFirst();
      byId.remove(old.orderId);
      if (old.clientOrderId != null && byClientOrderId.get(old.clientOrderId) == old) {
        byClientOrderId.remove(old.clientOrderId);
      }
    }
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
}
