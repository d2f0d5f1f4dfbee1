package org.mmlab.rl.ppo;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mmlab.rl.env.ActionSpace;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.env.VectorEnv;
import org.mmlab.rl.policy.BundleMetadata;
import org.mmlab.rl.policy.Categorical;
import org.mmlab.rl.policy.DenseMlp;
import org.mmlab.rl.policy.NetworkSpec;
import org.mmlab.rl.policy.Policy;
import org.mmlab.rl.policy.PolicyBundle;
import org.mmlab.rl.policy.PolicyBundleException;
import org.mmlab.rl.policy.PolicyNetworks;
import org.mmlab.sim.core.Rng;

/**
 * Proximal Policy Optimization (Schulman et al. 2017), clipped objective with GAE, as
 * Stable-Baselines3's {@code PPO} defines it, on DJL's PyTorch engine, for the market-making
 * environment. Read {@link #learn} top-down like cleanrl's {@code ppo.py}: collect a rollout of
 * {@code nSteps} steps of {@code nEnvs} environments, compute advantages, then {@code nEpochs}
 * passes of shuffled minibatches of clipped-surrogate + value + entropy loss, global-norm gradient
 * clipping and an Adam step.
 *
 * <p>Faithful to SB3 in: separate policy and value MLPs (64-64 tanh), one categorical head per
 * action dimension, orthogonal initialization, {@code torch.optim.Adam} with ε = 1e-5 ({@link
 * FlatAdam}), per-minibatch advantage normalization with the unbiased std, value bootstrap of
 * truncated episodes ({@code r += γ·V(final observation)}), observation normalization as {@code
 * VecNormalize} (updated on every rollout batch, frozen when evaluating and saved in the bundle),
 * SB3's approx-KL and clip-fraction diagnostics, explained variance, a window of the last 100
 * episodes for {@code ep_rew_mean}.
 *
 * <p>Reproducible: with the same {@link PpoConfig#seed()}, machine and one native thread, two runs
 * produce bit-identical parameters. The seed drives the vector environment, the orthogonal
 * initialization, the action sampling and the minibatch order (all in Java, with {@link Rng}), and
 * DJL's engine seed.
 *
 * <p>Speed: rollouts run plain-array snapshots of the networks ({@link DenseMlp}, taken once per
 * rollout) instead of a DJL forward per step; a minibatch uploads one packed array, reads the
 * losses and log-probabilities in two copies, and clips and steps Adam on one flat vector of all
 * parameters: every DJL call is a JNI round trip and every PyTorch op a dispatch of microseconds.
 *
 * <p>Resources: the parameters live in one {@link NDManager} released by {@link #close()}; every
 * minibatch and every DJL forward uses a sub-manager closed on every path. Not thread-safe.
 */
public final class Ppo implements AutoCloseable {
  private static final int EPISODE_WINDOW = 100;

  private final EnvConfig envConfig;
  private final int obs;
  private final PpoConfig config;
  private final NetworkSpec spec;
  private final int[] nvec;
  private final int[] offsets;
  private final int logitCount;
  private final NDManager manager;
  private final SequentialBlock policyNet;
  private final SequentialBlock valueNet;
  private final ParameterStore parameterStore;
  private final List<Parameter> parameters = new ArrayList<>();
  private final FlatAdam optimizer;
  private final ObservationNormalizer normalizer;
  private final Rng rng;
  private final ArrayDeque<double[]> episodeWindow = new ArrayDeque<>();

  // Rollout state, allocated with the vector environment on the first learn().
  private VectorEnv env;
  private RolloutBuffer buffer;
  private RolloutBuffer.Batch batch;
  private float[] lastObs;
  private float[] newObs;
  private float[] finalObs;
  private boolean[] lastEpisodeStarts;
  private boolean[] dones;
  private int[][] actions;
  private int[] truncatedIdx;
  private float[] logits;
  private float[] values;
  private float[] finalValues;
  private float[] logProbs;
  private double[] rewards;
  private double[] probs;
  private float[] advantages;
  private float[] packed;
  private final float[] rowIn;
  private final float[] rowLogits;
  private final float[] rowValue = new float[1];
  // Plain-array snapshots of the networks for the rollout's inference (parameters do not change
  // during a rollout): no JNI per step.
  private DenseMlp rolloutPolicy;
  private DenseMlp rolloutValue;

