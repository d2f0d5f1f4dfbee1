package org.mmlab.service.gateway.orders;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mmlab.api.CancelReason;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.ClientPosition;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.OpenOrder;
import org.mmlab.api.exchange.SessionState;
import org.mmlab.service.gateway.GatewayProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The gateway's picture of every client's orders and positions, kept by applying the exchange's
 * messages in order (one thread, the exchange connection's), and of the market's top. Each client's
 * state is guarded by its own lock; requests from the REST side take the same lock.
 */
@Component
public class OrderStore implements SmartLifecycle {
  private final Map<String, ClientState> clients = new ConcurrentHashMap<>();
  private final GatewayProperties props;
  private volatile InstrumentInfo instrument;
  private volatile long bestBid;
  private volatile long bestAsk;
  private volatile boolean halted;
  private volatile boolean running;

  OrderStore(GatewayProperties props) {
    this.props = props;
  }

  ClientState client(String clientId) {
    return clients.computeIfAbsent(clientId, this::newClient);
  }

  private ClientState newClient(String clientId) {
    GatewayProperties.Risk r = props.risk();
    Bucket bucket =
        Bucket.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(r.burst())
                    .refillGreedy(r.ordersPerSecond(), Duration.ofSeconds(1))
                    .build())
            .build();
    return new ClientState(clientId, bucket, props.executionHistory(), props.closedOrders());
  }

  /**
   * The instrument, once connected to the exchange.
   *
   * @return the instrument, or null before the first connection
   */
  public InstrumentInfo instrument() {
    return instrument;
  }

  long bestBid() {
    return bestBid;
  }

  long bestAsk() {
    return bestAsk;
  }

  /**
   * The mid in ticks: both bests, or the one present.
   *
   * @return the mid, or NaN with an empty book
   */
  double midTicks() {
    long b = bestBid;
    long a = bestAsk;
    if (b > 0 && a > 0) {
      return (a + b) / 2.0;
    }
    if (b > 0) {
      return b;
    }
    return a > 0 ? a : Double.NaN;
  }

  // =====================================================================================
  // Applying the exchange's messages (the connection's thread)
  // =====================================================================================

  /**
   * Rebuilds the state from a session's first message: open orders and positions are the
   * exchange's; orders the gateway thought open that the exchange no longer has are closed as
   * cancelled ({@code EXCHANGE_RESYNC}).
   *
   * @param state the exchange's state
   */
  public void resync(SessionState state) {
    instrument = state.instrument();
    top(state.bestBid(), state.bestAsk(), state.halted());
    Set<Long> open = new HashSet<>();
    for (OpenOrder o : state.orders()) {
      open.add(o.orderId());
      ClientState c = client(o.clientId());
      synchronized (c) {
        GatewayOrder g = c.openById(o.orderId());
        if (g == null) {
          g = c.openByClientOrderId(o.clientOrderId());
        }
        if (g == null) {
          g =
              new GatewayOrder(
                  o.clientOrderId(), o.side(), o.type(), o.price(), o.size(), o.quote());
          c.add(g);
        }
        c.identified(g, o.orderId());
        g.size = o.size();
        g.filled = o.filled();
        g.remaining = o.remaining();
        g.status = o.filled() > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        if (g.quote) {
          if (g.side == Side.BUY) {
            c.quoteBid = g;
          } else {
            c.quoteAsk = g;
          }
        }
      }
    }
    for (ClientPosition p : state.positions()) {
      ClientState c = client(p.clientId());
      synchronized (c) {
        c.position = p;
      }
    }
    Set<String> known = new HashSet<>();
    for (OpenOrder o : state.orders()) {
      known.add(o.clientId() + "\u0000" + o.clientOrderId());
    }
    for (ClientState c : clients.values()) {
      synchronized (c) {
        // Submissions lost with the previous session: the exchange never took them.
        for (GatewayOrder g : c.pendingOrders()) {
          if (!known.contains(c.clientId + "\u0000" + g.clientOrderId)) {
            g.rejectCode = ProblemCode.EXCHANGE_UNAVAILABLE;
            g.rejectDetail = "exchange connection lost";
            close(c, g, OrderStatus.REJECTED);
          }
        }
        for (GatewayOrder g : c.openOrders()) {
          if (!open.contains(g.orderId)) {
            long lost = g.remaining;
            g.cancelReason = CancelReason.EXCHANGE_RESYNC;
            g.remaining = 0;
            close(c, g, OrderStatus.CANCELLED);
            c.publish(
                c.reports()
                    .cancelled(
                        c.nextSeq(),
                        g.orderId,
                        g.clientOrderId,
                        state.simTime(),
                        EpochNanos.now(),
                        lost,
                        CancelReason.EXCHANGE_RESYNC,
                        instrument));
          }
        }
      }
    }
  }

  /**
   * Applies a batch of events.
   *
   * @param batch the batch
   */
  public void apply(EventBatch batch) {
    top(batch.bestBid(), batch.bestAsk(), batch.halted());
    for (ExchangeEvent e : batch.events()) {
      ClientState c = client(e.clientId());
      synchronized (c) {
        apply(c, e, batch.simTime());
      }
    }
  }

  private void top(long bid, long ask, boolean isHalted) {
    bestBid = bid;
    bestAsk = ask;
    halted = isHalted;
  }

  private void apply(ClientState c, ExchangeEvent event, long simTime) {
    InstrumentInfo i = instrument;
    long now = EpochNanos.now();
    if (event instanceof ExchangeEvent.Accepted e) {
      GatewayOrder g = c.openByClientOrderId(e.clientOrderId());
      if (g == null || (g.orderId != 0 && g.orderId != e.orderId())) {
        g = new GatewayOrder(e.clientOrderId(), e.side(), e.type(), e.price(), e.size(), e.quote());
        c.add(g);
      }
      c.identified(g, e.orderId());
      g.quote = e.quote();
      g.status = OrderStatus.NEW;
      // Answered: a retry reads the order now, and the decoded batch can go.
      g.answer = null;
      touch(g, now);
      if (g.quote) {
        if (g.side == Side.BUY) {
          c.quoteBid = g;
        } else {
          c.quoteAsk = g;
        }
      }
      c.publish(
          c.reports()
              .accepted(
                  c.nextSeq(),
                  e.orderId(),
                  g.clientOrderId,
                  simTime,
                  now,
                  e.side(),
                  e.type(),
                  e.price(),
                  e.size(),
                  e.quote(),
                  i));
    } else if (event instanceof ExchangeEvent.Rejected e) {
      String clientOrderId = e.clientOrderId();
      if (clientOrderId != null) {
        GatewayOrder g = c.openByClientOrderId(clientOrderId);
        if (g != null && g.status == OrderStatus.PENDING_NEW) {
          g.rejectCode = e.code();
          g.rejectDetail = e.detail();
          g.answer = null;
          close(c, g, OrderStatus.REJECTED);
        }
      } else {
        clientOrderId = c.clientOrderIdOf(e.orderId());
      }
      c.publish(
          c.reports()
              .rejected(
                  c.nextSeq(), e.orderId(), clientOrderId, simTime, now, e.code(), e.detail()));
    } else if (event instanceof ExchangeEvent.Filled e) {
      c.position = e.position();
      GatewayOrder g = c.openById(e.orderId());
      String clientOrderId;
      if (g != null) {
        clientOrderId = g.clientOrderId;
        g.filled += e.size();
        g.filledNotional += e.price() * e.size();
        g.remaining = e.remaining();
        touch(g, now);
        if (e.remaining() == 0) {
          close(c, g, OrderStatus.FILLED);
        } else {
          g.status = OrderStatus.PARTIALLY_FILLED;
        }
      } else {
        clientOrderId = c.clientOrderIdOf(e.orderId());
      }
      c.publish(
          c.reports()
              .filled(
                  c.nextSeq(),
                  e.orderId(),
                  clientOrderId,
                  simTime,
                  now,
                  e.side(),
                  e.price(),
                  e.size(),
                  e.remaining(),
                  e.maker(),
                  e.position().position(),
                  i));
    } else if (event instanceof ExchangeEvent.Cancelled e) {
      GatewayOrder g = c.openById(e.orderId());
      String clientOrderId;
      if (g != null) {
        clientOrderId = g.clientOrderId;
        g.remaining = Math.max(0, g.remaining - e.size());
        touch(g, now);
        if (g.remaining == 0) {
          g.cancelReason = e.reason();
          close(c, g, OrderStatus.CANCELLED);
        }
      } else {
        clientOrderId = c.clientOrderIdOf(e.orderId());
      }
      c.publish(
          c.reports()
              .cancelled(
                  c.nextSeq(), e.orderId(), clientOrderId, simTime, now, e.size(), e.reason(), i));
    } else if (event instanceof ExchangeEvent.Replaced e) {
      GatewayOrder g = c.openById(e.orderId());
      String clientOrderId;
      if (g != null) {
        clientOrderId = g.clientOrderId;
        g.price = e.price();
        g.remaining = e.size();
        g.size = g.filled + e.size();
        touch(g, now);
      } else {
        clientOrderId = c.clientOrderIdOf(e.orderId());
      }
      c.publish(
          c.reports()
              .replaced(
                  c.nextSeq(),
                  e.orderId(),
                  clientOrderId,
                  simTime,
                  now,
                  e.price(),
                  e.size(),
                  e.priorityKept(),
                  i));
    }
  }

  private static void touch(GatewayOrder g, long now) {
    if (now > g.updatedNanos) {
      g.updatedNanos = now;
    }
  }

  private static void close(ClientState c, GatewayOrder g, OrderStatus status) {
    g.status = status;
    c.closed(g);
  }

  /**
   * Records a rejection made by the gateway itself (risk, kill switch, rate limit) on the client's
   * execution stream.
   *
   * @param c the client
   * @param clientOrderId the order's client id, may be null
   * @param code why
   * @param detail what exactly
   */
  void rejectedByGateway(ClientState c, String clientOrderId, ProblemCode code, String detail) {
    c.publish(
        c.reports().rejected(c.nextSeq(), 0, clientOrderId, 0, EpochNanos.now(), code, detail));
  }

  /**
   * Attaches an execution-stream socket to a client, first replaying the kept reports from {@code
   * fromSeq} (0: only new reports).
   *
   * @param clientId the client
   * @param sink the socket
   * @param fromSeq first report to replay, or 0
   */
  public void attach(String clientId, ReportSink sink, long fromSeq) {
    ClientState c = client(clientId);
    synchronized (c) {
      c.attach(sink, fromSeq);
    }
  }

  /**
   * Detaches an execution-stream socket.
   *
   * @param clientId the client
   * @param sink the socket
   */
  public void detach(String clientId, ReportSink sink) {
    ClientState c = client(clientId);
    synchronized (c) {
      c.detach(sink);
    }
  }

  @Override
  public void start() {
    running = true;
  }

  /** Ends every execution stream before the web server's graceful shutdown waits for them. */
  @Override
  public void stop() {
    running = false;
    for (ClientState c : clients.values()) {
      synchronized (c) {
        c.closeSinks();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
