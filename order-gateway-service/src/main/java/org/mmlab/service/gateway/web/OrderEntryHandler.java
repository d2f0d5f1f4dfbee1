package org.mmlab.service.gateway.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmlab.api.Endpoints;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.QuoteRequest;
import org.mmlab.api.order.QuoteView;
import org.mmlab.api.order.SubmitOrderRequest;
import org.mmlab.service.gateway.orders.OrderService;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order entry and quotes, the gateway's hot path, as functional endpoints (routed by {@link
 * OrderEntryRoutes}). They do what an annotated controller would — read and validate the body, call
 * {@link OrderService}, answer JSON — without its per-request handler lookup, argument resolution
 * and content negotiation, and write the reply with a writer resolved once, as a {@link JsonReply}.
 * Errors are the same problem details as elsewhere ({@link ProblemHandler}).
 */
@Component
final class OrderEntryHandler {
  private static final String NO_BODY = "the request body is missing";

  private final OrderService orders;
  private final Validator validator;
  private final ObjectWriter orderWriter;
  private final ObjectWriter quoteWriter;

  OrderEntryHandler(OrderService orders, Validator validator, JsonMapper json) {
    this.orders = orders;
    this.validator = validator;
    this.orderWriter = json.writerFor(OrderView.class);
    this.quoteWriter = json.writerFor(QuoteView.class);
  }

  /** {@code POST /api/v1/orders}: 201 with the order, 200 for an idempotent retry. */
  Mono<ServerResponse> submit(ServerRequest request) {
    String client = client(request);
    return body(request, SubmitOrderRequest.class)
        .flatMap(
            body -> {
              Mono<ServerResponse> invalid = invalid(body);
              if (invalid != null) {
                return invalid;
              }
              return orders.submit(client, body).flatMap(this::submitted);
            });
  }

  private Mono<ServerResponse> submitted(OrderService.Submitted s) {
    OrderView order = s.order();
    // The header as a string: URI.create would parse what we just built, on every order.
    return Mono.just(
        new JsonReply(
            s.created() ? HttpStatus.CREATED : HttpStatus.OK,
            orderWriter.writeValueAsBytes(order),
            Endpoints.ORDERS + "/" + order.orderId()));
  }

  /** {@code PUT /api/v1/quotes}: the client's quote after the exchange applied it. */
  Mono<ServerResponse> quote(ServerRequest request) {
    String client = client(request);
    return body(request, QuoteRequest.class)
        .flatMap(
            body -> {
              Mono<ServerResponse> invalid = invalid(body);
              if (invalid != null) {
                return invalid;
              }
              return orders
                  .quote(client, body)
                  .map(q -> new JsonReply(HttpStatus.OK, quoteWriter.writeValueAsBytes(q), null));
            });
  }

  /**
   * The decoded body, its errors mapped as WebFlux maps them for {@code @RequestBody}: too large is
   * 413, an unparseable content type 415, none 400.
   */
  private static <T> Mono<T> body(ServerRequest request, Class<T> type) {
    return Mono.defer(() -> request.bodyToMono(type))
        .onErrorMap(OrderEntryHandler::bodyError)
        .switchIfEmpty(Mono.error(() -> new ServerWebInputException(NO_BODY)));
  }

  private static Throwable bodyError(Throwable e) {
    if (e instanceof DataBufferLimitException tooLarge) {
      return new PayloadTooLargeException(tooLarge);
    }
    if (e instanceof InvalidMediaTypeException badType) {
      return new UnsupportedMediaTypeStatusException(badType.getMessage());
    }
    return e;
  }

  private static String client(ServerRequest request) {
    // Set by ApiKeyFilter, which answers 401 before routing when the key is missing or unknown.
    return (String) request.attributes().get(ApiKeyFilter.CLIENT);
  }

  /** The bean-validation problem for a body, or null when it is valid. */
  private <T> Mono<ServerResponse> invalid(T body) {
    Set<ConstraintViolation<T>> violations = validator.validate(body);
    if (violations.isEmpty()) {
      return null;
    }
    List<Map<String, String>> errors = new ArrayList<>(violations.size());
    for (ConstraintViolation<T> v : violations) {
      errors.add(Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()));
    }
    return ProblemHandler.toServerResponse(ProblemHandler.invalidFields(errors));
  }
}
