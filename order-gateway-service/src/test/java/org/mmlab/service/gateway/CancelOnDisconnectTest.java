package org.mmlab.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmlab.api.CancelReason;
import org.mmlab.api.Endpoints;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.service.gateway.exchange.ExchangeConnection;
import org.mmlab.testsupport.WsConnection;
import org.springframework.beans.factory.annotation.Autowired;
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
 * Cancel-on-disconnect: a client whose execution stream closes and stays closed past the grace
 * period loses its open orders ({@code CANCEL_ON_DISCONNECT}); one that reconnects within the grace
 * period keeps them; a client with no stream at all is not affected.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.gateway.internal-token=cod-token",
      "mmlab.gateway.clients[0].id=gone",
      "mmlab.gateway.clients[0].api-key=gone-key",
      "mmlab.gateway.clients[1].id=back",
      "mmlab.gateway.clients[1].api-key=back-key",
      "mmlab.gateway.clients[2].id=rest",
      "mmlab.gateway.clients[2].api-key=rest-key",
      "mmlab.gateway.cancel-on-disconnect=true",
      "mmlab.gateway.cancel-on-disconnect-grace=5s",
      "mmlab.gateway.reconnect-delay=100ms"
    })
@AutoConfigureWebTestClient
class CancelOnDisconnectTest {
  static final InProcessExchange.PerClass EXCHANGE = new InProcessExchange.PerClass();

  @DynamicPropertySource
  static void startExchange(DynamicPropertyRegistry registry) {
    String url = EXCHANGE.start(23, "cod-token");
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
  private BigDecimal deepBid;

  @BeforeEach
  void waitForTheExchange() throws InterruptedException {
    SimulationStatus s =
        InProcessExchange.awaitConnected(connection, Duration.ofSeconds(30), EXCHANGE.port());
    deepBid = s.bestBid().subtract(new BigDecimal("0.20"));
  }

  /**
   * An execution stream from the client's first report: reports sent before the handshake completes
   * are replayed, so the first one read proves the stream attached.
   */
  private WsConnection stream(String key) {
    return new WsConnection(
        URI.create("ws://localhost:" + port + Endpoints.EXECUTIONS_WS + "?fromSeq=1"),
        headers(key));
  }

  private long rest(String key, String coid) {
    return web.post()
        .uri(Endpoints.ORDERS)
        .header(Endpoints.API_KEY_HEADER, key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"clientOrderId\":\""
                + coid
                + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\""
                + deepBid.toPlainString()
                + "\",\"size\":1}")
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(OrderView.class)
        .returnResult()
        .getResponseBody()
        .orderId();
  }

  private OrderView order(String key, long id) {
    return web.get()
        .uri(Endpoints.ORDERS + "/" + id)
        .header(Endpoints.API_KEY_HEADER, key)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(OrderView.class)
        .returnResult()
        .getResponseBody();
  }

  /** Waits (up to 20 s) for an order to close; returns its last view. */
  private OrderView awaitClosed(String key, long id) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    OrderView v = order(key, id);
    while (v.status() != OrderStatus.CANCELLED && System.nanoTime() < end) {
      Thread.sleep(50);
      v = order(key, id);
    }
    return v;
  }

  private ExecutionReport report(WsConnection ws) throws InterruptedException {
    return json.readValue(ws.next(Duration.ofSeconds(30)), ExecutionReport.class);
  }

  @Test
  void ordersOfAClientWhoseStreamStaysClosedAreCancelled() throws Exception {
    long first;
    long second;
    long untouched = rest("rest-key", "rest-1"); // never had a stream: never cancelled
    try (WsConnection ws = stream("gone-key")) {
      first = rest("gone-key", "gone-1");
      second = rest("gone-key", "gone-2");
      assertThat(report(ws)).isInstanceOf(OrderAccepted.class);
    }
    OrderView a = awaitClosed("gone-key", first);
    OrderView b = awaitClosed("gone-key", second);
    assertThat(a.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(a.cancelReason()).isEqualTo(CancelReason.CANCEL_ON_DISCONNECT);
    assertThat(b.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(b.cancelReason()).isEqualTo(CancelReason.CANCEL_ON_DISCONNECT);
    assertThat(order("rest-key", untouched).status()).isEqualTo(OrderStatus.NEW);
    // A stream opened later replays the cancels with their reason.
    try (WsConnection ws = stream("gone-key")) {
      boolean sawCancel = false;
      for (int i = 0; i < 4 && !sawCancel; i++) {
        sawCancel =
            report(ws) instanceof org.mmlab.api.execution.OrderCancelled c
                && c.reason() == CancelReason.CANCEL_ON_DISCONNECT;
      }
      assertThat(sawCancel).isTrue();
    }
  }

  @Test
  void aReconnectWithinTheGracePeriodKeepsTheOrders() throws Exception {
    long id;
    try (WsConnection ws = stream("back-key")) {
      id = rest("back-key", "back-1");
      assertThat(report(ws)).isInstanceOf(OrderAccepted.class);
    }
    long closed = System.nanoTime();
    // Reconnect, resuming the stream: the replayed report shows that the stream is attached.
    try (WsConnection again = stream("back-key")) {
      assertThat(report(again)).isInstanceOf(OrderAccepted.class);
      // The check means something only if the handshake beat the grace period (a loaded machine).
      assumeTrue(System.nanoTime() - closed < Duration.ofSeconds(5).toNanos());
      Thread.sleep(6_000); // past the grace period of the first stream's close
      assertThat(order("back-key", id).status()).isEqualTo(OrderStatus.NEW);
    }
  }

  private static HttpHeaders headers(String key) {
    HttpHeaders h = new HttpHeaders();
    h.add(Endpoints.API_KEY_HEADER, key);
    return h;
  }
}
