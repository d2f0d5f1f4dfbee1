package org.mmlab.rl.env;

import java.util.List;
import org.mmlab.strategy.MarketContext;
import org.mmlab.strategy.features.FeatureEngine;

/**
 * Builds the RL observation from a {@link MarketContext}: the one definition shared by the training
 * environment and every place a policy runs (backtests, live service), so a policy sees the same
 * numbers everywhere.
 *
 * <p>{@value #SIZE} floats: the 12 {@link FeatureEngine} features in their order (a non-finite
 * feature reads 0), then {@code inventory / maxInventory}. Raw values: normalization belongs to the
 * policy ({@link NormalizationStats}).
 */
public final class Observations {
  /** Observation length without the predictor. */
  public static final int SIZE = FeatureEngine.COUNT + 1;

  /** Index of the inventory ratio. */
  public static final int INVENTORY_RATIO = FeatureEngine.COUNT;

  private Observations() {}

  /**
   * Fills an observation.
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
   * Names of the components, in order (as {@link MarketMakingEnv#observationNames()}).
   *
   * @return the names
   */
  public static List<String> names() {
    return MarketMakingEnv.observationNames();
  }
}
