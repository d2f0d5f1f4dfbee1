package org.mmlab.cli.predictor;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmlab.cli.JsonOutput;
import org.mmlab.cli.UserInputException;
import org.mmlab.rl.predictor.ClassificationMetrics;
import org.mmlab.rl.predictor.Labels;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.rl.predictor.PredictorDataset;
import org.mmlab.rl.predictor.PredictorMetadata;
import org.mmlab.rl.predictor.PredictorTrainer;
import org.mmlab.sim.core.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./mmlab predictor ...}: the short-horizon mid-price direction predictor. */
@Command(
    name = "predictor",
    mixinStandardHelpOptions = true,
    description = {
      "The microstructure predictor: the direction of the mid (down / flat / up) over the next H"
          + " top-of-book events, whose score P(up) - P(down) an agent may observe"
          + " (--use-predictor)."
    },
    subcommands = {PredictorCommand.Train.class, PredictorCommand.Eval.class},
    footer = {
      "",
      "Examples:",
      "  ./mmlab predictor train --data"
          + " lobster:../shared/data/lobster/LOBSTER_SampleFile_AAPL_2012-06-21_1.zip --horizon 10"
          + " --save-path models/predictor",
      "  ./mmlab predictor eval --model models/predictor.zip --data"
          + " lobster:../shared/data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_1.zip"
    })
