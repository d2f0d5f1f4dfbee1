package org.mmlab.rl.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.env.Observations;
import org.mmlab.sim.market.MarketFactory;
import org.mmlab.strategy.QuoteDecision;
import org.mmlab.strategy.Strategy;
import org.mmlab.strategy.StrategyRegistry;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.backtest.BacktestResult;
import org.mmlab.strategy.backtest.Backtester;
import org.mmlab.strategy.backtest.TradingSession;

class StrategyTest {
  @TempDir static Path dir;
  static PolicyBundle a;
  static PolicyBundle b;
  static Path pathA;
  static Path pathB;

  @BeforeAll
  static void train() throws Exception {
    a = TestBundles.trained(31);
    b = TestBundles.trained(32);
    pathA = dir.resolve("a.zip");
    pathB = dir.resolve("b.zip");
    a.save(pathA);
    b.save(pathB);
  }

  /**
   * The strategy, driven as the backtester drives it, sees the environment's observations and
   * quotes as the environment does: same market, same policy, same trajectory bit for bit.
   */
  @Test
  void strategyReproducesTheEnvironmentStepByStep() {
    EnvConfig config = TestBundles.env(300, 1_000_000); // no inventory termination
    BacktestConfig m = config.market();
    long seed = 4242;
    try (Policy policy = a.policy()) {
      MarketMakingEnv env = new MarketMakingEnv(config);
      float[] envObs = env.reset(seed);
      TradingSession session =
          new TradingSession(
              MarketFactory.create(m.marketSpec(), m.conditions()),
              m.features(),
              m.intervalNanos(),
              m.steps(),
              m.maxInventory(),
              false);
      RlStrategy strategy = new RlStrategy(policy.copy(), true);
      strategy.reset(seed);
      session.reset(seed);
      QuoteDecision decision = new QuoteDecision();
      float[] obs = new float[Observations.SIZE];
      long fills = 0;
      for (int t = 0; t < m.steps(); t++) {
        Observations.fill(session.context(), obs);
        assertThat(obs).as("observation at step %d", t).containsExactly(envObs);
        strategy.decide(session.context(), decision);
        session.quote(decision);
        session.advance();
        int[] action = policy.act(envObs, true, null);
        assertThat(strategy.lastAction()).isEqualTo(action);
        MarketMakingEnv.Step s = env.step(action);
        assertThat(session.equity()).as("equity at step %d", t).isEqualTo(s.equity);
        assertThat(session.account().position()).isEqualTo(s.inventory);
        fills += s.filledLots;
        envObs = s.observation;
      }
      assertThat(fills).as("the policy trades").isPositive();
    }
  }

  @Test
  void runsInTheBacktesterThroughTheRegistry() {
    StrategyRegistry registry = RlStrategy.register(StrategyRegistry.builtIn());
    assertThat(registry.names()).contains("rl", "rl-ensemble");
    Strategy rl = registry.create("rl", Map.of("model", pathA.toString()));
    assertThat(rl).isInstanceOf(RlStrategy.class);
    BacktestResult result =
        new Backtester(TestBundles.env(100, 50).market()).run(() -> rl, 2, 1, false);
    assertThat(result.episodes()).hasSize(2);
    assertThat(result.strategy()).isEqualTo("rl");
    Strategy sampled =
        registry.create("rl", Map.of("model", pathA.toString(), "deterministic", "false"));
    assertThat(
            new Backtester(TestBundles.env(50, 50).market())
                .run(() -> sampled, 1, 1, false)
                .episodes())
        .hasSize(1);
  }

  @Test
  void registryErrorsNameTheParameter() {
    StrategyRegistry registry = RlStrategy.register(StrategyRegistry.builtIn());
    assertThatThrownBy(() -> registry.create("rl", Map.of()))
        .hasMessage("strategy 'rl': parameter 'model' (policy bundle path) is required");
    assertThatThrownBy(() -> registry.create("rl", Map.of("model", "x.zip", "temperature", "2")))
        .hasMessageContaining("unknown parameter 'temperature' for strategy 'rl'");
    assertThatThrownBy(() -> registry.create("rl", Map.of("model", dir.resolve("no.zip") + "")))
        .hasMessageContaining("parameter 'model': invalid policy bundle")
        .hasMessageContaining("file not found");
    assertThatThrownBy(
            () -> registry.create("rl", Map.of("model", pathA.toString(), "deterministic", "yes")))
        .hasMessageContaining("parameter 'deterministic' must be true or false");
  }

  @Test
  void ensembleAveragesTheMembersProbabilities() throws Exception {
    StrategyRegistry registry = RlStrategy.register(StrategyRegistry.builtIn());
    EnsembleStrategy ensemble =
        (EnsembleStrategy) registry.create("rl-ensemble", Map.of("models", pathA + "," + pathB));
    MarketMakingEnv env = new MarketMakingEnv(TestBundles.env(50, 50));
    float[] obs = env.reset(3).clone();
    double[][] mean = {new double[11], new double[11], new double[10]};
    ensemble.probabilities(obs, mean);
    float[][] pa = {new float[11], new float[11], new float[10]};
    float[][] pb = {new float[11], new float[11], new float[10]};
    try (Policy x = a.policy();
        Policy y = b.policy()) {
      x.probabilities(obs, pa);
      y.probabilities(obs, pb);
    }
    int[] action = new int[3];
    ensemble.act(obs, action);
    for (int d = 0; d < 3; d++) {
      for (int i = 0; i < mean[d].length; i++) {
        assertThat(mean[d][i]).isCloseTo((pa[d][i] + (double) pb[d][i]) / 2, within(1e-7));
      }
      assertThat(action[d]).isEqualTo(Categorical.argmax(mean[d], mean[d].length));
    }
    // A one-member ensemble is the policy itself.
    try (Policy x = a.policy()) {
      EnsembleStrategy single = new EnsembleStrategy(List.of(x), true);
      single.act(obs, action);
      assertThat(action).containsExactly(x.act(obs, true, null));
    }
  }

  @Test
  void ensembleRejectsMembersOfOtherSpaces() {
    BundleMetadata m = b.metadata();
    List<String> names = new java.util.ArrayList<>(m.observationNames());
    names.set(5, "queue_imbalance");
    BundleMetadata other =
        new BundleMetadata(
            m.formatVersion(),
            m.algorithm(),
            m.createdAt(),
            names,
            m.actionNvec(),
            m.network(),
            m.normalization(),
            m.hyperparameters(),
            m.market(),
            m.seed(),
            m.training(),
            m.needsPredictor(),
            m.predictor(),
            m.versions());
    try (Policy x = a.policy();
        Policy y = new PolicyBundle(other, b.policyParams(), b.valueParams()).policy()) {
      assertThatThrownBy(() -> new EnsembleStrategy(List.of(x, y), true))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "ensemble members do not share spaces: member 1 has feature list [mid_price,")
          .hasMessageContaining("queue_imbalance")
          .hasMessageContaining("but member 0 has [mid_price,");
    }
  }
}
