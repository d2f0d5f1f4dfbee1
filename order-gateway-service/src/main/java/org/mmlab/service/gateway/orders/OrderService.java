package org.mmlab.service.gateway.orders;

import io.github.bucket4j.ConsumptionProbe;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.mmlab.api.CancelReason;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.CancelAllCommand;
import org.mmlab.api.exchange.CancelCommand;
import org.mmlab.api.exchange.ClientPosition;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.QuoteCommand;
import org.mmlab.api.exchange.QuoteSide;
import org.mmlab.api.exchange.SubmitCommand;
import org.mmlab.api.order.KillSwitchView;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.PositionView;
import org.mmlab.api.order.QuoteRequest;
import org.mmlab.api.order.QuoteView;
import org.mmlab.api.order.SubmitOrderRequest;
import org.mmlab.service.gateway.ApiProblemException;
import org.mmlab.service.gateway.GatewayProperties;
import org.mmlab.service.gateway.exchange.ExchangeConnection;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Order entry: validation (400), idempotency by client order id, kill switch, per-client rate limit
 * (Bucket4j), pre-trade risk (max order size, max position, price band around the mid), then the
 * exchange. Every refusal is an {@link ApiProblemException} with a stable code, and every business
 * rejection also reaches the client's execution stream.
 */
@Service
public class OrderService {
  private final OrderStore store;
  private final ExchangeConnection exchange;
  private final GatewayProperties props;
  private final GatewayMetrics metrics;
  private volatile boolean killSwitch;

  OrderService(
      OrderStore store,
      ExchangeConnection exchange,
      GatewayProperties props,
      GatewayMetrics metrics) {
    this.store = store;
    this.exchange = exchange;
    this.props = props;
    this.metrics = metrics;
    this.killSwitch = props.killSwitch();
  }

  /**
   * An order submission's outcome.
   *
   * @param order the order after the exchange's answer
   * @param created false when an idempotent retry returned an existing order
   */
  public record Submitted(OrderView order, boolean created) {}

  /**
   * The instrument traded.
   *
   * @return the instrument
   * @throws ApiProblemException {@code EXCHANGE_UNAVAILABLE} before the first connection
   */
  public InstrumentInfo instrument() {
    InstrumentInfo i = store.instrument();
    if (i == null) {
      throw new ApiProblemException(
          ProblemCode.EXCHANGE_UNAVAILABLE, "not connected to the exchange yet");
    }
    return i;
  }

  // =====================================================================================
  // Orders
  // =====================================================================================

  /**
   * Submits an order.
   *
   * @param clientId the authenticated client
   * @param r the request (bean-validated)
   * @return the order after the exchange's answer
   */
  public Mono<Submitted> submit(String clientId, SubmitOrderRequest r) {
    long t0 = System.nanoTime();
    InstrumentInfo i = instrument();
    long lots = lots(i, r.size());
    long ticks = 0;
    if (r.type() == OrderType.MARKET) {
      if (r.price() != null) {
        throw new ApiProblemException(ProblemCode.PRICE_NOT_ALLOWED, "market orders have no price");
      }
    } else {
      if (r.price() == null) {
        throw new ApiProblemException(
            ProblemCode.PRICE_REQUIRED, r.type() + " orders need a price");
      }
      ticks = ticks(i, r.price());
    }
    ClientState c = store.client(clientId);
    GatewayOrder g;
    String ref;
    CompletableFuture<EventBatch> answer;
    synchronized (c) {
      String coid = r.clientOrderId();
      if (coid == null) {
        do {
          coid = "auto-" + ++c.orderSeq;
        } while (c.clientOrderIdTaken(coid));
      }
      GatewayOrder existing = c.findByClientOrderId(coid);
      if (existing != null) {
        if (!existing.sameRequest(r.side(), r.type(), ticks, lots)) {
          throw new ApiProblemException(
              ProblemCode.DUPLICATE_CLIENT_ORDER_ID,
              "client order id " + coid + " was used for a different order");
        }
        return retry(c, existing, i);
      }
      refuseNew(c, coid, metrics::order);
      rateLimit(c, coid, metrics::order);
      Refusal risk = risk(c, i, r.side(), r.type(), ticks, lots, null);
      if (risk != null) {
        throw reject(c, coid, risk.code(), risk.detail(), metrics::order);
      }
      g = new GatewayOrder(coid, r.side(), r.type(), ticks, lots, false);
      c.add(g);
      ref = exchange.nextRef();
      try {
        answer =
            exchange.request(
                new SubmitCommand(ref, clientId, coid, r.side(), r.type(), ticks, lots));
        g.answer = answer; // until the exchange answers (the store then drops it)
      } catch (ApiProblemException e) {
        g.rejectCode = e.code();
        g.rejectDetail = e.getMessage();
        g.status = OrderStatus.REJECTED;
        c.abandoned(g); // never sent: a retry with the same client order id may submit it
        metrics.order(e.code());
        throw e;
      }
    }
    // One future stage instead of a chain of operators: this runs for every order.
    CompletableFuture<Submitted> done = new CompletableFuture<>();
    timed(answer)
        .whenComplete(
            (batch, error) -> {
              metrics.latency(t0);
              Throwable problem = error == null ? null : problem(error, ref);
              if (problem == null) {
                try {
                  Submitted s = submitted(c, g, i);
                  metrics.order(null);
                  done.complete(s);
                } catch (RuntimeException e) {
                  done.completeExceptionally(e);
                }
              } else {
                if (problem instanceof ApiProblemException p) {
                  metrics.order(p.code());
                }
                done.completeExceptionally(problem);
              }
            });
    return Mono.fromFuture(done, true);
  }

