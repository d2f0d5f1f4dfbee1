package org.mmlab.rl.env;

import java.util.List;
import org.mmlab.rl.predictor.Predictor;
import org.mmlab.strategy.MarketContext;
import org.mmlab.strategy.features.FeatureEngine;

/**
 * Builds the RL observation from a {@link MarketContext}: the one definition shared by the training
 * environment and every place a policy runs (backtests, live service), so a policy sees the same
 * numbers everywhere.
 *
 * <p>{@value #SIZE} floats: the 12 {@link FeatureEngine} features in their order (a non-finite
 * feature reads 0), then {@code inventory / maxInventory}; with a predictor, a 14th: its score
 * {@code P(up) − P(down)} ({@link Predictor#score}). Raw values: normalization belongs to the
 * policy.
 */
public final class Observations {
  /** Observation length without the predictor. */
  public static final int SIZE = FeatureEngine.COUNT + 1;

  /** Observation length with the predictor. */
  public static final int SIZE_WITH_PREDICTOR = SIZE + 1;

  /** Index of the inventory ratio. */
  public static final int INVENTORY_RATIO = FeatureEngine.COUNT;

  /** Index of the predictor score (when present). */
  public static final int PREDICTOR_SCORE = SIZE;

  /** Name of the predictor score in feature lists. */
  public static final String PREDICTOR_SCORE_NAME = "predictor_score";

  private Observations() {}

  /**
   * Fills an observation without the predictor.
   *
   * @param ctx the market now
   * @param out receives {@value #SIZE} values
   */
  public static void fill(MarketContext ctx, float[] out) {
    for (int i = 0; i < FeatureEngine.COUNT; i++) {
      double v = ctx.feature(i);
      out[i] = Double.isFinite(v) ? (float) v : 0f;
    }
    out[INVENTORY_RATIO] = (float) (ctx.inventory() / (double) ctx.maxInventory());
  }

  /**
   * Fills an observation, with the predictor score when there is a predictor.
   *
   * @param ctx the market now
   * @param predictor the predictor (fed every top-of-book change), or null
   * @param out receives {@link #size(boolean)} values
   */
  public static void fill(MarketContext ctx, Predictor predictor, float[] out) {
    fill(ctx, out);
    if (predictor != null) {
      out[PREDICTOR_SCORE] = (float) predictor.score(ctx);
    }
  }

  /**
   * Observation length.
   *
   * @param withPredictor whether the predictor score is included
   * @return 13 or 14
   */
  public static int size(boolean withPredictor) {
    return withPredictor ? SIZE_WITH_PREDICTOR : SIZE;
  }

  /**
   * Names of the components without the predictor, in order.
   *
   * @return the names
   */
  public static List<String> names() {
    return MarketMakingEnv.observationNames();
  }

  /**
   * Names of the components, in order.
   *
   * @param withPredictor whether the predictor score is included
   * @return the names
   */
  public static List<String> names(boolean withPredictor) {
    return MarketMakingEnv.observationNames(withPredictor);
  }
}
