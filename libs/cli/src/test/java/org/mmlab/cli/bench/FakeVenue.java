package org.mmlab.cli.bench;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.api.execution.OrderCancelled;
import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.PriceLevel;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.SubmitOrderRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * One loopback server standing in for the three services: the gateway's order REST API and
 * execution stream (IOC orders are accepted then cancelled, limits rest until cancelled), the
 * exchange's market data (a snapshot, then a book update every 2 ms on one shared sequence), the
 * strategy service's REST API, and {@code /actuator/prometheus} with heap gauges and a
 * tick-to-quote histogram that grows with every scrape.
 */
final class FakeVenue implements AutoCloseable {
  static final Set<String> KEYS = Set.of("demo-key", "strategy-key", "admin-key");
  final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
  final InstrumentInfo instrument =
      new InstrumentInfo("SIM", new BigDecimal("0.01"), BigDecimal.ONE);
  final AtomicLong orderIds = new AtomicLong(1000);
  final AtomicInteger scrapes = new AtomicInteger();
  final AtomicInteger submits = new AtomicInteger();
  final Map<String, Map<Long, OrderView>> open = new ConcurrentHashMap<>();
  final Map<String, Stream> executions = new ConcurrentHashMap<>();
  private final List<Sinks.Many<String>> marketData = new ArrayList<>();
  private long marketSeq = 1;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final DisposableServer server;

  /** One client's execution reports, replayed to each connection. */
  static final class Stream {
    final Sinks.Many<String> sink = Sinks.many().replay().all();
    long seq;
  }

  FakeVenue() {
    server =
        HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .route(
                r ->
                    r.get("/actuator/health", (req, res) -> json(res, 200, Map.of("status", "UP")))
                        .get(
                            "/actuator/prometheus",
                            (req, res) -> res.sendString(Mono.just(prometheus())))
                        .get("/api/v1/instrument", (req, res) -> json(res, 200, instrument))
                        .post(
                            "/api/v1/orders",
                            (req, res) -> {
                              String key = req.requestHeaders().get("X-API-Key");
                              return req.receive()
                                  .aggregate()
                                  .asString()
                                  .flatMap(
                                      body -> {
                                        if (!KEYS.contains(key)) {
                                          return json(res, 401, Map.of("code", "UNAUTHORIZED"))
                                              .then();
                                        }
                                        return json(
                                                res,
                                                201,
                                                submit(
                                                    key,
                                                    json.readValue(body, SubmitOrderRequest.class)))
                                            .then();
                                      });
                            })
                        .get(
                            "/api/v1/orders",
                            (req, res) ->
                                json(
                                    res,
                                    200,
                                    List.copyOf(
                                        book(req.requestHeaders().get("X-API-Key")).values())))
                        .delete(
                            "/api/v1/orders",
                            (req, res) ->
                                json(res, 200, cancelAll(req.requestHeaders().get("X-API-Key"))))
                        .delete(
                            "/api/v1/orders/{id}",
                            (req, res) -> {
                              OrderView v =
                                  cancel(
                                      req.requestHeaders().get("X-API-Key"),
                                      Long.parseLong(req.param("id")));
                              return v == null
                                  ? json(res, 409, Map.of("code", "ORDER_NOT_OPEN"))
                                  : json(res, 200, v);
                            })
                        .post(
                            "/api/v1/strategies",
                            (req, res) ->
                                req.receive()
                                    .then(
                                        json(res, 201, Map.of("id", "fake-1", "state", "RUNNING"))
                                            .then()))
                        .get(
                            "/api/v1/strategies/fake-1",
                            (req, res) ->
                                json(
                                    res,
                                    200,
                                    Map.of(
                                        "id", "fake-1", "state", "RUNNING", "quotes", 7, "fills",
                                        2)))
                        .delete("/api/v1/strategies/fake-1", (req, res) -> res.status(204).send())
                        .ws(
                            "/ws/market-data",
                            (in, out) -> out.sendString(subscribeMarketData()).then())
                        .route(
                            req -> req.uri().startsWith("/ws/executions"),
                            (req, res) -> {
                              Stream s = stream(req.requestHeaders().get("X-API-Key"));
                              return res.sendWebsocket(
                                  (in, out) ->
                                      out.sendString(s.sink.asFlux()).then(in.receive().then()));
                            }))
            .bindNow();
    ticker.scheduleAtFixedRate(this::tick, 2, 2, TimeUnit.MILLISECONDS);
  }

  String url() {
    return "http://127.0.0.1:" + server.port();
  }

