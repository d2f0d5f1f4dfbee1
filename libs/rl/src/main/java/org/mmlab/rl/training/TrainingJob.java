package org.mmlab.rl.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.ppo.CallbackList;
import org.mmlab.rl.ppo.CsvLogger;
import org.mmlab.rl.ppo.EvalCallback;
import org.mmlab.rl.ppo.Ppo;
import org.mmlab.rl.ppo.PpoConfig;
import org.mmlab.rl.ppo.RewardChart;
import org.mmlab.rl.ppo.RolloutStats;
import org.mmlab.rl.ppo.StopTrainingOnNoImprovement;
import org.mmlab.rl.ppo.TrainingCallback;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.sim.Fees;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.core.Durations;
import org.mmlab.sim.core.LatencyModel;
import org.mmlab.sim.core.Rng;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.features.FeatureConfig;

/**
 * One PPO training run, as {@code ./mmlab train} does it: every check in {@link #prepare} before
 * any training starts, then {@link #run} trains with a CSV log ({@code NAME_progress.csv}), a
 * reward chart ({@code NAME_reward.png}) and periodic evaluation on held-out seeds (best kept as
 * {@code NAME_best.zip}), and saves {@code NAME.zip}.
 *
 * <p>Progress ({@link #timesteps}, {@link #totalTimesteps}, {@link #lastStats}) may be read from
 * any thread while {@link #run} runs; {@link #cancel} stops it at the next environment step, and a
 * cancelled run saves no bundle. A job runs once.
 */
public final class TrainingJob {
  /** How a run ended. */
  public enum Outcome {
    /** Trained to the end (or stopped early by the patience rule) and saved. */
    COMPLETED,
    /** Stopped by {@link #cancel}; nothing saved. */
    CANCELLED
  }

  /**
   * What a run did.
   *
   * @param outcome how it ended
   * @param bundle the saved bundle, or null when cancelled
   * @param timesteps environment steps taken
   * @param lastStats the last rollout's statistics, or null before the first rollout ended
   * @param bestEvalReward the best mean evaluation reward (negative infinity if never evaluated)
   */
  public record Result(
      Outcome outcome,
      Path bundle,
      long timesteps,
      RolloutStats lastStats,
      double bestEvalReward) {}

  private final TrainingSpec spec;
  private final EnvConfig env;
  private final PpoConfig config;
  private final Path bundle;
  private final Path dir;
  private final String base;
  private final long totalTimesteps;

  private volatile boolean cancelled;
  private volatile boolean started;
  private volatile long timesteps;
  private volatile RolloutStats lastStats;

  private TrainingJob(TrainingSpec spec, EnvConfig env, PpoConfig config, Path bundle) {
    this.spec = spec;
    this.env = env;
    this.config = config;
    this.bundle = bundle;
    this.dir = bundle.toAbsolutePath().getParent();
    this.base = bundle.getFileName().toString().replaceFirst("\\.zip$", "");
    this.totalTimesteps = spec.episodes() * env.market().steps();
  }

  /**
   * Checks everything a run needs, each check one line: ranges, the market (built once, so an
   * unknown market or unreadable data fails here), the PPO hyperparameters and that the save path
   * is writable (its directory is created).
   *
   * @param spec the run
   * @return the job, ready to {@link #run}
   * @throws TrainingSpecException naming the option that is wrong
   * @throws IllegalArgumentException from the market when it cannot be built
   */
  public static TrainingJob prepare(TrainingSpec spec) {
    if (spec.episodes() <= 0) {
      throw new TrainingSpecException("--episodes must be > 0, got " + spec.episodes());
    }
    if (spec.seed() < 0) {
      throw new TrainingSpecException("--seed must be >= 0, got " + spec.seed());
    }
    if (spec.evalEpisodes() <= 0 || spec.evalFreq() <= 0) {
      throw new TrainingSpecException("--eval-freq and --eval-episodes must be > 0");
    }
    if (spec.patience() < 0) {
      throw new TrainingSpecException("--patience must be >= 0, got " + spec.patience());
    }
    PredictorBundle predictor = null;
    if (spec.predictorPath() != null) {
      try {
        predictor = PredictorBundle.load(spec.predictorPath());
      } catch (IOException e) {
        throw new TrainingSpecException("--predictor-path: " + e.getMessage());
      }
    }
    EnvConfig env;
    try {
      env = new EnvConfig(marketConfig(spec), spec.reward(), predictor);
    } catch (TrainingSpecException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new TrainingSpecException(e.getMessage());
    }
    // Building the market once fails fast on an unknown market or unreadable data.
    new MarketMakingEnv(env);
    PpoConfig config;
    try {
      config =
          PpoConfig.builder()
              .optLearningRate(spec.learningRate())
              .optNSteps(spec.nSteps())
              .optBatchSize(spec.batchSize())
              .optNEpochs(spec.nEpochs())
              .optGamma(spec.gamma())
              .optGaeLambda(spec.gaeLambda())
              .optClipRange(spec.clipRange())
              .optEntCoef(spec.entCoef())
              .optVfCoef(spec.vfCoef())
              .optMaxGradNorm(spec.maxGradNorm())
              .optNEnvs(spec.nEnvs())
              .optSeed(spec.seed())
              .build();
    } catch (IllegalArgumentException e) {
      throw new TrainingSpecException(e.getMessage());
    }
    Path bundle = bundlePath(spec.savePath());
    checkWritable(bundle.toAbsolutePath().getParent(), bundle);
    return new TrainingJob(spec, env, config, bundle);
  }

