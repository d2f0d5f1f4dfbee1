package org.mmlab.cli.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmlab.cli.MarketOptions;
import org.mmlab.cli.UserInputException;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.env.RewardFunction;
import org.mmlab.rl.ppo.CallbackList;
import org.mmlab.rl.ppo.CsvLogger;
import org.mmlab.rl.ppo.EvalCallback;
import org.mmlab.rl.ppo.Ppo;
import org.mmlab.rl.ppo.PpoConfig;
import org.mmlab.rl.ppo.ProgressBarCallback;
import org.mmlab.rl.ppo.RewardChart;
import org.mmlab.rl.ppo.RolloutStats;
import org.mmlab.rl.ppo.StopTrainingOnNoImprovement;
import org.mmlab.sim.core.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./mmlab train}: PPO on a market, saved as a policy bundle. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a PPO market maker (DJL, PyTorch CPU engine) and save it as NAME.zip.",
      "An episode is --steps decisions (1000 by default), so --episodes 1000 means 1,000,000"
          + " timesteps. Progress, steps/s and ETA are shown live; every rollout is logged to"
          + " NAME_progress.csv and the reward curve drawn to NAME_reward.png. The deterministic"
          + " policy is evaluated on held-out seeds every --eval-freq timesteps and the best one"
          + " kept as NAME_best.zip."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab train --episodes 1000 --save-path models/rl_mm_agent",
      "  ./mmlab train --episodes 200 --market hawkes --n-envs 4 --seed 3 --save-path"
          + " models/hawkes",
      "  ./mmlab train --episodes 100 --init-from models/rl_mm_agent.zip --save-path"
          + " models/rl_mm_agent_ft --learning-rate 1e-4"
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MarketOptions marketOptions;

  @Option(
      names = "--episodes",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Episodes of training, > 0 (default: ${DEFAULT-VALUE}).")
  long episodes;

  @Option(
      names = "--save-path",
      required = true,
      paramLabel = "PATH",
      description = "Where to save the bundle (.zip is added when missing).")
  Path savePath;

  @Option(
      names = "--n-envs",
      defaultValue = "1",
      paramLabel = "N",
      description = "Parallel environments in the vector env (default: ${DEFAULT-VALUE}).")
  int nEnvs;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Seed of everything, >= 0 (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--init-from",
      paramLabel = "ZIP",
      description = "Fine-tune an existing bundle instead of starting from scratch.")
  Path initFrom;

  @Option(
      names = "--reward",
      defaultValue = "spread-inventory",
      paramLabel = "NAME",
      description = "Reward: " + RewardFunction.KNOWN + " (default: ${DEFAULT-VALUE}).")
  String reward;

  @Option(names = "--learning-rate", defaultValue = "3e-4", paramLabel = "LR")
  double learningRate;

  @Option(
      names = "--n-steps",
      defaultValue = "2048",
      paramLabel = "N",
      description = "Steps per environment per rollout (default: ${DEFAULT-VALUE}).")
  int nSteps;

  @Option(names = "--batch-size", defaultValue = "64", paramLabel = "N")
  int batchSize;

  @Option(names = "--n-epochs", defaultValue = "10", paramLabel = "N")
  int nEpochs;

  @Option(names = "--gamma", defaultValue = "0.99", paramLabel = "G")
  double gamma;

  @Option(names = "--gae-lambda", defaultValue = "0.95", paramLabel = "L")
  double gaeLambda;

  @Option(names = "--clip-range", defaultValue = "0.2", paramLabel = "C")
  double clipRange;

  @Option(names = "--ent-coef", defaultValue = "0.01", paramLabel = "C")
  double entCoef;

  @Option(names = "--vf-coef", defaultValue = "0.5", paramLabel = "C")
  double vfCoef;

  @Option(names = "--max-grad-norm", defaultValue = "0.5", paramLabel = "N")
  double maxGradNorm;

  @Option(
      names = "--eval-freq",
      defaultValue = "50000",
      paramLabel = "STEPS",
      description = "Evaluate on held-out seeds every STEPS timesteps (default: ${DEFAULT-VALUE}).")
  long evalFreq;

  @Option(
      names = "--eval-episodes",
      defaultValue = "5",
      paramLabel = "N",
      description = "Held-out episodes per evaluation (default: ${DEFAULT-VALUE}).")
  int evalEpisodes;

  @Option(
      names = "--patience",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Stop after N evaluations without improvement; 0 never stops early (default: 0).")
  int patience;

  @Option(names = "--no-progress", description = "No progress bar (logs and CI).")
  boolean noProgress;

  @Override
  public Integer call() throws IOException {
    // Every check before any training starts: one line each.
    if (episodes <= 0) {
      throw new UserInputException("--episodes must be > 0, got " + episodes);
    }
    if (seed < 0) {
      throw new UserInputException("--seed must be >= 0, got " + seed);
    }
    if (evalEpisodes <= 0 || evalFreq <= 0) {
      throw new UserInputException("--eval-freq and --eval-episodes must be > 0");
    }
    EnvConfig env;
    try {
      env = new EnvConfig(marketOptions.toConfig(), reward);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    // Building the market once fails fast on an unknown market or unreadable data.
    new MarketMakingEnv(env);
    PpoConfig config;
    try {
      config =
          PpoConfig.builder()
              .optLearningRate(learningRate)
              .optNSteps(nSteps)
              .optBatchSize(batchSize)
              .optNEpochs(nEpochs)
              .optGamma(gamma)
              .optGaeLambda(gaeLambda)
              .optClipRange(clipRange)
              .optEntCoef(entCoef)
              .optVfCoef(vfCoef)
              .optMaxGradNorm(maxGradNorm)
              .optNEnvs(nEnvs)
              .optSeed(seed)
              .build();
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    Path bundle = bundlePath(savePath);
    String base = bundle.getFileName().toString().replaceFirst("\\.zip$", "");
    Path dir = bundle.toAbsolutePath().getParent();
    checkWritable(dir, bundle);
    long timesteps = episodes * env.market().steps();

    try (Ppo ppo = initFrom == null ? new Ppo(env, config) : fineTune(env)) {
      EvalCallback eval =
          EvalCallback.builder(env)
              .optEvalFreq(evalFreq)
              .optEpisodes(evalEpisodes)
              .optSeed(Rng.derive(seed, 1_000_003))
              .optBestModelPath(dir.resolve(base + "_best.zip"))
              .optAfterEval(patience > 0 ? new StopTrainingOnNoImprovement(patience, 1) : r -> true)
              .build();
      RewardChart chart = new RewardChart(dir.resolve(base + "_reward.png"), 1, eval);
      CallbackList callbacks =
          noProgress
              ? CallbackList.of(new CsvLogger(dir.resolve(base + "_progress.csv")), eval, chart)
              : CallbackList.of(
                  new ProgressBarCallback(),
                  new CsvLogger(dir.resolve(base + "_progress.csv")),
                  eval,
                  chart);
      ppo.learn(timesteps, callbacks);
      ppo.save(bundle);
      PrintWriter out = spec.commandLine().getOut();
      RolloutStats last = ppo.lastStats();
      if (last != null) {
        out.printf(
            Locale.ROOT,
            "trained %d timesteps at %.0f steps/s; last ep_rew_mean %.3f; best eval reward %.3f%n",
            ppo.numTimesteps(),
            last.stepsPerSecond(),
            last.episodeRewardMean(),
            eval.bestMeanReward());
      }
      out.println("Model saved to " + bundle);
      out.flush();
    }
    return 0;
  }

  private Ppo fineTune(EnvConfig env) {
    try {
      return Ppo.load(initFrom, env);
    } catch (IOException e) {
      throw new UserInputException("--init-from: " + e.getMessage());
    }
  }

  private static Path bundlePath(Path p) {
    String name = p.getFileName() == null ? "" : p.getFileName().toString();
    if (name.isEmpty()) {
      throw new UserInputException("--save-path needs a file name");
    }
    return name.endsWith(".zip") ? p : p.resolveSibling(name + ".zip");
  }

  private static void checkWritable(Path dir, Path bundle) {
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new UserInputException("--save-path " + bundle + " is not writable: " + e.getMessage());
    }
    if (Files.isDirectory(bundle)) {
      throw new UserInputException("--save-path " + bundle + " is a directory");
    }
  }
}
