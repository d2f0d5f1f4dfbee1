package org.mmlab.bench;

import java.util.concurrent.TimeUnit;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.sim.SimulatedMarket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Environment steps per second, one thread: one step is one decision interval (1 s of simulated
 * time) with a fixed mid-book action, the full path of training: market events, matching, latency,
 * features, accounting and reward. Episode resets (with the market's warm-up) are included as they
 * happen, every 1000 steps. Also reports the simulator's exchange events per second on the same
 * run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar EnvStepBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EnvStepBenchmark {
  /** The market spec; {@code lobster} means the shared AMZN level-5 day. */
  @Param({"zi", "hawkes", "as", "lobster"})
  public String market;

  private MarketMakingEnv env;
  private final int[] action = {1, 1, 1};
  private long episode;
  private long eventsAtStart;
  private long stepsAtStart;
  private long steps;

  /** Builds the environment. */
  @Setup(Level.Trial)
  public void setUp() {
    String spec =
        market.equals("lobster")
            ? "lobster:" + BenchData.lobster("LOBSTER_SampleFile_AMZN_2012-06-21_5.zip")
            : market;
    env = new MarketMakingEnv(EnvConfig.defaults(spec));
    env.reset(episode++);
  }

  /** Remembers the counters at the start of an iteration. */
  @Setup(Level.Iteration)
  public void mark() {
    eventsAtStart = events();
    stepsAtStart = steps;
  }

  /** Prints the simulator's events per step of the iteration. */
  @TearDown(Level.Iteration)
  public void report() {
    long s = steps - stepsAtStart;
    if (s > 0) {
      System.out.printf(
          "  [%s: %.1f exchange events per step over %d steps]%n",
          market, (events() - eventsAtStart) / (double) s, s);
    }
  }

  private long events() {
    return env.session().market() instanceof SimulatedMarket m ? m.eventsProcessed() : 0;
  }

  /**
   * One environment step.
   *
   * @param bh sink
   */
  @Benchmark
  public void step(Blackhole bh) {
    MarketMakingEnv.Step s = env.step(action);
    steps++;
    bh.consume(s.reward);
    if (s.terminated || s.truncated) {
      env.reset(episode++);
    }
  }
}
