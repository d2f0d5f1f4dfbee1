package org.mmlab.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmlab.api.CancelReason;
import org.mmlab.api.Endpoints;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.api.execution.OrderCancelled;
import org.mmlab.api.execution.OrderFilled;
import org.mmlab.api.execution.OrderRejected;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.PositionView;
import org.mmlab.api.order.QuoteView;
import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.service.gateway.exchange.ExchangeConnection;
import org.mmlab.testsupport.WsConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange and the gateway, each a Spring Boot application on its own random port in this JVM,
 * talking over real HTTP and WebSockets. The exchange runs zi at 1/1000 of real time, so that its
 * book stands still while the test trades against it.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.gateway.internal-token=e2e-token",
      "mmlab.gateway.clients[0].id=alice",
      "mmlab.gateway.clients[0].api-key=alice-key",
      "mmlab.gateway.clients[1].id=bob",
      "mmlab.gateway.clients[1].api-key=bob-key",
      "mmlab.gateway.clients[2].id=flood",
      "mmlab.gateway.clients[2].api-key=flood-key",
      "mmlab.gateway.clients[3].id=root",
      "mmlab.gateway.clients[3].api-key=root-key",
      "mmlab.gateway.clients[3].admin=true",
      "mmlab.gateway.clients[4].id=carol",
      "mmlab.gateway.clients[4].api-key=carol-key",
      "mmlab.gateway.risk.max-order-size=50",
      "mmlab.gateway.risk.max-position=100",
      "mmlab.gateway.risk.price-band-percent=5",
      "mmlab.gateway.risk.orders-per-second=5",
      "mmlab.gateway.risk.burst=20",
      "mmlab.gateway.reconnect-delay=100ms"
    })
@AutoConfigureWebTestClient
@AutoConfigureMetrics
class GatewayEndToEndTest {
  static final InProcessExchange.PerClass EXCHANGE = new InProcessExchange.PerClass();

  @DynamicPropertySource
  static void startExchange(DynamicPropertyRegistry registry) {
    String url =
        EXCHANGE.start(
            42, "e2e-token", "--management.metrics.tags.application=market-data-service");
    registry.add("mmlab.gateway.exchange-url", () -> url);
  }

  @AfterAll
  static void stopExchange() {
    EXCHANGE.close();
  }

  @LocalServerPort int port;
  @Autowired WebTestClient web;
  @Autowired JsonMapper json;
  @Autowired ExchangeConnection connection;

  private BigDecimal bestBid;
  private BigDecimal bestAsk;

  @BeforeEach
  void waitForTheExchange() throws InterruptedException {
    SimulationStatus s =
        InProcessExchange.awaitConnected(connection, Duration.ofSeconds(10), EXCHANGE.port());
    bestBid = s.bestBid();
    bestAsk = s.bestAsk();
    assertThat(bestBid).isNotNull();
    assertThat(bestAsk).isNotNull();
  }