  /** An idempotent retry: the existing order's outcome, waiting for it if still in flight. */
  private Mono<Submitted> retry(ClientState c, GatewayOrder existing, InstrumentInfo i) {
    CompletableFuture<EventBatch> answer = existing.answer;
    Mono<?> ready =
        existing.status == OrderStatus.PENDING_NEW && answer != null
            ? await(answer, null)
            : Mono.just(Boolean.TRUE);
    return ready.map(
        x -> {
          Submitted s = submitted(c, existing, i);
          return new Submitted(s.order(), false);
        });
  }

  private Submitted submitted(ClientState c, GatewayOrder g, InstrumentInfo i) {
    synchronized (c) {
      if (g.status == OrderStatus.REJECTED) {
        throw new ApiProblemException(
            g.rejectCode, g.rejectDetail == null ? g.rejectCode.title() : g.rejectDetail);
      }
      if (g.status == OrderStatus.PENDING_NEW) {
        throw new ApiProblemException(
            ProblemCode.EXCHANGE_TIMEOUT, "the exchange has not answered yet");
      }
      return new Submitted(g.view(i), true);
    }
  }

  /**
   * Cancels one of the client's orders.
   *
   * @param clientId the authenticated client
   * @param orderId the exchange order id
   * @return the order after the cancel
   */
  public Mono<OrderView> cancel(String clientId, long orderId) {
    InstrumentInfo i = instrument();
    ClientState c = store.client(clientId);
    GatewayOrder g;
    String ref = exchange.nextRef();
    CompletableFuture<EventBatch> answer;
    synchronized (c) {
      g = own(c, orderId);
      if (!g.isOpen()) {
        throw new ApiProblemException(
            ProblemCode.ORDER_NOT_OPEN, "order " + orderId + " is " + g.status);
      }
      answer = exchange.request(new CancelCommand(ref, clientId, orderId));
    }
    return await(answer, ref)
        .map(
            batch -> {
              for (ExchangeEvent e : batch.events()) {
                if (e instanceof ExchangeEvent.Rejected rej && rej.orderId() == orderId) {
                  throw new ApiProblemException(
                      ProblemCode.ORDER_NOT_OPEN, "order " + orderId + " is no longer open");
                }
              }
              synchronized (c) {
                return g.view(i);
              }
            });
  }

  /**
   * Cancels every open order of the client (quotes included).
   *
   * @param clientId the authenticated client
   * @return the orders that were open, after the cancels
   */
  public Mono<List<OrderView>> cancelAll(String clientId) {
    return cancelAll(clientId, CancelReason.USER);
  }

  /**
   * Cancels every open order of the client, for a reason.
   *
   * @param clientId the client
   * @param reason the reason the execution reports give
   * @return the orders that were open, after the cancels
   */
  public Mono<List<OrderView>> cancelAll(String clientId, CancelReason reason) {
    InstrumentInfo i = instrument();
    ClientState c = store.client(clientId);
    List<GatewayOrder> open;
    String ref = exchange.nextRef();
    CompletableFuture<EventBatch> answer;
    synchronized (c) {
      open = c.openOrders();
      answer = exchange.request(new CancelAllCommand(ref, clientId, reason));
    }
    return await(answer, ref)
        .map(
            batch -> {
              synchronized (c) {
                return open.stream().map(o -> o.view(i)).toList();
              }
            });
  }

