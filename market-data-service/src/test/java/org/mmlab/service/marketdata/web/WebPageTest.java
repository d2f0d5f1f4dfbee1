package org.mmlab.service.marketdata.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mmlab.service.marketdata.ExchangeProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The live page's files at {@code /} and its configuration endpoint. */
@WebFluxTest(WebConfigController.class)
@TestPropertySource(
    properties = {
      "mmlab.web.strategy-ws-url=ws://{host}:9183/ws/strategies",
      "mmlab.exchange.internal-token=secret"
    })
class WebPageTest {
  @TestConfiguration
  // The slice includes the internal-token filter, which reads the exchange's properties.
  @EnableConfigurationProperties({WebPageProperties.class, ExchangeProperties.class})
  static class Props {}

  @Autowired WebTestClient web;

  @Test
  void theConfigurationNamesBothStreams() {
    web.get()
        .uri("/api/v1/web-config")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.marketDataWsPath")
        .isEqualTo("/ws/market-data")
        .jsonPath("$.strategyWsUrl")
        .isEqualTo("ws://{host}:9183/ws/strategies");
  }

  @Test
  void theRootServesThePageWithItsScriptAndStyles() {
    String html =
        web.get()
            .uri("/")
            .exchange()
            .expectStatus()
            .isOk()
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(html)
        .contains("<title>mmlab")
        .contains("id=\"ladder\"")
        .contains("id=\"trades\"")
        .contains("id=\"strategies\"")
        .contains("src=\"app.js\"");
    String js =
        web.get()
            .uri("/app.js")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(js).contains("/api/v1/web-config").contains("/ws/market-data");
    web.get().uri("/style.css").exchange().expectStatus().isOk();
  }
}
