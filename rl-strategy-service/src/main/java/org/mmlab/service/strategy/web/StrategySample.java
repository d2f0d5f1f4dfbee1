package org.mmlab.service.strategy.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.mmlab.service.strategy.run.StrategyState;
import org.mmlab.service.strategy.run.StrategyView;

/**
 * One strategy at one instant, as the {@code /ws/strategies} stream carries it.
 *
 * @param id the strategy's id
 * @param type its type
 * @param state where it is in its life
 * @param marketDataLive whether its market-data stream is connected with a valid book
 * @param time wall-clock time of the sample, ms since the epoch
 * @param pnl mark-to-market P&amp;L in the quote currency
 * @param inventory signed inventory, lots
 * @param fills fills so far
 * @param quotes quote updates sent so far
 * @param bidPrice its last bid, null when none
 * @param askPrice its last ask, null when none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StrategySample(
    String id,
    String type,
    StrategyState state,
    boolean marketDataLive,
    long time,
    double pnl,
    long inventory,
    long fills,
    long quotes,
    BigDecimal bidPrice,
    BigDecimal askPrice) {

  static StrategySample of(StrategyView v, long time) {
    return new StrategySample(
        v.id(),
        v.type(),
        v.state(),
        v.marketDataLive(),
        time,
        v.pnl(),
        v.inventory(),
        v.fills(),
        v.quotes(),
        v.bidPrice(),
        v.askPrice());
  }
}