  /**
   * One of the client's orders.
   *
   * @param clientId the authenticated client
   * @param orderId the exchange order id
   * @return the order
   * @throws ApiProblemException {@code ORDER_NOT_FOUND} for an unknown id or another client's order
   */
  public OrderView order(String clientId, long orderId) {
    InstrumentInfo i = instrument();
    ClientState c = store.client(clientId);
    synchronized (c) {
      return own(c, orderId).view(i);
    }
  }

  /**
   * The client's open orders, oldest first.
   *
   * @param clientId the authenticated client
   * @return the orders
   */
  public List<OrderView> openOrders(String clientId) {
    InstrumentInfo i = instrument();
    ClientState c = store.client(clientId);
    synchronized (c) {
      return c.openOrders().stream()
          .sorted(Comparator.comparingLong(o -> o.orderId))
          .map(o -> o.view(i))
          .toList();
    }
  }

  private static GatewayOrder own(ClientState c, long orderId) {
    GatewayOrder g = c.find(orderId);
    if (g == null) {
      throw new ApiProblemException(ProblemCode.ORDER_NOT_FOUND, "no order " + orderId);
    }
    return g;
  }

  // =====================================================================================
  // Quotes
  // =====================================================================================

  private record Wanted(long ticks, long lots) {}

  /**
   * Replaces the client's two-sided quote.
   *
   * @param clientId the authenticated client
   * @param r the quote (bean-validated)
   * @return both sides after the exchange's answer
   */
  public Mono<QuoteView> quote(String clientId, QuoteRequest r) {
    InstrumentInfo i = instrument();
    Wanted bid = quoteSide(i, "bid", r.bidPrice(), r.bidSize());
    Wanted ask = quoteSide(i, "ask", r.askPrice(), r.askSize());
    if (bid != null && ask != null && bid.ticks() >= ask.ticks()) {
      throw new ApiProblemException(
          ProblemCode.CROSSED_QUOTE,
          "bid "
              + r.bidPrice().toPlainString()
              + " is not below ask "
              + r.askPrice().toPlainString());
    }
    ClientState c = store.client(clientId);
    String ref = exchange.nextRef();
    String bidId;
    String askId;
    CompletableFuture<EventBatch> answer;
    synchronized (c) {
      long n = ++c.quoteSeq;
      bidId = "quote-" + n + "-bid";
      askId = "quote-" + n + "-ask";
      if (bid != null || ask != null) {
        refuseNew(c, null, metrics::quote);
      }
      rateLimit(c, null, metrics::quote);
      if (bid != null) {
        Refusal p = risk(c, i, Side.BUY, OrderType.POST_ONLY, bid.ticks(), bid.lots(), c.quoteBid);
        if (p != null) {
          throw reject(c, bidId, p.code(), "bid: " + p.detail(), metrics::quote);
        }
      }
      if (ask != null) {
        Refusal p = risk(c, i, Side.SELL, OrderType.POST_ONLY, ask.ticks(), ask.lots(), c.quoteAsk);
        if (p != null) {
          throw reject(c, askId, p.code(), "ask: " + p.detail(), metrics::quote);
        }
      }
      answer =
          exchange.request(
              new QuoteCommand(
                  ref,
                  clientId,
                  bid == null ? null : new QuoteSide(bid.ticks(), bid.lots(), bidId),
                  ask == null ? null : new QuoteSide(ask.ticks(), ask.lots(), askId)));
    }
    return await(answer, ref)
        .map(
            batch -> {
              metrics.quote(null);
              synchronized (c) {
                return new QuoteView(
                    quoteView(c, i, batch, bidId, bid, Side.BUY, c.quoteBid),
                    quoteView(c, i, batch, askId, ask, Side.SELL, c.quoteAsk));
              }
            });
  }

  /**
   * The client's current quote.
   *
   * @param clientId the authenticated client
   * @return both sides (null where none)
   */
  public QuoteView currentQuote(String clientId) {
    InstrumentInfo i = instrument();
    ClientState c = store.client(clientId);
    synchronized (c) {
      return new QuoteView(
          c.quoteBid == null ? null : c.quoteBid.view(i),
          c.quoteAsk == null ? null : c.quoteAsk.view(i));
    }
  }

