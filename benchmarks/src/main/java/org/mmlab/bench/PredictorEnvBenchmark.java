package org.mmlab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.rl.predictor.PredictorDataset;
import org.mmlab.rl.predictor.PredictorTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Environment steps per second with and without the predictor (the 14th observation), one thread,
 * as {@link EnvStepBenchmark}: with the predictor every top-of-book change updates its history and
 * every step runs one inference.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PredictorEnvBenchmark -f 1 -wi 2 -i 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PredictorEnvBenchmark {
  /** The market: {@code zi}, or {@code lobster} for the shared AMZN level-1 day. */
  @Param({"zi", "lobster"})
  public String market;

  /** Whether the predictor is in the observation. */
  @Param({"false", "true"})
  public boolean predictor;

  private MarketMakingEnv env;
  private final int[] action = {1, 1, 1};
  private long episode;

  /** Builds the environment (training a default-shaped predictor briefly on zi when needed). */
  @Setup
  public void setUp() {
    String spec =
        market.equals("lobster")
            ? "lobster:" + BenchData.lobster("LOBSTER_SampleFile_AMZN_2012-06-21_1.zip")
            : market;
    EnvConfig config = EnvConfig.defaults(spec);
    if (predictor) {
      PredictorDataset data = PredictorDataset.record("zi", 10, 20_000, 3_600_000_000_000L, 1);
      PredictorBundle bundle =
          PredictorTrainer.train(
              data, new PredictorTrainer.Options(10, 0.0, List.of(32), 1, 256, 3e-3, 1, 0.7, 0.15));
      config = config.withPredictor(bundle);
    }
    env = new MarketMakingEnv(config);
    env.reset(episode++);
  }

  /**
   * One environment step.
   *
   * @param bh sink
   */
  @Benchmark
  public void step(Blackhole bh) {
    MarketMakingEnv.Step s = env.step(action);
    bh.consume(s.observation[s.observation.length - 1]);
    if (s.terminated || s.truncated) {
      env.reset(episode++);
    }
  }
}