  private long numTimesteps;
  private long episodes;
  private int iterations;
  private long gradientSteps;
  private double trainingSeconds;
  private long learnStartNanos = -1;
  private Double bestEvalReward;
  private RolloutStats lastStats;
  private boolean closed;

  /**
   * Creates a learner with freshly initialized networks.
   *
   * @param env the environment every member of the vector environment is built from
   * @param config the hyperparameters
   */
  public Ppo(EnvConfig env, PpoConfig config) {
    this.envConfig = Objects.requireNonNull(env, "env");
    this.obs = env.observationSize();
    this.config = Objects.requireNonNull(config, "config");
    this.spec =
        new NetworkSpec(
            obs,
            Arrays.stream(ActionSpace.NVEC).boxed().toList(),
            config.policyHidden(),
            config.valueHidden(),
            NetworkSpec.TANH);
    this.nvec = spec.nvec();
    this.offsets = new int[nvec.length];
    for (int d = 1; d < nvec.length; d++) {
      offsets[d] = offsets[d - 1] + nvec[d - 1];
    }
    this.logitCount = spec.logitCount();
    this.rowIn = new float[obs];
    this.rowLogits = new float[logitCount];
    long seed = config.seed();
    Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
    this.manager = NDManager.newBaseManager();
    try {
      this.policyNet = PolicyNetworks.policyBlock(spec);
      this.valueNet = PolicyNetworks.valueBlock(spec);
      if (config.orthoInit()) {
        Rng initRng = new Rng(Rng.derive(seed, 1));
        orthogonalInit(policyNet, 0.01, initRng);
        orthogonalInit(valueNet, 1.0, initRng);
      }
      policyNet.initialize(manager, DataType.FLOAT32, new Shape(1, obs));
      valueNet.initialize(manager, DataType.FLOAT32, new Shape(1, obs));
      parameters.addAll(policyNet.getParameters().values());
      parameters.addAll(valueNet.getParameters().values());
      this.parameterStore = new ParameterStore(manager, false);
      long[] sizes = new long[parameters.size()];
      for (int k = 0; k < sizes.length; k++) {
        sizes[k] = parameters.get(k).getArray().size();
      }
      // torch.optim.Adam's defaults: β 0.9 / 0.999.
      this.optimizer =
          new FlatAdam(manager, sizes, config.learningRate(), 0.9, 0.999, config.adamEpsilon());
    } catch (RuntimeException e) {
      manager.close();
      throw e;
    }
    this.normalizer =
        new ObservationNormalizer(
            obs, config.normalizeObservations(), config.clipObs(), config.normEpsilon());
    this.rng = new Rng(Rng.derive(seed, 2));
  }

  /** SB3's {@code init_weights}: orthogonal √2 on hidden layers, {@code headGain} on the last. */
  private static void orthogonalInit(SequentialBlock mlp, double headGain, Rng rng) {
    List<Block> linears =
        mlp.getChildren().values().stream().filter(b -> b instanceof Linear).toList();
    for (int i = 0; i < linears.size(); i++) {
      double gain = i == linears.size() - 1 ? headGain : Math.sqrt(2);
      linears.get(i).setInitializer(new OrthogonalInitializer(gain, rng), Parameter.Type.WEIGHT);
      linears.get(i).setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    }
  }

