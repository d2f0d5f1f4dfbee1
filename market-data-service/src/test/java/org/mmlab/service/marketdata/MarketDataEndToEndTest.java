package org.mmlab.service.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmlab.api.Endpoints;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.ExchangeMessage;
import org.mmlab.api.exchange.SessionState;
import org.mmlab.api.exchange.SubmitCommand;
import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.Heartbeat;
import org.mmlab.api.marketdata.MarketDataMessage;
import org.mmlab.api.marketdata.Trade;
import org.mmlab.api.simulation.SimulationState;
import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.testsupport.WsConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** The exchange over real HTTP and WebSockets on a random port. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.exchange.speed=20",
      "mmlab.exchange.heartbeat-interval=200ms",
      "mmlab.exchange.internal-token=test-token"
    })
@AutoConfigureWebTestClient
@AutoConfigureMetrics
class MarketDataEndToEndTest {
  @LocalServerPort int port;
  @Autowired WebTestClient web;
  @Autowired JsonMapper json;

  private URI ws(String path) {
    return URI.create("ws://localhost:" + port + path);
  }

  @Test
  void marketDataStreamsASnapshotThenGaplessUpdates() throws Exception {
    try (WsConnection md = new WsConnection(ws(Endpoints.MARKET_DATA_WS), new HttpHeaders())) {
      MarketDataMessage first =
          json.readValue(md.next(Duration.ofSeconds(5)), MarketDataMessage.class);
      assertThat(first).isInstanceOf(BookSnapshot.class);
      BookSnapshot snap = (BookSnapshot) first;
      assertThat(snap.bids()).isNotEmpty();
      assertThat(snap.asks()).isNotEmpty();
      assertThat(snap.instrument().tickSize()).isEqualByComparingTo("0.01");
      List<MarketDataMessage> got = new ArrayList<>();
      long seq = snap.seq();
      boolean book = false;
      boolean trade = false;
      boolean heartbeat = false;
      long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (!(book && trade && heartbeat) && System.nanoTime() < end) {
        MarketDataMessage m =
            json.readValue(md.next(Duration.ofSeconds(5)), MarketDataMessage.class);
        assertThat(m.seq()).as("no gap after %s", got).isEqualTo(++seq);
        got.add(m);
        book |= m instanceof BookUpdate;
        trade |= m instanceof Trade;
        heartbeat |= m instanceof Heartbeat;
      }
      assertThat(book && trade && heartbeat).as("book, trade and heartbeat in %s", got).isTrue();
    }
  }

  @Test
  void theGatewayTradesOverTheInternalSocket() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.add(Endpoints.INTERNAL_TOKEN_HEADER, "test-token");
    try (WsConnection gw = new WsConnection(ws(Endpoints.INTERNAL_ORDERS_WS), headers)) {
      SessionState state =
          (SessionState) json.readValue(gw.next(Duration.ofSeconds(5)), ExchangeMessage.class);
      assertThat(state.instrument().symbol()).isEqualTo("SIM");
      assertThat(state.bestAsk()).isPositive();
      // A marketable IOC buy well above the ask fills against the model's flow.
      gw.send(
          json.writeValueAsString(
              new SubmitCommand(
                  "ref-1", "alice", "o-1", Side.BUY, OrderType.IOC, state.bestAsk() + 50, 1)));
      EventBatch answer = null;
      long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      long seq = state.seq();
      while (answer == null && System.nanoTime() < end) {
        EventBatch b =
            (EventBatch) json.readValue(gw.next(Duration.ofSeconds(5)), ExchangeMessage.class);
        assertThat(b.seq()).isEqualTo(++seq);
        if ("ref-1".equals(b.ref())) {
          answer = b;
        }
      }
      assertThat(answer).isNotNull();
      assertThat(answer.events().get(0)).isInstanceOf(ExchangeEvent.Accepted.class);
      assertThat(answer.events())
          .anySatisfy(
              e -> {
                assertThat(e).isInstanceOf(ExchangeEvent.Filled.class);
                assertThat(((ExchangeEvent.Filled) e).position().position()).isEqualTo(1);
              });
    }
  }

  @Test
  void theInternalSocketRefusesAWrongToken() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.add(Endpoints.INTERNAL_TOKEN_HEADER, "wrong");
    try (WsConnection gw = new WsConnection(ws(Endpoints.INTERNAL_ORDERS_WS), headers)) {
      gw.awaitEnd(Duration.ofSeconds(5));
      assertThat(gw.error()).isNotNull();
      assertThat(gw.error().getMessage()).contains("401");
    }
  }

  @Test
  void simulationControlStopsStartsAndResets() throws Exception {
    SimulationStatus stopped =
        web.post()
            .uri("/api/v1/simulation/stop")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(SimulationStatus.class)
            .returnResult()
            .getResponseBody();
    assertThat(stopped.state()).isEqualTo(SimulationState.STOPPED);
    Thread.sleep(100);
    SimulationStatus still =
        web.get()
            .uri("/api/v1/simulation")
            .exchange()
            .expectBody(SimulationStatus.class)
            .returnResult()
            .getResponseBody();
    assertThat(still.simTime()).isEqualTo(stopped.simTime());

    SimulationStatus reset =
        web.post()
            .uri("/api/v1/simulation/reset")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"market\":\"hawkes\",\"seed\":7}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(SimulationStatus.class)
            .returnResult()
            .getResponseBody();
    assertThat(reset.market()).isEqualTo("hawkes");
    assertThat(reset.seed()).isEqualTo(7);
    assertThat(reset.state()).isEqualTo(SimulationState.STOPPED);

    SimulationStatus started =
        web.post()
            .uri("/api/v1/simulation/start")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(SimulationStatus.class)
            .returnResult()
            .getResponseBody();
    assertThat(started.state()).isEqualTo(SimulationState.RUNNING);
    web.post()
        .uri("/api/v1/simulation/reset")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"market\":\"zi\",\"seed\":42}")
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void healthMetricsAndOpenApi() {
    web.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP")
        .jsonPath("$.components.exchange.details.market")
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
        .contains("mmlab_market_spread_ticks")
        .contains("mmlab_market_depth_lots{")
        .contains("mmlab_exchange_events_total")
        .contains("mmlab_exchange_events_per_second")
        .contains("mmlab_exchange_matching_latency_seconds");
    web.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(doc -> assertThat(doc).contains("/api/v1/simulation/reset"));
  }
}
