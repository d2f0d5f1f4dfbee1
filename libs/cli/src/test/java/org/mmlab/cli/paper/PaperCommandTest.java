package org.mmlab.cli.paper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mmlab.cli.MmlabCli;
import picocli.CommandLine;

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
    String json = out.toString();
    assertThat(json.trim()).startsWith("[").endsWith("]");
    for (String key :
        new String[] {
          "gamma", "strategy", "spread", "profit_mean", "profit_std", "q_mean", "q_std"
        }) {
      assertThat(count(json, "\"" + key + "\"")).as(key).isEqualTo(6);
    }
    assertThat(count(json, "\"strategy\": \"inventory\"")).isEqualTo(3);
    assertThat(count(json, "\"strategy\": \"symmetric\"")).isEqualTo(3);
    // Default 1000 simulations: the symmetric γ = 0.1 row is the paper's 67.21 ± 3 SE.
    Matcher m =
        Pattern.compile(
                "\"gamma\": 0\\.1,\\s*\"strategy\": \"symmetric\",\\s*\"spread\": [^,]+,"
                    + "\\s*\"profit_mean\": ([0-9.]+)")
            .matcher(json);
    assertThat(m.find()).isTrue();
    assertThat(Double.parseDouble(m.group(1))).isBetween(67.21 - 1.8, 67.21 + 1.8);
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

  private static int count(String s, String needle) {
    int n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
