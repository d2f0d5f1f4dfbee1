package org.mmlab.service.marketdata.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mmlab.api.Endpoints;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.ExchangeMessage;
import org.mmlab.api.exchange.ExchangeWire;
import org.mmlab.api.exchange.SessionState;
import org.mmlab.api.exchange.SubmitCommand;
import org.mmlab.testsupport.WsConnection;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;

/**
 * The internal order socket decodes commands with {@link ExchangeWire}: malformed commands (and
 * commands without a ref) are logged and ignored, never answered and never fatal to the session;
 * the next well-formed command is answered. (Same configuration as {@code MarketDataEndToEndTest},
 * so the two share one application context, hence a client of its own.)
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.exchange.speed=20",
      "mmlab.exchange.heartbeat-interval=200ms",
      "mmlab.exchange.internal-token=test-token"
    })
@AutoConfigureWebTestClient
@AutoConfigureMetrics
class InternalOrderSocketTest {
  @LocalServerPort int port;

  @Test
  void malformedCommandsAreIgnoredAndTheSessionGoesOn() throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.add(Endpoints.INTERNAL_TOKEN_HEADER, "test-token");
    URI uri = URI.create("ws://localhost:" + port + Endpoints.INTERNAL_ORDERS_WS);
    try (WsConnection gw = new WsConnection(uri, headers)) {
      SessionState state = (SessionState) ExchangeWire.readMessage(gw.next(Duration.ofSeconds(5)));
      gw.send("{\"type\":\"submit\",\"ref\":\"bad-1\"");
      gw.send("{\"type\":\"launch\",\"ref\":\"bad-2\"}");
      gw.send("{\"type\":\"cancel\",\"ref\":\"bad-3\",\"orderId\":\"seven\"}");
      gw.send("{\"type\":\"cancel\",\"clientId\":\"socket-test\",\"orderId\":7}");
      gw.send(
          ExchangeWire.toJson(
              new SubmitCommand(
                  "good-1",
                  "socket-test",
                  "o-1",
                  Side.BUY,
                  OrderType.IOC,
                  state.bestAsk() + 50,
                  1)));
      EventBatch answer = null;
      long seq = state.seq();
      long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (answer == null && System.nanoTime() < end) {
        ExchangeMessage m = ExchangeWire.readMessage(gw.next(Duration.ofSeconds(5)));
        assertThat(m.seq()).isEqualTo(++seq);
        EventBatch b = (EventBatch) m;
        if (b.ref() != null) {
          assertThat(b.ref()).as("no answer to a malformed command").doesNotStartWith("bad-");
        }
        if ("good-1".equals(b.ref())) {
          answer = b;
        }
      }
      assertThat(answer).as("the well-formed command's answer").isNotNull();
      assertThat(answer.events().get(0)).isInstanceOf(ExchangeEvent.Accepted.class);
      assertThat(gw.done()).isFalse();
    }
  }
}
