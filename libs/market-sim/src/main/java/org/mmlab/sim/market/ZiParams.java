package org.mmlab.sim.market;

/**
 * Rates of the zero-intelligence order flow (Smith, Farmer, Gillemot &amp; Krishnamurthy 2003, in
 * the price-level form of Cont, Stoikov &amp; Talreja 2010). All rates are per second of simulated
 * time and per side.
 *
 * <p>A limit buy arrives at distance {@code d} ticks below the best ask (a sell above the best
 * bid), {@code d = 1..levels}, at rate {@code limitRate · d^(−limitDecay)}; {@code d} below the
 * spread improves the best price. Market orders arrive at {@code marketRate}; each resting flow
 * order is cancelled at {@code cancelRate}. Sizes are uniform on their ranges, in lots.
 *
 * @param levels farthest distance (ticks from the opposite best) at which limit orders arrive
 * @param limitRate limit-order rate at distance 1, per second
 * @param limitDecay power-law exponent of the rate over distance, {@code >= 0}
 * @param marketRate market-order rate, per second
 * @param cancelRate cancellation rate of each resting order, per second
 * @param limitSizeMin smallest limit order, lots
 * @param limitSizeMax largest limit order, lots
 * @param marketSizeMin smallest market order, lots
 * @param marketSizeMax largest market order, lots
 * @param initialPrice price (ticks) around which the book starts
 * @param warmUpSeconds simulated seconds the flow runs before the agent starts
 */
public record ZiParams(
    int levels,
    double limitRate,
    double limitDecay,
    double marketRate,
    double cancelRate,
    long limitSizeMin,
    long limitSizeMax,
    long marketSizeMin,
    long marketSizeMax,
    long initialPrice,
    double warmUpSeconds) {

  /**
   * Defaults chosen for a realistic book: spread mostly 1–3 ticks and resting depth on about 20
   * levels a side (see {@code ZiMarketTest}).
   */
  public static final ZiParams DEFAULT =
      new ZiParams(20, 0.5, 0.2, 0.5, 0.05, 1, 5, 1, 10, 10_000, 100);

  /** Validates every field, naming the one out of range. */
  public ZiParams {
    check(levels >= 1 && levels <= 1000, "levels", levels, "[1, 1000]");
    check(limitRate > 0 && limitRate <= 1e6, "limitRate", limitRate, "(0, 1e6]");
    check(limitDecay >= 0 && limitDecay <= 5, "limitDecay", limitDecay, "[0, 5]");
    check(marketRate >= 0 && marketRate <= 1e6, "marketRate", marketRate, "[0, 1e6]");
    check(cancelRate > 0 && cancelRate <= 1e3, "cancelRate", cancelRate, "(0, 1e3]");
    check(limitSizeMin >= 1 && limitSizeMax >= limitSizeMin, "limitSize", limitSizeMin, ">= 1");
    check(
        marketSizeMin >= 1 && marketSizeMax >= marketSizeMin, "marketSize", marketSizeMin, ">= 1");
    check(initialPrice > levels * 4L, "initialPrice", initialPrice, "> 4 x levels");
    check(
        warmUpSeconds >= 0 && warmUpSeconds <= 86_400,
        "warmUpSeconds",
        warmUpSeconds,
        "[0, 86400]");
  }

  private static void check(boolean ok, String name, double value, String range) {
    if (!ok) {
      throw new IllegalArgumentException(
          "zi parameter " + name + " = " + value + " is out of range " + range);
    }
  }

  /**
   * Limit-order rate at a distance.
   *
   * @param d ticks from the opposite best, 1..levels
   * @return orders per second
   */
  public double limitRateAt(int d) {
    return limitRate * StrictMath.pow(d, -limitDecay);
  }
}
