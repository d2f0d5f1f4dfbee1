package org.mmlab.cli.quickstart;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmlab.cli.MmlabCli;
import org.mmlab.cli.UserInputException;
import org.mmlab.rl.ppo.ProgressBarCallback;
import org.mmlab.rl.ppo.RolloutStats;
import org.mmlab.rl.training.TrainingJob;
import org.mmlab.rl.training.TrainingSpec;
import org.mmlab.rl.training.TrainingSpecException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./mmlab quickstart}: the whole tour in one command. Trains a small agent when there is
 * none, compares it with the classic market makers on held-out seeds, then runs it live in the
 * sandbox with the web page. Each step is the command a user would run by hand ({@code train},
 * {@code compare}, {@code sandbox}), so the results are the same.
 */
@Command(
    name = "quickstart",
    mixinStandardHelpOptions = true,
    description = {
      "Train a small PPO agent when --model-path does not exist yet (a few minutes, with a"
          + " progress bar), compare it with symmetric, avellaneda-stoikov and glft on held-out"
          + " seeds, then start the sandbox (the four services) with the agent quoting live and"
          + " print the web page's address; Ctrl-C stops everything."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab quickstart",
      "  ./mmlab quickstart --episodes 1000 --model-path models/longer_agent.zip",
      "  ./mmlab quickstart --no-sandbox          # train and compare only (scripts, CI)"
    })
public final class QuickstartCommand implements Callable<Integer> {
  /** The agent quickstart trains and runs unless told otherwise. */
  static final String DEFAULT_MODEL = "models/rl_mm_agent.zip";

  /** The classic market makers the agent is compared with. */
  static final String BASELINES = "symmetric,avellaneda-stoikov,glft";

  @Spec CommandSpec spec;

  @Option(
      names = "--model-path",
      defaultValue = DEFAULT_MODEL,
      paramLabel = "ZIP",
      description =
          "The agent: trained here when missing, used as it is otherwise (default:"
              + " ${DEFAULT-VALUE}).")
  Path modelPath;

  @Option(names = "--retrain", description = "Train even when --model-path exists (overwrites it).")
  boolean retrain;

  @Option(
      names = "--episodes",
      defaultValue = "300",
      paramLabel = "N",
      description =
          "Training episodes of --steps decisions each (default: ${DEFAULT-VALUE}, i.e. 300,000"
              + " timesteps, two to five minutes on two cores).")
  long episodes;

