package org.mmlab.cli.train;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmlab.cli.MarketOptions;
import org.mmlab.cli.UserInputException;
import org.mmlab.cli.predictor.PredictorOptions;
import org.mmlab.rl.env.RewardFunction;
import org.mmlab.rl.ppo.ProgressBarCallback;
import org.mmlab.rl.ppo.RolloutStats;
import org.mmlab.rl.training.TrainingJob;
import org.mmlab.rl.training.TrainingSpec;
import org.mmlab.rl.training.TrainingSpecException;
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
      "  ./mmlab train --episodes 200 --market"
          + " lobster:../shared/data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_1.zip"
          + " --use-predictor --save-path models/amzn_pred",
      "  ./mmlab train --episodes 100 --init-from models/rl_mm_agent.zip --save-path"
          + " models/rl_mm_agent_ft --learning-rate 1e-4"
    })
public final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin MarketOptions marketOptions;

  @Mixin PredictorOptions predictorOptions;

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
      defaultValue = "pnl-inventory",
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
    TrainingJob job;
    try {
      job = TrainingJob.prepare(toSpec());
    } catch (TrainingSpecException e) {
      throw new UserInputException(e.getMessage());
    }
    TrainingJob.Result result;
    try {
      result = job.run(noProgress ? null : new ProgressBarCallback());
    } catch (TrainingSpecException e) {
      throw new UserInputException(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    RolloutStats last = result.lastStats();
    if (last != null) {
      out.printf(
          Locale.ROOT,
          "trained %d timesteps at %.0f steps/s; last ep_rew_mean %.3f; best eval reward %.3f%n",
          result.timesteps(),
          last.stepsPerSecond(),
          last.episodeRewardMean(),
          result.bestEvalReward());
    }
    out.println("Model saved to " + result.bundle());
    out.flush();
    return 0;
  }

  /**
   * The training run these options describe (no checks yet: {@link TrainingJob#prepare} does them).
   *
   * @return the spec
   */
  TrainingSpec toSpec() {
    return TrainingSpec.builder(savePath)
        .market(marketOptions.market())
        .steps(option("--steps"))
        .interval(option("--interval"))
        .maxInventory(option("--max-inventory"))
        .latency(option("--latency"))
        .mdLatency(option("--md-latency"))
        .makerFee(option("--maker-fee"))
        .takerFee(option("--taker-fee"))
        .episodes(episodes)
        .reward(reward)
        .nEnvs(nEnvs)
        .seed(seed)
        .initFrom(initFrom)
        .learningRate(learningRate)
        .nSteps(nSteps)
        .batchSize(batchSize)
        .nEpochs(nEpochs)
        .gamma(gamma)
        .gaeLambda(gaeLambda)
        .clipRange(clipRange)
        .entCoef(entCoef)
        .vfCoef(vfCoef)
        .maxGradNorm(maxGradNorm)
        .evalFreq(evalFreq)
        .evalEpisodes(evalEpisodes)
        .patience(patience)
        .predictorPath(predictorOptions.path())
        .build();
  }

  /** A market option's parsed value (the {@link MarketOptions} mixin keeps its fields private). */
  private <T> T option(String name) {
    return spec.findOption(name).getValue();
  }
}
