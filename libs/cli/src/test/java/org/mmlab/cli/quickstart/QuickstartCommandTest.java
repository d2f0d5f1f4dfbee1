package org.mmlab.cli.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.cli.CliRun;

/** The quickstart with tiny settings: it trains once, compares, and reuses the agent after. */
class QuickstartCommandTest {

  @TempDir Path tmp;

  private CliRun quickstart(Path model, String... extra) {
    String[] base = {
      "quickstart",
      "--model-path",
      model.toString(),
      "--episodes",
      "2",
      "--steps",
      "100",
      "--eval-seeds",
      "2",
      "--no-progress",
      "--no-sandbox"
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    return CliRun.of(args);
  }

  @Test
  void trainsWhenThereIsNoAgentComparesItAndReusesItTheNextTime() throws Exception {
    Path model = tmp.resolve("models").resolve("agent.zip");
    CliRun first = quickstart(model);
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out())
        .contains("No agent in " + model + ": training a PPO agent on zi: 2 episodes x 100 steps")
        .contains("Model saved to " + model)
        .contains("How it compares on held-out seeds 1000-1001")
        .contains("zi: 2 seed(s) x 1 episode(s) of 100 steps per strategy, first seed 1000")
        .containsPattern("metric\\s+symmetric\\s+avellaneda-stoikov\\s+glft\\s+rl")
        .contains(
            "Next, run it live with the web page:  ./mmlab sandbox --strategy rl"
                + " --model-path "
                + model);
    assertThat(model).isRegularFile();
    long trained = Files.getLastModifiedTime(model).toMillis();

    CliRun second = quickstart(model);
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out())
        .contains("Using the agent in " + model)
        .doesNotContain("training a PPO agent")
        .containsPattern("metric\\s+symmetric\\s+avellaneda-stoikov\\s+glft\\s+rl");
    assertThat(Files.getLastModifiedTime(model).toMillis()).isEqualTo(trained);
    // The same agent on the same seeds: the same table.
    assertThat(table(second.out())).isEqualTo(table(first.out()));
  }

  @Test
  void aPathWithoutZipIsTheBundleWithZip() {
    Path model = tmp.resolve("agent");
    CliRun run = quickstart(model);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(tmp.resolve("agent.zip")).isRegularFile();
  }

  @Test
  void badOptionsAreOneLineAndNothingTrains() {
    Path model = tmp.resolve("m.zip");
    assertThat(CliRun.of("quickstart", "--episodes", "0", "--model-path", model.toString()).err())
        .isEqualTo("error: --episodes must be > 0, got 0" + System.lineSeparator());
    CliRun seeds = CliRun.of("quickstart", "--eval-seeds", "-1", "--model-path", model.toString());
    assertThat(seeds.exitCode()).isEqualTo(2);
    assertThat(seeds.err().strip()).isEqualTo("error: --eval-seeds must be > 0, got -1");
    CliRun dir = CliRun.of("quickstart", "--model-path", tmp.toString());
    assertThat(dir.exitCode()).isEqualTo(2);
    assertThat(dir.err().strip()).endsWith("is a directory, not a bundle");
    CliRun reward =
        CliRun.of(
            "quickstart", "--reward", "nope", "--no-sandbox", "--model-path", model.toString());
    assertThat(reward.exitCode()).isEqualTo(2);
    assertThat(reward.err().strip()).startsWith("error: ").contains("nope").doesNotContain("\n");
    assertThat(model).doesNotExist();
  }

  /** The comparison's rows (everything after its header line). */
  private static String table(String out) {
    return out.substring(out.indexOf("metric "), out.indexOf("Next, run it live"));
  }
}
