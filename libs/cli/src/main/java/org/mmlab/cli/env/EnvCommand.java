package org.mmlab.cli.env;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmlab.cli.MarketOptions;
import org.mmlab.cli.MmlabCli;
import org.mmlab.cli.UserInputException;
import org.mmlab.rl.env.EnvChecker;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.env.RewardFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./mmlab env ...}: the RL environment. */
@Command(
    name = "env",
    mixinStandardHelpOptions = true,
    description = "The market-making RL environment.",
    subcommands = {EnvCommand.Check.class},
    footer = {"", "Examples:", "  ./mmlab env check --market zi", "  ./mmlab env check --help"})
public final class EnvCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ./mmlab env check}: random actions, then shapes, bounds, NaN and determinism. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Run the environment with random actions and check observation shape ("
            + MarketMakingEnv.OBSERVATION_SIZE
            + " values), finiteness, reward finiteness, episode flags, and that two runs with"
            + " the same seed are identical (and another seed differs).",
        "Exit 0 when everything holds, 1 when a check fails."
      },
      footer = {
        "",
        "Examples:",
        "  ./mmlab env check --market zi",
        "  ./mmlab env check --market hawkes --check-steps 5000 --reward dampened-pnl",
        "  ./mmlab env check --market"
            + " lobster:../shared/data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_5.zip"
      })
  public static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MarketOptions marketOptions;

    @Option(
        names = "--check-steps",
        defaultValue = "2000",
        paramLabel = "N",
        description = "Random steps per run, > 0 (default: ${DEFAULT-VALUE}).")
    int checkSteps;

    @Option(
        names = "--seed",
        defaultValue = "1",
        paramLabel = "S",
        description = "Seed, >= 0 (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--reward",
        defaultValue = "spread-inventory",
        paramLabel = "NAME",
        description = "Reward: " + RewardFunction.KNOWN + " (default: ${DEFAULT-VALUE}).")
    String reward;

    @Override
    public Integer call() {
      if (checkSteps <= 0) {
        throw new UserInputException("--check-steps must be > 0, got " + checkSteps);
      }
      if (seed < 0) {
        throw new UserInputException("--seed must be >= 0, got " + seed);
      }
      EnvConfig config;
      try {
        config = new EnvConfig(marketOptions.toConfig(), reward);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--reward: " + e.getMessage());
      }
      EnvChecker.Report r = EnvChecker.check(config, checkSteps, seed);
      PrintWriter out = spec.commandLine().getOut();
      for (String p : r.problems()) {
        out.println("problem: " + p);
      }
      out.printf(
          Locale.ROOT,
          "market=%s steps=%d episodes=%d mean_reward=%.4f problems=%d%n",
          marketOptions.market(),
          r.steps(),
          r.episodes(),
          r.meanReward(),
          r.problems().size());
      out.flush();
      return r.ok() ? 0 : MmlabCli.EXIT_CHECK_FAILED;
    }
  }
}
