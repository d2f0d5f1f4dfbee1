package org.mmlab.service.marketdata.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mmlab.api.Endpoints;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/web-config}: where the live page ({@code /}) finds its streams. */
@RestController
@Tag(name = "web page", description = "Configuration of the live page served at /")
class WebConfigController {
  static final String PATH = "/api/v1/web-config";

  /**
   * What the page needs.
   *
   * @param marketDataWsPath this service's market-data stream, relative to the page's origin
   * @param strategyWsUrl rl-strategy-service's strategy stream; {@code {host}} is the page's host
   */
  record WebConfig(String marketDataWsPath, String strategyWsUrl) {}

  private final WebConfig config;

  WebConfigController(WebPageProperties props) {
    this.config = new WebConfig(Endpoints.MARKET_DATA_WS, props.strategyWsUrl());
  }

  @GetMapping(PATH)
  @Operation(summary = "The streams the live page connects to")
  WebConfig webConfig() {
    return config;
  }
}
