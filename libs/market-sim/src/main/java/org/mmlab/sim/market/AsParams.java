package org.mmlab.sim.market;

/**
 * The Avellaneda–Stoikov (2008) market: a Brownian mid-price and market orders that reach a random
 * depth, so a quote at distance {@code δ} from the mid is hit with intensity {@code A·exp(−k·δ)}.
 * Units: ticks and seconds.
 *
 * @param initialMid starting mid, ticks
 * @param sigma mid volatility, ticks per √second
 * @param arrivalRate {@code A}: market orders per second per side
 * @param decay {@code k}: per tick; the depth a market order reaches is exponential with mean
 *     {@code 1/k} ticks beyond the mid
 * @param stepSeconds how often the mid moves (and the visible book is republished)
 * @param marketSize lots of each arriving market order
 * @param bookDepth lots shown on each level of the visible (synthetic) book
 */
public record AsParams(
    long initialMid,
    double sigma,
    double arrivalRate,
    double decay,
    double stepSeconds,
    long marketSize,
    long bookDepth) {

  /**
   * Defaults in the spirit of the paper's study (σ = 2, A = 140, k = 1.5 there, per unit of price
   * and time), rescaled to ticks and seconds: 1 tick of volatility per √s, 140 arrivals/s would be
   * unrealistically busy for a one-second decision interval, so A = 2/s and k = 0.5/tick.
   */
  public static final AsParams DEFAULT = new AsParams(10_000, 1.0, 2.0, 0.5, 0.1, 1, 10);

  /** Validates every field, naming the one out of range. */
  public AsParams {
    check(initialMid > 1000, "initialMid", initialMid, "> 1000");
    check(sigma >= 0 && sigma <= 1000, "sigma", sigma, "[0, 1000]");
    check(arrivalRate > 0 && arrivalRate <= 1e5, "arrivalRate", arrivalRate, "(0, 1e5]");
    check(decay > 0 && decay <= 100, "decay", decay, "(0, 100]");
    check(stepSeconds >= 1e-4 && stepSeconds <= 60, "stepSeconds", stepSeconds, "[1e-4, 60]");
    check(marketSize >= 1, "marketSize", marketSize, ">= 1");
    check(bookDepth >= 1, "bookDepth", bookDepth, ">= 1");
  }

  private static void check(boolean ok, String name, double value, String range) {
    if (!ok) {
      throw new IllegalArgumentException(
          "as parameter " + name + " = " + value + " is out of range " + range);
    }
  }
}
