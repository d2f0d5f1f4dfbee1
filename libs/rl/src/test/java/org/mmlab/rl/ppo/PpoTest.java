package org.mmlab.rl.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.policy.Policy;
import org.mmlab.rl.policy.PolicyBundle;
import org.mmlab.sim.MarketConditions;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.features.FeatureConfig;

class PpoTest {

  /** A zero-intelligence market with short episodes, so truncation bootstraps happen often. */
  static EnvConfig shortEpisodes(int steps) {
    return new EnvConfig(
        new BacktestConfig(
            "zi",
            MarketConditions.DEFAULT,
            BacktestConfig.DEFAULT_INTERVAL,
            steps,
            BacktestConfig.DEFAULT_MAX_INVENTORY,
            FeatureConfig.defaults()),
        "spread-inventory");
  }

  static PpoConfig small(long seed) {
    return PpoConfig.builder()
        .optNEnvs(2)
        .optNSteps(64)
        .optBatchSize(32)
        .optNEpochs(2)
        .optSeed(seed)
        .build();
  }

  @Test
  void sameSeedGivesBitIdenticalParameters() {
    EnvConfig env = shortEpisodes(50);
    PolicyBundle a = train(env, small(7));
    PolicyBundle b = train(env, small(7));
    PolicyBundle c = train(env, small(8));
    assertThat(a.policyParams()).isEqualTo(b.policyParams());
    assertThat(a.valueParams()).isEqualTo(b.valueParams());
    assertThat(a.metadata().normalization()).isEqualTo(b.metadata().normalization());
    assertThat(a.policyParams()).isNotEqualTo(c.policyParams());
  }

  @Test
  void trainingOnAnotherThreadGivesTheSameParameters() throws Exception {
    EnvConfig env = shortEpisodes(50);
    PolicyBundle here = train(env, small(9));
    PolicyBundle[] there = new PolicyBundle[1];
    Thread worker = new Thread(() -> there[0] = train(env, small(9)));
    worker.start();
    worker.join();
    assertThat(there[0].policyParams()).isEqualTo(here.policyParams());
    assertThat(there[0].valueParams()).isEqualTo(here.valueParams());
  }

  private static PolicyBundle train(EnvConfig env, PpoConfig config) {
    try (Ppo ppo = new Ppo(env, config)) {
      ppo.learn(512, null);
      assertThat(ppo.numTimesteps()).isEqualTo(512);
      return ppo.bundle();
    }
  }

  @Test
  void logsEveryRolloutAsSb3() {
    List<RolloutStats> stats = new ArrayList<>();
    try (Ppo ppo = new Ppo(shortEpisodes(50), small(1))) {
      int arrays = ppo.manager().getManagedArrays().size();
      ppo.learn(
          640,
          new TrainingCallback() {
            @Override
            public boolean onRolloutEnd(RolloutStats s) {
              stats.add(s);
              return true;
            }
          });
      // Rollouts and minibatches release everything they allocate (Adam's moments are the only
      // new arrays: two per parameter).
      assertThat(ppo.manager().getManagedArrays().size()).isLessThanOrEqualTo(arrays + 2 * 12);
    }
    assertThat(stats).hasSize(5);
    RolloutStats last = stats.get(4);
    assertThat(last.iteration()).isEqualTo(5);
    assertThat(last.timesteps()).isEqualTo(640);
    // 640 steps of 2 envs with 50-step episodes: 6 episodes each.
    assertThat(last.episodes()).isEqualTo(12);
    assertThat(last.episodeLengthMean()).isEqualTo(50.0);
    assertThat(last.gradientSteps()).isEqualTo(5 * 2 * 4);
    assertThat(last.approxKl()).isFinite().isGreaterThanOrEqualTo(0);
    assertThat(last.clipFraction()).isBetween(0.0, 1.0);
    assertThat(last.entropyLoss()).isNegative();
    assertThat(last.valueLoss()).isPositive();
    assertThat(last.explainedVariance()).isFinite();
    assertThat(last.stepsPerSecond()).isPositive();
    // The first rollout (64 steps per env) already finished one 50-step episode per env.
    assertThat(stats.get(0).episodes()).isEqualTo(2);
    assertThat(stats.get(0).episodeRewardMean()).isFinite();
  }

  @Test
  void aCallbackStopsTraining() {
    try (Ppo ppo = new Ppo(shortEpisodes(50), small(1))) {
      ppo.learn(
          10_000,
          new TrainingCallback() {
            @Override
            public boolean onStep(long timesteps) {
              return timesteps < 100;
            }
          });
      assertThat(ppo.numTimesteps()).isEqualTo(100);
      assertThat(ppo.iterations()).isZero();
    }
  }

  @Test
  void targetKlStopsTheUpdateEarly() {
    PpoConfig config = small(2).toBuilder().optTargetKl(1e-9).build();
    try (Ppo ppo = new Ppo(shortEpisodes(50), config)) {
      ppo.learn(128, null);
      // The first minibatch sees the rollout policy itself (KL ≈ 0) and steps; the next one
      // already exceeds 1.5 × 1e-9 and ends the update (2 epochs × 4 minibatches otherwise).
      assertThat(ppo.lastStats().gradientSteps()).isEqualTo(1);
    }
  }

  @Test
  void progressBarFollowsTheTimesteps() {
    try (Ppo ppo = new Ppo(shortEpisodes(50), small(2))) {
      ppo.learn(256, new ProgressBarCallback());
      assertThat(ppo.numTimesteps()).isEqualTo(256);
    }
  }

