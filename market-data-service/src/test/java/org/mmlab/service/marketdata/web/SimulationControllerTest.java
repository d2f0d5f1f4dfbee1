package org.mmlab.service.marketdata.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.simulation.SimulationState;
import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.service.marketdata.ExchangeProperties;
import org.mmlab.service.marketdata.exchange.ExchangeCore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

@WebFluxTest(SimulationController.class)
@TestPropertySource(properties = "mmlab.exchange.internal-token=secret")
class SimulationControllerTest {
  @TestConfiguration
  @EnableConfigurationProperties(ExchangeProperties.class)
  static class Props {}

  @Autowired WebTestClient web;
  @MockitoBean ExchangeCore core;

  private static SimulationStatus status(SimulationState state) {
    return new SimulationStatus(
        state,
        "zi",
        42,
        1.0,
        new InstrumentInfo("SIM", new BigDecimal("0.01"), BigDecimal.ONE),
        5,
        10,
        2.5,
        new BigDecimal("99.99"),
        new BigDecimal("100.01"),
        0,
        0);
  }

  @Test
  void statusIsJsonWithDecimalPrices() {
    when(core.status()).thenReturn(status(SimulationState.RUNNING));
    web.get()
        .uri("/api/v1/simulation")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("RUNNING")
        .jsonPath("$.bestBid")
        .isEqualTo(99.99)
        .jsonPath("$.instrument.tickSize")
        .isEqualTo(0.01);
  }

  @Test
  void startTakesASpeedAndStopStops() {
    when(core.start(eq(5.0)))
        .thenReturn(CompletableFuture.completedFuture(status(SimulationState.RUNNING)));
    when(core.stop())
        .thenReturn(CompletableFuture.completedFuture(status(SimulationState.STOPPED)));
    web.post()
        .uri("/api/v1/simulation/start")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"speed\": 5}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("RUNNING");
    web.post()
        .uri("/api/v1/simulation/stop")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("STOPPED");
  }

  @Test
  void invalidSpeedIsAProblemWithFieldErrors() {
    web.post()
        .uri("/api/v1/simulation/start")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"speed\": -1}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("VALIDATION_FAILED")
        .jsonPath("$.errors[0].field")
        .isEqualTo("speed");
  }

  @Test
  void startRefusesAMarketChange() {
    web.post()
        .uri("/api/v1/simulation/start")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"market\": \"hawkes\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("VALIDATION_FAILED");
  }

  @Test
  void unknownMarketIsInvalidMarket() {
    when(core.status()).thenReturn(status(SimulationState.RUNNING));
    when(core.reset(eq("nope"), any(), any()))
        .thenThrow(new IllegalArgumentException("unknown market \"nope\""));
    web.post()
        .uri("/api/v1/simulation/reset")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"market\": \"nope\", \"seed\": 1}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("INVALID_MARKET")
        .jsonPath("$.type")
        .isEqualTo("urn:mmlab:problem:invalid-market")
        .jsonPath("$.detail")
        .isEqualTo("unknown market \"nope\"");
  }

  @Test
  void malformedJsonIsMalformedRequest() {
    web.post()
        .uri("/api/v1/simulation/reset")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"seed\": \"x\"")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
  }

  @Test
  void internalEndpointsNeedTheToken() {
    web.get()
        .uri("/internal/ws/orders")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("UNAUTHORIZED");
  }
}
