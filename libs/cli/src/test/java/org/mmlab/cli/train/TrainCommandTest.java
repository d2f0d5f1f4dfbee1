package org.mmlab.cli.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmlab.cli.CliRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Trains a tiny agent through the CLI and uses it everywhere a bundle goes. */
class TrainCommandTest {

  static CliRun train(Path save, String seed) {
    return CliRun.of(
        "train",
        "--episodes",
        "6",
        "--steps",
        "100",
        "--n-steps",
        "128",
        "--batch-size",
        "32",
        "--n-epochs",
        "2",
        "--eval-freq",
        "300",
        "--eval-episodes",
        "1",
        "--seed",
        seed,
        "--no-progress",
        "--save-path",
        save.toString());
  }

  @Test
  void trainsSavesAndTheBundleRunsInBacktestCompareAndInspect(@TempDir Path dir) throws Exception {
    Path a = dir.resolve("a");
    CliRun r = train(a, "3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Model saved to " + dir.resolve("a.zip"));
    assertThat(Files.exists(dir.resolve("a.zip"))).isTrue();
    assertThat(Files.readAllLines(dir.resolve("a_progress.csv")).size()).isGreaterThan(1);
    assertThat(Files.size(dir.resolve("a_reward.png"))).isGreaterThan(1000);

    CliRun inspect = CliRun.of("model", "inspect", dir.resolve("a.zip").toString());
    assertThat(inspect.exitCode()).as(inspect.err()).isZero();
    assertThat(inspect.out()).contains("\"formatVersion\"").contains("inference ok");

    CliRun bt =
        CliRun.of(
            "backtest",
            "--strategy",
            "rl",
            "--model-path",
            dir.resolve("a.zip").toString(),
            "--steps",
            "200",
            "--format",
            "json");
    assertThat(bt.exitCode()).as(bt.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(bt.out());
    assertThat(json.get("strategy").asString()).isEqualTo("rl");

    assertThat(train(dir.resolve("b"), "4").exitCode()).isZero();
    CliRun ens =
        CliRun.of(
            "compare",
            "--strategies",
            "symmetric,rl,ensemble",
            "--model-path",
            dir.resolve("a.zip") + "," + dir.resolve("b.zip"),
            "--steps",
            "100",
            "--seeds",
            "1",
            "--format",
            "json");
    // rl takes exactly one bundle: with two it is refused, ensemble takes both.
    assertThat(ens.exitCode()).isEqualTo(2);
    assertThat(ens.err()).contains("--strategy rl needs exactly one --model-path");
    CliRun ens2 =
        CliRun.of(
            "backtest",
            "--strategy",
            "ensemble",
            "--model-path",
            dir.resolve("a.zip") + "," + dir.resolve("b.zip"),
            "--steps",
            "100",
            "--format",
            "json");
    assertThat(ens2.exitCode()).as(ens2.err()).isZero();

    CliRun tuned =
        CliRun.of(
            "train",
            "--episodes",
            "2",
            "--steps",
            "100",
            "--n-steps",
            "128",
            "--eval-freq",
            "1000",
            "--no-progress",
            "--init-from",
            dir.resolve("a.zip").toString(),
            "--save-path",
            dir.resolve("ft").toString());
    assertThat(tuned.exitCode()).as(tuned.err()).isZero();
    assertThat(Files.exists(dir.resolve("ft.zip"))).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "train --episodes 0 --save-path /tmp/mmlab-x|--episodes must be > 0",
        "train --episodes 1 --market moon --save-path /tmp/mmlab-x|unknown market",
        "train --episodes 1 --save-path /proc/mmlab/x|not writable",
        "train --episodes 1 --init-from /no/such.zip --save-path /tmp/mmlab-x|--init-from",
        "train --episodes 1 --learning-rate -1 --save-path /tmp/mmlab-x|learningRate",
        "model inspect /no/such.zip|file not found",
        "backtest --strategy rl|needs exactly one --model-path"
      })
  void badInputFailsInOneLineBeforeTraining(String line, String message) {
    CliRun r = CliRun.of(line.split(" "));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip().lines().count()).isEqualTo(1);
    assertThat(r.err()).contains(message);
  }

  @Test
  void corruptBundleIsNamed(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.zip");
    Files.writeString(bad, "not a zip");
    CliRun r = CliRun.of("model", "inspect", bad.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("bad.zip").contains("not a zip");
  }
}
