package org.mmlab.service.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.QuoteView;
import org.mmlab.service.gateway.ApiProblemException;
import org.mmlab.service.gateway.GatewayProperties;
import org.mmlab.service.gateway.orders.OrderService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The REST edge, controllers and the functional order-entry routes alike: API keys, bean validation
 * and problem details, over a mocked order service.
 */
@WebFluxTest(controllers = {OrderController.class, AccountController.class})
@TestPropertySource(
    properties = {
      "mmlab.gateway.exchange-url=ws://localhost:1/internal/ws/orders",
      "mmlab.gateway.internal-token=t",
      "mmlab.gateway.clients[0].id=alice",
      "mmlab.gateway.clients[0].api-key=alice-key",
      "mmlab.gateway.clients[1].id=root",
      "mmlab.gateway.clients[1].api-key=root-key",
      "mmlab.gateway.clients[1].admin=true"
    })
class OrderControllerTest {
  @TestConfiguration
  @EnableConfigurationProperties(GatewayProperties.class)
  @Import({ApiKeys.class, OrderEntryRoutes.class, OrderEntryHandler.class})
  static class Config {}

  @Autowired WebTestClient web;
  @MockitoBean OrderService orders;

  private static OrderView order(long id, OrderStatus status) {
    Instant t = Instant.parse("2025-01-01T00:00:00Z");
    return new OrderView(
        id,
        "c1",
        Side.BUY,
        OrderType.LIMIT,
        new BigDecimal("100.01"),
        new BigDecimal("2"),
        BigDecimal.ZERO,
        new BigDecimal("2"),
        null,
        status,
        null,
        null,
        false,
        t,
        t);
  }

  private WebTestClient.RequestHeadersSpec<?> submit(String key, String body) {
    WebTestClient.RequestBodySpec spec =
        web.post().uri("/api/v1/orders").contentType(MediaType.APPLICATION_JSON);
    if (key != null) {
      spec = spec.header("X-API-Key", key);
    }
    return spec.bodyValue(body);
  }

  private static final String VALID =
      "{\"clientOrderId\":\"c1\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"100.01\",\"size\":2}";

  @Test
  void missingOrWrongKeyIs401() {
    submit(null, VALID)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNAUTHORIZED")
        .jsonPath("$.status")
        .isEqualTo(401);
    submit("nope", VALID).exchange().expectStatus().isUnauthorized();
    web.get().uri("/api/v1/positions").exchange().expectStatus().isUnauthorized();
    verifyNoInteractions(orders);
  }

  @Test
  void aValidOrderIs201WithItsLocation() {
    when(orders.submit(eq("alice"), any()))
        .thenReturn(Mono.just(new OrderService.Submitted(order(7, OrderStatus.NEW), true)));
    submit("alice-key", VALID)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectHeader()
        .location("/api/v1/orders/7")
        .expectHeader()
        .contentType(MediaType.APPLICATION_JSON)
        .expectBody()
        .jsonPath("$.orderId")
        .isEqualTo(7)
        .jsonPath("$.price")
        .isEqualTo(100.01)
        .jsonPath("$.status")
        .isEqualTo("NEW")
        .jsonPath("$.avgFillPrice")
        .doesNotExist();
  }

