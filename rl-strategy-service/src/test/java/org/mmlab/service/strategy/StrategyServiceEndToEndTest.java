package org.mmlab.service.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.api.execution.OrderCancelled;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.SubmitOrderRequest;
import org.mmlab.client.LocalBook;
import org.mmlab.client.VenueClient;
import org.mmlab.client.VenueConfig;
import org.mmlab.client.VenueException;
import org.mmlab.client.VenueListener;
import org.mmlab.service.strategy.run.StrategyState;
import org.mmlab.service.strategy.run.StrategyView;
import org.mmlab.service.strategy.support.Await;
import org.mmlab.service.strategy.support.BookLog;
import org.mmlab.service.strategy.support.InJvmVenue;
import org.mmlab.service.strategy.support.StrategyApi;
import org.mmlab.service.strategy.support.TinyBundle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The exchange, the gateway and this service, each a Spring Boot application on its own random port
 * in this JVM, over real HTTP and WebSockets. The exchange runs zi in real time.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.strategy.api-keys=strategy-key,strategy-key-2",
      "mmlab.strategy.decision-interval=200ms",
      "mmlab.strategy.reconnect-delay=100ms"
    })
@AutoConfigureWebTestClient
@AutoConfigureMetrics
class StrategyServiceEndToEndTest {
  static InJvmVenue venue;
  static int exchangePort;
  static int gatewayPort;

  @DynamicPropertySource
  static void startVenue(DynamicPropertyRegistry registry) throws Exception {
    if (venue == null) {
      venue = InJvmVenue.start(7);
      exchangePort = venue.exchangePort();
      gatewayPort = venue.gatewayPort();
    }
    registry.add("mmlab.strategy.market-data-url", () -> "http://localhost:" + exchangePort);
    registry.add("mmlab.strategy.gateway-url", () -> "http://localhost:" + gatewayPort);
  }

  @AfterAll
  static void stopVenue() {
    if (venue != null) {
      venue.close();
      venue = null;
    }
  }

  @Autowired WebTestClient web;

  static void await(String what, Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    Await.until(what, timeout, condition);
  }

  static VenueClient client(String key, VenueListener listener) {
    return new VenueClient(
        new VenueConfig(
            URI.create("http://localhost:" + exchangePort),
            URI.create("http://localhost:" + gatewayPort),
            key,
            Duration.ofSeconds(5),
            Duration.ofMillis(100),
            Duration.ofSeconds(1)),
        listener);
  }

  static void awaitGateway(VenueClient venue) throws InterruptedException {
    await(
        "the gateway to reach the exchange",
        Duration.ofSeconds(15),
        () -> {
          try {
            venue.positions();
            venue.instrument();
            return true;
          } catch (VenueException e) {
            return false;
          }
        });
  }

  @Test
  void theVenueClientKeepsABookAndTradesOverRestWithAnOrderedExecutionStream() throws Exception {
    BlockingQueue<ExecutionReport> reports = new LinkedBlockingQueue<>();
    List<Long> snapshots = new CopyOnWriteArrayList<>();
    long[] top = new long[2];
    VenueListener listener =
        new VenueListener() {
          @Override
          public void onSnapshot(LocalBook book, long simTime) {
            snapshots.add(book.seq());
          }

          @Override
          public void onBook(LocalBook book, long simTime) {
            synchronized (top) {
              top[0] = book.bestBid();
              top[1] = book.bestAsk();
            }
          }

          @Override
          public void onExecution(ExecutionReport report) {
            reports.add(report);
          }
        };
    try (VenueClient venue = client("tester-key", listener)) {
      awaitGateway(venue);
      assertThat(venue.instrument().symbol()).isNotBlank();
      venue.subscribeMarketData();
      venue.subscribeExecutions();
      await("a live book", Duration.ofSeconds(10), venue::marketDataLive);
      await("book deltas", Duration.ofSeconds(10), () -> top[0] > 0 && top[1] > 0);
      await("the execution stream", Duration.ofSeconds(10), venue::executionsConnected);
      assertThat(snapshots).isNotEmpty();
      synchronized (top) {
        assertThat(top[0]).isLessThan(top[1]);
      }
      assertThat(venue.marketDataGaps()).isZero();

      // A resting post-only buy far below the market; then cancel it.
      long bid;
      synchronized (top) {
        bid = top[0] - 20;
      }
      BigDecimal price = new BigDecimal("0.01").multiply(BigDecimal.valueOf(bid));
      OrderView order =
          venue.submit(
              new SubmitOrderRequest("vc-1", Side.BUY, OrderType.POST_ONLY, price, BigDecimal.ONE));
      assertThat(venue.openOrders()).extracting(OrderView::clientOrderId).contains("vc-1");
      venue.cancel(order.orderId());
      ExecutionReport first = reports.poll(5, TimeUnit.SECONDS);
      ExecutionReport second = reports.poll(5, TimeUnit.SECONDS);
      assertThat(first).isInstanceOf(OrderAccepted.class);
      assertThat(second).isInstanceOf(OrderCancelled.class);
      assertThat(second.seq()).isEqualTo(first.seq() + 1);
      assertThat(venue.lastExecutionSeq()).isEqualTo(second.seq());

      // A problem detail becomes a VenueException with its stable code.
      assertThatThrownBy(
              () ->
                  venue.submit(
                      new SubmitOrderRequest(
                          null,
                          Side.BUY,
                          OrderType.LIMIT,
                          new BigDecimal("1.001"),
                          BigDecimal.ONE)))
          .isInstanceOfSatisfying(
              VenueException.class,
              e -> assertThat(e.code()).isEqualTo(ProblemCode.PRICE_NOT_ON_TICK));
    }
  }

