package org.mmlab.service.marketdata.web;

import java.util.Map;
import org.mmlab.api.Endpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** Maps the WebSocket endpoints (WebFlux's own WebSocket support; no servlet container). */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {
  @Bean
  HandlerMapping webSocketMapping(MarketDataSocket marketData, InternalOrderSocket orders) {
    return new SimpleUrlHandlerMapping(
        Map.of(Endpoints.MARKET_DATA_WS, marketData, Endpoints.INTERNAL_ORDERS_WS, orders), -1);
  }
}
