package org.mmlab.service.gateway.web;

import java.util.Optional;
import org.mmlab.api.Endpoints;
import org.mmlab.api.ProblemCode;
import org.mmlab.service.gateway.GatewayProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authenticates {@code /api/**} and {@code /ws/executions}: the API key names the client, whose id
 * goes into the request attribute {@link #CLIENT}; a missing or unknown key is 401 with a problem
 * detail, before any controller or WebSocket upgrade.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyFilter implements WebFilter {
  /** Request attribute holding the authenticated client's id. */
  static final String CLIENT = "mmlab.client";

  /** Request attribute holding whether the client is an admin. */
  static final String ADMIN = "mmlab.admin";

  private final ApiKeys keys;
  private final JsonMapper json;

  ApiKeyFilter(ApiKeys keys, JsonMapper json) {
    this.keys = keys;
    this.json = json;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    boolean socket = path.equals(Endpoints.EXECUTIONS_WS);
    if (!socket && !path.startsWith("/api/")) {
      return chain.filter(exchange);
    }
    Optional<GatewayProperties.Client> client =
        keys.resolve(exchange.getRequest().getHeaders(), exchange.getRequest().getURI(), socket);
    if (client.isPresent()) {
      exchange.getAttributes().put(CLIENT, client.get().id());
      exchange.getAttributes().put(ADMIN, client.get().admin());
      return chain.filter(exchange);
    }
    ProblemDetail p =
        Problems.detail(
            ProblemCode.UNAUTHORIZED,
            "send a valid API key in "
                + Endpoints.API_KEY_HEADER
                + (socket ? " (or the " + Endpoints.API_KEY_PARAM + " query parameter)" : ""));
    p.setInstance(exchange.getRequest().getURI());
    var response = exchange.getResponse();
    response.setStatusCode(HttpStatus.UNAUTHORIZED);
    response.getHeaders().setContentType(Problems.PROBLEM_JSON);
    response
        .getHeaders()
        .set("WWW-Authenticate", "ApiKey header=\"" + Endpoints.API_KEY_HEADER + "\"");
    return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(p))));
  }
}
