package org.mmlab.cli.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mmlab.cli.MmlabCli;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PaperCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(CommandLine cl, String... args) {
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private int run(String... args) {
    return run(new CommandLine(new PaperCommand()), args);
  }

  /** The root command with its real exception handling, and this command added if missing. */
  private static CommandLine root() {
    CommandLine cl = MmlabCli.commandLine();
    if (!cl.getSubcommands().containsKey("paper")) {
      cl.addSubcommand("paper", new PaperCommand());
    }
    return cl;
  }

  @Test
  void printsATableBesideThePublishedValues() {
    assertThat(run("avellaneda-stoikov", "--simulations", "200", "--seed", "3")).isZero();
    String text = out.toString();
    assertThat(text).contains("200 simulations per row, seed 3", "published");
    assertThat(text.lines().filter(l -> l.matches("0\\.[0-9]+ +inventory .*"))).hasSize(3);
    assertThat(text.lines().filter(l -> l.matches("0\\.[0-9]+ +symmetric .*"))).hasSize(3);
    assertThat(text).contains("62.94", "33.92", "8.69"); // the paper's column
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void printsJsonRowsWithTheDocumentedKeys() {
    assertThat(run("avellaneda-stoikov", "--format", "json")).isZero();
    JsonNode rows = JsonMapper.builder().build().readTree(out.toString());
    assertThat(rows.isArray()).isTrue();
    assertThat(rows.size()).isEqualTo(6);
    int inventory = 0;
    Double symmetricProfit = null;
    for (JsonNode row : rows) {
      for (String key :
          new String[] {
            "gamma", "strategy", "spread", "profit_mean", "profit_std", "q_mean", "q_std"
          }) {
        assertThat(row.has(key)).as(key).isTrue();
      }
      String strategy = row.get("strategy").asString();
      assertThat(strategy).isIn("inventory", "symmetric");
      if (strategy.equals("inventory")) {
        inventory++;
      } else if (row.get("gamma").asDouble() == 0.1) {
        symmetricProfit = row.get("profit_mean").asDouble();
      }
    }
    assertThat(inventory).isEqualTo(3);
    // Default 1000 simulations: the symmetric gamma = 0.1 row is the paper's 67.21 +- 3 SE.
    assertThat(symmetricProfit).isBetween(67.21 - 1.8, 67.21 + 1.8);
  }

  @Test
  void discretizationOptionsChangeTheRunAndBadValuesAreOneLine() {
    assertThat(run("avellaneda-stoikov", "--simulations", "100", "--format", "json")).isZero();
    String standard = out.toString();
    out.getBuffer().setLength(0);
    assertThat(
            run(
                "avellaneda-stoikov",
                "--simulations",
                "100",
                "--format",
                "json",
                "--inventory-spread",
                "constant"))
        .isZero();
    assertThat(out.toString()).isNotEqualTo(standard);
    out.getBuffer().setLength(0);
    assertThat(run(root(), "paper", "avellaneda-stoikov", "--fill-probability", "bogus"))
        .isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("error: --fill-probability must be linear or poisson, got 'bogus'");
  }

  @Test
  void allDiscretizationsPrintsEightBlocksNextToThePaper() {
    assertThat(
            run(
                "avellaneda-stoikov",
                "--simulations",
                "50",
                "--all-discretizations",
                "--format",
                "json"))
        .isZero();
    JsonNode rows = JsonMapper.builder().build().readTree(out.toString());
    assertThat(rows.size()).isEqualTo(8 * 6);
    for (JsonNode row : rows) {
      assertThat(row.has("profit_z")).isTrue();
      assertThat(row.get("profit_z").isNumber()).isTrue();
    }
  }

  @Test
  void sameSeedSameOutput() {
    run("avellaneda-stoikov", "--simulations", "50", "--seed", "9", "--format", "json");
    String first = out.toString();
    out.getBuffer().setLength(0);
    run("avellaneda-stoikov", "--simulations", "50", "--seed", "9", "--format", "json");
    assertThat(out.toString()).isEqualTo(first);
  }

  @Test
  void badSimulationCountIsAnIllegalArgument() {
    AtomicReference<Exception> thrown = new AtomicReference<>();
    CommandLine cl = new CommandLine(new PaperCommand());
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          thrown.set(ex);
          return MmlabCli.EXIT_BAD_INPUT;
        });
    assertThat(run(cl, "avellaneda-stoikov", "--simulations", "0")).isEqualTo(2);
    assertThat(thrown.get())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--simulations must be > 0, got 0");
  }

  @Test
  void underTheRootBadOptionsAreOneLineAndExitTwo() {
    assertThat(run(root(), "paper", "avellaneda-stoikov", "--simulations", "0")).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("error: --simulations must be > 0, got 0" + System.lineSeparator());
    assertThat(out.toString()).isEmpty();

    err.getBuffer().setLength(0);
    assertThat(run(root(), "paper", "avellaneda-stoikov", "--format", "xml")).isEqualTo(2);
    assertThat(err.toString().trim()).isEqualTo("error: --format must be table or json, got 'xml'");
  }

  @Test
  void usageErrorsAreParameterExceptions() {
    CommandLine cl = new CommandLine(new PaperCommand());
    AtomicReference<Exception> thrown = new AtomicReference<>();
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          thrown.set(ex);
          return MmlabCli.EXIT_BAD_INPUT;
        });
    assertThat(run(cl, "avellaneda-stoikov", "--simulations", "many")).isEqualTo(2);
    assertThat(thrown.get()).isInstanceOf(CommandLine.ParameterException.class);
  }

  @Test
  void helpShowsExamples() {
    assertThat(run("avellaneda-stoikov", "--help")).isZero();
    assertThat(out.toString()).contains("--simulations", "--seed", "--format", "Examples:");
    out.getBuffer().setLength(0);
    assertThat(run()).isZero();
    assertThat(out.toString()).contains("avellaneda-stoikov", "Examples:");
  }
}