  /**
   * Loads a saved model to continue training or to predict, as SB3's {@code PPO.load(path, env)}:
   * hyperparameters, parameters, normalization statistics and the timestep count come from the
   * bundle (the Adam moments start afresh).
   *
   * @param bundle the {@code .zip}
   * @param env the environment to train on
   * @return the learner
   * @throws IOException when the bundle is missing or does not fit
   */
  public static Ppo load(Path bundle, EnvConfig env) throws IOException {
    PolicyBundle b = PolicyBundle.load(bundle, env.predictor());
    BundleMetadata m = b.metadata();
    PpoConfig config;
    try {
      config = PolicyBundle.json().convertValue(m.hyperparameters(), PpoConfig.class);
    } catch (RuntimeException e) {
      throw new PolicyBundleException(
          bundle, List.of("hyperparameters are not PPO's: " + e.getMessage()), e);
    }
    Ppo ppo = new Ppo(env, config);
    try {
      PolicyNetworks.load(ppo.policyNet, ppo.manager, ppo.obs, b.policyParams());
      PolicyNetworks.load(ppo.valueNet, ppo.manager, ppo.obs, b.valueParams());
      ppo.parameters.clear();
      ppo.parameters.addAll(ppo.policyNet.getParameters().values());
      ppo.parameters.addAll(ppo.valueNet.getParameters().values());
      for (Parameter p : ppo.parameters) {
        p.getArray().setRequiresGradient(true);
      }
      ppo.normalizer.restore(m.normalization());
      if (m.training() != null) {
        ppo.numTimesteps = m.training().timesteps();
        ppo.iterations = m.training().iterations();
        ppo.trainingSeconds = m.training().wallTimeSeconds();
        ppo.bestEvalReward = m.training().bestEvalReward();
      }
    } catch (MalformedModelException | RuntimeException e) {
      ppo.close();
      throw new PolicyBundleException(bundle, List.of(String.valueOf(e.getMessage())), e);
    }
    return ppo;
  }

  /**
   * Trains for {@code totalTimesteps} more environment steps (rounded up to whole rollouts), as
   * SB3's {@code learn}. The timestep count, the environments and the normalization statistics
   * carry over between calls.
   *
   * @param totalTimesteps steps to train for, positive
   * @param callback hooks (may be null)
   * @return this
   */
  public Ppo learn(long totalTimesteps, TrainingCallback callback) {
    checkOpen();
    if (totalTimesteps <= 0) {
      throw new IllegalArgumentException("totalTimesteps must be positive: " + totalTimesteps);
    }
    TrainingCallback cb = callback == null ? TrainingCallback.none() : callback;
    disableGradModeOnThisThread();
    setupEnvironments();
    normalizer.setTraining(true);
    long target = numTimesteps + totalTimesteps;
    long startTimesteps = numTimesteps;
    learnStartNanos = System.nanoTime();
    try {
      cb.onTrainingStart(this, target);
      while (numTimesteps < target) {
        cb.onRolloutStart(numTimesteps);
        long t0 = System.nanoTime();
        if (!collectRollouts(cb)) {
          break;
        }
        long t1 = System.nanoTime();
        UpdateStats u = train();
        long t2 = System.nanoTime();
        iterations++;
        double elapsed = (t2 - learnStartNanos) / 1e9;
        lastStats =
            new RolloutStats(
                iterations,
                numTimesteps,
                episodes,
                episodeMean(0),
                episodeMean(1),
                u.policyLoss,
                u.valueLoss,
                u.entropyLoss,
                u.approxKl,
                u.clipFraction,
                u.explainedVariance,
                u.loss,
                config.learningRate(),
                gradientSteps,
                (numTimesteps - startTimesteps) / elapsed,
                (t1 - t0) / 1e9,
                (t2 - t1) / 1e9,
                elapsed);
        if (!cb.onRolloutEnd(lastStats)) {
          break;
        }
      }
    } finally {
      trainingSeconds += (System.nanoTime() - learnStartNanos) / 1e9;
      learnStartNanos = -1;
      cb.onTrainingEnd(numTimesteps);
    }
    return this;
  }

