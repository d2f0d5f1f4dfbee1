package org.mmlab.rl.predictor;

import java.util.ArrayList;
import java.util.List;
import org.mmlab.strategy.MarketContext;
import org.mmlab.strategy.features.FeatureEngine;

/**
 * The predictor's input vector, {@value #SIZE} raw values: the microstructure features of {@link
 * FeatureEngine} except the mid price level, then the event history of {@link EventHistory}.
 *
 * <p>The mid price level ({@link FeatureEngine#MID}) is left out on purpose: it says nothing about
 * the next move's direction and, standardized on one instrument, it would put another instrument
 * (or the same one on another day) far outside the training range. Everything else is a spread, a
 * size, an imbalance or a change, which transfer.
 *
 * <ol start="0">
 *   <li>features 1..11 of {@link FeatureEngine}, in its order: spread, relative spread, bid depth,
 *       ask depth, depth imbalance, order-flow imbalance (1 s), 1 s return, 5 s return, realized
 *       volatility, average trade volume, mid skew;
 *   <li>{@code mid_change_1ev}, {@code mid_change_5ev}, {@code mid_change_20ev}: mid change over
 *       the last 1, 5 and 20 top-of-book events, ticks;
 *   <li>{@code mid_change_horizon}: the mid change over the last {@code H} events, {@code H} being
 *       the predictor's horizon (what the "last move persists" baseline reads), ticks;
 *   <li>{@code ofi_1ev}, {@code ofi_5ev}, {@code ofi_20ev}, {@code ofi_horizon}: order-flow
 *       imbalance of the last 1, 5, 20 and {@code H} events, lots;
 *   <li>{@code mid_moves_20ev}: how many of the last 20 events moved the mid;
 *   <li>{@code seconds_20ev}: seconds spanned by the last 20 events (activity).
 * </ol>
 *
 * <p>Every value is compressed as {@code sign(x)·ln(1 + |x|)} before standardization: depths, trade
 * sizes, order-flow sums and activity are heavy-tailed and drift over a day and between
 * instruments, and a log scale keeps a busy afternoon (or another stock) inside the range the model
 * was trained on. A non-finite feature reads 0.
 */
public final class PredictorInput {
  private static final int[] LAGS = {1, 5, 20};

  /** Microstructure features used (all but the mid level). */
  public static final int MARKET_FEATURES = FeatureEngine.COUNT - 1;

  /** Input length. */
  public static final int SIZE = MARKET_FEATURES + 2 * (LAGS.length + 1) + 2;

  /** Events of the activity inputs. */
  public static final int ACTIVITY_EVENTS = 20;

  private static final List<String> NAMES = buildNames();

  private PredictorInput() {}

  private static List<String> buildNames() {
    List<String> names = new ArrayList<>();
    for (int i = 1; i < FeatureEngine.COUNT; i++) {
      names.add(FeatureEngine.name(i));
    }
    for (int lag : LAGS) {
      names.add("mid_change_" + lag + "ev");
    }
    names.add("mid_change_horizon");
    for (int lag : LAGS) {
      names.add("ofi_" + lag + "ev");
    }
    names.add("ofi_horizon");
    names.add("mid_moves_" + ACTIVITY_EVENTS + "ev");
    names.add("seconds_" + ACTIVITY_EVENTS + "ev");
    return List.copyOf(names);
  }

  /**
   * The input's component names, in order (written to the bundle and checked on load).
   *
   * @return {@value #SIZE} names
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * Fills the input from a decision context (inference).
   *
   * @param ctx the market now
   * @param history the event history
   * @param horizon the predictor's horizon {@code H}, events
   * @param out receives {@value #SIZE} values
   */
  public static void fill(MarketContext ctx, EventHistory history, int horizon, float[] out) {
    for (int i = 1; i < FeatureEngine.COUNT; i++) {
      out[i - 1] = finite(ctx.feature(i));
    }
    fillHistory(history, horizon, out);
  }

  /**
   * Fills the input from a feature engine (dataset building).
   *
   * @param features the features now
   * @param history the event history
   * @param horizon the predictor's horizon {@code H}, events
   * @param out receives {@value #SIZE} values
   */
  public static void fill(FeatureEngine features, EventHistory history, int horizon, float[] out) {
    for (int i = 1; i < FeatureEngine.COUNT; i++) {
      out[i - 1] = finite(features.value(i));
    }
    fillHistory(history, horizon, out);
  }

  private static void fillHistory(EventHistory history, int horizon, float[] out) {
    int k = MARKET_FEATURES;
    for (int lag : LAGS) {
      out[k++] = finite(history.midChange(lag));
    }
    out[k++] = finite(history.midChange(horizon));
    for (int lag : LAGS) {
      out[k++] = finite(history.ofiSum(lag));
    }
    out[k++] = finite(history.ofiSum(horizon));
    out[k++] = finite(history.midMoves(ACTIVITY_EVENTS));
    out[k] = finite(history.secondsSpanned(ACTIVITY_EVENTS));
  }

  private static float finite(double v) {
    if (!Double.isFinite(v)) {
      return 0f;
    }
    return (float) (v >= 0 ? Math.log1p(v) : -Math.log1p(-v));
  }
}
