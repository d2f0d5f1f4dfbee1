package org.mmlab.service.strategy.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * A strategy as {@code GET /api/v1/strategies/{id}} shows it.
 *
 * @param id the strategy's id
 * @param type its type
 * @param name the strategy's own name (e.g. {@code symmetric}, {@code rl})
 * @param modelPath the bundle(s), for {@code rl} and {@code ensemble}
 * @param params the parameters it was started with
 * @param state where it is in its life
 * @param startedAt when it started
 * @param stoppedAt when it stopped
 * @param marketDataLive whether its market-data stream is connected with a valid book
 * @param pnl mark-to-market P&amp;L of its fills in the quote currency (cash + inventory × mid)
 * @param inventory signed inventory, lots
 * @param position signed inventory in the instrument's size units
 * @param fills fills received on the execution stream
 * @param quotes quote updates sent
 * @param quoteRejects quote updates refused (a side rejected, or the call failed)
 * @param bidPrice its last bid, null when none
 * @param bidSize its last bid size
 * @param askPrice its last ask, null when none
 * @param askSize its last ask size
 * @param keySlot which key of {@code mmlab.strategy.api-keys} it trades under, 1 for the first;
 *     absent when the start request named a key outside the pool. The key itself is a credential
 *     and is never shown.
 * @param lastError the last error, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StrategyView(
    String id,
    String type,
    String name,
    String modelPath,
    Map<String, String> params,
    StrategyState state,
    Instant startedAt,
    Instant stoppedAt,
    boolean marketDataLive,
    double pnl,
    long inventory,
    BigDecimal position,
    long fills,
    long quotes,
    long quoteRejects,
    BigDecimal bidPrice,
    BigDecimal bidSize,
    BigDecimal askPrice,
    BigDecimal askSize,
    Integer keySlot,
    String lastError) {}