  private void setupEnvironments() {
    if (env != null) {
      return;
    }
    int n = config.nEnvs();
    env = new VectorEnv(envConfig, n, config.seed());
    buffer = new RolloutBuffer(config.nSteps(), n, obs, nvec.length);
    int batchCap = Math.min(config.batchSize(), buffer.size());
    batch = new RolloutBuffer.Batch(batchCap, obs, nvec.length);
    lastObs = new float[n * obs];
    newObs = new float[n * obs];
    finalObs = new float[n * obs];
    lastEpisodeStarts = new boolean[n];
    dones = new boolean[n];
    actions = new int[n][nvec.length];
    truncatedIdx = new int[n];
    logits = new float[n * logitCount];
    values = new float[n];
    finalValues = new float[n];
    logProbs = new float[n];
    rewards = new double[n];
    probs = new double[Arrays.stream(nvec).max().orElse(1)];
    advantages = new float[batchCap];
    packed = new float[batchCap * packedWidth()];
    // VecNormalize.reset(): update the statistics with the first observations, then normalize.
    normalizer.observe(env.observations(), n);
    for (int e = 0; e < n; e++) {
      normalizer.normalize(env.observations()[e], lastObs, e * obs);
    }
    Arrays.fill(lastEpisodeStarts, true);
  }

  /**
   * Fills the rollout buffer with {@code nSteps} steps of every environment (SB3's {@code
   * collect_rollouts}).
   *
   * @return false when a callback stopped training
   */
  private boolean collectRollouts(TrainingCallback cb) {
    int n = config.nEnvs();
    double gamma = config.gamma();
    buffer.reset();
    rolloutPolicy = DenseMlp.fromBlock(policyNet, obs);
    rolloutValue = DenseMlp.fromBlock(valueNet, obs);
    for (int step = 0; step < config.nSteps(); step++) {
      // 1. One forward for all environments; sample each head in Java.
      rolloutForward(lastObs, n, logits, values);
      for (int e = 0; e < n; e++) {
        double logProb = 0;
        for (int d = 0; d < nvec.length; d++) {
          int at = e * logitCount + offsets[d];
          Categorical.softmax(logits, at, nvec[d], probs);
          int a = Categorical.sample(probs, nvec[d], rng);
          actions[e][d] = a;
          logProb += Categorical.logProb(logits, at, nvec[d], a);
        }
        logProbs[e] = (float) logProb;
      }

      // 2. Step every environment (finished ones auto-reset).
      env.step(actions);
      numTimesteps += n;

      // 3. VecNormalize: update the statistics with the new raw observations, then normalize.
      float[][] raw = env.observations();
      normalizer.observe(raw, n);
      for (int e = 0; e < n; e++) {
        normalizer.normalize(raw[e], newObs, e * obs);
      }

      // 4. Rewards; bootstrap truncated episodes: r += γ·V(final observation).
      int truncated = 0;
      for (int e = 0; e < n; e++) {
        rewards[e] = env.rewards()[e];
        dones[e] = env.done(e);
        if (env.truncated()[e]) {
          normalizer.normalize(env.finalObservation(e), finalObs, truncated * obs);
          truncatedIdx[truncated++] = e;
        }
        if (dones[e]) {
          recordEpisode(env.completedReturn(e), env.completedLength(e));
        }
      }
      if (truncated > 0) {
        rolloutForward(finalObs, truncated, null, finalValues);
        for (int k = 0; k < truncated; k++) {
          rewards[truncatedIdx[k]] += gamma * finalValues[k];
        }
      }

      buffer.add(lastObs, actions, rewards, lastEpisodeStarts, values, logProbs);
      float[] t = lastObs;
      lastObs = newObs;
      newObs = t;
      System.arraycopy(dones, 0, lastEpisodeStarts, 0, n);
      if (!cb.onStep(numTimesteps)) {
        return false;
      }
    }
    rolloutForward(lastObs, n, null, values);
    buffer.computeReturnsAndAdvantage(values, lastEpisodeStarts, gamma, config.gaeLambda());
    return true;
  }