  private static Wanted quoteSide(
      InstrumentInfo i, String name, BigDecimal price, BigDecimal size) {
    if (price == null && size == null || size != null && size.signum() == 0) {
      return null;
    }
    if (price == null || size == null) {
      throw new ApiProblemException(
          ProblemCode.INCOMPLETE_QUOTE, name + " needs both a price and a size");
    }
    return new Wanted(ticks(i, price), lots(i, size));
  }

  private static OrderView quoteView(
      ClientState c,
      InstrumentInfo i,
      EventBatch batch,
      String newId,
      Wanted wanted,
      Side side,
      GatewayOrder current) {
    if (wanted == null) {
      return null;
    }
    for (ExchangeEvent e : batch.events()) {
      if (e instanceof ExchangeEvent.Rejected rej && newId.equals(rej.clientOrderId())) {
        Instant now = Instant.now();
        return new OrderView(
            0,
            newId,
            side,
            OrderType.POST_ONLY,
            i.price(wanted.ticks()),
            i.size(wanted.lots()),
            i.size(0),
            i.size(0),
            null,
            OrderStatus.REJECTED,
            null,
            rej.code(),
            true,
            now,
            now);
      }
    }
    GatewayOrder fresh = c.findByClientOrderId(newId);
    GatewayOrder g = fresh != null ? fresh : current;
    return g == null ? null : g.view(i);
  }

  // =====================================================================================
  // Positions and the kill switch
  // =====================================================================================

  /**
   * The client's position, marked to the mid.
   *
   * @param clientId the authenticated client
   * @return one position (one instrument)
   */
  public List<PositionView> positions(String clientId) {
    InstrumentInfo i = instrument();
    ClientState c = store.client(clientId);
    ClientPosition p;
    long openBuy;
    long openSell;
    synchronized (c) {
      p = c.position;
      openBuy = c.openSize(Side.BUY, null);
      openSell = c.openSize(Side.SELL, null);
    }
    double mid = store.midTicks();
    BigDecimal mark = Double.isNaN(mid) ? null : i.price(mid);
    BigDecimal cash = i.notional(p.cash());
    BigDecimal pnl = mark == null ? null : cash.add(i.size(p.position()).multiply(mark));
    return List.of(
        new PositionView(
            i.symbol(),
            i.size(p.position()),
            i.size(p.bought()),
            i.size(p.sold()),
            cash,
            i.size(openBuy),
            i.size(openSell),
            mark,
            pnl));
  }

  /**
   * Whether the kill switch is engaged.
   *
   * @return the state
   */
  public KillSwitchView killSwitch() {
    return new KillSwitchView(killSwitch);
  }

  /**
   * Engages or releases the kill switch; engaging it cancels every client's open orders.
   *
   * @param engaged the new state
   * @return the state once the cancels are done
   */
  public Mono<KillSwitchView> killSwitch(boolean engaged) {
    killSwitch = engaged;
    if (!engaged || !exchange.connected()) {
      return Mono.just(new KillSwitchView(engaged));
    }
    String ref = exchange.nextRef();
    return await(exchange.request(new CancelAllCommand(ref, null, CancelReason.KILL_SWITCH)), ref)
        .thenReturn(new KillSwitchView(engaged));
  }

  // =====================================================================================
  // Checks
  // =====================================================================================

  /**
   * Whether a decimal is far outside anything a long of ticks or lots can hold: dividing such a
   * number (1e999999999) by the step would overflow or take long, so it is refused before.
   */
  private static boolean absurd(BigDecimal v) {
    return Math.abs(v.scale()) > 40 || v.precision() - v.scale() > 40;
  }

  /** A decimal for a message: plain, unless plain would be absurdly long (1e999999999). */
  private static String show(BigDecimal v) {
    return absurd(v) ? v.toString() : v.toPlainString();
  }

  private static long lots(InstrumentInfo i, BigDecimal size) {
    long lots = absurd(size) ? -1 : i.lotsOrInvalid(size);
    if (lots <= 0) {
      throw new ApiProblemException(
          ProblemCode.SIZE_NOT_ON_LOT,
          "size "
              + show(size)
              + " is not a positive multiple of the lot size "
              + i.lotSize().toPlainString());
    }
    return lots;
  }

  private static long ticks(InstrumentInfo i, BigDecimal price) {
    long ticks = absurd(price) ? -1 : i.ticksOrInvalid(price);
    if (ticks <= 0) {
      throw new ApiProblemException(
          ProblemCode.PRICE_NOT_ON_TICK,
          "price "
              + show(price)
              + " is not a positive multiple of the tick size "
              + i.tickSize().toPlainString());
    }
    return ticks;
  }

