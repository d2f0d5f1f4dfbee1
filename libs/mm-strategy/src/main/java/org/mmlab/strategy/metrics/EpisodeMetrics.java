package org.mmlab.strategy.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metrics of one episode, as computed by {@link MetricsCollector#finish()}. NaN marks a metric
 * that is undefined for the episode (e.g. Sortino without a losing step, realized spread without
 * fills); {@link #toJsonMap()} writes it as {@code null}.
 *
 * @param pnl equity at the last step minus equity at the first, ticks × lots
 * @param sharpe annualized Sharpe ratio of per-step equity changes: {@code mean / std ×
 *     √periodsPerYear} (sample std, n − 1); NaN with fewer than 2 returns or zero variance
 * @param sortino annualized Sortino ratio: {@code mean / sqrt(mean(min(r, 0)²)) × √periodsPerYear}
 *     (target 0, downside over all steps); NaN without a negative step
 * @param maxDrawdown largest fall of equity from its running peak (peak starts at the first step),
 *     ticks × lots, ≥ 0
 * @param fillRate filled quote-sides / posted quote-sides, in [0, 1]: a posted quote-side is one
 *     side quoted with size &gt; 0 at one decision; it is filled if at least one fill hit it before
 *     the next decision
 * @param realizedSpread size-weighted mean of {@code |fill price − mid at fill|}, ticks
 * @param signedSpread size-weighted mean of {@code side × (mid at fill − price)}: the edge at the
 *     fill, negative when we bought above (sold below) the mid, ticks
 * @param realizedSpread1s size-weighted mean of {@code side × (mid 1 s after the fill − price)},
 *     ticks: what the fill earned once the market moved; below {@link #signedSpread} means adverse
 *     selection. Fills with no mid observed 1 s later (end of episode) are left out
 * @param realizedSpread5s the same 5 s after, ticks
 * @param twaInventory time-weighted average signed inventory from the first step to the last event,
 *     with inventory changing at each fill, lots
 * @param meanAbsPosition time-weighted average of {@code |inventory|}, lots
 * @param trades number of our fills
 * @param volume our traded lots
 * @param meanMarketSpread mean of the market spread over the steps, ticks
 * @param pnlPerSpread {@code pnl / meanMarketSpread}: P&amp;L in units of the average spread, lots
 * @param finalInventory inventory at the end, lots
 * @param steps number of steps
 * @param quoteSidesPosted posted quote-sides (the fill-rate denominator)
 * @param quoteSidesFilled filled quote-sides (the fill-rate numerator)
 * @param durationSeconds time from the first step to the last event, seconds
 */
public record EpisodeMetrics(
    double pnl,
    double sharpe,
    double sortino,
    double maxDrawdown,
    double fillRate,
    double realizedSpread,
    double signedSpread,
    double realizedSpread1s,
    double realizedSpread5s,
    double twaInventory,
    double meanAbsPosition,
    long trades,
    long volume,
    double meanMarketSpread,
    double pnlPerSpread,
    long finalInventory,
    long steps,
    long quoteSidesPosted,
    long quoteSidesFilled,
    double durationSeconds) {

  /**
   * The metrics keyed in snake_case, in a fixed order starting with {@code pnl, sharpe, sortino,
   * max_drawdown, fill_rate, realized_spread, twa_inventory, mean_abs_position, trades, volume}.
   * Doubles are {@link Double}s (null when undefined), counts {@link Long}s.
   *
   * @return a new ordered map
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pnl", num(pnl));
    m.put("sharpe", num(sharpe));
    m.put("sortino", num(sortino));
    m.put("max_drawdown", num(maxDrawdown));
    m.put("fill_rate", num(fillRate));
    m.put("realized_spread", num(realizedSpread));
    m.put("twa_inventory", num(twaInventory));
    m.put("mean_abs_position", num(meanAbsPosition));
    m.put("trades", trades);
    m.put("volume", volume);
    m.put("signed_spread", num(signedSpread));
    m.put("realized_spread_1s", num(realizedSpread1s));
    m.put("realized_spread_5s", num(realizedSpread5s));
    m.put("mean_market_spread", num(meanMarketSpread));
    m.put("pnl_per_spread", num(pnlPerSpread));
    m.put("final_inventory", finalInventory);
    m.put("steps", steps);
    m.put("quote_sides_posted", quoteSidesPosted);
    m.put("quote_sides_filled", quoteSidesFilled);
    m.put("duration_s", num(durationSeconds));
    return m;
  }

  private static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
