package org.mmlab.service.strategy.support;

import java.io.IOException;
import java.nio.file.Path;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.ppo.Ppo;
import org.mmlab.rl.ppo.PpoConfig;
import org.mmlab.sim.MarketConditions;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.features.FeatureConfig;

/** A real policy bundle trained for a few hundred steps, so tests never depend on ../models. */
public final class TinyBundle {
  private TinyBundle() {}

  /**
   * Trains and saves a tiny PPO agent on zi.
   *
   * @param dir where to write it
   * @param name file name, e.g. {@code policy.zip}
   * @return the bundle
   * @throws IOException when it cannot be written
   */
  public static Path train(Path dir, String name) throws IOException {
    EnvConfig env =
        new EnvConfig(
            new BacktestConfig(
                "zi",
                MarketConditions.DEFAULT,
                BacktestConfig.DEFAULT_INTERVAL,
                50,
                BacktestConfig.DEFAULT_MAX_INVENTORY,
                FeatureConfig.defaults()),
            "spread-inventory");
    PpoConfig config = PpoConfig.builder().optNSteps(64).optBatchSize(32).optNEpochs(1).build();
    Path bundle = dir.resolve(name);
    try (Ppo ppo = new Ppo(env, config)) {
      ppo.learn(128, null);
      ppo.save(bundle);
    }
    return bundle;
  }
}
