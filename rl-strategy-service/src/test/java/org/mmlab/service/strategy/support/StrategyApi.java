package org.mmlab.service.strategy.support;

import org.mmlab.service.strategy.run.StrategyView;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The strategy service's REST calls the end-to-end tests make, each expecting success. */
public final class StrategyApi {
  private StrategyApi() {}

  /**
   * {@code POST /api/v1/strategies}, expecting 201.
   *
   * @param web the client of the service under test
   * @param body the start request as JSON
   * @return the started strategy's id
   */
  public static String start(WebTestClient web, String body) {
    return started(web, body).id();
  }

  /**
   * {@code POST /api/v1/strategies}, expecting 201.
   *
   * @param web the client of the service under test
   * @param body the start request as JSON
   * @return the started strategy's status
   */
  public static StrategyView started(WebTestClient web, String body) {
    return web.post()
        .uri("/api/v1/strategies")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(StrategyView.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * {@code GET /api/v1/strategies/{id}}, expecting 200.
   *
   * @param web the client of the service under test
   * @param id the strategy
   * @return its status
   */
  public static StrategyView status(WebTestClient web, String id) {
    return web.get()
        .uri("/api/v1/strategies/" + id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(StrategyView.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * {@code DELETE /api/v1/strategies/{id}}, expecting 200.
   *
   * @param web the client of the service under test
   * @param id the strategy
   */
  public static void stop(WebTestClient web, String id) {
    web.delete().uri("/api/v1/strategies/" + id).exchange().expectStatus().isOk();
  }
}
