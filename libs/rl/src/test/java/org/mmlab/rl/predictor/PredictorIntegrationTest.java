package org.mmlab.rl.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.env.Observations;
import org.mmlab.rl.policy.PolicyBundle;
import org.mmlab.rl.policy.PolicyBundleException;
import org.mmlab.rl.policy.RlStrategy;
import org.mmlab.rl.ppo.Ppo;
import org.mmlab.rl.ppo.PpoConfig;
import org.mmlab.sim.MarketConditions;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.backtest.BacktestResult;
import org.mmlab.strategy.backtest.Backtester;
import org.mmlab.strategy.features.FeatureConfig;

/** The predictor in the environment, in policy bundles and in the RL strategy. */
class PredictorIntegrationTest {
  private static PredictorBundle predictor;
  private static PredictorBundle other;

  @TempDir static Path dir;

  @BeforeAll
  static void train() throws Exception {
    predictor = TestPredictors.small(1).save(dir.resolve("predictor.zip"));
    other = TestPredictors.small(2).save(dir.resolve("other.zip"));
  }

  private static BacktestConfig market(int steps) {
    return new BacktestConfig(
        "zi",
        MarketConditions.DEFAULT,
        BacktestConfig.DEFAULT_INTERVAL,
        steps,
        50,
        FeatureConfig.defaults());
  }

  @Test
  void theEnvObservesFourteenValuesWithThePredictorScoreLast() {
    MarketMakingEnv plain = new MarketMakingEnv(new EnvConfig(market(100), "spread-inventory"));
    MarketMakingEnv env =
        new MarketMakingEnv(new EnvConfig(market(100), "spread-inventory", predictor));
    assertThat(plain.reset(7)).hasSize(13);
    float[] first = env.reset(7);
    assertThat(first).hasSize(14);
    assertThat(MarketMakingEnv.observationNames(true))
        .hasSize(14)
        .endsWith(Observations.PREDICTOR_SCORE_NAME);
    Set<Float> scores = new HashSet<>();
    int[] action = {2, 2, 0};
    for (int i = 0; i < 60; i++) {
      float[] obs = env.step(action).observation;
      float[] base = plain.step(action).observation;
      // The first 13 are the same market numbers: the predictor only adds.
      for (int k = 0; k < 12; k++) {
        assertThat(obs[k]).isEqualTo(base[k]);
      }
      assertThat(obs[13]).isBetween(-1f, 1f);
      scores.add(obs[13]);
    }
    assertThat(scores.size()).isGreaterThan(10);
  }

  @Test
  void aPolicyRecordsItsPredictorAndRefusesToRunWithoutIt() throws Exception {
    EnvConfig env = new EnvConfig(market(50), "spread-inventory", predictor);
    PpoConfig config =
        PpoConfig.builder().optNSteps(64).optBatchSize(64).optNEpochs(1).optSeed(3).build();
    Path policy = dir.resolve("agent.zip");
    try (Ppo ppo = new Ppo(env, config)) {
      ppo.learn(64, null);
      ppo.save(policy);
    }
    PolicyBundle loaded = PolicyBundle.load(policy, predictor);
    assertThat(loaded.metadata().needsPredictor()).isTrue();
    assertThat(loaded.metadata().observationNames()).hasSize(14);
    assertThat(loaded.metadata().predictor()).containsEntry("sha256", predictor.sha256());

    assertThatThrownBy(() -> PolicyBundle.load(policy))
        .isInstanceOfSatisfying(
            PolicyBundleException.class, e -> assertThat(e.predictorMismatch()).isTrue())
        .hasMessageContaining("trained with the predictor score as its 14th observation")
        .hasMessageContaining(predictor.sha256().substring(0, 12))
        .hasMessageNotContaining("\n");
    assertThatThrownBy(() -> PolicyBundle.load(policy, other))
        .isInstanceOfSatisfying(
            PolicyBundleException.class, e -> assertThat(e.predictorMismatch()).isTrue())
        .hasMessageContaining("is a different one");
    assertThatThrownBy(() -> RlStrategy.load(policy, true)).hasMessageContaining("--use-predictor");

    // With its predictor it runs in the backtester like any strategy.
    BacktestResult r = new Backtester(market(30)).run(() -> load(policy), 1, 11, false);
    assertThat(r.episodes()).hasSize(1);
  }

  @Test
  void aPolicyWithoutThePredictorRefusesOne() throws Exception {
    PpoConfig config =
        PpoConfig.builder().optNSteps(64).optBatchSize(64).optNEpochs(1).optSeed(4).build();
    Path policy = dir.resolve("plain.zip");
    try (Ppo ppo = new Ppo(new EnvConfig(market(50), "spread-inventory"), config)) {
      ppo.learn(64, null);
      ppo.save(policy);
    }
    assertThat(PolicyBundle.load(policy).metadata().needsPredictor()).isFalse();
    assertThatThrownBy(() -> PolicyBundle.load(policy, predictor))
        .hasMessageContaining("trained without the predictor");
  }

  private static RlStrategy load(Path policy) {
    try {
      return RlStrategy.load(policy, predictor, true);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