  @Test
  void aSymmetricStrategyQuotesReportsMetricsAndCancelsItsQuoteWhenStopped() throws Exception {
    try (VenueClient strategyAccount = client("strategy-key", new VenueListener() {})) {
      awaitGateway(strategyAccount);
      StrategyView started =
          web.post()
              .uri("/api/v1/strategies")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{\"type\":\"symmetric\"}")
              .exchange()
              .expectStatus()
              .isCreated()
              .expectHeader()
              .exists("Location")
              .expectBody(StrategyView.class)
              .returnResult()
              .getResponseBody();
      String id = started.id();
      assertThat(started.type()).isEqualTo("symmetric");
      assertThat(started.keySlot()).as("the first key of the pool, strategy-key").isEqualTo(1);

      await("quotes", Duration.ofSeconds(15), () -> status(id).quotes() > 0);
      await(
          "the strategy's quote resting at the gateway",
          Duration.ofSeconds(10),
          () -> !strategyAccount.openOrders().isEmpty());
      // Its quote is in the exchange's public book.
      BookLog copy = new BookLog();
      try (VenueClient marketData = client("tester-key", copy)) {
        marketData.subscribeMarketData();
        await(
            "the strategy's quote in the public book",
            Duration.ofSeconds(10),
            () ->
                strategyAccount.openOrders().stream()
                    .anyMatch(
                        o ->
                            copy.sizeAt(o.side(), o.price().movePointRight(2).longValueExact())
                                >= o.remainingSize().longValue()));
      }
      StrategyView running = status(id);
      assertThat(running.state()).isEqualTo(StrategyState.RUNNING);
      assertThat(running.marketDataLive()).isTrue();
      assertThat(running.bidPrice()).isNotNull();

      web.get()
          .uri("/api/v1/strategies")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$[?(@.id=='" + id + "')]")
          .exists();

      String prometheus =
          web.get()
              .uri("/actuator/prometheus")
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(prometheus)
          .contains("mmlab_strategy_pnl{")
          .contains("mmlab_strategy_inventory{")
          .contains("mmlab_strategy_quotes_total{")
          .contains("mmlab_strategy_fills_total{")
          .contains("mmlab_strategy_tick_to_quote_seconds")
          .contains("strategy=\"" + id + "\"");
      // The in-service decision latency: counted per quote, with buckets fine enough for the
      // sub-millisecond target (the smallest bound is well under 1 ms).
      Matcher count =
          Pattern.compile(
                  "mmlab_strategy_decision_seconds_count\\{[^}]*strategy=\""
                      + id
                      + "\"[^}]*\\} ([0-9.E]+)")
              .matcher(prometheus);
      assertThat(count.find()).as("decision count of " + id).isTrue();
      assertThat(Double.parseDouble(count.group(1))).isPositive();
      Matcher bound =
          Pattern.compile("mmlab_strategy_decision_seconds_bucket\\{[^}]*le=\"([0-9.E-]+)\"")
              .matcher(prometheus);
      assertThat(bound.find()).isTrue();
      assertThat(Double.parseDouble(bound.group(1))).isLessThan(1e-4);

      StrategyView stopped =
          web.delete()
              .uri("/api/v1/strategies/" + id)
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody(StrategyView.class)
              .returnResult()
              .getResponseBody();
      assertThat(stopped.state()).isEqualTo(StrategyState.STOPPED);
      await(
          "the quote cancelled",
          Duration.ofSeconds(5),
          () -> strategyAccount.openOrders().isEmpty());
      long quotes = status(id).quotes();
      Thread.sleep(500);
      assertThat(status(id).quotes()).isEqualTo(quotes);
      assertThat(strategyAccount.openOrders()).isEmpty();
    }
  }

  private StrategyView status(String id) {
    return StrategyApi.status(web, id);
  }