  private Mono<Void> json(HttpServerResponse res, int status, Object body) {
    return res.status(HttpResponseStatus.valueOf(status))
        .header("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
        .sendString(Mono.just(json.writeValueAsString(body)))
        .then();
  }

  private Map<Long, OrderView> book(String key) {
    return open.computeIfAbsent(key == null ? "" : key, k -> new ConcurrentHashMap<>());
  }

  private Stream stream(String key) {
    return executions.computeIfAbsent(key == null ? "" : key, k -> new Stream());
  }

  private void emit(String key, ExecutionReport r) {
    Stream s = stream(key);
    synchronized (s) {
      s.sink.tryEmitNext(json.writeValueAsString(r));
    }
  }

  private OrderView submit(String key, SubmitOrderRequest r) {
    submits.incrementAndGet();
    long id = orderIds.incrementAndGet();
    Stream s = stream(key);
    OrderView v;
    synchronized (s) {
      emit(
          key,
          new OrderAccepted(
              ++s.seq,
              id,
              r.clientOrderId(),
              1,
              Instant.now(),
              r.side(),
              r.type(),
              r.price(),
              r.size(),
              false));
      boolean rests = r.type() == OrderType.LIMIT;
      v = view(id, r, rests ? OrderStatus.NEW : OrderStatus.CANCELLED);
      if (rests) {
        book(key).put(id, v);
      } else {
        emit(
            key,
            new OrderCancelled(++s.seq, id, r.clientOrderId(), 1, Instant.now(), r.size(), null));
      }
    }
    return v;
  }

  private OrderView cancel(String key, long id) {
    Stream s = stream(key);
    synchronized (s) {
      OrderView v = book(key).remove(id);
      if (v == null) {
        return null;
      }
      emit(
          key,
          new OrderCancelled(++s.seq, id, v.clientOrderId(), 1, Instant.now(), v.size(), null));
      return v;
    }
  }

  private List<OrderView> cancelAll(String key) {
    List<OrderView> out = new ArrayList<>();
    for (long id : List.copyOf(book(key).keySet())) {
      OrderView v = cancel(key, id);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  private OrderView view(long id, SubmitOrderRequest r, OrderStatus status) {
    Instant now = Instant.now();
    return new OrderView(
        id,
        r.clientOrderId(),
        r.side(),
        r.type(),
        r.price(),
        r.size(),
        BigDecimal.ZERO,
        status == OrderStatus.NEW ? r.size() : BigDecimal.ZERO,
        null,
        status,
        null,
        null,
        false,
        now,
        now);
  }

  private synchronized Flux<String> subscribeMarketData() {
    Sinks.Many<String> sink = Sinks.many().unicast().onBackpressureBuffer();
    sink.tryEmitNext(
        json.writeValueAsString(
            new BookSnapshot(
                marketSeq,
                marketSeq,
                "fake",
                instrument,
                List.of(level("99.99", 5), level("99.98", 5)),
                List.of(level("100.01", 5), level("100.02", 5)))));
    marketData.add(sink);
    return sink.asFlux();
  }

  private synchronized void tick() {
    marketSeq++;
    String m =
        json.writeValueAsString(
            new BookUpdate(
                marketSeq, marketSeq, List.of(level("99.99", 1 + marketSeq % 7)), List.of()));
    marketData.removeIf(s -> s.tryEmitNext(m).isFailure());
  }

  private static PriceLevel level(String price, long size) {
    return new PriceLevel(new BigDecimal(price), BigDecimal.valueOf(size));
  }

  /** Heap gauges and a tick-to-quote histogram: 10 more quotes per scrape, 1 in 10 above 1 ms. */
  private String prometheus() {
    int n = scrapes.incrementAndGet();
    long fast = 9L * n;
    long total = 10L * n;
    String tags = "application=\"rl-strategy-service\",strategy=\"fake-1\",type=\"symmetric\"";
    return "# HELP jvm_memory_used_bytes The amount of used memory\n"
        + "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Eden Space\"} 2.097152E7\n"
        + "jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 1.048576E7\n"
        + "jvm_memory_used_bytes{area=\"nonheap\",id=\"Metaspace\"} 5.0E7\n"
        + "jvm_memory_committed_bytes{area=\"heap\",id=\"G1 Eden Space\"} 6.7108864E7\n"
        + "jvm_gc_live_data_size_bytes 1.048576E7\n"
        + "mmlab_strategy_tick_to_quote_seconds_bucket{"
        + tags
        + ",le=\"0.001\"} "
        + fast
        + "\nmmlab_strategy_tick_to_quote_seconds_bucket{"
        + tags
        + ",le=\"0.002\"} "
        + total
        + "\nmmlab_strategy_tick_to_quote_seconds_bucket{"
        + tags
        + ",le=\"+Inf\"} "
        + total
        + "\nmmlab_strategy_tick_to_quote_seconds_count{"
        + tags
        + "} "
        + total
        + "\nmmlab_strategy_tick_to_quote_seconds_sum{"
        + tags
        + "} "
        + 0.0008 * total
        + "\nmmlab_strategy_tick_to_quote_seconds_max{"
        + tags
        + "} 0.0015\n"
        + decisionHistogram(tags, fast, total);
  }

  /** The in-service decision histogram: 9 in 10 under 0.1 ms, the rest under 0.5 ms. */
  private static String decisionHistogram(String tags, long fast, long total) {
    String name = "mmlab_strategy_decision_seconds";
    return name
        + "_bucket{"
        + tags
        + ",le=\"1.0E-4\"} "
        + fast
        + "\n"
        + name
        + "_bucket{"
        + tags
        + ",le=\"5.0E-4\"} "
        + total
        + "\n"
        + name
        + "_bucket{"
        + tags
        + ",le=\"+Inf\"} "
        + total
        + "\n"
        + name
        + "_count{"
        + tags
        + "} "
        + total
        + "\n"
        + name
        + "_sum{"
        + tags
        + "} "
        + 0.00008 * total
        + "\n"
        + name
        + "_max{"
        + tags
        + "} 4.0E-4\n";
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    server.disposeNow(Duration.ofSeconds(5));
  }
}
