package org.mmlab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mmlab.rl.predictor.Predictor;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.rl.predictor.PredictorDataset;
import org.mmlab.rl.predictor.PredictorInput;
import org.mmlab.rl.predictor.PredictorTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The predictor's cost per market event, one thread: the event-history update of one top-of-book
 * change plus one full inference (log-compress is in the recorded inputs; standardize, the default
 * 19→32→3 tanh MLP on plain arrays, softmax). A driver pays the history update on every event and
 * the inference once per decision, so this is an upper bound per event.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PredictorInferenceBenchmark -f 1 -wi 2
 * -i 3}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class PredictorInferenceBenchmark {
  private Predictor predictor;
  private float[][] inputs;
  private long[] bid;
  private long[] ask;
  private final double[] probs = new double[3];
  private int i;

  /** Trains a default-shaped predictor briefly on zi and records inputs to replay. */
  @Setup
  public void setUp() {
    PredictorDataset data = PredictorDataset.record("zi", 10, 20_000, 3_600_000_000_000L, 1);
    PredictorBundle bundle =
        PredictorTrainer.train(
            data, new PredictorTrainer.Options(10, 0.0, List.of(32), 1, 256, 3e-3, 1, 0.7, 0.15));
    predictor = bundle.predictor();
    int n = Math.min(4096, data.size());
    inputs = new float[n][PredictorInput.SIZE];
    bid = new long[n];
    ask = new long[n];
    for (int k = 0; k < n; k++) {
      data.input(k, inputs[k]);
      // A top of book that changes every event (so each call is a real event).
      long mid2 = Math.round(data.mids()[k] * 2);
      bid[k] = mid2 / 2 - (k & 1);
      ask[k] = bid[k] + 1 + (k & 1);
    }
  }

  /**
   * One event: history update and inference.
   *
   * @return the up probability (consumed by JMH)
   */
  @Benchmark
  public double eventAndInference() {
    int k = i++ & (inputs.length - 1);
    predictor.onTopOfBook(k, bid[k], 5 + (k & 3), ask[k], 7 - (k & 3));
    predictor.probabilities(inputs[k], probs);
    return probs[2];
  }
}
