package org.mmlab.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmlab.api.Endpoints;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.QuoteView;
import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.service.gateway.exchange.ExchangeConnection;
import org.mmlab.testsupport.WsConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Isolation between clients, as a property: seeded random sequences of calls by two clients, where
 * each also tries to read, cancel, replace (quote over, reuse the client order id of) the other's
 * orders, never reach the other's orders or see the other's executions. And API keys never appear
 * in the logs (debug level included) or in the metrics.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.gateway.internal-token=iso-token",
      "mmlab.gateway.clients[0].id=alice",
      "mmlab.gateway.clients[0].api-key=" + GatewayIsolationTest.KEY_A,
      "mmlab.gateway.clients[1].id=bob",
      "mmlab.gateway.clients[1].api-key=" + GatewayIsolationTest.KEY_B,
      "mmlab.gateway.risk.max-order-size=50",
      "mmlab.gateway.risk.max-position=100000",
      "mmlab.gateway.risk.orders-per-second=100000",
      "mmlab.gateway.risk.burst=100000",
      "mmlab.gateway.reconnect-delay=100ms",
      "logging.level.org.mmlab=DEBUG",
      "logging.level.org.springframework.web=DEBUG",
      "logging.level.org.springframework.http=DEBUG"
    })
@AutoConfigureWebTestClient
@AutoConfigureMetrics
@ExtendWith(OutputCaptureExtension.class)
class GatewayIsolationTest {
  static final String KEY_A = "iso-alice-7f3a9c1e5b";
  static final String KEY_B = "iso-bob-51d2e8a0c4";
  static final InProcessExchange.PerClass EXCHANGE = new InProcessExchange.PerClass();
  // Every order of each client, over all sequences (the clients live across them).
  static final Set<Long> ALL_A = new HashSet<>();
  static final Set<Long> ALL_B = new HashSet<>();

