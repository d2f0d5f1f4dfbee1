package org.mmlab.cli.paper;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmlab.cli.JsonOutput;
import org.mmlab.strategy.paper.AvellanedaStoikovStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./mmlab paper ...}: reruns published market-making studies. */
@Command(
    name = "paper",
    mixinStandardHelpOptions = true,
    description = "Rerun the simulation studies of published market-making papers.",
    subcommands = {PaperCommand.AvellanedaStoikovCommand.class},
    footer = {
      "",
      "Examples:",
      "  ./mmlab paper avellaneda-stoikov",
      "  ./mmlab paper avellaneda-stoikov --simulations 10000 --seed 7 --format json"
    })
public final class PaperCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code ./mmlab paper avellaneda-stoikov}: Avellaneda &amp; Stoikov (2008), section 4, next to
   * the published tables.
   */
  @Command(
      name = "avellaneda-stoikov",
      mixinStandardHelpOptions = true,
      description = {
        "Avellaneda & Stoikov (2008), 'High-frequency trading in a limit order book', section 4:"
            + " the inventory strategy vs a symmetric strategy quoting the paper's tabulated"
            + " average spread, s=100, T=1, sigma=2, dt=0.005, k=1.5, A=140,"
            + " gamma in {0.1, 0.01, 0.5}.",
        "Prints the simulated spread, profit and final inventory (mean and std) of each row"
            + " beside the paper's published values."
      },
      footer = {
        "",
        "Examples:",
        "  ./mmlab paper avellaneda-stoikov",
        "  ./mmlab paper avellaneda-stoikov --simulations 100000 --seed 1",
        "  ./mmlab paper avellaneda-stoikov --format json"
      })
  public static final class AvellanedaStoikovCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--simulations",
        defaultValue = "1000",
        paramLabel = "N",
        description = "Simulations per gamma and strategy, > 0 (default: ${DEFAULT-VALUE}).")
    int simulations;

    @Option(
        names = "--seed",
        defaultValue = "42",
        paramLabel = "SEED",
        description =
            "Base seed; the same seed gives the same numbers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--format",
        defaultValue = "table",
        paramLabel = "FORMAT",
        description = "Output format: table or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
      if (simulations <= 0) {
        throw new IllegalArgumentException("--simulations must be > 0, got " + simulations);
      }
      String fmt = format.toLowerCase(Locale.ROOT);
      if (!fmt.equals("table") && !fmt.equals("json")) {
        throw new IllegalArgumentException("--format must be table or json, got '" + format + "'");
      }
      List<AvellanedaStoikovStudy.Row> rows = new AvellanedaStoikovStudy().run(simulations, seed);
      PrintWriter out = spec.commandLine().getOut();
      if (fmt.equals("json")) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (AvellanedaStoikovStudy.Row r : rows) {
          json.add(r.toJsonMap());
        }
        out.println(JsonOutput.write(json));
      } else {
        printTable(out, rows);
      }
      out.flush();
      return 0;
    }

    private void printTable(PrintWriter out, List<AvellanedaStoikovStudy.Row> rows) {
      List<AvellanedaStoikovStudy.Row> paper = AvellanedaStoikovStudy.published();
      out.printf(
          Locale.ROOT,
          "Avellaneda & Stoikov (2008), section 4: %d simulations per row, seed %d%n%n",
          simulations,
          seed);
      String columns = "%7s %8s %7s %6s %6s";
      out.printf(
          Locale.ROOT,
          "%-17s  %-38s   %s%n",
          "",
          "------------ simulated -------------",
          "------------ published -------------");
      out.printf(
          Locale.ROOT,
          "%-6s %-10s  " + columns + "   " + columns + "%n",
          "gamma",
          "strategy",
          "spread",
          "profit",
          "std",
          "q",
          "std(q)",
          "spread",
          "profit",
          "std",
          "q",
          "std(q)");
      String values = "%7.2f %8.2f %7.2f %6.2f %6.2f";
      for (int i = 0; i < rows.size(); i++) {
        AvellanedaStoikovStudy.Row r = rows.get(i);
        AvellanedaStoikovStudy.Row p = paper.get(i);
        out.printf(
            Locale.ROOT,
            "%-6s %-10s  " + values + "   " + values + "%n",
            r.gamma(),
            r.strategy(),
            r.spread(),
            r.profitMean(),
            r.profitStd(),
            r.qMean(),
            r.qStd(),
            p.spread(),
            p.profitMean(),
            p.profitStd(),
            p.qMean(),
            p.qStd());
      }
      out.println();
      out.println(
          "The inventory strategy's spread includes gamma*sigma^2*(T-t); the symmetric one quotes"
              + " the paper's tabulated (2/gamma)ln(1+gamma/k).");
    }
  }
}
