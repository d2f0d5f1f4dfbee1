package org.mmlab.service.gateway.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.mmlab.api.Endpoints;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.order.KillSwitchRequest;
import org.mmlab.api.order.KillSwitchView;
import org.mmlab.api.order.PositionView;
import org.mmlab.api.order.QuoteView;
import org.mmlab.service.gateway.ApiProblemException;
import org.mmlab.service.gateway.orders.OrderService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The current quote, positions, the instrument and the kill switch (replacing the quote is {@link
 * OrderEntryHandler}'s).
 */
@RestController
@Tag(name = "account")
@SecurityRequirement(name = "apiKey")
class AccountController {
  private final OrderService orders;

  AccountController(OrderService orders) {
    this.orders = orders;
  }

  @GetMapping(Endpoints.QUOTES)
  @Operation(summary = "The client's current quote")
  QuoteView currentQuote(
      @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CLIENT) String client) {
    return orders.currentQuote(client);
  }

  @GetMapping(Endpoints.POSITIONS)
  @Operation(summary = "The client's position, cash and mark-to-market P&L")
  List<PositionView> positions(
      @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.CLIENT) String client) {
    return orders.positions(client);
  }

  @GetMapping(Endpoints.INSTRUMENT)
  @Operation(summary = "The instrument: symbol, tick size, lot size")
  InstrumentInfo instrument() {
    return orders.instrument();
  }

  @GetMapping(Endpoints.KILL_SWITCH)
  @Operation(summary = "Whether the kill switch is engaged")
  KillSwitchView killSwitch() {
    return orders.killSwitch();
  }

  @PutMapping(Endpoints.KILL_SWITCH)
  @Operation(
      summary = "Engage or release the kill switch (admin keys only)",
      description = "Engaging refuses new orders and quotes and cancels every open order.")
  Mono<KillSwitchView> killSwitch(
      @Parameter(hidden = true) @RequestAttribute(ApiKeyFilter.ADMIN) boolean admin,
      @Valid @RequestBody KillSwitchRequest request) {
    if (!admin) {
      throw new ApiProblemException(
          ProblemCode.FORBIDDEN, "only admin keys may use the kill switch");
    }
    return orders.killSwitch(request.engaged());
  }
}