  @Option(
      names = "--reward",
      defaultValue = "pnl-inventory",
      paramLabel = "NAME",
      description =
          "Training reward (default: ${DEFAULT-VALUE}: change of equity minus an inventory"
              + " penalty, which learns to keep its spread; see the README).")
  String reward;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Training seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--steps",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Decisions per episode, in training and comparison (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--eval-seeds",
      defaultValue = "10",
      paramLabel = "K",
      description =
          "Held-out seeds of the comparison, one episode each, from --eval-seed (default:"
              + " ${DEFAULT-VALUE}).")
  int evalSeeds;

  @Option(
      names = "--eval-seed",
      defaultValue = "1000",
      paramLabel = "S",
      description =
          "First held-out seed, apart from the training seeds (default: ${DEFAULT-VALUE}).")
  long evalSeed;

  @Option(
      names = "--no-sandbox",
      description = "Stop after the comparison; print the sandbox command instead of running it.")
  boolean noSandbox;

  @Option(names = "--no-progress", description = "No progress bar (logs and CI).")
  boolean noProgress;

  @Option(
      names = "--speed",
      paramLabel = "X",
      description = "The sandbox's market speed, simulated seconds per second (default: 1).")
  Double speed;

  @Option(
      names = "--ports-base",
      defaultValue = "8081",
      paramLabel = "PORT",
      description = "First of the sandbox's four ports (default: ${DEFAULT-VALUE}).")
  int portsBase;

  @Option(
      names = "--jar-dir",
      paramLabel = "DIR",
      description = "Where the service jars are (default: each module's target/ directory).")
  Path jarDir;

  @Option(
      names = "--timeout",
      defaultValue = "180",
      paramLabel = "SECONDS",
      description = "How long each service may take to become healthy (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--log-dir",
      defaultValue = ".mmlab/sandbox",
      paramLabel = "DIR",
      description = "Where the services' logs go (default: ${DEFAULT-VALUE}).")
  Path logDir;

  @Override
  public Integer call() throws Exception {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    Path model = modelPath.toString().endsWith(".zip") ? modelPath : zip(modelPath);

    if (retrain || !Files.exists(model)) {
      train(out, model);
    } else {
      out.println(
          "Using the agent in "
              + model
              + " (--retrain trains a new one; --model-path picks another).");
    }
    out.println();

    out.printf(
        Locale.ROOT,
        "How it compares on held-out seeds %d-%d (one %d-step episode each, the same market and"
            + " seeds for every strategy):%n",
        evalSeed,
        evalSeed + evalSeeds - 1,
        steps);
    out.flush();
    int rc =
        run(
            "compare",
            "--strategies",
            BASELINES + ",rl",
            "--model-path",
            model.toString(),
            "--market",
            "zi",
            "--steps",
            Integer.toString(steps),
            "--episodes",
            "1",
            "--seeds",
            Integer.toString(evalSeeds),
            "--seed",
            Long.toString(evalSeed));
    if (rc != 0) {
      return rc;
    }
    out.println();

    String sandbox = "./mmlab sandbox --strategy rl --model-path " + model;
    if (noSandbox) {
      out.println("Next, run it live with the web page:  " + sandbox);
      out.flush();
      return 0;
    }
    out.println("Starting the sandbox with the agent live (" + sandbox + "):");
    out.flush();
    List<String> args =
        new ArrayList<>(
            List.of(
                "sandbox",
                "--strategy",
                "rl",
                "--model-path",
                model.toString(),
                "--ports-base",
                Integer.toString(portsBase),
                "--timeout",
                Integer.toString(timeoutSeconds),
                "--log-dir",
                logDir.toString()));
    if (speed != null) {
      args.add("--speed");
      args.add(speed.toString());
    }
    if (jarDir != null) {
      args.add("--jar-dir");
      args.add(jarDir.toString());
    }
    return run(args.toArray(String[]::new));
  }

  private void validate() {
    if (episodes <= 0) {
      throw new UserInputException("--episodes must be > 0, got " + episodes);
    }
    if (steps <= 0) {
      throw new UserInputException("--steps must be > 0, got " + steps);
    }
    if (evalSeeds <= 0) {
      throw new UserInputException("--eval-seeds must be > 0, got " + evalSeeds);
    }
    if (evalSeed < 0) {
      throw new UserInputException("--eval-seed must be >= 0, got " + evalSeed);
    }
    if (Files.isDirectory(modelPath)) {
      throw new UserInputException("--model-path " + modelPath + " is a directory, not a bundle");
    }
  }

  private void train(PrintWriter out, Path model) {
    out.printf(
        Locale.ROOT,
        "%s: training a PPO agent on zi: %d episodes x %d steps = %,d timesteps, reward %s, seed"
            + " %d (a few minutes; the same as ./mmlab train --episodes %d --reward %s"
            + " --save-path %s).%n",
        Files.exists(model) ? "--retrain" : "No agent in " + model,
        episodes,
        steps,
        episodes * steps,
        reward,
        seed,
        episodes,
        reward,
        model);
    out.flush();
    TrainingSpec trainingSpec =
        TrainingSpec.builder(model)
            .market("zi")
            .steps(steps)
            .episodes(episodes)
            .reward(reward)
            .seed(seed)
            .build();
    TrainingJob.Result result;
    try {
      result = TrainingJob.prepare(trainingSpec).run(noProgress ? null : new ProgressBarCallback());
    } catch (TrainingSpecException e) {
      throw new UserInputException(e.getMessage());
    } catch (java.io.IOException e) {
      throw new UserInputException("training failed: " + e.getMessage());
    }
    RolloutStats last = result.lastStats();
    if (last != null) {
      out.printf(
          Locale.ROOT,
          "Trained %,d timesteps at %.0f steps/s; last ep_rew_mean %.3f.%n",
          result.timesteps(),
          last.stepsPerSecond(),
          last.episodeRewardMean());
    }
    out.println("Model saved to " + result.bundle());
    out.flush();
  }

  /** Runs another mmlab command with this command's output streams. */
  private int run(String... args) {
    CommandLine cl = MmlabCli.commandLine();
    cl.setOut(spec.commandLine().getOut());
    cl.setErr(spec.commandLine().getErr());
    return cl.execute(args);
  }

  private static Path zip(Path p) {
    return p.resolveSibling(p.getFileName() + ".zip");
  }
}