  @Test
  void aQuoteIs200WithBothSidesAndItsLength() {
    when(orders.quote(eq("alice"), any()))
        .thenReturn(Mono.just(new QuoteView(order(7, OrderStatus.NEW), null)));
    EntityExchangeResult<byte[]> reply =
        web.put()
            .uri("/api/v1/quotes")
            .header("X-API-Key", "alice-key")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue("{\"bidPrice\":\"100.01\",\"bidSize\":2}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentType(MediaType.APPLICATION_JSON)
            .expectHeader()
            .doesNotExist("Location")
            .expectBody()
            .jsonPath("$.bid.orderId")
            .isEqualTo(7)
            .jsonPath("$.bid.price")
            .isEqualTo(100.01)
            .jsonPath("$.ask")
            .doesNotExist()
            .returnResult();
    assertThat(reply.getResponseHeaders().getContentLength())
        .isEqualTo(reply.getResponseBodyContent().length);
  }

  @Test
  void anIdempotentRetryIs200() {
    when(orders.submit(eq("alice"), any()))
        .thenReturn(Mono.just(new OrderService.Submitted(order(7, OrderStatus.NEW), false)));
    submit("alice-key", VALID).exchange().expectStatus().isOk();
  }

  @Test
  void beanValidationFailuresListTheFields() {
    submit("alice-key", "{\"type\":\"LIMIT\",\"price\":1,\"size\":-1}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("VALIDATION_FAILED")
        .jsonPath("$.errors[?(@.field == 'side')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'size')]")
        .exists();
    submit("alice-key", VALID.replace("c1", "bad id!"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("clientOrderId");
    verifyNoInteractions(orders);
  }

  @Test
  void malformedBodiesAre400() {
    submit("alice-key", "{\"side\":\"UP\",\"type\":\"LIMIT\",\"size\":1}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
    submit("alice-key", "{not json")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
  }

  @Test
  void missingHugeAndMistypedBodiesAreProblemsOnTheOrderEntryRoutes() {
    for (String path : new String[] {"/api/v1/orders", "/api/v1/quotes"}) {
      WebTestClient.RequestBodySpec empty =
          path.endsWith("orders") ? web.post().uri(path) : web.put().uri(path);
      empty
          .header("X-API-Key", "alice-key")
          .contentType(MediaType.APPLICATION_JSON)
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectHeader()
          .contentType("application/problem+json")
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("MALFORMED_REQUEST")
          .jsonPath("$.instance")
          .isEqualTo(path);
      WebTestClient.RequestBodySpec text =
          path.endsWith("orders") ? web.post().uri(path) : web.put().uri(path);
      text.header("X-API-Key", "alice-key")
          .contentType(MediaType.TEXT_PLAIN)
          .bodyValue(VALID)
          .exchange()
          .expectStatus()
          .isEqualTo(415)
          .expectHeader()
          .contentType("application/problem+json")
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("MALFORMED_REQUEST");
      // An unparseable Content-Type (415) is GatewayFuzzTest's: this client refuses to send one.
      WebTestClient.RequestBodySpec huge =
          path.endsWith("orders") ? web.post().uri(path) : web.put().uri(path);
      huge.header("X-API-Key", "alice-key")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"clientOrderId\":\"" + "x".repeat(300_000) + "\"}")
          .exchange()
          .expectStatus()
          .isEqualTo(413)
          .expectHeader()
          .contentType("application/problem+json")
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("MALFORMED_REQUEST");
    }
    verifyNoInteractions(orders);
  }

  @Test
  void serviceRefusalsKeepTheirCodeAndStatus() {
    when(orders.submit(eq("alice"), any()))
        .thenThrow(new ApiProblemException(ProblemCode.PRICE_NOT_ON_TICK, "off the grid"));
    submit("alice-key", VALID)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("PRICE_NOT_ON_TICK")
        .jsonPath("$.type")
        .isEqualTo("urn:mmlab:problem:price-not-on-tick")
        .jsonPath("$.detail")
        .isEqualTo("off the grid");
  }

  @Test
  void rateLimitIs429WithRetryAfter() {
    when(orders.submit(eq("alice"), any()))
        .thenReturn(Mono.error(new ApiProblemException(ProblemCode.RATE_LIMITED, "slow down", 2)));
    submit("alice-key", VALID)
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .valueEquals("Retry-After", "2")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("RATE_LIMITED");
  }

  @Test
  void anotherClientsOrderIs404() {
    when(orders.order("alice", 9))
        .thenThrow(new ApiProblemException(ProblemCode.ORDER_NOT_FOUND, "no order 9"));
    web.get()
        .uri("/api/v1/orders/9")
        .header("X-API-Key", "alice-key")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("ORDER_NOT_FOUND");
  }

  @Test
  void quoteValidationAndTheKillSwitchNeedsAnAdmin() {
    web.put()
        .uri("/api/v1/quotes")
        .header("X-API-Key", "alice-key")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"bidPrice\":-1,\"bidSize\":1}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("VALIDATION_FAILED");
    web.put()
        .uri("/api/v1/admin/kill-switch")
        .header("X-API-Key", "alice-key")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"engaged\":true}")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("FORBIDDEN");
    verifyNoInteractions(orders);
  }
}
