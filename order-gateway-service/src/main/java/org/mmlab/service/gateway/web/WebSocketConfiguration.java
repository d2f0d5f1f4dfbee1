package org.mmlab.service.gateway.web;

import java.util.Map;
import org.mmlab.api.Endpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/** Maps the execution-report WebSocket (WebFlux's own WebSocket support). */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {
  @Bean
  HandlerMapping executionSocketMapping(ExecutionSocket executions) {
    return new SimpleUrlHandlerMapping(Map.of(Endpoints.EXECUTIONS_WS, executions), -1);
  }
}
