package org.mmlab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmlab.api.Endpoints;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderFilled;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.PositionView;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The execution stream against an in-test gateway that cannot replay: its history no longer reaches
 * back to the report asked for, then it restarts and numbers from 1 again. The client must neither
 * loop on reconnects nor drop the stream: it reads the state afresh and carries on. And the backoff
 * between failed attempts doubles up to its bound, then starts again from the bottom once a
 * connection opens.
 */
class ExecutionResyncTest {
  final JsonMapper json = JsonMapper.builder().findAndAddModules().build();
  final List<String> executionQueries = new CopyOnWriteArrayList<>();
  final AtomicInteger restCalls = new AtomicInteger();
  final AtomicBoolean refusing = new AtomicBoolean();
  // Off: the execution stream stays open and silent instead of playing the script.
  final AtomicBoolean scripted = new AtomicBoolean(true);
  DisposableServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.disposeNow();
    }
  }

  static OrderFilled filled(long seq, String position, Instant time) {
    return new OrderFilled(
        seq,
        40 + seq,
        "q" + seq,
        seq,
        time,
        Side.BUY,
        new BigDecimal("100.00"),
        BigDecimal.ONE,
        BigDecimal.ZERO,
        true,
        new BigDecimal(position));
  }

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static final PositionView POSITION =
      new PositionView(
          "SIM",
          new BigDecimal("5"),
          new BigDecimal("5"),
          BigDecimal.ZERO,
          new BigDecimal("-500.00"),
          BigDecimal.ONE,
          BigDecimal.ZERO,
          null,
          null);

  static final OrderView OPEN =
      new OrderView(
          99,
          "q-bid",
          Side.BUY,
          OrderType.POST_ONLY,
          new BigDecimal("99.99"),
          BigDecimal.ONE,
          BigDecimal.ZERO,
          BigDecimal.ONE,
          null,
          OrderStatus.NEW,
          null,
          null,
          true,
          Instant.parse("2026-01-01T00:00:00Z"),
          Instant.parse("2026-01-01T00:00:00Z"));

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
                    r.get(
                            Endpoints.POSITIONS,
                            (req, res) -> {
                              restCalls.incrementAndGet();
                              return res.header("Content-Type", "application/json")
                                  .sendString(Mono.just(text(List.of(POSITION))));
                            })
                        .get(
                            Endpoints.ORDERS,
                            (req, res) -> {
                              restCalls.incrementAndGet();
                              return res.header("Content-Type", "application/json")
                                  .sendString(Mono.just(text(List.of(OPEN))));
                            })
                        .route(
                            req -> req.uri().startsWith(Endpoints.EXECUTIONS_WS),
                            (req, res) -> {
                              if (refusing.get()) {
                                return res.status(503).send();
                              }
                              if (!scripted.get()) {
                                return res.sendWebsocket((in, out) -> in.receive().then());
                              }
                              executionQueries.add(req.uri());
                              int n = executionQueries.size();
                              List<String> msgs =
                                  switch (n) {
                                    // Two reports, then the connection drops.
                                    case 1 ->
                                        List.of(
                                            text(MarketDataFeedTest.accepted(1)),
                                            text(filled(2, "1", T0)));
                                    // Asked for 3; 3..6 are no longer kept: 7 comes first.
                                    case 2 ->
                                        List.of(text(filled(7, "6", T0)), text(filled(8, "7", T0)));
                                    // Restarted: a new sequence from 1.
                                    // (first a true replay of 8, which is dropped)
                                    default ->
                                        List.of(
                                            text(filled(8, "7", T0)),
                                            text(filled(1, "1", T0.plusSeconds(60))));
                                  };
                              return res.sendWebsocket(
                                  (in, out) ->
                                      n < 3
                                          ? out.sendString(Flux.fromIterable(msgs)).then()
                                          : out.sendString(Flux.fromIterable(msgs))
                                              .then()
                                              .then(in.receive().then()));
                            }))
            .bindNow();
  }

  @Test
  void aHoleTheGatewayCannotReplayIsHealedByReadingTheStateAfresh() throws Exception {
    start();
    List<String> events = new CopyOnWriteArrayList<>();
    VenueListener listener =
        new VenueListener() {
          @Override
          public void onExecution(ExecutionReport report) {
            events.add("exec " + report.seq());
          }

          @Override
          public void onExecutionResync(ExecutionResync resync) {
            events.add(
                "resync "
                    + resync.expectedSeq()
                    + "->"
                    + resync.resumedSeq()
                    + " position "
                    + resync.positions().get(0).position()
                    + " open "
                    + resync.openOrders().get(0).clientOrderId());
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
      venue.subscribeExecutions();
      VenueClientReconnectTest.await(
          "the restarted stream's first report", () -> events.size() >= 7);
      VenueClientReconnectTest.await("the third connection to stay up", venue::executionsConnected);
      assertThat(events)
          .containsExactly(
              "exec 1",
              "exec 2",
              "resync 3->7 position 5 open q-bid",
              "exec 7",
              "exec 8",
              "resync 9->1 position 5 open q-bid",
              "exec 1");
      assertThat(executionQueries)
          .containsExactly(
              Endpoints.EXECUTIONS_WS,
              Endpoints.EXECUTIONS_WS + "?fromSeq=3",
              Endpoints.EXECUTIONS_WS + "?fromSeq=9");
      assertThat(venue.executionResyncs()).isEqualTo(2);
      assertThat(restCalls.get()).isEqualTo(4);
      assertThat(venue.lastExecutionSeq()).isEqualTo(1);
    }
  }

  @Test
  void failedAttemptsDoubleThePauseUpToItsBoundAndAConnectionResetsIt() throws Exception {
    start();
    scripted.set(false);
    refusing.set(true);
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    List<Long> pauses = new CopyOnWriteArrayList<>();
    List<Boolean> states = new CopyOnWriteArrayList<>();
    ReconnectingSocket socket =
        new ReconnectingSocket(
            "executions",
            HttpClient.newHttpClient(),
            () -> URI.create("ws://localhost:" + server.port() + Endpoints.EXECUTIONS_WS),
            "k1",
            text -> true,
            () -> {},
            states::add,
            scheduler,
            Duration.ofMillis(10),
            Duration.ofMillis(80));
    try {
      socket.start();
      // Sample the pause after each attempt until it reaches the bound.
      VenueClientReconnectTest.await(
          "the bound",
          () -> {
            long p = socket.backoffMillis();
            if (pauses.isEmpty() || pauses.get(pauses.size() - 1) != p) {
              pauses.add(p);
            }
            return p == 80;
          });
      assertThat(pauses).isSubsetOf(10L, 20L, 40L, 80L).isSorted();
      long before = socket.connects();
      VenueClientReconnectTest.await(
          "two more refused attempts", () -> socket.connects() >= before + 2);
      assertThat(socket.backoffMillis()).isEqualTo(80);
      assertThat(socket.connected()).isFalse();

      refusing.set(false);
      VenueClientReconnectTest.await("the connection", socket::connected);
      assertThat(socket.backoffMillis()).isEqualTo(10);
      assertThat(states).containsExactly(true);
    } finally {
      socket.close();
      scheduler.shutdownNow();
    }
  }
}