  private void recordEpisode(double episodeReturn, int length) {
    episodes++;
    if (episodeWindow.size() == EPISODE_WINDOW) {
      episodeWindow.removeFirst();
    }
    episodeWindow.addLast(new double[] {episodeReturn, length});
  }

  private double episodeMean(int field) {
    if (episodeWindow.isEmpty()) {
      return Double.NaN;
    }
    double s = 0;
    for (double[] e : episodeWindow) {
      s += e[field];
    }
    return s / episodeWindow.size();
  }

  /** Means over one update's minibatches, as SB3 logs them. */
  private static final class UpdateStats {
    double policyLoss;
    double valueLoss;
    double entropyLoss;
    double approxKl;
    double clipFraction;
    double explainedVariance;
    double loss = Double.NaN;
  }

  /**
   * The PPO update on the collected rollout (SB3's {@code PPO.train}).
   *
   * @return the update's statistics
   */
  private UpdateStats train() {
    UpdateStats u = new UpdateStats();
    int total = buffer.size();
    int batchSize = Math.min(config.batchSize(), total);
    int minibatches = 0;
    boolean continueTraining = true;
    for (int epoch = 0; epoch < config.nEpochs() && continueTraining; epoch++) {
      int[] order = buffer.permutation(rng);
      for (int start = 0; start < total; start += batchSize) {
        buffer.gather(order, start, Math.min(batchSize, total - start), batch);
        MinibatchStats r = optimizeMinibatch(batch);
        u.policyLoss += r.policyLoss();
        u.valueLoss += r.valueLoss();
        u.entropyLoss += r.entropyLoss();
        u.approxKl += r.approxKl();
        u.clipFraction += r.clipFraction();
        if (r.stepped()) {
          u.loss = r.loss();
        }
        continueTraining = r.stepped();
        minibatches++;
        if (!continueTraining) {
          break;
        }
      }
    }
    u.policyLoss /= minibatches;
    u.valueLoss /= minibatches;
    u.entropyLoss /= minibatches;
    u.approxKl /= minibatches;
    u.clipFraction /= minibatches;
    u.explainedVariance = PpoLosses.explainedVariance(buffer.values(), buffer.returns(), total);
    return u;
  }

  /**
   * What one minibatch step computed.
   *
   * @param policyLoss clipped surrogate loss
   * @param valueLoss value loss
   * @param entropyLoss {@code −mean(entropy)}
   * @param approxKl approximate KL divergence from the rollout policy
   * @param clipFraction fraction of clipped ratios
   * @param loss total loss
   * @param stepped false when the approx KL exceeded {@code 1.5 × targetKl} and no step was taken
   */
  public record MinibatchStats(
      double policyLoss,
      double valueLoss,
      double entropyLoss,
      double approxKl,
      double clipFraction,
      double loss,
      boolean stepped) {}