  /**
   * The market configuration of a spec, with the checks of the CLI's market options.
   *
   * @param spec the run
   * @return the configuration
   * @throws TrainingSpecException naming the option that is out of range
   */
  public static BacktestConfig marketConfig(TrainingSpec spec) {
    if (spec.steps() <= 0) {
      throw new TrainingSpecException("--steps must be > 0, got " + spec.steps());
    }
    if (spec.maxInventory() <= 0) {
      throw new TrainingSpecException("--max-inventory must be > 0, got " + spec.maxInventory());
    }
    long intervalNanos = parse("--interval", () -> Durations.parseNanos(spec.interval()));
    LatencyModel entry = parse("--latency", () -> LatencyModel.parse(spec.latency()));
    LatencyModel data = parse("--md-latency", () -> LatencyModel.parse(spec.mdLatency()));
    Fees fees =
        parse("--maker-fee/--taker-fee", () -> Fees.rates(spec.makerFee(), spec.takerFee()));
    if (intervalNanos <= 0) {
      throw new TrainingSpecException("--interval must be positive, got " + spec.interval());
    }
    return new BacktestConfig(
        spec.market(),
        new MarketConditions(entry, data, fees, 10),
        intervalNanos,
        spec.steps(),
        spec.maxInventory(),
        FeatureConfig.defaults());
  }

  private static <T> T parse(String option, Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new TrainingSpecException(option + ": " + e.getMessage());
    }
  }

  /**
   * Trains, then saves the bundle unless cancelled. Blocks until done.
   *
   * @param extra called before the job's own callbacks (a progress bar, metrics); its boolean hooks
   *     may stop training early, which still saves the bundle
   * @return what the run did
   * @throws TrainingSpecException when {@code --init-from} cannot be loaded
   * @throws IOException when the bundle cannot be written
   * @throws IllegalStateException when the job already ran
   */
  public Result run(TrainingCallback extra) throws IOException {
    synchronized (this) {
      if (started) {
        throw new IllegalStateException("a training job runs once");
      }
      started = true;
    }
    try (Ppo ppo = spec.initFrom() == null ? new Ppo(env, config) : fineTune()) {
      EvalCallback eval =
          EvalCallback.builder(env)
              .optEvalFreq(spec.evalFreq())
              .optEpisodes(spec.evalEpisodes())
              .optSeed(Rng.derive(spec.seed(), 1_000_003))
              .optBestModelPath(dir.resolve(base + "_best.zip"))
              .optAfterEval(
                  spec.patience() > 0
                      ? new StopTrainingOnNoImprovement(spec.patience(), 1)
                      : r -> true)
              .build();
      RewardChart chart = new RewardChart(dir.resolve(base + "_reward.png"), 1, eval);
      List<TrainingCallback> callbacks = new ArrayList<>();
      callbacks.add(new Progress());
      if (extra != null) {
        callbacks.add(extra);
      }
      callbacks.add(new CsvLogger(dir.resolve(base + "_progress.csv")));
      callbacks.add(eval);
      callbacks.add(chart);
      ppo.learn(totalTimesteps, new CallbackList(callbacks));
      timesteps = ppo.numTimesteps();
      if (ppo.lastStats() != null) {
        lastStats = ppo.lastStats();
      }
      if (cancelled) {
        return new Result(
            Outcome.CANCELLED, null, ppo.numTimesteps(), lastStats, eval.bestMeanReward());
      }
      ppo.save(bundle);
      return new Result(
          Outcome.COMPLETED, bundle, ppo.numTimesteps(), lastStats, eval.bestMeanReward());
    }
  }

  /** Stops the run at its next environment step (or before it starts); nothing is saved. */
  public void cancel() {
    cancelled = true;
  }

  /**
   * Whether {@link #cancel} was called.
   *
   * @return true once cancelled
   */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Environment steps taken so far.
   *
   * @return the count
   */
  public long timesteps() {
    return timesteps;
  }

  /**
   * Steps the run trains for: {@code episodes × steps}.
   *
   * @return the target
   */
  public long totalTimesteps() {
    return totalTimesteps;
  }

  /**
   * The last rollout's statistics.
   *
   * @return the statistics, or null before the first rollout ended
   */
  public RolloutStats lastStats() {
    return lastStats;
  }

  /**
   * Where the bundle is saved.
   *
   * @return the {@code .zip} path
   */
  public Path bundlePath() {
    return bundle;
  }

  /**
   * The run's spec.
   *
   * @return the spec
   */
  public TrainingSpec spec() {
    return spec;
  }

  /**
   * The environment configuration the run trains on.
   *
   * @return the configuration
   */
  public EnvConfig env() {
    return env;
  }

  private Ppo fineTune() {
    try {
      return Ppo.load(spec.initFrom(), env);
    } catch (IOException e) {
      throw new TrainingSpecException("--init-from: " + e.getMessage());
    }
  }

  private static Path bundlePath(Path p) {
    String name = p.getFileName() == null ? "" : p.getFileName().toString();
    if (name.isEmpty()) {
      throw new TrainingSpecException("--save-path needs a file name");
    }
    return name.endsWith(".zip") ? p : p.resolveSibling(name + ".zip");
  }

  private static void checkWritable(Path dir, Path bundle) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new TrainingSpecException(
          "--save-path " + bundle + " is not writable: " + e.getMessage());
    }
    if (Files.isDirectory(bundle)) {
      throw new TrainingSpecException("--save-path " + bundle + " is a directory");
    }
  }

  /** Tracks progress and turns {@link #cancel} into a stop. */
  private final class Progress implements TrainingCallback {
    @Override
    public boolean onStep(long t) {
      timesteps = t;
      return !cancelled;
    }

    @Override
    public boolean onRolloutEnd(RolloutStats stats) {
      lastStats = stats;
      timesteps = stats.timesteps();
      return !cancelled;
    }
  }
}
