package org.mmlab.cli.predictor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmlab.cli.CliRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./mmlab predictor train|eval}, {@code --use-predictor} and {@code model inspect}. */
class PredictorCommandTest {
  @TempDir static Path dir;

  private static Path predictor;

  @BeforeAll
  static void train() {
    predictor = dir.resolve("pred.zip");
    CliRun r =
        CliRun.of(
            "predictor",
            "train",
            "--data",
            "zi",
            "--max-events",
            "8000",
            "--horizon",
            "5",
            "--epochs",
            "2",
            "--hidden",
            "8",
            "--save-path",
            dir.resolve("pred").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("held-out test range")
        .contains("macro-F1")
        .contains("Predictor saved to " + predictor);
  }

  @Test
  void evalPrintsTheModelNextToBothBaselinesAsJson() throws Exception {
    CliRun r =
        CliRun.of(
            "predictor",
            "eval",
            "--model",
            predictor.toString(),
            "--data",
            "zi",
            "--seed",
            "9",
            "--max-events",
            "4000",
            "--format",
            "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = JsonMapper.builder().build().readTree(r.out());
    for (String who : new String[] {"predictor", "majority", "persistence"}) {
      assertThat(j.get(who).get("macroF1").asDouble()).isBetween(0.0, 1.0);
      assertThat(j.get(who).get("perClass").get("up").has("precision")).isTrue();
      assertThat(j.get(who).get("confusion").size()).isEqualTo(3);
    }
    assertThat(j.get("horizon").asInt()).isEqualTo(5);
    // The majority baseline predicts one class only: its recall is 1 there and 0 elsewhere.
    double recallSum = 0;
    for (String c : new String[] {"down", "flat", "up"}) {
      recallSum += j.get("majority").get("perClass").get(c).get("recall").asDouble();
    }
    assertThat(recallSum).isEqualTo(1.0);
  }

  @Test
  void inspectRecognizesAPredictorBundle() {
    CliRun r = CliRun.of("model", "inspect", predictor.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"kind\" : \"predictor\"").contains("predictor ok: sha256 ");
  }

  @Test
  void anAgentTrainedWithThePredictorNeedsIt() throws Exception {
    Path agent = dir.resolve("agent.zip");
    CliRun t =
        CliRun.of(
            "train",
            "--episodes",
            "2",
            "--steps",
            "64",
            "--n-steps",
            "64",
            "--batch-size",
            "32",
            "--n-epochs",
            "1",
            "--eval-freq",
            "1000",
            "--eval-episodes",
            "1",
            "--no-progress",
            "--use-predictor",
            "--predictor-path",
            predictor.toString(),
            "--save-path",
            agent.toString());
    assertThat(t.exitCode()).as(t.err()).isZero();
    CliRun ok =
        CliRun.of(
            "backtest",
            "--strategy",
            "rl",
            "--model-path",
            agent.toString(),
            "--use-predictor",
            "--predictor-path",
            predictor.toString(),
            "--steps",
            "30",
            "--episodes",
            "1");
    assertThat(ok.exitCode()).as(ok.err()).isZero();
    // In a comparison the classic market makers run as usual next to the agent that observes it.
    CliRun compare =
        CliRun.of(
            "compare",
            "--strategies",
            "symmetric,rl",
            "--model-path",
            agent.toString(),
            "--use-predictor",
            "--predictor-path",
            predictor.toString(),
            "--steps",
            "30",
            "--episodes",
            "1",
            "--seeds",
            "1");
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(compare.out()).contains("symmetric").contains("rl");
    CliRun without =
        CliRun.of(
            "backtest", "--strategy", "rl", "--model-path", agent.toString(), "--steps", "30");
    assertThat(without.exitCode()).isEqualTo(2);
    assertThat(without.err().strip())
        .startsWith("error: policy bundle " + agent)
        .contains("trained with the predictor score as its 14th observation")
        .doesNotContain("\n");
    CliRun inspect = CliRun.of("model", "inspect", agent.toString());
    assertThat(inspect.exitCode()).as(inspect.err()).isZero();
    assertThat(inspect.out()).contains("\"needsPredictor\" : true").contains("inference ok");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "predictor train --data zi --horizon 0|--horizon must be > 0 events, got 0",
        "predictor train --data zi --dead-band -1|--dead-band must be a finite number >= 0",
        "predictor train --data nowhere|--data nowhere:",
        "predictor train --data zi --format xml|--format must be table or json",
        "predictor eval --model missing.zip --data zi|invalid predictor bundle missing.zip: file"
            + " not found",
        "backtest --strategy rl --model-path a.zip --use-predictor --predictor-path missing.zip|"
            + "--predictor-path: invalid predictor bundle missing.zip",
        "backtest --strategy symmetric --use-predictor|--use-predictor needs --strategy rl",
        "backtest --strategy symmetric --predictor-path p.zip|--predictor-path needs"
            + " --use-predictor"
      })
  void badInputIsOneLineAndExitTwo(String args, String message) {
    CliRun r = CliRun.of(args.split(" "));
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("error: ").contains(message).doesNotContain("\n");
  }

  @Test
  void aPolicyBundleIsNotAPredictor() throws Exception {
    Path fake = dir.resolve("fake.zip");
    Files.copy(predictor, fake);
    CliRun r =
        CliRun.of(
            "predictor", "eval", "--model", dir.resolve("none.zip").toString(), "--data", "zi");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(CliRun.of("model", "inspect", fake.toString()).exitCode()).isZero();
  }
}
