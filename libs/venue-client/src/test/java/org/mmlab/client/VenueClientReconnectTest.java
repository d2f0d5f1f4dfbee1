package org.mmlab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmlab.api.Side;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.Heartbeat;
import org.mmlab.api.marketdata.Trade;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client against a tiny in-test WebSocket server that misbehaves on purpose: a sequence gap on
 * the market data, a dropped execution stream.
 */
class VenueClientReconnectTest {
  final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
  final AtomicInteger marketDataConnections = new AtomicInteger();
  final List<String> executionQueries = new CopyOnWriteArrayList<>();
  DisposableServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.disposeNow();
    }
  }

  private String text(Object o) {
    return json.writeValueAsString(o);
  }

  void start() {
    server =
        HttpServer.create()
            .host("localhost")
            .port(0)
            .route(
                r ->
                    r.ws(
                            "/ws/market-data",
                            (in, out) -> {
                              int n = marketDataConnections.incrementAndGet();
                              List<String> msgs =
                                  n == 1
                                      ? List.of(
                                          text(MarketDataFeedTest.snapshot(10)),
                                          text(
                                              new BookUpdate(
                                                  11,
                                                  1,
                                                  List.of(MarketDataFeedTest.lvl("100.00", 1)),
                                                  List.of())),
                                          text(new Heartbeat(13, 2, true))) // 12 is lost
                                      : List.of(
                                          text(MarketDataFeedTest.snapshot(20)),
                                          text(
                                              new Trade(
                                                  21,
                                                  3,
                                                  new BigDecimal("100.01"),
                                                  BigDecimal.ONE,
                                                  Side.BUY)));
                              return out.sendString(Flux.fromIterable(msgs))
                                  .then()
                                  .then(in.receive().then());
                            })
                        .route(
                            req -> req.uri().startsWith("/ws/executions"),
                            (req, res) -> {
                              executionQueries.add(
                                  req.uri() + " key=" + req.requestHeaders().get("X-API-Key"));
                              boolean first = executionQueries.size() == 1;
                              List<String> msgs =
                                  first
                                      ? List.of(
                                          text(MarketDataFeedTest.accepted(1)),
                                          text(MarketDataFeedTest.accepted(2)))
                                      : List.of(
                                          text(MarketDataFeedTest.accepted(2)),
                                          text(MarketDataFeedTest.accepted(3)));
                              return res.sendWebsocket(
                                  (in, out) ->
                                      first
                                          // Sends two reports, then drops the connection.
                                          ? out.sendString(Flux.fromIterable(msgs)).then()
                                          : out.sendString(Flux.fromIterable(msgs))
                                              .then()
                                              .then(in.receive().then()));
                            }))
            .bindNow();
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(end);
      Thread.sleep(20);
    }
  }

  @Test
  void aGapResubscribesForANewSnapshotAndADroppedExecutionStreamResumesFromTheNextSeq()
      throws Exception {
    start();
    List<Long> snapshots = new CopyOnWriteArrayList<>();
    List<Long> trades = new CopyOnWriteArrayList<>();
    List<Long> reports = new CopyOnWriteArrayList<>();
    VenueListener listener =
        new VenueListener() {
          @Override
          public void onSnapshot(LocalBook book, long simTime) {
            snapshots.add(book.seq());
          }

          @Override
          public void onTrade(Trade trade, long priceTicks, long sizeLots) {
            trades.add(priceTicks);
          }

          @Override
          public void onExecution(ExecutionReport report) {
            reports.add(report.seq());
          }
        };
    URI base = URI.create("http://localhost:" + server.port());
    try (VenueClient venue =
        new VenueClient(
            new VenueConfig(
                base,
                base,
                "k1",
                Duration.ofSeconds(2),
                Duration.ofMillis(20),
                Duration.ofMillis(200)),
            listener)) {
      venue.subscribeMarketData();
      venue.subscribeExecutions();
      await("the second snapshot", () -> snapshots.size() >= 2 && !trades.isEmpty());
      assertThat(snapshots).containsExactly(10L, 20L);
      assertThat(trades).containsExactly(10001L);
      assertThat(venue.marketDataGaps()).isEqualTo(1);
      assertThat(marketDataConnections.get()).isEqualTo(2);

      await("the third report", () -> reports.size() >= 3);
      assertThat(reports).containsExactly(1L, 2L, 3L);
      assertThat(executionQueries.get(0)).isEqualTo("/ws/executions key=k1");
      assertThat(executionQueries.get(1)).isEqualTo("/ws/executions?fromSeq=3 key=k1");
    }
  }
}
