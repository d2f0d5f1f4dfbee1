package org.mmlab.service.gateway.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import org.mmlab.api.Endpoints;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.QuoteRequest;
import org.mmlab.api.order.QuoteView;
import org.mmlab.api.order.SubmitOrderRequest;
import org.springdoc.core.annotations.RouterOperation;
import org.springdoc.core.annotations.RouterOperations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Routes of the order-entry hot path ({@link OrderEntryHandler}): submit an order, replace the
 * quote. Functional routes are matched before the annotated controllers, which serve the rest of
 * the API.
 */
@Configuration(proxyBeanMethods = false)
class OrderEntryRoutes {
  private static final String API_KEY = "apiKey";

  @Bean
  @RouterOperations({
    @RouterOperation(
        path = Endpoints.ORDERS,
        method = RequestMethod.POST,
        beanClass = OrderEntryHandler.class,
        beanMethod = "submit",
        operation =
            @Operation(
                operationId = "submit",
                tags = "orders",
                summary = "Submit an order",
                description =
                    "201 with the order after the exchange's answer (it may already be filled);"
                        + " 200 when the same clientOrderId was sent before for the same order."
                        + " Rejections are problem details with a stable code.",
                security = @SecurityRequirement(name = API_KEY),
                requestBody =
                    @RequestBody(
                        required = true,
                        content =
                            @Content(schema = @Schema(implementation = SubmitOrderRequest.class))),
                responses = {
                  @ApiResponse(
                      responseCode = "201",
                      description = "accepted by the exchange",
                      content = @Content(schema = @Schema(implementation = OrderView.class))),
                  @ApiResponse(
                      responseCode = "200",
                      description = "a retry of an order already sent",
                      content = @Content(schema = @Schema(implementation = OrderView.class)))
                })),
    @RouterOperation(
        path = Endpoints.QUOTES,
        method = RequestMethod.PUT,
        beanClass = OrderEntryHandler.class,
        beanMethod = "quote",
        operation =
            @Operation(
                operationId = "quote",
                tags = "account",
                summary = "Replace the client's two-sided quote",
                description =
                    "Both sides post-only, updated atomically at the exchange. An unchanged side"
                        + " keeps its queue place; a smaller size at the same price too; a side"
                        + " with neither price nor size (or size 0) is cancelled.",
                security = @SecurityRequirement(name = API_KEY),
                requestBody =
                    @RequestBody(
                        required = true,
                        content = @Content(schema = @Schema(implementation = QuoteRequest.class))),
                responses =
                    @ApiResponse(
                        responseCode = "200",
                        description = "the quote as the exchange holds it",
                        content = @Content(schema = @Schema(implementation = QuoteView.class)))))
  })
  RouterFunction<ServerResponse> orderEntry(OrderEntryHandler handler, ProblemHandler problems) {
    return RouterFunctions.route()
        .POST(Endpoints.ORDERS, handler::submit)
        .PUT(Endpoints.QUOTES, handler::quote)
        .onError(ProblemHandler::handles, problems::handle)
        .build();
  }
}
