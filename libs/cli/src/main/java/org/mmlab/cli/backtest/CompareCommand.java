package org.mmlab.cli.backtest;

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
import org.mmlab.cli.MarketOptions;
import org.mmlab.cli.UserInputException;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.backtest.BacktestResult;
import org.mmlab.strategy.backtest.Backtester;
import org.mmlab.strategy.metrics.EpisodeMetrics;
import org.mmlab.strategy.metrics.EpisodeSeries;
import org.mmlab.strategy.metrics.MetricsAggregate;
import org.mmlab.strategy.report.HtmlReportWriter;
import org.mmlab.strategy.report.ReportRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./mmlab compare}: several strategies on the same markets and seeds. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Run several strategies on exactly the same markets and seeds and tabulate mean +-"
          + " standard error of every metric.",
      "Seeds SEED .. SEED+K-1 each run N episodes per strategy."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab compare --strategies symmetric,avellaneda-stoikov,glft --market zi"
          + " --episodes 5 --seeds 4",
      "  ./mmlab compare --strategies symmetric,glft --market"
          + " lobster:../shared/data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_5.zip"
          + " --report reports/amzn"
    })
public final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--strategies",
      required = true,
      split = ",",
      paramLabel = "NAMES",
      description = "Comma-separated strategies, e.g. symmetric,avellaneda-stoikov,glft.")
  List<String> strategies;

  @Option(
      names = "--seeds",
      defaultValue = "3",
      paramLabel = "K",
      description = "Number of seeds, > 0 (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Mixin RunOptions run;

  @Mixin MarketOptions marketOptions;

  @Mixin StrategyOptions strategyOptions;

  @Override
  public Integer call() throws IOException {
    if (seeds <= 0) {
      throw new UserInputException("--seeds must be > 0, got " + seeds);
    }
    OutputFormat fmt = run.validate();
    BacktestConfig config = marketOptions.toConfig();
    strategyOptions.checkPredictorUse(strategies);
    for (String name : strategies) {
      strategyOptions.create(name);
    }
    Backtester backtester = new Backtester(config);
    Map<String, MetricsAggregate> aggregates = new LinkedHashMap<>();
    Map<String, List<EpisodeMetrics>> all = new LinkedHashMap<>();
    List<ReportRun> runs = new ArrayList<>();
    for (String name : strategies) {
      List<EpisodeMetrics> episodesOfStrategy = new ArrayList<>();
      EpisodeSeries series = null;
      for (int k = 0; k < seeds; k++) {
        BacktestResult r =
            backtester.run(
                () -> strategyOptions.create(name),
                run.episodes,
                run.seed + k,
                run.report != null && k == 0);
        episodesOfStrategy.addAll(r.episodes());
        if (k == 0) {
          series = r.firstSeries();
        }
      }
      MetricsAggregate aggregate = MetricsAggregate.of(episodesOfStrategy);
      aggregates.put(name, aggregate);
      all.put(name, episodesOfStrategy);
      if (run.report != null) {
        runs.add(ReportRun.of(name, series, aggregate));
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    switch (fmt) {
      case JSON:
        Map<String, Object> json = new LinkedHashMap<>();
        for (Map.Entry<String, MetricsAggregate> e : aggregates.entrySet()) {
          json.put(e.getKey(), e.getValue().toJsonMap());
        }
        out.println(JsonOutput.write(json));
        break;
      case CSV:
        printCsv(out, all);
        break;
      default:
        printTable(out, aggregates, config);
        break;
    }
    if (run.report != null) {
      Path index =
          new HtmlReportWriter()
              .writeComparison(run.report, "Comparison on " + config.marketSpec(), runs);
      spec.commandLine().getErr().println("report written to " + index);
    }
    out.flush();
    return 0;
  }

  private void printCsv(PrintWriter out, Map<String, List<EpisodeMetrics>> all) {
    boolean header = true;
    for (Map.Entry<String, List<EpisodeMetrics>> e : all.entrySet()) {
      for (int i = 0; i < e.getValue().size(); i++) {
        Map<String, Object> m = e.getValue().get(i).toJsonMap();
        if (header) {
          out.println("strategy,run," + String.join(",", m.keySet()));
          header = false;
        }
        StringBuilder row = new StringBuilder(e.getKey()).append(',').append(i);
        for (Object v : m.values()) {
          row.append(',').append(v == null ? "" : v);
        }
        out.println(row);
      }
    }
  }

  private void printTable(
      PrintWriter out, Map<String, MetricsAggregate> aggregates, BacktestConfig config) {
    out.printf(
        Locale.ROOT,
        "%s: %d seed(s) x %d episode(s) of %d steps per strategy, first seed %d%n",
        config.marketSpec(),
        seeds,
        run.episodes,
        config.steps(),
        run.seed);
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-24s", "metric"));
    for (String name : aggregates.keySet()) {
      head.append(String.format(Locale.ROOT, " %24s", name));
    }
    out.println(head);
    MetricsAggregate firstAggregate = aggregates.values().iterator().next();
    for (String metric : firstAggregate.stats().keySet()) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-24s", metric));
      for (MetricsAggregate a : aggregates.values()) {
        MetricsAggregate.Stat s = a.stat(metric);
        row.append(
            String.format(
                Locale.ROOT,
                " %24s",
                String.format(Locale.ROOT, "%.3f ± %.3f", s.mean(), s.stdErr())));
      }
      out.println(row);
    }
  }
}
