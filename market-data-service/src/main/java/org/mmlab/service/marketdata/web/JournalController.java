package org.mmlab.service.marketdata.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.mmlab.api.ProblemCode;
import org.mmlab.service.marketdata.exchange.ExchangeCore;
import org.mmlab.service.marketdata.exchange.JournalStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /internal/exchange}: the journal's state and the exchange's state hash, for operators and
 * the recovery tests (behind the internal token, like the gateway's socket).
 */
@RestController
@Tag(name = "internal", description = "Operator views of the exchange (internal token)")
class JournalController {
  private final ExchangeCore core;

  JournalController(ExchangeCore core) {
    this.core = core;
  }

  /**
   * The exchange's state.
   *
   * @param stateHash hash of the book, market time, client orders and accounts, as a hex string
   * @param journal the journal, or null when the exchange keeps none
   */
  record ExchangeState(String stateHash, JournalStatus journal) {}

  @GetMapping("/internal/exchange/state")
  @Operation(summary = "State hash and journal status (recovery figures after a restart)")
  Mono<ExchangeState> state() {
    return Mono.fromFuture(core::stateHashNow)
        .map(h -> new ExchangeState(Long.toHexString(h), core.journalStatus()));
  }

  @GetMapping("/internal/exchange/journal")
  @Operation(summary = "The journal's status")
  JournalStatus journal() {
    JournalStatus s = core.journalStatus();
    if (s == null) {
      throw new ApiProblemException(
          ProblemCode.NOT_FOUND, "the exchange keeps no journal (mmlab.exchange.journal-dir)");
    }
    return s;
  }
}
