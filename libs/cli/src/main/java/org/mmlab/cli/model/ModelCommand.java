package org.mmlab.cli.model;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmlab.cli.JsonOutput;
import org.mmlab.rl.env.ActionSpace;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.policy.BundleMetadata;
import org.mmlab.rl.policy.Policy;
import org.mmlab.rl.policy.PolicyBundle;
import org.mmlab.sim.core.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./mmlab model ...}: trained policy bundles. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Trained policy bundles (NAME.zip).",
    subcommands = {ModelCommand.Inspect.class},
    footer = {"", "Examples:", "  ./mmlab model inspect models/rl_mm_agent.zip"})
public final class ModelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Prints a bundle's metadata, loads its policy and runs one inference. */
  @Command(
      name = "inspect",
      mixinStandardHelpOptions = true,
      description = {
        "Print a bundle's metadata, load its policy and run one inference on an observation"
            + " from its own training market.",
        "Exit 0 when the bundle is valid; a missing file, a corrupt zip, a wrong format"
            + " version or a feature mismatch is one line and exit 2."
      },
      footer = {"", "Examples:", "  ./mmlab model inspect models/rl_mm_agent.zip"})
  public static final class Inspect implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ZIP", description = "The bundle.")
    Path bundle;

    @Override
    public Integer call() throws Exception {
      PolicyBundle loaded =
          PolicyBundle.load(bundle, MarketMakingEnv.observationNames(), ActionSpace.NVEC);
      BundleMetadata meta = loaded.metadata();
      PrintWriter out = spec.commandLine().getOut();
      out.println(JsonOutput.write(meta));
      try (Policy policy = loaded.policy()) {
        float[] observation = firstObservation(meta);
        long t0 = System.nanoTime();
        int[] action = policy.act(observation, true, new Rng(meta.seed()));
        long nanos = System.nanoTime() - t0;
        out.printf(
            Locale.ROOT,
            "inference ok: observation from %s, action %s (bid offset, ask offset, size index),"
                + " value %.4f, %d us%n",
            meta.market().marketSpec(),
            Arrays.toString(action),
            policy.value(observation),
            nanos / 1000);
      }
      out.flush();
      return 0;
    }

    private static float[] firstObservation(BundleMetadata meta) {
      try {
        MarketMakingEnv env = new MarketMakingEnv(EnvConfig.defaults(meta.market().marketSpec()));
        return env.reset(meta.seed()).clone();
      } catch (IllegalArgumentException e) {
        // The training market may be a data file that is not on this machine: an all-zero
        // observation still exercises normalization and both networks.
        return new float[MarketMakingEnv.OBSERVATION_SIZE];
      }
    }
  }
}
