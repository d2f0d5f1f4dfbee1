package org.mmlab.cli.paper;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    /** Simulations behind each row of the paper's tables. */
    private static final int PUBLISHED_SIMULATIONS = 1000;

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

    @Option(
        names = "--quote-distance",
        defaultValue = "after-move",
        paramLabel = "WHEN",
        description =
            "Mid the fill intensity's quote distance is measured from: after-move or"
                + " before-move, relative to the step's mid move (default: ${DEFAULT-VALUE}).")
    String quoteDistance;

    @Option(
        names = "--inventory-spread",
        defaultValue = "full",
        paramLabel = "FORM",
        description =
            "Inventory strategy's spread: full (gamma*sigma^2*(T-t) + (2/gamma)ln(1+gamma/k)) or"
                + " constant ((2/gamma)ln(1+gamma/k) only) (default: ${DEFAULT-VALUE}).")
    String inventorySpread;

    @Option(
        names = "--fill-probability",
        defaultValue = "linear",
        paramLabel = "FORM",
        description =
            "Per-step fill probability: linear (lambda*dt, capped at 1) or poisson"
                + " (1-exp(-lambda*dt)) (default: ${DEFAULT-VALUE}).")
    String fillProbability;

    @Option(
        names = "--all-discretizations",
        description =
            "Run every combination of the three discretization options above and print the"
                + " profit and inventory figures of each next to the paper's.")
    boolean allDiscretizations;

    @Override
    public Integer call() {
      if (simulations <= 0) {
        throw new IllegalArgumentException("--simulations must be > 0, got " + simulations);
      }
      String fmt = format.toLowerCase(Locale.ROOT);
      if (!fmt.equals("table") && !fmt.equals("json")) {
        throw new IllegalArgumentException("--format must be table or json, got '" + format + "'");
      }
      AvellanedaStoikovStudy.Discretization chosen =
          new AvellanedaStoikovStudy.Discretization(
              choice("--quote-distance", quoteDistance, "after-move", "before-move"),
              choice("--inventory-spread", inventorySpread, "full", "constant"),
              !choice("--fill-probability", fillProbability, "linear", "poisson"));
      PrintWriter out = spec.commandLine().getOut();
      if (allDiscretizations) {
        printAllDiscretizations(out, fmt);
        out.flush();
        return 0;
      }
      List<AvellanedaStoikovStudy.Row> rows =
          new AvellanedaStoikovStudy(AvellanedaStoikovStudy.Config.paper(), chosen)
              .run(simulations, seed);
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

    /** True for {@code first}, false for {@code second}; anything else is a usage error. */
    private static boolean choice(String option, String value, String first, String second) {
      String v = value.toLowerCase(Locale.ROOT);
      if (v.equals(first)) {
        return true;
      }
      if (v.equals(second)) {
        return false;
      }
      throw new IllegalArgumentException(
          option + " must be " + first + " or " + second + ", got '" + value + "'");
    }

    private void printAllDiscretizations(PrintWriter out, String fmt) {
      List<AvellanedaStoikovStudy.Row> paper = AvellanedaStoikovStudy.published();
      List<Map<String, Object>> json = new ArrayList<>();
      if (fmt.equals("table")) {
        out.printf(
            Locale.ROOT,
            "Avellaneda & Stoikov (2008), every discretization: %d simulations per row, seed %d;"
                + " z = (simulated - published profit) / s.e. of the difference%n%n",
            simulations,
            seed);
        out.printf(
            Locale.ROOT,
            "%-66s %-6s %-10s %8s %7s %6s %6s%n",
            "discretization",
            "gamma",
            "strategy",
            "profit",
            "std",
            "z",
            "std(q)");
      }
      for (AvellanedaStoikovStudy.Discretization d : AvellanedaStoikovStudy.Discretization.all()) {
        List<AvellanedaStoikovStudy.Row> rows =
            new AvellanedaStoikovStudy(AvellanedaStoikovStudy.Config.paper(), d)
                .run(simulations, seed);
        for (int i = 0; i < rows.size(); i++) {
          AvellanedaStoikovStudy.Row r = rows.get(i);
          double z = zScore(r, paper.get(i));
          if (fmt.equals("json")) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("distance_after_move", d.distanceAfterMove());
            m.put("inventory_spread_risk_term", d.inventorySpreadRiskTerm());
            m.put("poisson_fill_probability", d.poissonFillProbability());
            m.putAll(r.toJsonMap());
            m.put("profit_z", z);
            json.add(m);
          } else {
            out.printf(
                Locale.ROOT,
                "%-66s %-6s %-10s %8.2f %7.2f %6.1f %6.2f%n",
                i == 0 ? d.describe() : "",
                r.gamma(),
                r.strategy(),
                r.profitMean(),
                r.profitStd(),
                z,
                r.qStd());
          }
        }
      }
      if (fmt.equals("json")) {
        out.println(JsonOutput.write(json));
      } else {
        out.printf(
            Locale.ROOT,
            "%n%-66s %-6s %-10s %8s %7s %6s %6s%n",
            "published",
            "",
            "",
            "",
            "",
            "",
            "");
        for (AvellanedaStoikovStudy.Row p : paper) {
          out.printf(
              Locale.ROOT,
              "%-66s %-6s %-10s %8.2f %7.2f %6s %6.2f%n",
              "",
              p.gamma(),
              p.strategy(),
              p.profitMean(),
              p.profitStd(),
              "",
              p.qStd());
        }
      }
    }

    /**
     * Difference of mean profits in standard errors of the difference (the paper's 1000 simulations
     * per row against ours).
     */
    private double zScore(AvellanedaStoikovStudy.Row sim, AvellanedaStoikovStudy.Row published) {
      double se =
          Math.sqrt(
              sim.profitStd() * sim.profitStd() / simulations
                  + published.profitStd() * published.profitStd() / PUBLISHED_SIMULATIONS);
      return (sim.profitMean() - published.profitMean()) / se;
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
          "%-6s %-10s  " + columns + "   " + columns + " %7s%n",
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
          "std(q)",
          "z");
      String values = "%7.2f %8.2f %7.2f %6.2f %6.2f";
      for (int i = 0; i < rows.size(); i++) {
        AvellanedaStoikovStudy.Row r = rows.get(i);
        AvellanedaStoikovStudy.Row p = paper.get(i);
        out.printf(
            Locale.ROOT,
            "%-6s %-10s  " + values + "   " + values + " %7.1f%n",
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
            p.qStd(),
            zScore(r, p));
      }
      out.println();
      out.println(
          "The inventory strategy's spread includes gamma*sigma^2*(T-t); the symmetric one quotes"
              + " the paper's tabulated (2/gamma)ln(1+gamma/k). z = (simulated - published"
              + " profit) / standard error of the difference.");
    }
  }
}
