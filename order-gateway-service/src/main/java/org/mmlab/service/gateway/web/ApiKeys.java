package org.mmlab.service.gateway.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.mmlab.api.Endpoints;
import org.mmlab.service.gateway.GatewayProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The configured API keys; each maps to one client id. */
@Component
class ApiKeys {
  private final List<GatewayProperties.Client> clients;

  ApiKeys(GatewayProperties props) {
    this.clients = List.copyOf(props.clients());
  }

  /**
   * The client a request's key belongs to: header {@code X-API-Key}, or (WebSocket handshakes only,
   * where browsers cannot set headers) query parameter {@code apiKey}.
   */
  Optional<GatewayProperties.Client> resolve(HttpHeaders headers, URI uri, boolean allowQuery) {
    String key = headers.getFirst(Endpoints.API_KEY_HEADER);
    if (key == null && allowQuery) {
      key =
          UriComponentsBuilder.fromUri(uri)
              .build()
              .getQueryParams()
              .getFirst(Endpoints.API_KEY_PARAM);
    }
    if (key == null || key.isEmpty()) {
      return Optional.empty();
    }
    byte[] given = key.getBytes(StandardCharsets.UTF_8);
    GatewayProperties.Client found = null;
    for (GatewayProperties.Client c : clients) {
      // Compare every key in constant time.
      if (MessageDigest.isEqual(given, c.apiKey().getBytes(StandardCharsets.UTF_8))) {
        found = c;
      }
    }
    return Optional.ofNullable(found);
  }
}
