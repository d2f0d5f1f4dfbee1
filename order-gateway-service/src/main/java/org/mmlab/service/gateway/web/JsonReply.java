package org.mmlab.service.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.CollectionUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A JSON reply already serialized, written straight onto the exchange's response: status, content
 * type, content length, an optional {@code Location}, the bytes. It answers every order and quote,
 * so it skips what {@code ServerResponse.status(..).bodyValue(..)} does for the general case: a
 * header map built, copied into the builder and again into the response, the body writer looked up
 * among the codecs, the content type parsed back from the header.
 */
final class JsonReply implements ServerResponse {
  private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
  private static final MultiValueMap<String, ResponseCookie> NO_COOKIES =
      CollectionUtils.unmodifiableMultiValueMap(new LinkedMultiValueMap<>(0));

  private final HttpStatusCode status;
  private final byte[] body;
  private final String location;

  /**
   * A reply.
   *
   * @param status its status
   * @param body the JSON, UTF-8
   * @param location the {@code Location} header, or null for none
   */
  JsonReply(HttpStatusCode status, byte[] body, String location) {
    this.status = status;
    this.body = body;
    this.location = location;
  }

  @Override
  public HttpStatusCode statusCode() {
    return status;
  }

  /** The headers this reply will write; built on demand, as nothing on the hot path asks. */
  @Override
  public HttpHeaders headers() {
    HttpHeaders h = new HttpHeaders();
    apply(h);
    return HttpHeaders.readOnlyHttpHeaders(h);
  }

  @Override
  public MultiValueMap<String, ResponseCookie> cookies() {
    return NO_COOKIES;
  }

  @Override
  public Mono<Void> writeTo(ServerWebExchange exchange, Context context) {
    ServerHttpResponse response = exchange.getResponse();
    response.setStatusCode(status);
    apply(response.getHeaders());
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  private void apply(HttpHeaders h) {
    h.set(HttpHeaders.CONTENT_TYPE, JSON);
    h.setContentLength(body.length);
    if (location != null) {
      h.set(HttpHeaders.LOCATION, location);
    }
  }
}
