package org.mmlab.rl.predictor;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmlab.rl.policy.DenseMlp;
import org.mmlab.rl.policy.PolicyNetworks;
import org.mmlab.rl.ppo.TorchAdam;
import org.mmlab.sim.core.Rng;

/**
 * Trains a predictor on a {@link PredictorDataset}: labels by {@link Labels}, a {@link
 * ChronologicalSplit} (train, validation, test in time order, no label window crossing a boundary),
 * standardization statistics from the training range only, a class-weighted softmax cross-entropy
 * ({@code w_k = n / (3 · n_k)}, so rare moves weigh as much as the common flat class), Adam, and
 * the epoch with the best validation macro-F1 kept. Minibatches are drawn in a seeded random order
 * within the training range only (nothing crosses time boundaries).
 */
public final class PredictorTrainer {

  /**
   * Training settings.
   *
   * @param horizon label horizon, events, {@code > 0}
   * @param deadBand flat band half-width, ticks, {@code >= 0}
   * @param hidden hidden widths; empty for multinomial logistic regression
   * @param epochs passes over the training range, {@code > 0}
   * @param batchSize minibatch size, {@code > 0}
   * @param learningRate Adam learning rate, {@code > 0}
   * @param seed seed of initialization and minibatch order
   * @param trainFraction share of events for training
   * @param validationFraction share for validation; the rest is test
   */
  public record Options(
      int horizon,
      double deadBand,
      List<Integer> hidden,
      int epochs,
      int batchSize,
      double learningRate,
      long seed,
      double trainFraction,
      double validationFraction) {

    /** Checks the ranges, naming the option. */
    public Options {
      if (horizon <= 0) {
        throw new IllegalArgumentException("--horizon must be > 0 events, got " + horizon);
      }
      if (!(deadBand >= 0) || Double.isInfinite(deadBand)) {
        throw new IllegalArgumentException(
            "--dead-band must be a finite number >= 0 ticks, got " + deadBand);
      }
      hidden = List.copyOf(hidden);
      for (int h : hidden) {
        if (h <= 0) {
          throw new IllegalArgumentException("--hidden widths must be > 0, got " + hidden);
        }
      }
      if (epochs <= 0) {
        throw new IllegalArgumentException("--epochs must be > 0, got " + epochs);
      }
      if (batchSize <= 0) {
        throw new IllegalArgumentException("--batch-size must be > 0, got " + batchSize);
      }
      if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
        throw new IllegalArgumentException("--learning-rate must be > 0, got " + learningRate);
      }
      if (seed < 0) {
        throw new IllegalArgumentException("--seed must be >= 0, got " + seed);
      }
    }

