package org.mmlab.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the venue is and how to talk to it.
 *
 * @param marketDataUrl the exchange's base URL, e.g. {@code http://localhost:8081} (or {@code
 *     ws://})
 * @param gatewayUrl the gateway's base URL, e.g. {@code http://localhost:8082}
 * @param apiKey the client's API key on the gateway
 * @param requestTimeout how long a REST call may take
 * @param minBackoff first pause before reconnecting a stream
 * @param maxBackoff longest pause between reconnect attempts
 */
public record VenueConfig(
    URI marketDataUrl,
    URI gatewayUrl,
    String apiKey,
    Duration requestTimeout,
    Duration minBackoff,
    Duration maxBackoff) {

  /** Validates and fills defaults. */
  public VenueConfig {
    Objects.requireNonNull(marketDataUrl, "marketDataUrl");
    Objects.requireNonNull(gatewayUrl, "gatewayUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
    minBackoff = minBackoff == null ? Duration.ofMillis(100) : minBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofSeconds(10) : maxBackoff;
  }

  /**
   * A config with default timeouts and backoff (5 s; 100 ms doubling up to 10 s).
   *
   * @param marketDataUrl the exchange's base URL
   * @param gatewayUrl the gateway's base URL
   * @param apiKey the API key
   * @return the config
   */
  public static VenueConfig of(URI marketDataUrl, URI gatewayUrl, String apiKey) {
    return new VenueConfig(marketDataUrl, gatewayUrl, apiKey, null, null, null);
  }
}
