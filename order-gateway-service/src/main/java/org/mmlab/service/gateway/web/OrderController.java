package org.mmlab.service.gateway.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.mmlab.api.Endpoints;
import org.mmlab.api.order.OrderView;
import org.mmlab.service.gateway.orders.OrderService;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Orders: list own, look one up, cancel (submitting is {@link OrderEntryHandler}'s). */
@RestController
@RequestMapping(Endpoints.ORDERS)
@Tag(name = "orders")
@SecurityRequirement(name = "apiKey")
class OrderController {
  private final OrderService orders;

  OrderController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping
  @Operation(summary = "The client's open orders")
  List<OrderView> open(
      @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CLIENT) String client) {
    return orders.openOrders(client);
  }

  @DeleteMapping
  @Operation(summary = "Cancel all of the client's open orders (quotes included)")
  Mono<List<OrderView>> cancelAll(
      @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CLIENT) String client) {
    return orders.cancelAll(client);
  }

  @GetMapping("/{orderId}")
  @Operation(summary = "One of the client's orders, open or recently closed")
  OrderView one(
      @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CLIENT) String client,
      @PathVariable long orderId) {
    return orders.order(client, orderId);
  }

  @DeleteMapping("/{orderId}")
  @Operation(summary = "Cancel one of the client's open orders")
  Mono<OrderView> cancel(
      @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CLIENT) String client,
      @PathVariable long orderId) {
    return orders.cancel(client, orderId);
  }
}
