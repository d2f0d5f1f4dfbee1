package org.mmlab.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Avellaneda &amp; Stoikov (2008), "High-frequency trading in a limit order book", Quantitative
 * Finance 8(3): the inventory-skewed quotes of their approximate solution.
 *
 * <p>With mid {@code s} (ticks), inventory {@code q} (lots), risk aversion {@code γ}, volatility
 * {@code σ} (ticks/√s), intensity decay {@code k} (per tick) and time to the horizon {@code τ = T −
 * t} (seconds):
 *
 * <pre>
 *   reservation price   r = s − q·γ·σ²·τ
 *   total spread        δa + δb = γ·σ²·τ + (2/γ)·ln(1 + γ/k)
 *   quotes              bid = r − spread/2,  ask = r + spread/2
 * </pre>
 *
 * rounded away from {@code r} to ticks and never crossing the book. σ and k come from the shared
 * {@link MarketParameterEstimator} (or are fixed by parameters); A does not enter these quotes.
 *
 * <p><b>Horizon.</b> {@code τ = horizon_s × ctx.remainingFraction()}: over a backtest episode τ
 * shrinks linearly from {@code horizon_s} to 0 as in the paper. Live, where there is no end, the
 * context reports a remaining fraction of 1, so τ stays at {@code horizon_s}: a stationary
 * rolling-horizon market maker. Because σ is per √second, {@code horizon_s} sets the scale of the
 * inventory penalty: the default 10 s gives a skew of {@code γσ²τ} = 1 tick per lot at σ = 1
 * tick/√s and γ = 0.1; set it to the episode length for the literal finite-horizon strategy.
 *
 * <p><b>Inventory.</b> {@code q} is in lots (the paper's unit orders); a side whose fill could take
 * {@code |q|} past {@link MarketContext#maxInventory()} is capped to the room left, and not quoted
 * when there is none.
 */
public final class AvellanedaStoikovStrategy extends EstimatorStrategy {
  /** Registry name. */
  public static final String NAME = "avellaneda-stoikov";

  private final Params params;

  /**
   * Parameters.
   *
   * @param gamma ({@code gamma}) risk aversion γ per tick·lot, (0, 1000]; default 0.1 (the paper's)
   * @param horizonSeconds ({@code horizon_s}) the horizon T in seconds, (0, 1e7]; default 10
   * @param size ({@code size}) lots per side, [1, 1e9]; default 1
   * @param estimator σ/A/k estimation, see {@link EstimatorParams}
   */
  public record Params(double gamma, double horizonSeconds, long size, EstimatorParams estimator) {
    /** The parameter keys: the strategy's own, then the estimator's. */
    public static final List<String> KEYS = EstimatorParams.keysAfter("gamma", "horizon_s", "size");

    /** Validates; messages name the parameter. */
    public Params {
      Checks.openLow("gamma", gamma, 0, 1000);
      Checks.openLow("horizon_s", horizonSeconds, 0, 1e7);
      Checks.closed("size", size, 1, 1_000_000_000L);
      if (estimator == null) {
        throw new IllegalArgumentException("estimator parameters must not be null");
      }
    }

    /**
     * The defaults.
     *
     * @return γ 0.1, horizon 10 s, size 1, everything estimated
     */
    public static Params defaults() {
      return new Params(0.1, 10.0, 1, EstimatorParams.defaults());
    }

    /**
     * Parses string parameters; absent keys take their defaults.
     *
     * @param map key → value
     * @return the parameters
     */
    public static Params fromMap(Map<String, String> map) {
      ParamReader r = new ParamReader(NAME, map, KEYS);
      Params d = defaults();
      return new Params(
          r.doubleValue("gamma", d.gamma),
          r.doubleValue("horizon_s", d.horizonSeconds),
          r.longValue("size", d.size),
          EstimatorParams.read(r));
    }

    /**
     * These parameters as strings.
     *
     * @return an ordered map key → value
     */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("gamma", Double.toString(gamma));
      m.put("horizon_s", Double.toString(horizonSeconds));
      m.put("size", Long.toString(size));
      estimator.putInto(m);
      return m;
    }
  }

  /**
   * Creates the strategy.
   *
   * @param params its parameters
   */
  public AvellanedaStoikovStrategy(Params params) {
    super(params.estimator());
    this.params = params;
  }

  /**
   * The parameters.
   *
   * @return the parameters
   */
  public Params params() {
    return params;
  }

  /**
   * The reservation price {@code r = s − q·γ·σ²·τ}.
   *
   * @param mid s, ticks
   * @param inventory q, lots
   * @param gamma γ
   * @param sigma σ, ticks/√s
   * @param tau T − t, seconds
   * @return r, ticks
   */
  public static double reservationPrice(
      double mid, double inventory, double gamma, double sigma, double tau) {
    return mid - inventory * gamma * sigma * sigma * tau;
  }

  /**
   * The optimal total spread {@code γ·σ²·τ + (2/γ)·ln(1 + γ/k)}.
   *
   * @param gamma γ
   * @param sigma σ, ticks/√s
   * @param tau T − t, seconds
   * @param k per tick
   * @return δa + δb, ticks
   */
  public static double optimalSpread(double gamma, double sigma, double tau, double k) {
    return gamma * sigma * sigma * tau + (2.0 / gamma) * Math.log1p(gamma / k);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  void quote(MarketContext ctx, double mid, QuoteDecision out) {
    double remaining = Math.max(0.0, Math.min(1.0, ctx.remainingFraction()));
    double tau = params.horizonSeconds * remaining;
    double sigma = estimator().sigma();
    double r = reservationPrice(mid, ctx.inventory(), params.gamma, sigma, tau);
    double half = 0.5 * optimalSpread(params.gamma, sigma, tau, estimator().k());
    QuotePricing.place(ctx, r - half, r + half, params.size, params.size, out);
  }
}