    /**
     * Defaults (those of {@code ./mmlab predictor train}): one hidden layer of 32, 15 epochs,
     * batches of 256, learning rate 1e-3, a 70/15/15 split.
     *
     * @param horizon label horizon, events
     * @param deadBand ticks
     * @param seed seed
     * @return the options
     */
    public static Options defaults(int horizon, double deadBand, long seed) {
      return new Options(horizon, deadBand, List.of(32), 15, 256, 1e-3, seed, 0.7, 0.15);
    }
  }

  /** Standardized values are clipped to ±this (as observation normalization does). */
  public static final double CLIP = 5.0;

  private PredictorTrainer() {}

  /**
   * Trains.
   *
   * @param data the events
   * @param o the settings
   * @return the trained bundle (in memory; {@link PredictorBundle#save} writes it)
   * @throws IllegalArgumentException when the data is too short or a class has no training sample
   */
  public static PredictorBundle train(PredictorDataset data, Options o) {
    long started = System.nanoTime();
    int n = data.size();
    int[] labels = Labels.forward(data.mids(), n, o.horizon(), o.deadBand());
    ChronologicalSplit split =
        ChronologicalSplit.of(n, o.horizon(), o.trainFraction(), o.validationFraction());
    int d = PredictorInput.SIZE;

    long[] counts = new long[Labels.CLASSES];
    for (int i = 0; i < split.trainEnd(); i++) {
      counts[labels[i]]++;
    }
    double[] weights = new double[Labels.CLASSES];
    int majority = 0;
    for (int k = 0; k < Labels.CLASSES; k++) {
      if (counts[k] == 0) {
        throw new IllegalArgumentException(
            "class '"
                + Labels.names().get(k)
                + "' has no training sample with horizon "
                + o.horizon()
                + " and dead band "
                + o.deadBand()
                + "; change --horizon or --dead-band, or train on more data");
      }
      weights[k] = (double) split.trainEnd() / (Labels.CLASSES * counts[k]);
      if (counts[k] > counts[majority]) {
        majority = k;
      }
    }

    // Standardization from the training range only: nothing of the future leaks into it.
    double[] mean = new double[d];
    double[] std = new double[d];
    float[] in = data.inputs();
    for (int i = 0; i < split.trainEnd(); i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += in[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= split.trainEnd();
    }
    for (int i = 0; i < split.trainEnd(); i++) {
      for (int j = 0; j < d; j++) {
        double x = in[i * d + j] - mean[j];
        std[j] += x * x;
      }
    }
    for (int j = 0; j < d; j++) {
      std[j] = Math.sqrt(std[j] / split.trainEnd());
      // A constant input (e.g. depth on a one-level file) carries nothing: scale 1 keeps it 0.
      if (!(std[j] > 1e-12)) {
        std[j] = 1.0;
      }
    }
    float[] x = new float[split.trainEnd() * d];
    for (int i = 0; i < split.trainEnd(); i++) {
      for (int j = 0; j < d; j++) {
        double z = (in[i * d + j] - mean[j]) / std[j];
        x[i * d + j] = (float) Math.max(-CLIP, Math.min(CLIP, z));
      }
    }

    PredictorMetadata.Network network =
        new PredictorMetadata.Network(d, o.hidden(), PredictorBundle.TANH, Labels.CLASSES);
    PredictorMetadata.Normalization normalization =
        new PredictorMetadata.Normalization(mean, std, CLIP);
    Engine.getInstance().setRandomSeed((int) (o.seed() ^ (o.seed() >>> 32)));
    Rng rng = new Rng(Rng.derive(o.seed(), 7));
    byte[] best = null;
    double bestF1 = -1;
    int bestEpoch = 0;
    try (NDManager manager = NDManager.newBaseManager()) {
      SequentialBlock block = PredictorBundle.block(network);
      block.initialize(manager, DataType.FLOAT32, new Shape(1, d));
      List<Parameter> params = new ArrayList<>(block.getParameters().values());
      ParameterStore store = new ParameterStore(manager, false);
      TorchAdam adam = TorchAdam.builder().optLearningRate(o.learningRate()).build();
      int[] order = new int[split.trainEnd()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      int b = Math.min(o.batchSize(), order.length);
      float[] bx = new float[b * d];
      float[] by = new float[b * Labels.CLASSES];
      float[] bw = new float[b];
      for (int epoch = 1; epoch <= o.epochs(); epoch++) {
        for (int i = order.length - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
        for (int start = 0; start + b <= order.length; start += b) {
          java.util.Arrays.fill(by, 0f);
          for (int r = 0; r < b; r++) {
            int idx = order[start + r];
            System.arraycopy(x, idx * d, bx, r * d, d);
            by[r * Labels.CLASSES + labels[idx]] = 1f;
            bw[r] = (float) weights[labels[idx]];
          }
          try (NDManager m = manager.newSubManager()) {
            NDArray xs = m.create(FloatBuffer.wrap(bx), new Shape(b, d));
            NDArray ys = m.create(FloatBuffer.wrap(by), new Shape(b, Labels.CLASSES));
            NDArray ws = m.create(FloatBuffer.wrap(bw), new Shape(b));
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              NDArray logits = block.forward(store, new NDList(xs), true).head();
              NDArray logp = logits.logSoftmax(1);
              NDArray picked = logp.mul(ys).sum(new int[] {1});
              NDArray loss = picked.mul(ws).sum().div(ws.sum()).neg();
              gc.backward(loss);
            }
            for (Parameter p : params) {
              NDArray g = p.getArray().getGradient();
              g.attach(m);
              adam.update(p.getId(), p.getArray(), g);
            }
          }
        }
        DenseMlp mlp = DenseMlp.fromBlock(block, d);
        PredictorMetadata probe = metadata(o, network, normalization, weights, null);
        Predictor predictor = new Predictor(probe, mlp);
        double f1 =
            ClassificationMetrics.of(
                    labels,
                    predict(predictor, data, split.validationStart(), split.validationEnd()),
                    split.validationStart(),
                    split.validationEnd())
                .macroF1();
        if (f1 > bestF1) {
          bestF1 = f1;
          bestEpoch = epoch;
          best = PolicyNetworks.save(block);
        }
      }
    }
    Predictor predictor =
        PredictorBundle.of(metadata(o, network, normalization, weights, null), best).predictor();
    int[] predicted = predict(predictor, data, 0, n);
    int[] persistence = Labels.persistence(data.mids(), n, o.horizon(), o.deadBand());
    PredictorMetadata.Scores validation =
        scores(
            labels,
            predicted,
            persistence,
            majority,
            split.validationStart(),
            split.validationEnd());
    PredictorMetadata.Scores test =
        scores(labels, predicted, persistence, majority, split.testStart(), split.testEnd());
    PredictorMetadata.Training training =
        new PredictorMetadata.Training(
            data.spec(),
            n,
            o.seed(),
            o.epochs(),
            bestEpoch,
            o.learningRate(),
            o.batchSize(),
            split,
            counts,
            majority,
            validation,
            test,
            (System.nanoTime() - started) / 1e9);
    return PredictorBundle.of(metadata(o, network, normalization, weights, training), best);
  }

  /**
   * Scores a predictor on every labelled event of a dataset, next to the two baselines.
   *
   * @param bundle the predictor
   * @param data the events (any market: this is out-of-sample evaluation)
   * @return model, majority (the training majority class) and persistence scores
   */
  public static PredictorMetadata.Scores evaluate(PredictorBundle bundle, PredictorDataset data) {
    PredictorMetadata m = bundle.metadata();
    int n = data.size();
    int[] labels = Labels.forward(data.mids(), n, m.horizon(), m.deadBand());
    int[] predicted = predict(bundle.predictor(), data, 0, n);
    int[] persistence = Labels.persistence(data.mids(), n, m.horizon(), m.deadBand());
    int majority = m.training() == null ? Labels.FLAT : m.training().majorityClass();
    return scores(labels, predicted, persistence, majority, 0, n);
  }

  private static PredictorMetadata.Scores scores(
      int[] labels, int[] predicted, int[] persistence, int majority, int from, int to) {
    int[] constant = new int[labels.length];
    java.util.Arrays.fill(constant, majority);
    return new PredictorMetadata.Scores(
        ClassificationMetrics.of(labels, predicted, from, to),
        ClassificationMetrics.of(labels, constant, from, to),
        ClassificationMetrics.of(labels, persistence, from, to));
  }

  private static int[] predict(Predictor p, PredictorDataset data, int from, int to) {
    int[] out = new int[data.size()];
    java.util.Arrays.fill(out, Labels.NONE);
    float[] row = new float[PredictorInput.SIZE];
    for (int i = from; i < to; i++) {
      data.input(i, row);
      out[i] = p.predict(row);
    }
    return out;
  }

  private static PredictorMetadata metadata(
      Options o,
      PredictorMetadata.Network network,
      PredictorMetadata.Normalization normalization,
      double[] weights,
      PredictorMetadata.Training training) {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("djl", Engine.getDjlVersion());
    versions.put("java", System.getProperty("java.version"));
    return new PredictorMetadata(
        PredictorMetadata.KIND,
        PredictorBundle.FORMAT_VERSION,
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        PredictorInput.names(),
        Labels.names(),
        "events",
        o.horizon(),
        o.deadBand(),
        weights.clone(),
        normalization,
        network,
        training,
        versions);
  }
}
