package org.mmlab.service.strategy.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.mmlab.service.strategy.run.StartStrategyRequest;
import org.mmlab.service.strategy.run.StrategyService;
import org.mmlab.service.strategy.run.StrategyView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/strategies}: start, list, status, stop. */
@RestController
@RequestMapping(StrategyController.PATH)
class StrategyController {
  static final String PATH = "/api/v1/strategies";

  private final StrategyService strategies;

  StrategyController(StrategyService strategies) {
    this.strategies = strategies;
  }

  @PostMapping
  @Operation(
      summary = "Start a strategy",
      description =
          "type: rl | ensemble | symmetric | avellaneda-stoikov | glft; modelPath for rl and"
              + " ensemble (comma-separated bundles); params override the defaults; apiKey, default"
              + " the first free key of the pool: 409 API_KEY_IN_USE when a running strategy holds"
              + " it, API_KEY_POOL_EXHAUSTED when every pool key is held.")
  ResponseEntity<StrategyView> start(@Valid @RequestBody StartStrategyRequest request) {
    StrategyView v = strategies.start(request);
    return ResponseEntity.created(URI.create(PATH + "/" + v.id())).body(v);
  }

  @GetMapping
  @Operation(summary = "Every strategy started, running or stopped")
  List<StrategyView> list() {
    return strategies.list();
  }

  @GetMapping("/{id}")
  @Operation(summary = "A strategy's status: state, P&L, inventory, fills, quotes")
  StrategyView status(@PathVariable String id) {
    return strategies.status(id);
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Stop a strategy and cancel its quote")
  StrategyView stop(@PathVariable String id) {
    return strategies.stop(id);
  }
}
