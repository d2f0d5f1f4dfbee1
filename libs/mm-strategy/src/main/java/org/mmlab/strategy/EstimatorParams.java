package org.mmlab.strategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Settings of the online {@link MarketParameterEstimator} shared by Avellaneda–Stoikov and GLFT.
 *
 * <p>String keys (for {@link StrategyRegistry}) in parentheses.
 *
 * @param windowSeconds ({@code window_s}) trade window of the intensity fit, seconds, (0, 86400];
 *     default 300
 * @param volatilityWindowSeconds ({@code vol_window_s}) window of the σ estimate, whole seconds of
 *     1 s mid changes, [2, 86400]; default 60
 * @param minTrades ({@code min_trades}) trades in the window before A and k are fitted, [2, 1e6];
 *     default 50
 * @param sigma ({@code sigma}) fixed σ in ticks per √s, (0, 1e6]; NaN (default) = estimate online
 * @param k ({@code k}) fixed intensity decay k per tick, (0, 1e4]; NaN (default) = estimate
 * @param a ({@code a}) fixed intensity A per second, (0, 1e9]; NaN (default) = estimate
 * @param sigmaFallback ({@code sigma_fallback}) σ used until 10 one-second samples exist, (0, 1e6];
 *     default 1 tick/√s
 * @param kFallback ({@code k_fallback}) k used until the fit succeeds, (0, 1e4]; default 1.5 per
 *     tick
 * @param aFallback ({@code a_fallback}) A used until the fit succeeds, (0, 1e9]; default 1 per s
 */
public record EstimatorParams(
    double windowSeconds,
    long volatilityWindowSeconds,
    long minTrades,
    double sigma,
    double k,
    double a,
    double sigmaFallback,
    double kFallback,
    double aFallback) {

  /** The parameter keys, in documentation order. */
  public static final List<String> KEYS =
      List.of(
          "window_s",
          "vol_window_s",
          "min_trades",
          "sigma",
          "k",
          "a",
          "sigma_fallback",
          "k_fallback",
          "a_fallback");

  /**
   * A strategy's parameter keys: its own, then the estimator's.
   *
   * @param own the strategy's own keys
   * @return an unmodifiable list
   */
  static List<String> keysAfter(String... own) {
    List<String> keys = new ArrayList<>(List.of(own));
    keys.addAll(KEYS);
    return Collections.unmodifiableList(keys);
  }

  /** Validates every field; messages name the parameter key. */
  public EstimatorParams {
    Checks.openLow("window_s", windowSeconds, 0, 86_400);
    Checks.closed("vol_window_s", volatilityWindowSeconds, 2, 86_400);
    Checks.closed("min_trades", minTrades, 2, 1_000_000);
    Checks.nanOrOpenLow("sigma", sigma, 0, 1e6);
    Checks.nanOrOpenLow("k", k, 0, 1e4);
    Checks.nanOrOpenLow("a", a, 0, 1e9);
    Checks.openLow("sigma_fallback", sigmaFallback, 0, 1e6);
    Checks.openLow("k_fallback", kFallback, 0, 1e4);
    Checks.openLow("a_fallback", aFallback, 0, 1e9);
  }

  /**
   * The defaults: everything estimated online.
   *
   * @return default settings
   */
  public static EstimatorParams defaults() {
    return new EstimatorParams(300, 60, 50, Double.NaN, Double.NaN, Double.NaN, 1.0, 1.5, 1.0);
  }

  /**
   * Fixed σ, k and A: no estimation (for hand-computed tests and calibrated runs).
   *
   * @param sigma ticks per √s
   * @param k per tick
   * @param a per second
   * @return settings with the three values fixed
   */
  public static EstimatorParams fixed(double sigma, double k, double a) {
    EstimatorParams d = defaults();
    return new EstimatorParams(
        d.windowSeconds,
        d.volatilityWindowSeconds,
        d.minTrades,
        sigma,
        k,
        a,
        d.sigmaFallback,
        d.kFallback,
        d.aFallback);
  }

  static EstimatorParams read(ParamReader r) {
    EstimatorParams d = defaults();
    return new EstimatorParams(
        r.doubleValue("window_s", d.windowSeconds),
        r.longValue("vol_window_s", d.volatilityWindowSeconds),
        r.longValue("min_trades", d.minTrades),
        r.doubleValue("sigma", d.sigma),
        r.doubleValue("k", d.k),
        r.doubleValue("a", d.a),
        r.doubleValue("sigma_fallback", d.sigmaFallback),
        r.doubleValue("k_fallback", d.kFallback),
        r.doubleValue("a_fallback", d.aFallback));
  }

  void putInto(Map<String, String> out) {
    out.put("window_s", Double.toString(windowSeconds));
    out.put("vol_window_s", Long.toString(volatilityWindowSeconds));
    out.put("min_trades", Long.toString(minTrades));
    out.put("sigma", Double.isNaN(sigma) ? "estimated" : Double.toString(sigma));
    out.put("k", Double.isNaN(k) ? "estimated" : Double.toString(k));
    out.put("a", Double.isNaN(a) ? "estimated" : Double.toString(a));
    out.put("sigma_fallback", Double.toString(sigmaFallback));
    out.put("k_fallback", Double.toString(kFallback));
    out.put("a_fallback", Double.toString(aFallback));
  }

  /**
   * These settings as string parameters ({@code "estimated"} for values left to the estimator).
   *
   * @return an ordered map key → value
   */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    putInto(m);
    return m;
  }
}
