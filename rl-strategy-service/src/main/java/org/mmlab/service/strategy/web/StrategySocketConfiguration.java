package org.mmlab.service.strategy.web;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** Maps {@code /ws/strategies} (WebFlux's own WebSocket support). */
@Configuration(proxyBeanMethods = false)
class StrategySocketConfiguration {
  @Bean
  HandlerMapping strategySocketMapping(StrategySocket socket) {
    // No CORS configuration: WebFlux then checks no Origin on the handshake, so the page served
    // by market-data-service (another port, another origin) may connect.
    return new SimpleUrlHandlerMapping(Map.of(StrategySocket.PATH, socket), -1);
  }
}