  @DynamicPropertySource
  static void startExchange(DynamicPropertyRegistry registry) {
    String url = EXCHANGE.start(17, "iso-token");
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
  private long mid; // in cents

  @BeforeEach
  void waitForTheExchange() throws InterruptedException {
    // A loaded machine can take more than the default 5 s to answer.
    web = web.mutate().responseTimeout(Duration.ofSeconds(60)).build();
    SimulationStatus s =
        InProcessExchange.awaitConnected(connection, Duration.ofSeconds(30), EXCHANGE.port());
    mid = s.bestBid().add(s.bestAsk()).movePointRight(2).longValue() / 2;
  }

  /** One client's view while a sequence runs. */
  private final class Client {
    final String key;
    final String name;
    final Set<Long> ids;
    final Map<Long, String> coids = new HashMap<>();
    final Set<String> usedCoids = new HashSet<>();
    final WsConnection executions;

    Client(String name, String key, Set<Long> ids) {
      this.name = name;
      this.key = key;
      this.ids = ids;
      HttpHeaders h = new HttpHeaders();
      h.add(Endpoints.API_KEY_HEADER, key);
      executions =
          new WsConnection(URI.create("ws://localhost:" + port + Endpoints.EXECUTIONS_WS), h);
    }
  }

  private static String price(long cents) {
    return BigDecimal.valueOf(cents, 2).toPlainString();
  }

  private WebTestClient.ResponseSpec submit(Client c, String coid, boolean buy, long cents) {
    return web.post()
        .uri(Endpoints.ORDERS)
        .header(Endpoints.API_KEY_HEADER, c.key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"clientOrderId\":\""
                + coid
                + "\",\"side\":\""
                + (buy ? "BUY" : "SELL")
                + "\",\"type\":\"LIMIT\",\"price\":\""
                + price(cents)
                + "\",\"size\":1}")
        .exchange();
  }

  private OrderView created(WebTestClient.ResponseSpec r) {
    return r.expectStatus()
        .isCreated()
        .expectBody(OrderView.class)
        .returnResult()
        .getResponseBody();
  }

  private OrderView own(Client c, long id) {
    return web.get()
        .uri(Endpoints.ORDERS + "/" + id)
        .header(Endpoints.API_KEY_HEADER, c.key)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(OrderView.class)
        .returnResult()
        .getResponseBody();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void noSequenceOfCallsReachesAnotherClientsOrders(long seed) throws Exception {
    Random rnd = new Random(seed);
    Client a = new Client("alice", KEY_A, ALL_A);
    Client b = new Client("bob", KEY_B, ALL_B);
    Thread.sleep(300); // both streams attached
    try {
      for (int step = 0; step < 40; step++) {
        boolean aActs = rnd.nextBoolean();
        Client me = aActs ? a : b;
        Client other = aActs ? b : a;
        int op = other.coids.isEmpty() ? 0 : rnd.nextInt(7);
        switch (op) {
          case 0 -> { // a resting order, far from the other side: no fills in these sequences
            boolean buy = rnd.nextBoolean();
            long px = buy ? mid - 10 - rnd.nextInt(20) : mid + 10 + rnd.nextInt(20);
            String coid = me.name + "-" + seed + "-" + step;
            OrderView v = created(submit(me, coid, buy, px));
            me.ids.add(v.orderId());
            me.coids.put(v.orderId(), coid);
            me.usedCoids.add(coid);
          }
          case 1 -> { // read the other's order
            long id = pick(rnd, other.ids);
            web.get()
                .uri(Endpoints.ORDERS + "/" + id)
                .header(Endpoints.API_KEY_HEADER, me.key)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ORDER_NOT_FOUND");
          }
          case 2 -> { // cancel the other's order
            long id = pick(rnd, other.ids);
            OrderStatus before = own(other, id).status();
            web.delete()
                .uri(Endpoints.ORDERS + "/" + id)
                .header(Endpoints.API_KEY_HEADER, me.key)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("ORDER_NOT_FOUND");
            assertThat(own(other, id).status()).isEqualTo(before);
          }
          case 3 -> { // reuse the other's client order id: a new order of one's own
            long id = pick(rnd, other.coids.keySet());
            String coid = other.coids.get(id);
            if (!me.usedCoids.add(coid)) {
              continue; // used already by this client: that would be its own retry
            }
            OrderView mine = created(submit(me, coid, aActs, aActs ? mid - 45 : mid + 45));
            assertThat(mine.orderId()).isNotEqualTo(id);
            me.ids.add(mine.orderId());
            me.coids.put(mine.orderId(), coid);
          }
          case 4 -> { // list: only one's own orders
            List<OrderView> list =
                web.get()
                    .uri(Endpoints.ORDERS)
                    .header(Endpoints.API_KEY_HEADER, me.key)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBodyList(OrderView.class)
                    .returnResult()
                    .getResponseBody();
            for (OrderView v : list) {
              assertThat(other.ids).doesNotContain(v.orderId());
            }
          }
          case 5 -> { // cancel all of one's own: the other's stay
            List<Long> open = openIds(other);
            web.delete()
                .uri(Endpoints.ORDERS)
                .header(Endpoints.API_KEY_HEADER, me.key)
                .exchange()
                .expectStatus()
                .isOk();
            assertThat(openIds(other)).containsExactlyInAnyOrderElementsOf(open);
          }
          default -> { // quote: replaces one's own quote only
            QuoteView otherQuote = quote(other);
            long bid = mid - 30 - rnd.nextInt(5);
            web.put()
                .uri(Endpoints.QUOTES)
                .header(Endpoints.API_KEY_HEADER, me.key)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(
                    "{\"bidPrice\":\""
                        + price(bid)
                        + "\",\"bidSize\":1,\"askPrice\":\""
                        + price(mid + 40)
                        + "\",\"askSize\":1}")
                .exchange()
                .expectStatus()
                .isOk();
            QuoteView mine = quote(me);
            if (mine.bid() != null) {
              me.ids.add(mine.bid().orderId());
            }
            if (mine.ask() != null) {
              me.ids.add(mine.ask().orderId());
            }
            assertThat(quote(other))
                .usingRecursiveComparison()
                .ignoringFields("bid.updatedAt", "ask.updatedAt")
                .isEqualTo(otherQuote);
          }
        }
      }
      // Each stream carried only its client's orders.
      for (Client c : List.of(a, b)) {
        Client other = c == a ? b : a;
        List<ExecutionReport> reports = drain(c);
        assertThat(reports).isNotEmpty();
        for (ExecutionReport r : reports) {
          assertThat(other.ids).as("%s saw %s", c.name, r).doesNotContain(r.orderId());
          assertThat(r.orderId() == 0 || c.ids.contains(r.orderId()))
              .as("%s saw %s", c.name, r)
              .isTrue();
        }
      }
    } finally {
      a.executions.close();
      b.executions.close();
    }
  }

  private QuoteView quote(Client c) {
    return web.get()
        .uri(Endpoints.QUOTES)
        .header(Endpoints.API_KEY_HEADER, c.key)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(QuoteView.class)
        .returnResult()
        .getResponseBody();
  }

  private List<Long> openIds(Client c) {
    return web
        .get()
        .uri(Endpoints.ORDERS)
        .header(Endpoints.API_KEY_HEADER, c.key)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBodyList(OrderView.class)
        .returnResult()
        .getResponseBody()
        .stream()
        .map(OrderView::orderId)
        .toList();
  }

  private List<ExecutionReport> drain(Client c) throws InterruptedException {
    List<ExecutionReport> got = new ArrayList<>();
    while (true) {
      String s;
      try {
        s = c.executions.next(Duration.ofMillis(500));
      } catch (AssertionError quiet) {
        return got;
      }
      got.add(json.readValue(s, ExecutionReport.class));
    }
  }

  private static long pick(Random rnd, Set<Long> ids) {
    List<Long> l = new ArrayList<>(ids);
    l.sort(null);
    return l.get(rnd.nextInt(l.size()));
  }

  @Test
  void apiKeysNeverAppearInLogsOrMetrics(CapturedOutput output) throws Exception {
    String wrong = "iso-wrong-key-0d9e7b";
    // Activity that logs at debug level: orders, rejections, a bad key, a socket with the key in
    // its query string.
    Client a = new Client("alice", KEY_A, ALL_A);
    try (WsConnection byQuery =
        new WsConnection(
            URI.create("ws://localhost:" + port + Endpoints.EXECUTIONS_WS + "?apiKey=" + KEY_B),
            new HttpHeaders())) {
      created(submit(a, "log-1", true, mid - 20));
      submit(a, "log-2", true, -5).expectStatus().isBadRequest();
      web.get()
          .uri(Endpoints.ORDERS)
          .header(Endpoints.API_KEY_HEADER, wrong)
          .exchange()
          .expectStatus()
          .isUnauthorized();
      web.get()
          .uri(Endpoints.ORDERS + "?apiKey=" + wrong)
          .exchange()
          .expectStatus()
          .isUnauthorized();
      Thread.sleep(500);
    } finally {
      a.executions.close();
    }
    String metrics =
        web.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(metrics).contains("mmlab_gateway");
    assertThat(output.getAll()).contains("/api/v1/orders"); // the debug logs were captured
    for (String key : List.of(KEY_A, KEY_B, wrong)) {
      assertThat(output.getAll()).doesNotContain(key);
      assertThat(metrics).doesNotContain(key);
    }
  }
}
