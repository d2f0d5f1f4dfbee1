package org.mmlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.predictor.Predictor;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.rl.predictor.PredictorDataset;
import org.mmlab.rl.predictor.PredictorInput;
import org.mmlab.rl.predictor.PredictorTrainer;

/**
 * The predictor's cost in thread CPU time rather than wall time, for a machine shared with other
 * jobs (where JMH's wall-clock figures swing with the load): environment steps per CPU-second with
 * and without the predictor, measured in alternating blocks so both see the same conditions, and
 * the CPU time of one event plus one inference.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar
 * org.mmlab.bench.PredictorCpuTimeBenchmark [blocks]} from the project root.
 */
public final class PredictorCpuTimeBenchmark {
  private static final int STEPS_PER_BLOCK = 20_000;

  private PredictorCpuTimeBenchmark() {}

  /**
   * Runs the measurement.
   *
   * @param args optional number of alternating blocks (default 6)
   */
  public static void main(String[] args) {
    int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    PredictorDataset data = PredictorDataset.record("zi", 20, 20_000, 3_600_000_000_000L, 1);
    PredictorBundle bundle =
        PredictorTrainer.train(data, PredictorTrainer.Options.defaults(20, 0.5, 1));
    for (String market : List.of("zi", "lobster")) {
      String spec =
          market.equals("lobster")
              ? "lobster:" + BenchData.lobster("LOBSTER_SampleFile_AMZN_2012-06-21_1.zip")
              : market;
      MarketMakingEnv plain = new MarketMakingEnv(EnvConfig.defaults(spec));
      MarketMakingEnv with = new MarketMakingEnv(EnvConfig.defaults(spec).withPredictor(bundle));
      long[] episode = {0, 0};
      plain.reset(episode[0]++);
      with.reset(episode[1]++);
      run(plain, episode, 0, STEPS_PER_BLOCK);
      run(with, episode, 1, STEPS_PER_BLOCK);
      long plainNanos = 0;
      long withNanos = 0;
      for (int b = 0; b < blocks; b++) {
        long t0 = mx.getCurrentThreadCpuTime();
        run(plain, episode, 0, STEPS_PER_BLOCK);
        long t1 = mx.getCurrentThreadCpuTime();
        run(with, episode, 1, STEPS_PER_BLOCK);
        long t2 = mx.getCurrentThreadCpuTime();
        plainNanos += t1 - t0;
        withNanos += t2 - t1;
      }
      double steps = (double) blocks * STEPS_PER_BLOCK;
      System.out.printf(
          Locale.ROOT,
          "%s: %.0f steps per CPU-second without the predictor, %.0f with (%.2fx the cost)%n",
          market,
          steps / (plainNanos / 1e9),
          steps / (withNanos / 1e9),
          (double) withNanos / plainNanos);
    }
    Predictor p = bundle.predictor();
    float[][] inputs = new float[1024][PredictorInput.SIZE];
    for (int k = 0; k < inputs.length; k++) {
      data.input(k, inputs[k]);
    }
    double[] probs = new double[3];
    double sink = 0;
    int n = 2_000_000;
    for (int warm = 0; warm < 2; warm++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        int k = i & 1023;
        p.onTopOfBook(i, 1000 - (i & 1), 5 + (i & 3), 1002 + (i & 1), 7 - (i & 3));
        p.probabilities(inputs[k], probs);
        sink += probs[2];
      }
      long t1 = mx.getCurrentThreadCpuTime();
      if (warm == 1) {
        System.out.printf(
            Locale.ROOT,
            "one event + one inference: %.0f ns of CPU (checksum %.3f)%n",
            (t1 - t0) / (double) n,
            sink);
      }
    }
  }

  private static void run(MarketMakingEnv env, long[] episode, int which, int steps) {
    int[] action = {1, 1, 1};
    for (int i = 0; i < steps; i++) {
      MarketMakingEnv.Step s = env.step(action);
      if (s.terminated || s.truncated) {
        env.reset(episode[which]++);
      }
    }
  }
}
