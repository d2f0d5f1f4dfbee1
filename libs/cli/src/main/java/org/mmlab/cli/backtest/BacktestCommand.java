package org.mmlab.cli.backtest;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mmlab.cli.JsonOutput;
import org.mmlab.cli.MarketOptions;
import org.mmlab.sim.core.Rng;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.backtest.BacktestResult;
import org.mmlab.strategy.backtest.Backtester;
import org.mmlab.strategy.metrics.EpisodeMetrics;
import org.mmlab.strategy.metrics.MetricsAggregate;
import org.mmlab.strategy.report.HtmlReportWriter;
import org.mmlab.strategy.report.ReportRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./mmlab backtest}: one strategy, N episodes of one market, measured. */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Run one strategy through episodes of a market and print its metrics.",
      "Episode i uses seed derive(SEED, i) for the market and the strategy, so the same seed"
          + " gives the same numbers and two strategies meet the same markets."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab backtest --strategy symmetric --market zi --episodes 5 --seed 7",
      "  ./mmlab backtest --strategy avellaneda-stoikov --param gamma=0.2 --market hawkes"
          + " --format json",
      "  ./mmlab backtest --strategy glft --market as --episodes 10 --report reports/glft"
    })
public final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--strategy",
      required = true,
      paramLabel = "NAME",
      description = "symmetric, avellaneda-stoikov, glft, random, rl or ensemble.")
  String strategy;

  @Mixin RunOptions run;

  @Mixin MarketOptions marketOptions;

  @Mixin StrategyOptions strategyOptions;

  @Override
  public Integer call() throws IOException {
    OutputFormat fmt = run.validate();
    BacktestConfig config = marketOptions.toConfig();
    strategyOptions.checkPredictorUse(List.of(strategy));
    strategyOptions.create(strategy);
    BacktestResult result =
        new Backtester(config)
            .run(
                () -> strategyOptions.create(strategy), run.episodes, run.seed, run.report != null);
    PrintWriter out = spec.commandLine().getOut();
    switch (fmt) {
      case JSON:
        out.println(JsonOutput.write(summary(result, config)));
        break;
      case CSV:
        printCsv(out, result);
        break;
      default:
        printTable(out, result, config);
        break;
    }
    if (run.report != null) {
      Path index =
          new HtmlReportWriter()
              .writeEpisode(
                  run.report,
                  result.strategy() + " on " + config.marketSpec(),
                  ReportRun.of(result.strategy(), result.firstSeries(), result.aggregate()));
      spec.commandLine().getErr().println("report written to " + index);
    }
    out.flush();
    return 0;
  }

  private Map<String, Object> summary(BacktestResult result, BacktestConfig config) {
    // Flat means first (the agreed keys), then what a reader needs to interpret them.
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Object> stderr = new LinkedHashMap<>();
    for (Map.Entry<String, MetricsAggregate.Stat> e : result.aggregate().stats().entrySet()) {
      json.put(e.getKey(), finiteOrNull(e.getValue().mean()));
      stderr.put(e.getKey(), finiteOrNull(e.getValue().stdErr()));
    }
    json.put("strategy", result.strategy());
    json.put("market", config.marketSpec());
    json.put("episodes", result.episodes().size());
    json.put("seed", run.seed);
    json.put("stderr", stderr);
    return json;
  }

  private static Object finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private void printCsv(PrintWriter out, BacktestResult result) {
    List<EpisodeMetrics> list = result.episodes();
    Map<String, Object> first = list.get(0).toJsonMap();
    out.println("episode,seed," + String.join(",", first.keySet()));
    for (int i = 0; i < list.size(); i++) {
      StringBuilder row = new StringBuilder();
      row.append(i).append(',').append(Rng.derive(run.seed, i));
      for (Object v : list.get(i).toJsonMap().values()) {
        row.append(',').append(v == null ? "" : v);
      }
      out.println(row);
    }
  }

  private void printTable(PrintWriter out, BacktestResult result, BacktestConfig config) {
    out.printf(
        Locale.ROOT,
        "%s on %s: %d episode(s) of %d steps, seed %d%n",
        result.strategy(),
        config.marketSpec(),
        result.episodes().size(),
        config.steps(),
        run.seed);
    out.printf(Locale.ROOT, "%-28s %14s %12s%n", "metric", "mean", "std err");
    for (Map.Entry<String, MetricsAggregate.Stat> e : result.aggregate().stats().entrySet()) {
      out.printf(
          Locale.ROOT,
          "%-28s %14.4f %12.4f%n",
          e.getKey(),
          e.getValue().mean(),
          e.getValue().stdErr());
    }
  }
}