  private WebTestClient.ResponseSpec post(String key, String body) {
    return web.post()
        .uri(Endpoints.ORDERS)
        .header(Endpoints.API_KEY_HEADER, key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  private static String order(String coid, String side, String type, BigDecimal price, int size) {
    return "{\"clientOrderId\":\""
        + coid
        + "\",\"side\":\""
        + side
        + "\",\"type\":\""
        + type
        + "\""
        + (price == null ? "" : ",\"price\":\"" + price.toPlainString() + "\"")
        + ",\"size\":"
        + size
        + "}";
  }

  private static BigDecimal ticks(BigDecimal price, int ticks) {
    return price.add(new BigDecimal("0.01").multiply(BigDecimal.valueOf(ticks)));
  }

  private WsConnection executions(String key) {
    HttpHeaders headers = new HttpHeaders();
    headers.add(Endpoints.API_KEY_HEADER, key);
    return new WsConnection(
        URI.create("ws://localhost:" + port + Endpoints.EXECUTIONS_WS), headers);
  }

  private ExecutionReport report(WsConnection ws) throws InterruptedException {
    return json.readValue(ws.next(Duration.ofSeconds(5)), ExecutionReport.class);
  }

  @Test
  void aMarketableOrderFillsAndTheFillArrivesOnTheExecutionStream() throws Exception {
    try (WsConnection ws = executions("alice-key")) {
      Thread.sleep(300); // the socket is attached before the order
      OrderView filled =
          post("alice-key", order("ioc-1", "BUY", "IOC", bestAsk, 1))
              .expectStatus()
              .isCreated()
              .expectBody(OrderView.class)
              .returnResult()
              .getResponseBody();
      assertThat(filled.status()).isEqualTo(OrderStatus.FILLED);
      assertThat(filled.avgFillPrice()).isEqualByComparingTo(bestAsk);

      ExecutionReport accepted = report(ws);
      assertThat(accepted).isInstanceOf(OrderAccepted.class);
      assertThat(accepted.clientOrderId()).isEqualTo("ioc-1");
      ExecutionReport fill = report(ws);
      assertThat(fill).isInstanceOf(OrderFilled.class);
      assertThat(fill.seq()).isEqualTo(accepted.seq() + 1);
      assertThat(fill.orderId()).isEqualTo(filled.orderId());
      assertThat(((OrderFilled) fill).price()).isEqualByComparingTo(bestAsk);
      assertThat(((OrderFilled) fill).position()).isEqualByComparingTo("1");

      PositionView position =
          web.get()
              .uri(Endpoints.POSITIONS)
              .header(Endpoints.API_KEY_HEADER, "alice-key")
              .exchange()
              .expectStatus()
              .isOk()
              .expectBodyList(PositionView.class)
              .returnResult()
              .getResponseBody()
              .get(0);
      assertThat(position.position()).isEqualByComparingTo("1");
      assertThat(position.cash()).isEqualByComparingTo(bestAsk.negate());
      assertThat(position.pnl()).isNotNull();
    }
  }

  @Test
  void restingOrdersCanBeListedAndCancelledOnlyByTheirOwner() throws Exception {
    BigDecimal deep = ticks(bestBid, -20);
    OrderView resting =
        post("bob-key", order("rest-1", "BUY", "LIMIT", deep, 2))
            .expectStatus()
            .isCreated()
            .expectBody(OrderView.class)
            .returnResult()
            .getResponseBody();
    assertThat(resting.status()).isEqualTo(OrderStatus.NEW);

    // Idempotent: the same request again is the same order; a different one is a conflict.
    OrderView again =
        post("bob-key", order("rest-1", "BUY", "LIMIT", deep, 2))
            .expectStatus()
            .isOk()
            .expectBody(OrderView.class)
            .returnResult()
            .getResponseBody();
    assertThat(again.orderId()).isEqualTo(resting.orderId());
    post("bob-key", order("rest-1", "BUY", "LIMIT", deep, 3))
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("DUPLICATE_CLIENT_ORDER_ID");

    web.get()
        .uri(Endpoints.ORDERS)
        .header(Endpoints.API_KEY_HEADER, "bob-key")
        .exchange()
        .expectBody()
        .jsonPath("$[?(@.clientOrderId == 'rest-1')].status")
        .isEqualTo(List.of("NEW"));
    web.get()
        .uri(Endpoints.ORDERS)
        .header(Endpoints.API_KEY_HEADER, "alice-key")
        .exchange()
        .expectBody()
        .jsonPath("$[?(@.clientOrderId == 'rest-1')]")
        .isEmpty();

    // Another client's order does not exist for alice: 404 on read and on cancel.
    web.delete()
        .uri(Endpoints.ORDERS + "/" + resting.orderId())
        .header(Endpoints.API_KEY_HEADER, "alice-key")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("ORDER_NOT_FOUND");
    web.get()
        .uri(Endpoints.ORDERS + "/" + resting.orderId())
        .header(Endpoints.API_KEY_HEADER, "alice-key")
        .exchange()
        .expectStatus()
        .isNotFound();

    OrderView cancelled =
        web.delete()
            .uri(Endpoints.ORDERS + "/" + resting.orderId())
            .header(Endpoints.API_KEY_HEADER, "bob-key")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(OrderView.class)
            .returnResult()
            .getResponseBody();
    assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(cancelled.cancelReason()).isEqualTo(CancelReason.USER);
    web.delete()
        .uri(Endpoints.ORDERS + "/" + resting.orderId())
        .header(Endpoints.API_KEY_HEADER, "bob-key")
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("ORDER_NOT_OPEN");
  }

  @Test
  void unauthenticatedCallsAre401() throws Exception {
    web.get().uri(Endpoints.ORDERS).exchange().expectStatus().isUnauthorized();
    web.get()
        .uri(Endpoints.ORDERS)
        .header(Endpoints.API_KEY_HEADER, "wrong")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNAUTHORIZED");
    try (WsConnection ws = executions("wrong")) {
      ws.awaitEnd(Duration.ofSeconds(5));
      assertThat(ws.error()).isNotNull();
      assertThat(ws.error().getMessage()).contains("401");
    }
  }

  @Test
  void validationAndRiskRejectionsAreProblemDetails() throws Exception {
    try (WsConnection ws = executions("carol-key")) {
      Thread.sleep(300);
      post("carol-key", order("v1", "BUY", "LIMIT", new BigDecimal("99.995"), 1))
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("PRICE_NOT_ON_TICK");
      post("carol-key", order("v2", "BUY", "LIMIT", bestBid, 0))
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("VALIDATION_FAILED");
      post("carol-key", order("v3", "BUY", "MARKET", bestBid, 1))
          .expectStatus()
          .isBadRequest()
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("PRICE_NOT_ALLOWED");
      post("carol-key", order("r1", "BUY", "LIMIT", bestBid, 51))
          .expectStatus()
          .isEqualTo(422)
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("MAX_ORDER_SIZE_EXCEEDED");
      post(
              "carol-key",
              order(
                  "r2",
                  "BUY",
                  "LIMIT",
                  bestBid.multiply(new BigDecimal("0.9")).setScale(2, java.math.RoundingMode.DOWN),
                  1))
          .expectStatus()
          .isEqualTo(422)
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("PRICE_OUTSIDE_BAND");
      // Two resting buys of 50 are a possible position of 100; one lot more is over the limit.
      post("carol-key", order("p1", "BUY", "LIMIT", ticks(bestBid, -30), 50))
          .expectStatus()
          .isCreated();
      post("carol-key", order("p2", "BUY", "LIMIT", ticks(bestBid, -30), 50))
          .expectStatus()
          .isCreated();
      post("carol-key", order("p3", "BUY", "LIMIT", ticks(bestBid, -30), 1))
          .expectStatus()
          .isEqualTo(422)
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("MAX_POSITION_EXCEEDED");
      // A post-only order that would cross is the exchange's rejection.
      post("carol-key", order("x1", "SELL", "POST_ONLY", bestBid, 1))
          .expectStatus()
          .isEqualTo(422)
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("POST_ONLY_WOULD_CROSS");

      // Business rejections also reach the execution stream, in order.
      List<ExecutionReport> reports = new ArrayList<>();
      long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (reports.stream()
              .noneMatch(r -> "x1".equals(r.clientOrderId()) && r instanceof OrderRejected)
          && System.nanoTime() < end) {
        reports.add(report(ws));
      }
      assertThat(reports)
          .filteredOn(r -> r instanceof OrderRejected)
          .extracting(r -> ((OrderRejected) r).code().name())
          .containsExactly(
              "MAX_ORDER_SIZE_EXCEEDED",
              "PRICE_OUTSIDE_BAND",
              "MAX_POSITION_EXCEEDED",
              "POST_ONLY_WOULD_CROSS");
      for (int k = 1; k < reports.size(); k++) {
        assertThat(reports.get(k).seq()).isEqualTo(reports.get(k - 1).seq() + 1);
      }
    }
    String prometheus =
        web.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(prometheus)
        .contains(
            "mmlab_orders_total{application=\"order-gateway-service\",reason=\"PRICE_OUTSIDE_BAND\",result=\"rejected\"}")
        .contains(
            "mmlab_orders_total{application=\"order-gateway-service\",reason=\"none\",result=\"accepted\"}")
        .contains("mmlab_order_latency_seconds_count");
  }

  @Test
  void quotesReplaceBothSidesAndKeepQueuePlace() {
    BigDecimal bid = ticks(bestBid, -1);
    BigDecimal ask = ticks(bestAsk, 1);
    QuoteView first = quote("alice-key", bid, 3, ask, 3);
    assertThat(first.bid().status()).isEqualTo(OrderStatus.NEW);
    assertThat(first.ask().status()).isEqualTo(OrderStatus.NEW);
    assertThat(first.bid().quote()).isTrue();

    QuoteView same = quote("alice-key", bid, 3, ask, 3);
    assertThat(same.bid().orderId()).isEqualTo(first.bid().orderId());
    assertThat(same.ask().orderId()).isEqualTo(first.ask().orderId());

    QuoteView smaller = quote("alice-key", bid, 2, ask, 3);
    assertThat(smaller.bid().orderId()).isEqualTo(first.bid().orderId());
    assertThat(smaller.bid().remainingSize()).isEqualByComparingTo("2");

    QuoteView moved = quote("alice-key", ticks(bid, -1), 2, null, 0);
    assertThat(moved.bid().orderId()).isNotEqualTo(first.bid().orderId());
    assertThat(moved.ask()).isNull();
    web.get()
        .uri(Endpoints.ORDERS + "/" + first.ask().orderId())
        .header(Endpoints.API_KEY_HEADER, "alice-key")
        .exchange()
        .expectBody(OrderView.class)
        .value(o -> assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED));

    web.put()
        .uri(Endpoints.QUOTES)
        .header(Endpoints.API_KEY_HEADER, "alice-key")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("bidPrice", ask, "bidSize", 1, "askPrice", bid, "askSize", 1))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("CROSSED_QUOTE");
    quote("alice-key", null, 0, null, 0);
  }

