package org.mmlab.service.marketdata.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.concurrent.CompletionException;
import org.mmlab.api.Endpoints;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.simulation.SimulationRequest;
import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.service.marketdata.exchange.ExchangeCore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Simulation control: status, start, stop, reset. */
@RestController
@RequestMapping(Endpoints.SIMULATION)
@Tag(name = "simulation", description = "The exchange's market and clock")
class SimulationController {
  private final ExchangeCore core;

  SimulationController(ExchangeCore core) {
    this.core = core;
  }

  @GetMapping
  @Operation(summary = "The market, its clock and its book's top")
  SimulationStatus status() {
    return core.status();
  }

  @PostMapping("/start")
  @Operation(summary = "Start or resume the clock; optional body {\"speed\": 10}")
  Mono<SimulationStatus> start(@Valid @RequestBody(required = false) SimulationRequest request) {
    if (request != null && (request.market() != null || request.seed() != null)) {
      throw new ApiProblemException(
          ProblemCode.VALIDATION_FAILED, "market and seed change only with reset");
    }
    return Mono.fromFuture(() -> core.start(request == null ? null : request.speed()));
  }

  @PostMapping("/stop")
  @Operation(summary = "Stop the clock: the book freezes, new orders are refused")
  Mono<SimulationStatus> stop() {
    return Mono.fromFuture(core::stop);
  }

  @PostMapping("/reset")
  @Operation(
      summary = "Rebuild the market",
      description =
          "Cancels every client order, builds the market from the spec with the seed (absent"
              + " fields keep their values) and warms it up; subscribers get a new snapshot.")
  Mono<SimulationStatus> reset(@Valid @RequestBody(required = false) SimulationRequest request) {
    SimulationRequest r = request == null ? new SimulationRequest(null, null, null) : request;
    // Building a replay reads its file: not on the event loop.
    return Mono.fromCallable(() -> core.reset(r.market(), r.seed(), r.speed()))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(Mono::fromFuture)
        .onErrorMap(CompletionException.class, Throwable::getCause)
        .onErrorMap(
            IllegalArgumentException.class,
            e -> new ApiProblemException(ProblemCode.INVALID_MARKET, e.getMessage()));
  }
}