  @Test
  void callbacksEvaluateCheckpointLogAndStopEarly(@TempDir Path dir) throws Exception {
    EnvConfig env = shortEpisodes(40);
    StopTrainingOnNoImprovement stop = new StopTrainingOnNoImprovement(0, 1);
    EvalCallback eval =
        EvalCallback.builder(env)
            .optEvalFreq(256)
            .optEpisodes(2)
            .optBestModelPath(dir.resolve("best_model.zip"))
            .optLogDir(dir)
            .optAfterEval(stop)
            .build();
    CheckpointCallback checkpoints = new CheckpointCallback(dir.resolve("ckpt"), 512, "rl_model");
    Path model = dir.resolve("model.zip");
    try (Ppo ppo = new Ppo(env, small(3))) {
      ppo.learn(
          20_000,
          CallbackList.of(
              eval,
              checkpoints,
              CsvLogger.besideModel(model),
              new RewardChart(dir.resolve("reward.png"), 0, eval)));
      ppo.save(model);
      assertThat(ppo.numTimesteps()).isLessThan(20_000);
    }
    // SB3's rule with (0, 1): the second evaluation onwards, the first without a new best stops.
    assertThat(stop.stopped()).isTrue();
    assertThat(eval.results()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(eval.results().get(eval.results().size() - 1).newBest()).isFalse();
    assertThat(eval.results().get(0).newBest()).isTrue();
    assertThat(eval.bestBundle()).isNotNull();
    assertThat(eval.bestBundle().metadata().training().bestEvalReward())
        .isEqualTo(eval.bestMeanReward());
    assertThat(dir.resolve("best_model.zip")).exists();
    assertThat(Files.readAllLines(dir.resolve("evaluations.csv")))
        .hasSize(eval.results().size() + 1);
    assertThat(checkpoints.saved()).isNotEmpty().allSatisfy(p -> assertThat(p).exists());
    assertThat(checkpoints.saved().get(0).getFileName().toString())
        .isEqualTo("rl_model_512_steps.zip");
    List<String> csv = Files.readAllLines(dir.resolve("progress.csv"));
    assertThat(csv.get(0)).startsWith("iteration,timesteps,episodes,ep_rew_mean");
    assertThat(csv).hasSizeGreaterThan(2);
    assertThat(Files.size(dir.resolve("reward.png"))).isPositive();
    assertThat(new byte[] {(byte) 0x89, 'P', 'N', 'G'})
        .isEqualTo(java.util.Arrays.copyOf(Files.readAllBytes(dir.resolve("reward.png")), 4));
  }

  @Test
  void savedModelLoadsPredictsAndKeepsTraining(@TempDir Path dir) throws Exception {
    EnvConfig env = shortEpisodes(50);
    Path path = dir.resolve("m.zip");
    float[] obs;
    int[] action;
    try (Ppo ppo = new Ppo(env, small(4))) {
      ppo.learn(256, null);
      ppo.save(path);
      obs = new org.mmlab.rl.env.MarketMakingEnv(env).reset(99).clone();
      action = ppo.predict(obs, true);
      try (Policy p = ppo.policy()) {
        assertThat(p.act(obs, true, null)).containsExactly(action);
      }
    }
    try (Ppo loaded = Ppo.load(path, env)) {
      assertThat(loaded.numTimesteps()).isEqualTo(256);
      assertThat(loaded.config()).isEqualTo(small(4));
      assertThat(loaded.predict(obs, true)).containsExactly(action);
      loaded.learn(128, null);
      assertThat(loaded.numTimesteps()).isEqualTo(384);
    }
  }

  @Test
  void configValidatesAndNamesTheField() {
    assertThat(PpoConfig.defaults())
        .extracting(
            PpoConfig::learningRate,
            PpoConfig::nSteps,
            PpoConfig::batchSize,
            PpoConfig::nEpochs,
            PpoConfig::gamma,
            PpoConfig::gaeLambda,
            PpoConfig::clipRange,
            PpoConfig::entCoef,
            PpoConfig::vfCoef,
            PpoConfig::maxGradNorm)
        .containsExactly(3e-4, 2048, 64, 10, 0.99, 0.95, 0.2, 0.01, 0.5, 0.5);
    assertThatThrownBy(() -> PpoConfig.builder().optGamma(1.5).build())
        .hasMessageContaining("gamma");
    assertThatThrownBy(() -> PpoConfig.builder().optBatchSize(0).build())
        .hasMessageContaining("batchSize");
    assertThatThrownBy(() -> PpoConfig.builder().optClipRange(-0.1).build())
        .hasMessageContaining("clipRange");
    assertThatThrownBy(() -> PpoConfig.builder().optPolicyHidden(List.of(64, 0)).build())
        .hasMessageContaining("policyHidden");
  }

  /** 40k steps of 2 environments on {@code zi}: the argmax policy must beat uniform random. */
  @Test
  void shortTrainingBeatsTheRandomPolicyOnHeldOutSeeds() {
    EnvConfig env = EnvConfig.defaults("zi");
    PpoConfig config = PpoConfig.builder().optNEnvs(2).optNSteps(512).optSeed(1).build();
    try (Ppo ppo = new Ppo(env, config)) {
      ppo.learn(40_000, null);
      long heldOut = 987_654_321L;
      Evaluation.Result random = Evaluation.evaluate(env, Evaluation.uniformRandom(5), 5, heldOut);
      Evaluation.Result trained;
      try (Policy policy = ppo.policy()) {
        trained = Evaluation.evaluate(env, Evaluation.of(policy, true, 0), 5, heldOut);
      }
      System.out.printf(
          "PPO 40k steps on zi: trained %.1f ± %.1f vs random %.1f ± %.1f (held-out episodes)%n",
          trained.meanReward(), trained.stdReward(), random.meanReward(), random.stdReward());
      assertThat(trained.meanReward()).isGreaterThan(random.meanReward());
    }
  }
}