  /**
   * One gradient step on a minibatch, the inner loop of the PPO update: normalize the advantages,
   * evaluate the actions, form {@code policyLoss + entCoef·entropyLoss + vfCoef·valueLoss}, back
   * propagate, clip the global gradient norm, step Adam. Public for benchmarks and custom loops.
   *
   * @param mb the minibatch (observations already normalized)
   * @return what it computed
   */
  public MinibatchStats optimizeMinibatch(RolloutBuffer.Batch mb) {
    checkOpen();
    int b = mb.size;
    int width = packedWidth();
    if (advantages == null || advantages.length < b) {
      advantages = new float[b];
      packed = new float[b * width];
    }
    // Advantage normalization per minibatch, as SB3: (A − mean) / (std + 1e-8), unbiased std.
    System.arraycopy(mb.advantages, 0, advantages, 0, b);
    if (config.normalizeAdvantage() && b > 1) {
      double mean = 0;
      for (int i = 0; i < b; i++) {
        mean += advantages[i];
      }
      mean /= b;
      double ss = 0;
      for (int i = 0; i < b; i++) {
        ss += (advantages[i] - mean) * (advantages[i] - mean);
      }
      double std = Math.sqrt(ss / (b - 1));
      for (int i = 0; i < b; i++) {
        advantages[i] = (float) ((advantages[i] - mean) / (std + 1e-8));
      }
    }
    // One native array per minibatch (each create is a JNI round trip): per row the observation,
    // the taken actions one-hot per head, the advantage, the old log-probability and the return.
    Arrays.fill(packed, 0, b * width, 0f);
    for (int i = 0; i < b; i++) {
      int row = i * width;
      System.arraycopy(mb.observations, i * obs, packed, row, obs);
      for (int d = 0; d < nvec.length; d++) {
        packed[row + obs + offsets[d] + mb.actions[i * nvec.length + d]] = 1f;
      }
      packed[row + obs + logitCount] = advantages[i];
      packed[row + obs + logitCount + 1] = mb.oldLogProbs[i];
      packed[row + obs + logitCount + 2] = mb.returns[i];
    }
    double clipRange = config.clipRange();
    MinibatchStats stats;
    try (NDManager m = manager.newSubManager()) {
      NDList columns =
          m.create(FloatBuffer.wrap(packed, 0, b * width), new Shape(b, width))
              .split(new long[] {obs, obs + logitCount, width - 2, width - 1}, 1);
      NDArray obsArray = columns.get(0);
      NDArray taken = columns.get(1);
      NDArray adv = columns.get(2); // [b, 1] like the value head's output: no reshapes
      NDArray oldLogProb = columns.get(3);
      NDArray returns = columns.get(4);
      float[] scalars;
      float[] newLogProb;
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray logitsOut = policyNet.forward(parameterStore, new NDList(obsArray), true).head();
        NDArray valuesOut = valueNet.forward(parameterStore, new NDList(obsArray), true).head();
        NDArray logp = PpoLosses.logSoftmaxPerHead(logitsOut, nvec);
        NDArray logProb = logp.mul(taken).sum(new int[] {1}, true);

        NDArray ratio = logProb.sub(oldLogProb).exp();
        NDArray policyLoss = PpoLosses.clippedSurrogate(ratio, adv, clipRange);
        NDArray valueLoss = PpoLosses.valueLoss(returns, valuesOut);
        NDArray entropyLoss = PpoLosses.entropyLoss(logp);
        NDArray loss =
            policyLoss
                .add(entropyLoss.mul((float) config.entCoef()))
                .add(valueLoss.mul((float) config.vfCoef()));

        // Two reads per minibatch: the four losses together, and the new log-probabilities for
        // SB3's approx KL (which decides the early stop) and clip fraction.
        scalars =
            NDArrays.stack(new NDList(policyLoss, valueLoss, entropyLoss, loss)).toFloatArray();
        newLogProb = logProb.toFloatArray();
        double kl = PpoLosses.approxKl(newLogProb, mb.oldLogProbs, b);
        boolean stepping = config.targetKl() == null || kl <= 1.5 * config.targetKl();
        stats =
            new MinibatchStats(
                scalars[0],
                scalars[1],
                scalars[2],
                kl,
                PpoLosses.clipFraction(newLogProb, mb.oldLogProbs, b, clipRange),
                scalars[3],
                stepping);
        if (!stepping) {
          return stats;
        }
        collector.backward(loss);
      }
      step(m);
    }
    gradientSteps++;
    return stats;
  }

  /**
   * Columns of the packed minibatch: observation, one-hot actions, advantage, old log p, return.
   */
  private int packedWidth() {
    return obs + logitCount + 3;
  }

  /**
   * {@code clip_grad_norm_(parameters, maxGradNorm)} and Adam's step ({@link FlatAdam}), then
   * {@code zero_grad()} (PyTorch accumulates gradients across backward passes; DJL's collector does
   * not reset them).
   */
  private void step(NDManager m) {
    int count = parameters.size();
    NDArray[] weights = new NDArray[count];
    NDArray[] grads = new NDArray[count];
    for (int i = 0; i < count; i++) {
      weights[i] = parameters.get(i).getArray();
      grads[i] = weights[i].getGradient();
      grads[i].attach(m);
    }
    // In-place updates of leaves need grad mode off (the collector restores the caller's mode).
    disableGradModeOnThisThread();
    optimizer.step(m, weights, grads, config.maxGradNorm());
    for (int i = 0; i < count; i++) {
      if (weights[i] instanceof PtNDArray pt) {
        JniUtils.zeroGrad(pt);
      } else {
        grads[i].subi(grads[i]);
      }
    }
  }

  /**
   * Runs the rollout snapshots of the networks on {@code n} normalized observations, row by row on
   * plain arrays (a 64-64 MLP is a few microseconds in Java, less than DJL's JNI round trips).
   *
   * @param rows {@code [n][obs]} flattened
   * @param n rows
   * @param logitsOut receives {@code [n][logits]}, or null to skip the policy
   * @param valuesOut receives {@code [n]} values, or null to skip the critic
   */
  private void rolloutForward(float[] rows, int n, float[] logitsOut, float[] valuesOut) {
    for (int r = 0; r < n; r++) {
      System.arraycopy(rows, r * obs, rowIn, 0, obs);
      if (logitsOut != null) {
        rolloutPolicy.forward(rowIn, rowLogits);
        System.arraycopy(rowLogits, 0, logitsOut, r * logitCount, logitCount);
      }
      if (valuesOut != null) {
        rolloutValue.forward(rowIn, rowValue);
        valuesOut[r] = rowValue[0];
      }
    }
  }

  /**
   * Runs the networks on {@code n} normalized observations.
   *
   * @param rows {@code [n][obs]} flattened
   * @param n rows
   * @param logitsOut receives {@code [n][logits]}, or null to skip the policy
   * @param valuesOut receives {@code [n]} values, or null to skip the critic
   */
  private void forward(float[] rows, int n, float[] logitsOut, float[] valuesOut) {
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.create(FloatBuffer.wrap(rows, 0, n * obs), new Shape(n, obs));
      if (logitsOut != null) {
        float[] l = policyNet.forward(parameterStore, new NDList(x), false).head().toFloatArray();
        System.arraycopy(l, 0, logitsOut, 0, l.length);
      }
      if (valuesOut != null) {
        float[] v = valueNet.forward(parameterStore, new NDList(x), false).head().toFloatArray();
        System.arraycopy(v, 0, valuesOut, 0, v.length);
      }
    }
  }

  /**
   * The action for a raw observation, as SB3's {@code predict}: normalized with the current
   * statistics (not updated), then the argmax of each head or a draw from the learner's generator.
   *
   * @param observation raw observation ({@value MarketMakingEnv#OBSERVATION_SIZE} values)
   * @param deterministic argmax per head; otherwise sampled
   * @return the action
   */
  public int[] predict(float[] observation, boolean deterministic) {
    checkOpen();
    if (observation.length != obs) {
      throw new IllegalArgumentException(
          "observation has " + observation.length + " values, expected " + obs);
    }
    disableGradModeOnThisThread();
    float[] x = new float[obs];
    normalizer.normalize(observation, x, 0);
    float[] l = new float[logitCount];
    forward(x, 1, l, null);
    int[] action = new int[nvec.length];
    double[] p = new double[Arrays.stream(nvec).max().orElse(1)];
    for (int d = 0; d < nvec.length; d++) {
      if (deterministic) {
        action[d] = Categorical.argmax(l, offsets[d], nvec[d]);
      } else {
        Categorical.softmax(l, offsets[d], nvec[d], p);
        action[d] = Categorical.sample(p, nvec[d], rng);
      }
    }
    return action;
  }

  /**
   * The model as a bundle (in memory): parameters, frozen normalization statistics and metadata.
   *
   * @return the bundle
   */
  public PolicyBundle bundle() {
    checkOpen();
    return new PolicyBundle(
        metadata(), PolicyNetworks.save(policyNet), PolicyNetworks.save(valueNet));
  }

  /**
   * A policy snapshot of the current parameters for fast inference (what a bundle of this model
   * would load as).
   *
   * @return the policy
   */
  public Policy policy() {
    return bundle().policy();
  }

  /**
   * Saves the model as a policy bundle.
   *
   * @param path the {@code .zip}
   * @throws IOException when writing fails
   */
  public void save(Path path) throws IOException {
    bundle().save(path);
  }

  private BundleMetadata metadata() {
    @SuppressWarnings("unchecked")
    Map<String, Object> hyper = PolicyBundle.json().convertValue(config, LinkedHashMap.class);
    double wall = trainingSeconds;
    if (learnStartNanos >= 0) {
      wall += (System.nanoTime() - learnStartNanos) / 1e9;
    }
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("djl", Engine.getDjlVersion());
    versions.put("engine", Engine.getInstance().getEngineName());
    versions.put("engineVersion", Engine.getInstance().getVersion());
    versions.put("java", System.getProperty("java.version"));
    return new BundleMetadata(
        PolicyBundle.FORMAT_VERSION,
        "ppo",
        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
        MarketMakingEnv.observationNames(envConfig.predictor() != null),
        spec.actionNvec(),
        spec,
        normalizer.stats(),
        hyper,
        BundleMetadata.MarketInfo.of(envConfig),
        config.seed(),
        new BundleMetadata.TrainingSummary(
            numTimesteps,
            iterations,
            finite(episodeMean(0)),
            finite(episodeMean(1)),
            bestEvalReward,
            wall),
        envConfig.predictor() != null,
        envConfig.predictor() == null ? null : envConfig.predictor().reference(),
        versions);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  void recordBestEvaluation(double meanReward) {
    bestEvalReward = meanReward;
  }

  /**
   * The hyperparameters.
   *
   * @return the configuration
   */
  public PpoConfig config() {
    return config;
  }

  /**
   * The environment configuration.
   *
   * @return the configuration
   */
  public EnvConfig envConfig() {
    return envConfig;
  }

  /**
   * Environment steps trained on so far.
   *
   * @return timesteps
   */
  public long numTimesteps() {
    return numTimesteps;
  }

  /**
   * Iterations so far.
   *
   * @return rollouts trained on
   */
  public int iterations() {
    return iterations;
  }

  /**
   * The statistics of the last iteration.
   *
   * @return the stats, or null before the first
   */
  public RolloutStats lastStats() {
    return lastStats;
  }

  /**
   * The observation normalizer.
   *
   * @return the live normalizer
   */
  public ObservationNormalizer normalizer() {
    return normalizer;
  }

  /**
   * The policy network (DJL), for inspection and tests.
   *
   * @return the block
   */
  public SequentialBlock policyNet() {
    return policyNet;
  }

  /**
   * The value network (DJL), for inspection and tests.
   *
   * @return the block
   */
  public SequentialBlock valueNet() {
    return valueNet;
  }

  /**
   * PyTorch's autograd mode is per thread and on by default; DJL turns it off only on the thread
   * that loads the engine. Rollout and predict forwards must not record graphs on whichever thread
   * runs them ({@link GradientCollector} turns recording on for the update and restores this).
   */
  private static void disableGradModeOnThisThread() {
    if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
      ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }
  }

  /** The manager owning the parameters (tests check it does not grow). */
  NDManager manager() {
    return manager;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("PPO learner is closed");
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      manager.close();
    }
  }
}
