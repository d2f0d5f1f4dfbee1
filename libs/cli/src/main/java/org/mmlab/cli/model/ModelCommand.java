package org.mmlab.cli.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.mmlab.cli.JsonOutput;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.policy.BundleMetadata;
import org.mmlab.rl.policy.Policy;
import org.mmlab.rl.policy.PolicyBundle;
import org.mmlab.rl.predictor.Predictor;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.rl.predictor.PredictorInput;
import org.mmlab.sim.core.Rng;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./mmlab model ...}: trained policy bundles. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Trained policy and predictor bundles (NAME.zip).",
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
            + " from its own training market. A predictor bundle (metadata kind 'predictor') is"
            + " recognized and inspected as such.",
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
      if (isPredictor(bundle)) {
        return inspectPredictor();
      }
      PolicyBundle loaded = PolicyBundle.inspect(bundle);
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
        EnvConfig config = EnvConfig.defaults(meta.market().marketSpec());
        if (meta.needsPredictor()) {
          Object path = meta.predictor() == null ? null : meta.predictor().get("path");
          config = config.withPredictor(PredictorBundle.load(Path.of(String.valueOf(path))));
        }
        MarketMakingEnv env = new MarketMakingEnv(config);
        return env.reset(meta.seed()).clone();
      } catch (IllegalArgumentException | IOException e) {
        // The training market (or the predictor) may be a file that is not on this machine: an
        // all-zero observation still exercises normalization and both networks.
        return new float[meta.observationNames().size()];
      }
    }

    private static boolean isPredictor(Path zip) {
      try (ZipFile z = new ZipFile(zip.toFile())) {
        ZipEntry e = z.getEntry(PredictorBundle.METADATA);
        if (e == null) {
          return false;
        }
        try (InputStream in = z.getInputStream(e)) {
          return PredictorBundle.isPredictor(PolicyBundle.json().readTree(in));
        }
      } catch (IOException | RuntimeException e) {
        // Not readable here: the policy loader reports exactly what is wrong.
        return false;
      }
    }

    private Integer inspectPredictor() throws IOException {
      PredictorBundle loaded = PredictorBundle.load(bundle);
      PrintWriter out = spec.commandLine().getOut();
      out.println(JsonOutput.write(loaded.metadata()));
      Predictor predictor = loaded.predictor();
      // The training mean is the most typical input there is: its probabilities show the model.
      float[] typical = new float[PredictorInput.SIZE];
      double[] mean = loaded.metadata().normalization().mean();
      for (int i = 0; i < typical.length; i++) {
        typical[i] = (float) mean[i];
      }
      double[] p = new double[3];
      long t0 = System.nanoTime();
      predictor.probabilities(typical, p);
      long nanos = System.nanoTime() - t0;
      out.printf(
          Locale.ROOT,
          "predictor ok: sha256 %s; horizon %d events, dead band %s ticks; on the training mean"
              + " input P(down) %.3f P(flat) %.3f P(up) %.3f, score %.3f, %d us%n",
          loaded.sha256(),
          loaded.metadata().horizon(),
          loaded.metadata().deadBand(),
          p[0],
          p[1],
          p[2],
          p[2] - p[0],
          nanos / 1000);
      out.flush();
      return 0;
    }
  }
}
