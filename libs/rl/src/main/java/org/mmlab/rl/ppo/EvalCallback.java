package org.mmlab.rl.ppo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.policy.Policy;
import org.mmlab.rl.policy.PolicyBundle;

/**
 * Evaluates the policy every {@code evalFreq} timesteps on held-out episodes and keeps the best
 * model, as Stable-Baselines3's {@code EvalCallback}.
 *
 * <p>The evaluated policy is the deployable one: a {@link Policy} snapshot of the current
 * parameters with the normalization statistics frozen, run by {@link Evaluation} on its own
 * environment with seeds derived from {@code seed} (never the training streams). Evaluation runs at
 * the end of the first iteration at or past each multiple of {@code evalFreq}. When the mean reward
 * beats the best so far, the bundle is kept in memory ({@link #bestBundle()}) and, when a path is
 * set, saved there. Each evaluation is appended to {@code evaluations.csv} when a log directory is
 * set, then passed to the {@link AfterEval} hook (e.g. {@link StopTrainingOnNoImprovement}).
 */
public final class EvalCallback implements TrainingCallback {
  /** One evaluation. */
  public record Result(
      long timesteps,
      double meanReward,
      double stdReward,
      double meanLength,
      double meanFinalEquity,
      boolean newBest,
      double bestMeanReward) {}

  /** Called after each evaluation. */
  @FunctionalInterface
  public interface AfterEval {
    /**
     * An evaluation finished.
     *
     * @param result its result
     * @return false to stop training
     */
    boolean onEvaluation(Result result);
  }

  private final EnvConfig env;
  private final long evalFreq;
  private final int episodes;
  private final long seed;
  private final boolean deterministic;
  private final Path bestModelPath;
  private final Path logDir;
  private final AfterEval afterEval;
  private final List<Result> results = new ArrayList<>();
  private Ppo model;
  private long nextEval;
  private double bestMeanReward = Double.NEGATIVE_INFINITY;
  private PolicyBundle bestBundle;

  private EvalCallback(Builder b) {
    this.env = b.env;
    this.evalFreq = b.evalFreq;
    this.episodes = b.episodes;
    this.seed = b.seed;
    this.deterministic = b.deterministic;
    this.bestModelPath = b.bestModelPath;
    this.logDir = b.logDir;
    this.afterEval = b.afterEval;
  }

  /**
   * A builder.
   *
   * @param evalEnv the evaluation environment (usually the training configuration)
   * @return the builder
   */
  public static Builder builder(EnvConfig evalEnv) {
    return new Builder(evalEnv);
  }

  @Override
  public void onTrainingStart(Ppo model, long targetTimesteps) {
    this.model = model;
    this.nextEval = (model.numTimesteps() / evalFreq + 1) * evalFreq;
    if (logDir != null) {
      try {
        Files.createDirectories(logDir);
        Files.writeString(
            logDir.resolve("evaluations.csv"),
            "timesteps,mean_reward,std_reward,mean_length,mean_final_equity,new_best\n",
            StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public boolean onRolloutEnd(RolloutStats stats) {
    if (stats.timesteps() < nextEval) {
      return true;
    }
    while (nextEval <= stats.timesteps()) {
      nextEval += evalFreq;
    }
    return evaluateNow(stats.timesteps());
  }

  private boolean evaluateNow(long timesteps) {
    PolicyBundle bundle = model.bundle();
    Evaluation.Result r;
    try (Policy policy = bundle.policy()) {
      r = Evaluation.evaluate(env, Evaluation.of(policy, deterministic, seed), episodes, seed);
    }
    boolean best = r.meanReward() > bestMeanReward;
    if (best) {
      bestMeanReward = r.meanReward();
      model.recordBestEvaluation(bestMeanReward);
      bestBundle = model.bundle(); // the same parameters, with the evaluation in its summary
      if (bestModelPath != null) {
        try {
          bestBundle.save(bestModelPath);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    Result result =
        new Result(
            timesteps,
            r.meanReward(),
            r.stdReward(),
            r.meanLength(),
            r.meanFinalEquity(),
            best,
            bestMeanReward);
    results.add(result);
    if (logDir != null) {
      try (BufferedWriter w =
          Files.newBufferedWriter(
              logDir.resolve("evaluations.csv"),
              StandardCharsets.UTF_8,
              java.nio.file.StandardOpenOption.APPEND)) {
        w.write(
            String.format(
                Locale.ROOT,
                "%d,%s,%s,%s,%s,%b%n",
                timesteps,
                r.meanReward(),
                r.stdReward(),
                r.meanLength(),
                r.meanFinalEquity(),
                best));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return afterEval == null || afterEval.onEvaluation(result);
  }

  /**
   * Every evaluation so far.
   *
   * @return the results, in order
   */
  public List<Result> results() {
    return List.copyOf(results);
  }

  /**
   * The best mean reward so far.
   *
   * @return the reward; −∞ before any evaluation
   */
  public double bestMeanReward() {
    return bestMeanReward;
  }

  /**
   * The best model so far.
   *
   * @return its bundle, or null before any evaluation
   */
  public PolicyBundle bestBundle() {
    return bestBundle;
  }

  /** Builds an {@link EvalCallback}. */
  public static final class Builder {
    private final EnvConfig env;
    private long evalFreq = 10_000;
    private int episodes = 5;
    private long seed = 0x5EED_E7A1L;
    private boolean deterministic = true;
    private Path bestModelPath;
    private Path logDir;
    private AfterEval afterEval;

    private Builder(EnvConfig env) {
      if (env == null) {
        throw new IllegalArgumentException("an evaluation environment is required");
      }
      this.env = env;
    }

    /**
     * Sets how often to evaluate.
     *
     * @param v timesteps between evaluations, positive
     * @return this
     */
    public Builder optEvalFreq(long v) {
      if (v <= 0) {
        throw new IllegalArgumentException("evalFreq must be positive: " + v);
      }
      evalFreq = v;
      return this;
    }

    /**
     * Sets the episodes per evaluation.
     *
     * @param v episodes, positive
     * @return this
     */
    public Builder optEpisodes(int v) {
      if (v <= 0) {
        throw new IllegalArgumentException("episodes must be positive: " + v);
      }
      episodes = v;
      return this;
    }

    /**
     * Sets the held-out seed of the evaluation episodes.
     *
     * @param v base seed
     * @return this
     */
    public Builder optSeed(long v) {
      seed = v;
      return this;
    }

    /**
     * Sets deterministic (argmax) evaluation.
     *
     * @param v whether deterministic (default true)
     * @return this
     */
    public Builder optDeterministic(boolean v) {
      deterministic = v;
      return this;
    }

    /**
     * Saves each new best model there.
     *
     * @param v bundle path, e.g. {@code dir/best_model.zip}
     * @return this
     */
    public Builder optBestModelPath(Path v) {
      bestModelPath = v;
      return this;
    }

    /**
     * Writes {@code evaluations.csv} into this directory.
     *
     * @param v the directory
     * @return this
     */
    public Builder optLogDir(Path v) {
      logDir = v;
      return this;
    }

    /**
     * Calls a hook after each evaluation (e.g. {@link StopTrainingOnNoImprovement}).
     *
     * @param v the hook
     * @return this
     */
    public Builder optAfterEval(AfterEval v) {
      afterEval = v;
      return this;
    }

    /**
     * Builds the callback.
     *
     * @return the callback
     */
    public EvalCallback build() {
      return new EvalCallback(this);
    }
  }
}
