package org.mmlab.service.strategy.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.policy.RlStrategy;
import org.mmlab.rl.ppo.Ppo;
import org.mmlab.rl.ppo.PpoConfig;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.rl.predictor.PredictorDataset;
import org.mmlab.rl.predictor.PredictorTrainer;
import org.mmlab.service.strategy.support.TinyBundle;
import org.mmlab.sim.MarketConditions;
import org.mmlab.strategy.MutableMarketContext;
import org.mmlab.strategy.QuoteDecision;
import org.mmlab.strategy.Strategy;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.features.FeatureConfig;

class StrategyCatalogTest {
  final StrategyCatalog catalog = new StrategyCatalog();

  static StartStrategyRequest request(String type, String modelPath, Map<String, Object> params) {
    return new StartStrategyRequest(type, modelPath, params, null);
  }

  static void assertProblem(StartStrategyRequest r, ProblemCode p) {
    assertThatThrownBy(() -> new StrategyCatalog().create(r))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo(p));
  }

  @Test
  void theClassicMarketMakersStartWithTheirDefaultsOrGivenParameters() {
    assertThat(catalog.types())
        .contains("rl", "ensemble", "symmetric", "avellaneda-stoikov", "glft");
    Strategy s = catalog.create(request("symmetric", null, null));
    MutableMarketContext ctx =
        new MutableMarketContext().book(9_999, 5, 10_003, 5).feature(0, 10_001);
    QuoteDecision d = new QuoteDecision();
    s.decide(ctx, d);
    assertThat(d.bidSize()).isEqualTo(1);
    assertThat(d.bidPrice()).isLessThan(d.askPrice());
    Strategy wide =
        catalog.create(request("symmetric", null, Map.of("half_spread", 3, "size", "2")));
    wide.decide(ctx, d);
    assertThat(d.bidSize()).isEqualTo(2);
    assertThat(catalog.create(request("avellaneda-stoikov", null, null)).name())
        .isEqualTo("avellaneda-stoikov");
    assertThat(catalog.create(request("glft", null, Map.of())).name()).isEqualTo("glft");
  }

  @Test
  void badRequestsNameTheirProblem() {
    assertProblem(request("martingale", null, null), ProblemCode.UNKNOWN_STRATEGY_TYPE);
    assertProblem(request("rl", null, null), ProblemCode.MODEL_PATH_REQUIRED);
    assertProblem(request("rl", "/nonexistent/x.zip", null), ProblemCode.INVALID_BUNDLE);
    assertProblem(
        request("rl", "/nonexistent/x.zip", Map.of("deterministic", "maybe")),
        ProblemCode.INVALID_PARAMS);
    assertProblem(request("symmetric", null, Map.of("size", 0)), ProblemCode.INVALID_PARAMS);
  }

  @Test
  void aTrainedBundleLoadsAsAnRlStrategy(@TempDir Path dir) throws Exception {
    Path copy = TinyBundle.train(dir, "bundle.zip");
    Strategy s = catalog.create(request("rl", copy.toString(), Map.of("deterministic", true)));
    assertThat(s.name()).isNotBlank();
    Strategy e = catalog.create(request("ensemble", copy + "," + copy, Map.of()));
    assertThat(e.name()).isNotBlank();
  }

  @Test
  void aPolicyTrainedWithThePredictorStartsOnlyWithItsOwnPredictor(@TempDir Path dir)
      throws Exception {
    Path predictor = predictor(dir.resolve("predictor.zip"), 1);
    Path other = predictor(dir.resolve("other.zip"), 2);
    Path policy = dir.resolve("agent.zip");
    EnvConfig env =
        new EnvConfig(
            new BacktestConfig(
                "zi",
                MarketConditions.DEFAULT,
                BacktestConfig.DEFAULT_INTERVAL,
                50,
                BacktestConfig.DEFAULT_MAX_INVENTORY,
                FeatureConfig.defaults()),
            "spread-inventory",
            PredictorBundle.load(predictor));
    try (Ppo ppo =
        new Ppo(env, PpoConfig.builder().optNSteps(64).optBatchSize(32).optNEpochs(1).build())) {
      ppo.learn(64, null);
      ppo.save(policy);
    }
    Strategy s =
        catalog.create(
            new StartStrategyRequest(
                "rl", policy.toString(), Map.of(), null, true, predictor.toString()));
    assertThat(((RlStrategy) s).predictor()).isNotNull();

    assertThatThrownBy(() -> catalog.create(request("rl", policy.toString(), Map.of())))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.code()).isEqualTo(ProblemCode.PREDICTOR_MISMATCH))
        .hasMessageContaining("14th observation");
    assertProblem(
        new StartStrategyRequest("rl", policy.toString(), null, null, true, other.toString()),
        ProblemCode.PREDICTOR_MISMATCH);
    assertProblem(
        new StartStrategyRequest(
            "rl", policy.toString(), null, null, true, dir.resolve("none.zip").toString()),
        ProblemCode.INVALID_BUNDLE);
    assertProblem(
        new StartStrategyRequest("symmetric", null, null, null, true, predictor.toString()),
        ProblemCode.INVALID_PARAMS);
    assertProblem(
        new StartStrategyRequest("rl", policy.toString(), null, null, false, predictor.toString()),
        ProblemCode.INVALID_PARAMS);
  }

  private static Path predictor(Path path, long seed) throws Exception {
    PredictorDataset data = PredictorDataset.record("zi", 5, 6_000, 3_600_000_000_000L, seed);
    return PredictorTrainer.train(
            data,
            new PredictorTrainer.Options(
                5, 0.0, java.util.List.of(8), 1, 128, 3e-3, seed, 0.7, 0.15))
        .save(path)
        .path();
  }
}