public final class PredictorCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the events come from: the same market specs as {@code --market}. */
  static final class DataOptions {
    @Option(
        names = "--data",
        required = true,
        paramLabel = "SPEC",
        description =
            "Events to learn from or score: lobster:PATH, binance:PATH, zi, zi:PARAMS.json, hawkes"
                + " or as. A replay is read whole (LOBSTER from 09:35).")
    String data;

    @Option(
        names = "--max-events",
        defaultValue = "2000000",
        paramLabel = "N",
        description = "Stop after N top-of-book events (default: ${DEFAULT-VALUE}).")
    int maxEvents;

    @Option(
        names = "--duration",
        defaultValue = "3600s",
        paramLabel = "DURATION",
        description = "Simulated time a model market runs (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(
        names = "--format",
        defaultValue = "table",
        paramLabel = "FMT",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    String format;

    boolean json() {
      if ("json".equals(format)) {
        return true;
      }
      if ("table".equals(format)) {
        return false;
      }
      throw new UserInputException("--format must be table or json, got '" + format + "'");
    }

    PredictorDataset record(long seed, int horizon) {
      long nanos;
      try {
        nanos = Durations.parseNanos(duration);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--duration: " + e.getMessage());
      }
      try {
        return PredictorDataset.record(data, horizon, maxEvents, nanos, seed);
      } catch (IllegalArgumentException e) {
        throw new UserInputException("--data " + data + ": " + e.getMessage());
      }
    }
  }

  /** {@code ./mmlab predictor train}. */
  @Command(
      name = "train",
      mixinStandardHelpOptions = true,
      description = {
        "Train the predictor on one market and save it as NAME.zip.",
        "Events are split in time order into train (70%), validation (15%, picks the epoch) and"
            + " test (15%, reported); no label window crosses a boundary. The loss is"
            + " class-weighted softmax cross-entropy; inputs are standardized with training-range"
            + " statistics saved in the bundle."
      },
      footer = {
        "",
        "Examples:",
        "  ./mmlab predictor train --data"
            + " lobster:../shared/data/lobster/LOBSTER_SampleFile_AAPL_2012-06-21_1.zip"
            + " --horizon 10 --save-path models/predictor",
        "  ./mmlab predictor train --data zi --duration 2h --horizon 20 --dead-band 0.5"
            + " --save-path models/predictor_zi"
      })
  public static final class Train implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin DataOptions dataOptions;

    @Option(
        names = "--horizon",
        defaultValue = "10",
        paramLabel = "H",
        description = "Label horizon in top-of-book events, > 0 (default: ${DEFAULT-VALUE}).")
    int horizon;

    @Option(
        names = "--dead-band",
        defaultValue = "0",
        paramLabel = "TICKS",
        description =
            "A mid move of at most this many ticks is 'flat', >= 0 (default: ${DEFAULT-VALUE}:"
                + " any move counts).")
    double deadBand;

    @Option(
        names = "--save-path",
        defaultValue = "models/predictor",
        paramLabel = "PATH",
        description = "Where to save (.zip is added when missing; default: ${DEFAULT-VALUE}).")
    Path savePath;

    @Option(
        names = "--seed",
        defaultValue = "1",
        paramLabel = "S",
        description = "Seed of initialization, minibatch order and a model market (default: 1).")
    long seed;

    @Option(
        names = "--epochs",
        defaultValue = "15",
        paramLabel = "N",
        description = "Passes over the training range (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(
        names = "--hidden",
        defaultValue = "32",
        split = ",",
        paramLabel = "WIDTHS",
        description =
            "Hidden layer widths, comma-separated; 0 for logistic regression (default: 32).")
    List<Integer> hidden;

    @Option(names = "--batch-size", defaultValue = "256", paramLabel = "N")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "1e-3", paramLabel = "LR")
    double learningRate;

    @Override
    public Integer call() throws IOException {
      boolean json = dataOptions.json();
      List<Integer> widths = new ArrayList<>(hidden);
      if (widths.size() == 1 && widths.get(0) == 0) {
        widths.clear();
      }
      PredictorTrainer.Options options;
      try {
        options =
            new PredictorTrainer.Options(
                horizon, deadBand, widths, epochs, batchSize, learningRate, seed, 0.7, 0.15);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(e.getMessage());
      }
      Path target = zip(savePath);
      PredictorDataset data = dataOptions.record(seed, horizon);
      PredictorBundle bundle;
      try {
        bundle = PredictorTrainer.train(data, options);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(e.getMessage());
      }
      PredictorBundle saved = bundle.save(target);
      PredictorMetadata m = saved.metadata();
      PrintWriter out = spec.commandLine().getOut();
      PredictorMetadata.Training t = m.training();
      if (json) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("path", target.toString());
        j.put("sha256", saved.sha256());
        j.put("data", data.spec());
        j.put("events", data.size());
        j.put("horizon", horizon);
        j.put("deadBand", deadBand);
        j.put("bestEpoch", t.bestEpoch());
        j.put("split", t.split());
        j.put("validation", scoresJson(t.validation()));
        j.put("test", scoresJson(t.test()));
        out.println(JsonOutput.write(j));
      } else {
        out.printf(
            Locale.ROOT,
            "%s: %d events; train %d, validation %d, test %d samples; class weights"
                + " down %.3f flat %.3f up %.3f; best epoch %d of %d; %.1f s%n",
            data.spec(),
            data.size(),
            t.split().trainSize(),
            t.split().validationSize(),
            t.split().testSize(),
            m.classWeights()[0],
            m.classWeights()[1],
            m.classWeights()[2],
            t.bestEpoch(),
            t.epochs(),
            t.wallTimeSeconds());
        out.println("held-out test range (last 15% of the events):");
        printTable(out, t.test());
        out.println("Predictor saved to " + target + " (sha256 " + saved.sha256() + ")");
      }
      out.flush();
      return 0;
    }
  }

  /** {@code ./mmlab predictor eval}. */
  @Command(
      name = "eval",
      mixinStandardHelpOptions = true,
      description = {
        "Score a predictor on every labelled event of a market, next to two baselines: the"
            + " training majority class, and 'last move persists' (the direction of the"
            + " preceding H events)."
      },
      footer = {
        "",
        "Examples:",
        "  ./mmlab predictor eval --model models/predictor.zip --data"
            + " lobster:../shared/data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_1.zip",
        "  ./mmlab predictor eval --model models/predictor.zip --data zi --format json"
      })
  public static final class Eval implements Callable<Integer> {
    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin DataOptions dataOptions;

    @Option(
        names = "--model",
        required = true,
        paramLabel = "ZIP",
        description = "The predictor bundle.")
    Path model;

    @Option(
        names = "--seed",
        defaultValue = "1",
        paramLabel = "S",
        description = "Seed of a model market (default: 1).")
    long seed;

    @Override
    public Integer call() throws IOException {
      boolean json = dataOptions.json();
      PredictorBundle bundle = PredictorBundle.load(model);
      PredictorDataset data = dataOptions.record(seed, bundle.metadata().horizon());
      PredictorMetadata.Scores s = PredictorTrainer.evaluate(bundle, data);
      PredictorMetadata m = bundle.metadata();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("model", model.toString());
        j.put("sha256", bundle.sha256());
        j.put("data", data.spec());
        j.put("events", data.size());
        j.put("horizon", m.horizon());
        j.put("deadBand", m.deadBand());
        j.putAll(scoresJson(s));
        out.println(JsonOutput.write(j));
      } else {
        out.printf(
            Locale.ROOT,
            "%s on %s: %d events, horizon %d events, dead band %s ticks%n",
            model,
            data.spec(),
            data.size(),
            m.horizon(),
            m.deadBand());
        printTable(out, s);
      }
      out.flush();
      return 0;
    }
  }

  static Map<String, Object> scoresJson(PredictorMetadata.Scores s) {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("predictor", s.model().toJsonMap());
    j.put("majority", s.majority().toJsonMap());
    j.put("persistence", s.persistence().toJsonMap());
    return j;
  }

  static void printTable(PrintWriter out, PredictorMetadata.Scores s) {
    ClassificationMetrics[] cols = {s.model(), s.majority(), s.persistence()};
    out.printf(
        Locale.ROOT, "  %-18s %11s %11s %12s%n", "metric", "predictor", "majority", "persistence");
    row(out, "samples", cols, -1, 'n');
    row(out, "accuracy", cols, -1, 'a');
    row(out, "macro-F1", cols, -1, 'f');
    for (int k = 0; k < Labels.CLASSES; k++) {
      row(out, "precision " + Labels.names().get(k), cols, k, 'p');
    }
    for (int k = 0; k < Labels.CLASSES; k++) {
      row(out, "recall " + Labels.names().get(k), cols, k, 'r');
    }
    out.println("  predictor confusion matrix (rows: true, columns: predicted down/flat/up):");
    long[][] c = s.model().confusion();
    for (int k = 0; k < Labels.CLASSES; k++) {
      out.printf(
          Locale.ROOT,
          "    %-5s %10d %10d %10d%n",
          Labels.names().get(k),
          c[k][0],
          c[k][1],
          c[k][2]);
    }
  }

  private static void row(
      PrintWriter out, String name, ClassificationMetrics[] cols, int k, char what) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-18s", name));
    for (int i = 0; i < cols.length; i++) {
      ClassificationMetrics c = cols[i];
      int width = i == 2 ? 12 : 11;
      if (what == 'n') {
        b.append(String.format(Locale.ROOT, " %" + width + "d", c.samples()));
        continue;
      }
      double v =
          switch (what) {
            case 'a' -> c.accuracy();
            case 'f' -> c.macroF1();
            case 'p' -> c.precision()[k];
            default -> c.recall()[k];
          };
      b.append(String.format(Locale.ROOT, " %" + width + ".4f", v));
    }
    out.println(b);
  }

  private static Path zip(Path p) {
    String name = p.getFileName() == null ? "" : p.getFileName().toString();
    if (name.isEmpty()) {
      throw new UserInputException("--save-path needs a file name");
    }
    return name.endsWith(".zip") ? p : p.resolveSibling(name + ".zip");
  }
}