  @Test
  void aTrainedPolicyRunsLiveUnderItsOwnKey(@TempDir Path dir) throws Exception {
    Path copy = TinyBundle.train(dir, "policy.zip");
    try (VenueClient rlAccount = client("rl-key", new VenueListener() {})) {
      awaitGateway(rlAccount);
      StrategyView started =
          web.post()
              .uri("/api/v1/strategies")
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue(
                  "{\"type\":\"rl\",\"modelPath\":\""
                      + copy
                      + "\",\"apiKey\":\"rl-key\",\"params\":{\"deterministic\":true}}")
              .exchange()
              .expectStatus()
              .isCreated()
              .expectBody(StrategyView.class)
              .returnResult()
              .getResponseBody();
      String id = started.id();
      await(
          "the policy's first quotes",
          Duration.ofSeconds(15),
          () -> {
            StrategyView v = status(id);
            return v.quotes() + v.quoteRejects() > 0;
          });
      assertThat(status(id).state()).isEqualTo(StrategyState.RUNNING);
      web.delete().uri("/api/v1/strategies/" + id).exchange().expectStatus().isOk();
      await("the quote cancelled", Duration.ofSeconds(5), () -> rlAccount.openOrders().isEmpty());
    }
  }

  @Test
  void startsWithoutAKeyTradeUnderTheirOwnPoolKeys() throws Exception {
    try (VenueClient first = client("strategy-key", new VenueListener() {});
        VenueClient second = client("strategy-key-2", new VenueListener() {})) {
      awaitGateway(first);
      StrategyView a =
          StrategyApi.started(web, "{\"type\":\"symmetric\",\"params\":{\"half_spread\":3}}");
      StrategyView b =
          StrategyApi.started(web, "{\"type\":\"symmetric\",\"params\":{\"half_spread\":6}}");
      assertThat(List.of(a.keySlot(), b.keySlot())).containsExactly(1, 2);

      // Both quote at once, each under its own key (one key would keep only the later quote):
      // half spreads 3 and 6 ticks give 6 (7 on a half-tick mid) and 12 (13) ticks.
      await(
          "each strategy's quote resting under its own key",
          Duration.ofSeconds(15),
          () -> {
            long one = spreadTicks(first);
            long two = spreadTicks(second);
            return (one == 6 || one == 7) && (two == 12 || two == 13);
          });

      // The pool (two keys here) is exhausted; a named key in use is refused too.
      problem("{\"type\":\"glft\"}", 409, "API_KEY_POOL_EXHAUSTED")
          .jsonPath("$.detail")
          .value(d -> assertThat((String) d).contains("all 2 keys"));
      problem("{\"type\":\"glft\",\"apiKey\":\"strategy-key-2\"}", 409, "API_KEY_IN_USE")
          .jsonPath("$.detail")
          .value(d -> assertThat((String) d).contains("'" + b.id() + "'"));

      // Stopping frees the key: the next start without one takes it.
      StrategyApi.stop(web, a.id());
      StrategyView c = StrategyApi.started(web, "{\"type\":\"symmetric\"}");
      assertThat(c.keySlot()).isEqualTo(1);
      StrategyApi.stop(web, b.id());
      StrategyApi.stop(web, c.id());
      await("the quotes cancelled", Duration.ofSeconds(5), () -> first.openOrders().isEmpty());
      await("the quotes cancelled", Duration.ofSeconds(5), () -> second.openOrders().isEmpty());
    }
  }

  /** Ask minus bid of the account's resting quote in ticks, -1 unless it is two-sided. */
  static long spreadTicks(VenueClient account) {
    long bid = -1;
    long ask = -1;
    for (OrderView o : account.openOrders()) {
      long ticks = o.price().movePointRight(2).longValueExact();
      if (o.side() == Side.BUY) {
        bid = ticks;
      } else {
        ask = ticks;
      }
    }
    return bid < 0 || ask < 0 ? -1 : ask - bid;
  }

  private WebTestClient.BodyContentSpec problem(String body, int status, String code) {
    return web.post()
        .uri("/api/v1/strategies")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo(code);
  }

  @Test
  void badRequestsAreProblemDetailsWithStableCodes(@TempDir Path dir) throws Exception {
    problem("{\"type\":\"martingale\"}", 400, "UNKNOWN_STRATEGY_TYPE");
    problem("{\"type\":\"rl\"}", 400, "MODEL_PATH_REQUIRED");
    problem("{\"type\":\"ensemble\",\"modelPath\":\" \"}", 400, "MODEL_PATH_REQUIRED");
    problem(
        "{\"type\":\"rl\",\"modelPath\":\"" + dir.resolve("missing.zip") + "\"}",
        400,
        "INVALID_BUNDLE");
    Path junk = Files.writeString(dir.resolve("junk.zip"), "not a zip");
    problem("{\"type\":\"rl\",\"modelPath\":\"" + junk + "\"}", 400, "INVALID_BUNDLE");
    problem("{\"type\":\"symmetric\",\"params\":{\"half_spread\":-1}}", 400, "INVALID_PARAMS");
    problem("{\"type\":\"symmetric\",\"params\":{\"nope\":1}}", 400, "INVALID_PARAMS");
    problem("{}", 400, "VALIDATION_FAILED");
    problem("{\"type\":", 400, "MALFORMED_REQUEST");
    web.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/api/v1/strategies']")
        .exists();
    web.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
    web.get()
        .uri("/api/v1/strategies/nope-1")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("STRATEGY_NOT_FOUND");
  }
}