  private QuoteView quote(String key, BigDecimal bid, int bidSize, BigDecimal ask, int askSize) {
    StringBuilder b = new StringBuilder("{");
    if (bid != null) {
      b.append("\"bidPrice\":").append(bid.toPlainString()).append(",\"bidSize\":").append(bidSize);
    }
    if (ask != null) {
      b.append(bid != null ? "," : "")
          .append("\"askPrice\":")
          .append(ask.toPlainString())
          .append(",\"askSize\":")
          .append(askSize);
    }
    b.append("}");
    return web.put()
        .uri(Endpoints.QUOTES)
        .header(Endpoints.API_KEY_HEADER, key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(b.toString())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(QuoteView.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void theRateLimitIsPerClient() {
    int limited = 0;
    String retryAfter = null;
    BigDecimal far = ticks(bestBid, -40);
    for (int k = 0; k < 30; k++) {
      var result =
          post("flood-key", order("f" + k, "BUY", "LIMIT", far, 1)).returnResult(String.class);
      if (result.getStatus().value() == 429) {
        limited++;
        retryAfter = result.getResponseHeaders().getFirst("Retry-After");
      }
    }
    assertThat(limited).isBetween(5, 10); // a burst of 20, then about 5 per second
    assertThat(retryAfter).isNotNull();
    // Other clients are not affected.
    post("bob-key", order("not-limited", "BUY", "LIMIT", far, 1)).expectStatus().isCreated();
    web.delete().uri(Endpoints.ORDERS).header(Endpoints.API_KEY_HEADER, "flood-key").exchange();
  }

  @Test
  void theKillSwitchCancelsEverythingAndRefusesNewOrders() throws Exception {
    OrderView resting =
        post("alice-key", order("ks-1", "SELL", "LIMIT", ticks(bestAsk, 20), 1))
            .expectStatus()
            .isCreated()
            .expectBody(OrderView.class)
            .returnResult()
            .getResponseBody();
    try {
      web.put()
          .uri(Endpoints.KILL_SWITCH)
          .header(Endpoints.API_KEY_HEADER, "root-key")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"engaged\":true}")
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.engaged")
          .isEqualTo(true);
      web.get()
          .uri(Endpoints.ORDERS + "/" + resting.orderId())
          .header(Endpoints.API_KEY_HEADER, "alice-key")
          .exchange()
          .expectBody(OrderView.class)
          .value(
              o -> {
                assertThat(o.status()).isEqualTo(OrderStatus.CANCELLED);
                assertThat(o.cancelReason()).isEqualTo(CancelReason.KILL_SWITCH);
              });
      post("alice-key", order("ks-2", "SELL", "LIMIT", ticks(bestAsk, 20), 1))
          .expectStatus()
          .isForbidden()
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("KILL_SWITCH_ENGAGED");
    } finally {
      web.put()
          .uri(Endpoints.KILL_SWITCH)
          .header(Endpoints.API_KEY_HEADER, "root-key")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"engaged\":false}")
          .exchange()
          .expectStatus()
          .isOk();
    }
  }

  @Test
  void healthAndOpenApi() {
    web.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.components.exchange.status")
        .isEqualTo("UP");
    web.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        // The functional order-entry routes are documented like the controllers' endpoints.
        .jsonPath("$.paths['/api/v1/orders'].post.operationId")
        .isEqualTo("submit")
        .jsonPath("$.paths['/api/v1/orders'].post.requestBody")
        .exists()
        .jsonPath("$.paths['/api/v1/orders'].get")
        .exists()
        .jsonPath("$.paths['/api/v1/quotes'].put.operationId")
        .isEqualTo("quote")
        .jsonPath("$.paths['/api/v1/quotes'].get")
        .exists();
  }

  @Test
  void cancelsOfOrdersAlreadyGoneAreNotOpen() throws Exception {
    // An IOC remainder is cancelled at once; the stream says why.
    try (WsConnection ws = executions("bob-key")) {
      Thread.sleep(300);
      OrderView ioc =
          post("bob-key", order("ioc-rem", "SELL", "IOC", ticks(bestAsk, 5), 1))
              .expectStatus()
              .isCreated()
              .expectBody(OrderView.class)
              .returnResult()
              .getResponseBody();
      assertThat(ioc.status()).isEqualTo(OrderStatus.CANCELLED);
      assertThat(ioc.cancelReason()).isEqualTo(CancelReason.IOC_REMAINDER);
      assertThat(report(ws)).isInstanceOf(OrderAccepted.class);
      ExecutionReport cancel = report(ws);
      assertThat(cancel).isInstanceOf(OrderCancelled.class);
      assertThat(((OrderCancelled) cancel).reason()).isEqualTo(CancelReason.IOC_REMAINDER);
    }
  }
}
