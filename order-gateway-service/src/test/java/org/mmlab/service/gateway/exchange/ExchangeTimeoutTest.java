package org.mmlab.service.gateway.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mmlab.api.Endpoints;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.exchange.ExchangeMessage;
import org.mmlab.api.exchange.SessionState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * An exchange that takes commands and never answers: each request ends after the configured timeout
 * as {@code 504 EXCHANGE_TIMEOUT}, a retry of the same client order id waits again and ends the
 * same way, and the gateway forgets the abandoned requests.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.gateway.internal-token=silent-token",
      "mmlab.gateway.clients[0].id=waiter",
      "mmlab.gateway.clients[0].api-key=waiter-key",
      "mmlab.gateway.request-timeout=300ms",
      "mmlab.gateway.reconnect-delay=100ms"
    })
@AutoConfigureWebTestClient
class ExchangeTimeoutTest {
  static DisposableServer silent;
  static final List<String> received = new CopyOnWriteArrayList<>();

  @DynamicPropertySource
  static void startSilentExchange(DynamicPropertyRegistry registry) {
    if (silent == null) {
      String state =
          JsonMapper.builder()
              .build()
              .writerFor(ExchangeMessage.class)
              .writeValueAsString(
                  new SessionState(
                      0,
                      0,
                      new InstrumentInfo("TEST", new BigDecimal("0.01"), BigDecimal.ONE),
                      false,
                      9_990,
                      10_010,
                      List.of(),
                      List.of()));
      silent =
          HttpServer.create()
              .host("127.0.0.1")
              .port(0)
              .route(
                  r ->
                      r.ws(
                          Endpoints.INTERNAL_ORDERS_WS,
                          (in, out) ->
                              out.sendString(Mono.just(state))
                                  .then()
                                  .and(in.receive().asString().doOnNext(received::add).then())
                                  .then(Mono.never())))
              .bindNow();
    }
    registry.add(
        "mmlab.gateway.exchange-url",
        () -> "ws://127.0.0.1:" + silent.port() + Endpoints.INTERNAL_ORDERS_WS);
  }

  @AfterAll
  static void stop() {
    if (silent != null) {
      silent.disposeNow();
      silent = null;
    }
  }

  @Autowired WebTestClient web;
  @Autowired ExchangeConnection connection;

  private WebTestClient.ResponseSpec submit(String clientOrderId) {
    return web.post()
        .uri(Endpoints.ORDERS)
        .header(Endpoints.API_KEY_HEADER, "waiter-key")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(
            "{\"clientOrderId\":\""
                + clientOrderId
                + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":99.95,\"size\":1}")
        .exchange();
  }

  @Test
  void anUnansweredOrderIs504AndItsRetryWaitsAgain() throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!connection.connected() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(connection.connected()).as("connected to the silent exchange").isTrue();

    for (int attempt = 0; attempt < 2; attempt++) {
      submit("never-answered")
          .expectStatus()
          .isEqualTo(504)
          .expectHeader()
          .contentType("application/problem+json")
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("EXCHANGE_TIMEOUT");
    }
    // The command reached the exchange once: the retry waited for the same order.
    assertThat(received).hasSize(1);
    assertThat(received.get(0)).contains("never-answered");
    assertThat(connection.pendingRequests()).as("abandoned requests are forgotten").isZero();
  }
}
