package org.mmlab.service.marketdata.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.mmlab.api.Endpoints;
import org.mmlab.api.ProblemCode;
import org.mmlab.service.marketdata.ExchangeProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards {@code /internal/**}: only a caller presenting the shared internal token (the gateway) in
 * {@code X-Internal-Token} gets through; anyone else gets 401 before the WebSocket upgrade.
 */
@Component
class InternalTokenFilter implements WebFilter {
  private final byte[] token;
  private final JsonMapper json;

  InternalTokenFilter(ExchangeProperties props, JsonMapper json) {
    this.token = props.internalToken().getBytes(StandardCharsets.UTF_8);
    this.json = json;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (!exchange.getRequest().getPath().value().startsWith("/internal/")) {
      return chain.filter(exchange);
    }
    String given = exchange.getRequest().getHeaders().getFirst(Endpoints.INTERNAL_TOKEN_HEADER);
    if (given != null && MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      return chain.filter(exchange);
    }
    ProblemDetail p = Problems.detail(ProblemCode.UNAUTHORIZED, "missing or wrong internal token");
    p.setInstance(exchange.getRequest().getURI());
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(Problems.PROBLEM_JSON);
    DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(p));
    return response.writeWith(Mono.just(body));
  }
}