  private void refuseNew(ClientState c, String coid, java.util.function.Consumer<ProblemCode> m) {
    if (killSwitch) {
      throw reject(c, coid, ProblemCode.KILL_SWITCH_ENGAGED, "the kill switch is engaged", m);
    }
  }

  private void rateLimit(ClientState c, String coid, java.util.function.Consumer<ProblemCode> m) {
    ConsumptionProbe probe = c.bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long wait = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      store.rejectedByGateway(c, coid, ProblemCode.RATE_LIMITED, "order rate limit exceeded");
      m.accept(ProblemCode.RATE_LIMITED);
      throw new ApiProblemException(
          ProblemCode.RATE_LIMITED,
          "more than "
              + props.risk().ordersPerSecond()
              + " orders per second (burst "
              + props.risk().burst()
              + ")",
          wait);
    }
  }

  private ApiProblemException reject(
      ClientState c,
      String coid,
      ProblemCode code,
      String detail,
      java.util.function.Consumer<ProblemCode> m) {
    store.rejectedByGateway(c, coid, code, detail);
    m.accept(code);
    return new ApiProblemException(code, detail);
  }

  private record Refusal(ProblemCode code, String detail) {}

  /** Pre-trade risk; returns the refusal, or null when the order may go. */
  private Refusal risk(
      ClientState c,
      InstrumentInfo i,
      Side side,
      OrderType type,
      long ticks,
      long lots,
      GatewayOrder replacing) {
    GatewayProperties.Risk r = props.risk();
    long maxOrder = r.maxOrderSize().divide(i.lotSize(), 0, RoundingMode.FLOOR).longValue();
    if (lots > maxOrder) {
      return new Refusal(
          ProblemCode.MAX_ORDER_SIZE_EXCEEDED,
          "size "
              + i.size(lots).toPlainString()
              + " is above the max order size "
              + r.maxOrderSize().toPlainString());
    }
    if (type != OrderType.MARKET) {
      double mid = store.midTicks();
      if (!Double.isNaN(mid)) {
        double percent = Math.abs(ticks - mid) / mid * 100;
        if (percent > r.priceBandPercent().doubleValue()) {
          return new Refusal(
              ProblemCode.PRICE_OUTSIDE_BAND,
              "price "
                  + i.price(ticks).toPlainString()
                  + " is "
                  + String.format("%.2f", percent)
                  + "% from the mid "
                  + i.price(mid).toPlainString()
                  + "; the band is "
                  + r.priceBandPercent().toPlainString()
                  + "%");
        }
      }
    }
    long maxPosition = r.maxPosition().divide(i.lotSize(), 0, RoundingMode.FLOOR).longValue();
    long position = c.position.position();
    long worst =
        side == Side.BUY
            ? position + c.openSize(Side.BUY, replacing) + lots
            : position - c.openSize(Side.SELL, replacing) - lots;
    if (Math.abs(worst) > maxPosition) {
      return new Refusal(
          ProblemCode.MAX_POSITION_EXCEEDED,
          "filling it with the open orders could take the position to "
              + i.size(worst).toPlainString()
              + "; the limit is "
              + r.maxPosition().toPlainString());
    }
    return null;
  }

  /**
   * Waits for the exchange's answer, mapping a timeout and a lost connection to problems. The
   * timeout is the future's own ({@code orTimeout} on a copy, so other waiters on the same answer
   * keep theirs): Reactor's {@code timeout} operator builds a description of the whole pipeline on
   * every subscription, which cost more than the rest of the wait.
   */
  private Mono<EventBatch> await(CompletableFuture<EventBatch> answer, String ref) {
    return Mono.fromFuture(timed(answer), true).onErrorMap(e -> problem(e, ref));
  }

  private CompletableFuture<EventBatch> timed(CompletableFuture<EventBatch> answer) {
    return answer.copy().orTimeout(props.requestTimeout().toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The error a wait for the exchange ends with: a timeout becomes {@code EXCHANGE_TIMEOUT}. */
  private Throwable problem(Throwable error, String ref) {
    Throwable e =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof TimeoutException) {
      if (ref != null) {
        exchange.abandon(ref);
      }
      return new ApiProblemException(
          ProblemCode.EXCHANGE_TIMEOUT,
          "no answer from the exchange in " + props.requestTimeout().toMillis() + " ms");
    }
    return e;
  }
}
