package org.mmlab.service.trainer.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mmlab.cli.MmlabCli;
import org.mmlab.service.trainer.jobs.SubmitJobRequest;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The runner's command line is read back by the one-shot mode's own parser, option by option. */
class TrainArgsTest {
  static final SubmitJobRequest ALL =
      new SubmitJobRequest(
          "runs/all",
          12L,
          "lobster:@data.csv",
          200,
          "500ms",
          30L,
          "uniform:1ms:3ms",
          "2ms",
          -0.0001,
          0.0003,
          "pnl-inventory",
          4,
          17L,
          "base.zip",
          1.5e-4,
          256,
          128,
          3,
          0.98,
          0.9,
          0.25,
          0.02,
          0.6,
          0.7,
          5000L,
          3,
          4,
          "pred.zip",
          "kubernetes");

  @Test
  void everyTrainOptionIsPassedAndParsesToTheRequestedValue() {
    List<String> args =
        TrainArgs.of(ALL, "/models/runs/all.zip", "/models/base.zip", "/models/pred.zip");
    ParseResult train = MmlabCli.commandLine().parseArgs(args.toArray(String[]::new)).subcommand();
    assertThat(train.commandSpec().name()).isEqualTo("train");

    Set<String> missing = new TreeSet<>();
    for (OptionSpec o : train.commandSpec().options()) {
      if (!o.usageHelp() && !o.versionHelp() && !train.hasMatchedOption(o.longestName())) {
        missing.add(o.longestName());
      }
    }
    assertThat(missing).as("train options a request cannot set").isEmpty();

    assertThat(train.matchedOptionValue("--save-path", Path.of("")))
        .isEqualTo(Path.of("/models/runs/all.zip"));
    assertThat(train.matchedOptionValue("--init-from", Path.of("")))
        .isEqualTo(Path.of("/models/base.zip"));
    assertThat((Long) train.matchedOptionValue("--episodes", 0L)).isEqualTo(12L);
    // A value starting with '@' is not read as an argument file.
    assertThat((String) train.matchedOptionValue("--market", "")).isEqualTo("lobster:@data.csv");
    assertThat((Integer) train.matchedOptionValue("--steps", 0)).isEqualTo(200);
    assertThat((String) train.matchedOptionValue("--interval", "")).isEqualTo("500ms");
    assertThat((Long) train.matchedOptionValue("--max-inventory", 0L)).isEqualTo(30L);
    assertThat((String) train.matchedOptionValue("--latency", "")).isEqualTo("uniform:1ms:3ms");
    assertThat((String) train.matchedOptionValue("--md-latency", "")).isEqualTo("2ms");
    assertThat((Double) train.matchedOptionValue("--maker-fee", 0.0)).isEqualTo(-0.0001);
    assertThat((Double) train.matchedOptionValue("--taker-fee", 0.0)).isEqualTo(0.0003);
    assertThat((String) train.matchedOptionValue("--reward", "")).isEqualTo("pnl-inventory");
    assertThat((Integer) train.matchedOptionValue("--n-envs", 0)).isEqualTo(4);
    assertThat((Long) train.matchedOptionValue("--seed", 0L)).isEqualTo(17L);
    assertThat((Double) train.matchedOptionValue("--learning-rate", 0.0)).isEqualTo(1.5e-4);
    assertThat((Integer) train.matchedOptionValue("--n-steps", 0)).isEqualTo(256);
    assertThat((Integer) train.matchedOptionValue("--batch-size", 0)).isEqualTo(128);
    assertThat((Integer) train.matchedOptionValue("--n-epochs", 0)).isEqualTo(3);
    assertThat((Double) train.matchedOptionValue("--gamma", 0.0)).isEqualTo(0.98);
    assertThat((Double) train.matchedOptionValue("--gae-lambda", 0.0)).isEqualTo(0.9);
    assertThat((Double) train.matchedOptionValue("--clip-range", 0.0)).isEqualTo(0.25);
    assertThat((Double) train.matchedOptionValue("--ent-coef", 0.0)).isEqualTo(0.02);
    assertThat((Double) train.matchedOptionValue("--vf-coef", 0.0)).isEqualTo(0.6);
    assertThat((Double) train.matchedOptionValue("--max-grad-norm", 0.0)).isEqualTo(0.7);
    assertThat((Long) train.matchedOptionValue("--eval-freq", 0L)).isEqualTo(5000L);
    assertThat((Integer) train.matchedOptionValue("--eval-episodes", 0)).isEqualTo(3);
    assertThat((Integer) train.matchedOptionValue("--patience", 0)).isEqualTo(4);
    assertThat((Boolean) train.matchedOptionValue("--no-progress", false)).isTrue();
    assertThat((Boolean) train.matchedOptionValue("--use-predictor", false)).isTrue();
    assertThat(train.matchedOptionValue("--predictor-path", Path.of("")))
        .isEqualTo(Path.of("/models/pred.zip"));
  }

  @Test
  void unsetFieldsAreLeftToTheCommandLineDefaults() {
    SubmitJobRequest minimal =
        new SubmitJobRequest(
            "m", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    assertThat(TrainArgs.of(minimal, "/models/m.zip", null, null))
        .containsExactly("train", "--save-path=/models/m.zip", "--no-progress");
  }
}
