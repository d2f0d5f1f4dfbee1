package org.mmlab.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Guéant, Lehalle &amp; Fernandez-Tapia (2013), "Dealing with the inventory risk: a solution to the
 * market making problem", Mathematics and Financial Economics 7: the closed-form asymptotic
 * (long-horizon) quotes, in the general form of Guéant (2017), "Optimal market making", Applied
 * Mathematical Finance 24(2), eqs. for {@code δ^b*} and {@code δ^a*}, as used in hftbacktest's GLFT
 * tutorial.
 *
 * <p>With mid {@code s} (ticks), inventory {@code q} (lots), order size {@code Δ} (lots), risk
 * aversion {@code γ}, {@code ξ} (= γ for the paper's utility objective, 0 for the risk-adjusted
 * expectation), volatility {@code σ} (ticks/√s), intensity {@code λ(δ) = A·e^{−kδ}} (A per second,
 * k per tick):
 *
 * <pre>
 *   c1 = 1/(ξΔ) · ln(1 + ξΔ/k)                                  (→ 1/k as ξ → 0)
 *   c2 = sqrt( γ / (2·A·Δ·k) · (1 + ξΔ/k)^(k/(ξΔ) + 1) )        (the power → e as ξ → 0)
 *   δb = c1 + (Δ/2)·σ·c2 + q·σ·c2        bid = s − δb
 *   δa = c1 + (Δ/2)·σ·c2 − q·σ·c2        ask = s + δa
 * </pre>
 *
 * i.e. Guéant's {@code δb ≈ c1 + (2q + Δ)/2 · σ·c2} and {@code δa ≈ c1 − (2q − Δ)/2 · σ·c2}: a half
 * spread {@code c1 + Δ/2·σc2} and a skew {@code σc2} per lot of inventory. There is no horizon (the
 * asymptotic regime), so {@link MarketContext#remainingFraction()} is ignored and live and backtest
 * quotes agree. σ, A and k come from the same {@link MarketParameterEstimator} as
 * Avellaneda–Stoikov. Quotes round away from the mid, never cross the book, and a side whose fill
 * would breach the inventory limit is capped to the room left (not quoted when there is none).
 */
public final class GlftStrategy extends EstimatorStrategy {
  /** Registry name. */
  public static final String NAME = "glft";

  private final Params params;

  /**
   * Parameters.
   *
   * @param gamma ({@code gamma}) risk aversion γ per tick·lot, (0, 1000]; default 0.1
   * @param xi ({@code xi}) ξ, [0, 1000]; NaN (default) = γ
   * @param size ({@code size}) order size Δ in lots, [1, 1e9]; default 1
   * @param estimator σ/A/k estimation, see {@link EstimatorParams}
   */
  public record Params(double gamma, double xi, long size, EstimatorParams estimator) {
    /** The parameter keys: the strategy's own, then the estimator's. */
    public static final List<String> KEYS = EstimatorParams.keysAfter("gamma", "xi", "size");

    /** Validates; messages name the parameter. */
    public Params {
      Checks.openLow("gamma", gamma, 0, 1000);
      if (!Double.isNaN(xi)) {
        Checks.closed("xi", xi, 0, 1000);
      }
      Checks.closed("size", size, 1, 1_000_000_000L);
      if (estimator == null) {
        throw new IllegalArgumentException("estimator parameters must not be null");
      }
    }

    /**
     * The defaults.
     *
     * @return γ 0.1, ξ = γ, size 1, everything estimated
     */
    public static Params defaults() {
      return new Params(0.1, Double.NaN, 1, EstimatorParams.defaults());
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
          r.doubleValue("xi", d.xi),
          r.longValue("size", d.size),
          EstimatorParams.read(r));
    }

    /**
     * ξ in effect.
     *
     * @return {@code xi}, or γ when unset
     */
    public double effectiveXi() {
      return Double.isNaN(xi) ? gamma : xi;
    }

    /**
     * These parameters as strings.
     *
     * @return an ordered map key → value
     */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("gamma", Double.toString(gamma));
      m.put("xi", Double.isNaN(xi) ? "gamma" : Double.toString(xi));
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
  public GlftStrategy(Params params) {
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
   * {@code c1 = 1/(ξΔ)·ln(1 + ξΔ/k)}, or {@code 1/k} when ξΔ = 0.
   *
   * @param xi ξ
   * @param delta Δ, lots
   * @param k per tick
   * @return ticks
   */
  public static double c1(double xi, double delta, double k) {
    double x = xi * delta;
    return x == 0.0 ? 1.0 / k : Math.log1p(x / k) / x;
  }

  /**
   * {@code c2 = sqrt(γ/(2AΔk)·(1 + ξΔ/k)^(k/(ξΔ)+1))}, with the power replaced by its limit e when
   * ξΔ = 0. Multiply by σ for the skew per lot.
   *
   * @param gamma γ
   * @param xi ξ
   * @param delta Δ, lots
   * @param a A, per second
   * @param k per tick
   * @return √s per lot (σ·c2 is ticks per lot)
   */
  public static double c2(double gamma, double xi, double delta, double a, double k) {
    double x = xi * delta;
    double power = x == 0.0 ? Math.E : Math.pow(1.0 + x / k, k / x + 1.0);
    return Math.sqrt(gamma / (2.0 * a * delta * k) * power);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  void quote(MarketContext ctx, double mid, QuoteDecision out) {
    double delta = params.size;
    double xi = params.effectiveXi();
    double k = estimator().k();
    double skew = estimator().sigma() * c2(params.gamma, xi, delta, estimator().a(), k);
    double half = c1(xi, delta, k) + 0.5 * delta * skew;
    double q = ctx.inventory();
    QuotePricing.place(
        ctx, mid - (half + q * skew), mid + (half - q * skew), params.size, params.size, out);
  }
}
