package org.mmlab.cli.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.mmlab.cli.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./mmlab bench tick-to-quote}: runs a strategy in rl-strategy-service and reads two of its
 * histograms from {@code /actuator/prometheus}, warm-up excluded: {@code
 * mmlab_strategy_decision_seconds} (a decision's start on the latest book → its quote request ready
 * to send: the latency inside the service, which the target is about) and {@code
 * mmlab_strategy_tick_to_quote_seconds} (latest book event seen by a decision → the quote
 * acknowledged by the gateway: adds the decision interval's staleness and the gateway and exchange
 * round trip), and the round trip alone, {@code mmlab_strategy_quote_round_trip_seconds}.
 */
@Command(
    name = "tick-to-quote",
    mixinStandardHelpOptions = true,
    description = {
      "Tick-to-quote latency inside rl-strategy-service: starts a strategy, lets it quote for",
      "--duration seconds, and reads the service's mmlab_strategy_decision_seconds histogram",
      "(a decision's start on the latest book until its quote request is ready to send) and",
      "mmlab_strategy_tick_to_quote_seconds (latest book event seen by a decision until the",
      "gateway acknowledged its quote) and mmlab_strategy_quote_round_trip_seconds (the quote",
      "request sent until the gateway's answer) before and after, so the warm-up is left out. The",
      "target applies to the first; the second adds the round trip and the time the book waited",
      "for the next decision. Percentiles are interpolated inside",
      "the histogram's buckets, whose bounds are printed with them. Services started here decide",
      "every --decision-interval and run the market --speed times faster than real time."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab bench tick-to-quote",
      "  ./mmlab bench tick-to-quote --strategy glft --duration 120 --format json",
      "  ./mmlab bench tick-to-quote --strategy-url http://127.0.0.1:8083"
    })
public final class TickToQuoteBenchCommand implements Callable<Integer> {
  static final String METRIC = "mmlab_strategy_tick_to_quote_seconds";
  static final String IN_SERVICE = "mmlab_strategy_decision_seconds";
  static final String ROUND_TRIP = "mmlab_strategy_quote_round_trip_seconds";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin VenueOptions venue;

  @Option(
      names = "--strategy",
      paramLabel = "TYPE",
      defaultValue = "symmetric",
      description = "Strategy type to run (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Option(
      names = "--model-path",
      paramLabel = "P",
      description = "Model bundle for --strategy rl or ensemble.")
  String modelPath;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  int durationSeconds;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      defaultValue = "15",
      description = "Seconds of quoting before measuring (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(
      names = "--decision-interval",
      paramLabel = "MS",
      defaultValue = "50",
      description =
          "Decision interval of a strategy service started here, ms (default: ${DEFAULT-VALUE}).")
  int decisionIntervalMs;

  @Option(
      names = "--speed",
      paramLabel = "X",
      defaultValue = "10",
      description = "Market speed of an exchange started here (default: ${DEFAULT-VALUE}).")
  double speed;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    venue.validate(false, false, true);
    validate();
    ServiceHttp http = new ServiceHttp();
    try (BenchServices services =
        BenchServices.open(
            venue,
            List.of(BenchServices.MARKET_DATA, BenchServices.GATEWAY, BenchServices.STRATEGY),
            Map.of(
                BenchServices.MARKET_DATA,
                List.of("--mmlab.exchange.speed=" + speed),
                BenchServices.GATEWAY,
                BenchServices.GATEWAY_UNLIMITED,
                BenchServices.STRATEGY,
                List.of("--mmlab.strategy.decision-interval=" + decisionIntervalMs + "ms")),
            out)) {
      URI st = services.url(BenchServices.STRATEGY);
      String id = http.startStrategy(st, startJson());
      try {
        Predicate<Map<String, String>> mine = l -> id.equals(l.get("strategy"));
        out.printf(
            "strategy %s (%s) quoting; measuring %d s after %d s warm-up%n",
            id, strategy, durationSeconds, warmupSeconds);
        out.flush();
        Thread.sleep(warmupSeconds * 1000L);
        PrometheusText before = http.prometheus(st);
        Thread.sleep(durationSeconds * 1000L);
        PrometheusText after = http.prometheus(st);
        String status = http.strategy(st, id);
        services
            .dead()
            .ifPresent(
                d -> {
                  throw new UserInputException(d);
                });
        report(before, after, mine, status, services.startedHere()).print(out, venue.format);
      } finally {
        http.stopStrategy(st, id);
      }
    }
    return 0;
  }

  BenchReport report(
      PrometheusText before,
      PrometheusText after,
      Predicate<Map<String, String>> mine,
      String status,
      boolean startedHere) {
    TreeMap<Double, Double> buckets =
        PrometheusText.minus(after.buckets(METRIC, mine), before.buckets(METRIC, mine));
    double count = nz(after.sum(METRIC + "_count", mine)) - nz(before.sum(METRIC + "_count", mine));
    double sum = nz(after.sum(METRIC + "_sum", mine)) - nz(before.sum(METRIC + "_sum", mine));
    double max = after.sum(METRIC + "_max", mine);
    if (count <= 0) {
      throw new UserInputException(
          "the strategy sent no quote in "
              + durationSeconds
              + " s (no "
              + METRIC
              + " observations); its status: "
              + status.replaceAll("\\s+", " "));
    }
    PrometheusText.Quantile p50 = PrometheusText.quantile(buckets, 0.5);
    PrometheusText.Quantile p99 = PrometheusText.quantile(buckets, 0.99);
    TreeMap<Double, Double> inBuckets =
        PrometheusText.minus(after.buckets(IN_SERVICE, mine), before.buckets(IN_SERVICE, mine));
    double inSum =
        nz(after.sum(IN_SERVICE + "_sum", mine)) - nz(before.sum(IN_SERVICE + "_sum", mine));
    double inMax = after.sum(IN_SERVICE + "_max", mine);
    PrometheusText.Quantile in50 = PrometheusText.quantile(inBuckets, 0.5);
    PrometheusText.Quantile in99 = PrometheusText.quantile(inBuckets, 0.99);
    TreeMap<Double, Double> rtBuckets =
        PrometheusText.minus(after.buckets(ROUND_TRIP, mine), before.buckets(ROUND_TRIP, mine));
    double rtSum =
        nz(after.sum(ROUND_TRIP + "_sum", mine)) - nz(before.sum(ROUND_TRIP + "_sum", mine));
    PrometheusText.Quantile rt50 = PrometheusText.quantile(rtBuckets, 0.5);
    PrometheusText.Quantile rt99 = PrometheusText.quantile(rtBuckets, 0.99);
    boolean met = in99 != null && in99.upperBound() <= 0.001;
    BenchReport rep =
        new BenchReport("tick-to-quote inside rl-strategy-service (" + strategy + ")");
    rep.row("quotes measured", String.format("%.0f in %d s", count, durationSeconds))
        .row("in the service: mean", ms(inSum / count) + " ms")
        .row("in the service: p50", quantileText(in50))
        .row("in the service: p99", quantileText(in99))
        .row("in the service: max (recent window)", ms(inMax) + " ms")
        .row("quote round trip (gateway + exchange): mean", ms(rtSum / count) + " ms")
        .row("quote round trip (gateway + exchange): p50", quantileText(rt50))
        .row("quote round trip (gateway + exchange): p99", quantileText(rt99))
        .row("book event to acknowledged quote: mean", ms(sum / count) + " ms")
        .row("book event to acknowledged quote: p50", quantileText(p50))
        .row("book event to acknowledged quote: p99", quantileText(p99))
        .row("book event to acknowledged quote: max", ms(max) + " ms")
        .row(
            "target p99 < 1 ms",
            met
                ? "met (in the service)"
                : in99 != null && in99.lowerBound() >= 0.001
                    ? "not met"
                    : "not resolved by the buckets");
    List<Map<String, Object>> bucketList = new ArrayList<>();
    buckets.forEach(
        (le, n) -> {
          if (n > 0) {
            bucketList.add(Map.of("leSeconds", le.isInfinite() ? "+Inf" : le, "cumulative", n));
          }
        });
    rep.put("strategy", strategy)
        .put("count", count)
        .put("inServiceMeanMs", LatencySummary.round(inSum / count * 1000))
        .put("inServiceP50Ms", in50 == null ? null : LatencySummary.round(in50.seconds() * 1000))
        .put("inServiceP99Ms", in99 == null ? null : LatencySummary.round(in99.seconds() * 1000))
        .put("inServiceP99BucketMs", bounds(in99))
        .put("inServiceMaxMs", LatencySummary.round(inMax * 1000))
        .put("roundTripMeanMs", LatencySummary.round(rtSum / count * 1000))
        .put("roundTripP50Ms", rt50 == null ? null : LatencySummary.round(rt50.seconds() * 1000))
        .put("roundTripP99Ms", rt99 == null ? null : LatencySummary.round(rt99.seconds() * 1000))
        .put("meanMs", LatencySummary.round(sum / count * 1000))
        .put("p50Ms", p50 == null ? null : LatencySummary.round(p50.seconds() * 1000))
        .put("p50BucketMs", bounds(p50))
        .put("p99Ms", p99 == null ? null : LatencySummary.round(p99.seconds() * 1000))
        .put("p99BucketMs", bounds(p99))
        .put("maxMs", LatencySummary.round(max * 1000))
        .put("targetMet", met)
        .put("decisionIntervalMs", startedHere ? decisionIntervalMs : null)
        .put("servicesStartedHere", startedHere)
        .put("buckets", bucketList);
    return rep;
  }

  private static double nz(double v) {
    return Double.isNaN(v) ? 0 : v;
  }

  private static String ms(double seconds) {
    return LatencySummary.fmt(seconds * 1000);
  }

  private static String quantileText(PrometheusText.Quantile q) {
    if (q == null) {
      return "n/a";
    }
    return ms(q.seconds())
        + " ms (bucket "
        + ms(q.lowerBound())
        + "–"
        + (Double.isInfinite(q.upperBound()) ? "∞" : ms(q.upperBound()))
        + " ms)";
  }

  private static List<Double> bounds(PrometheusText.Quantile q) {
    if (q == null) {
      return null;
    }
    return List.of(
        LatencySummary.round(q.lowerBound() * 1000),
        Double.isInfinite(q.upperBound())
            ? Double.POSITIVE_INFINITY
            : LatencySummary.round(q.upperBound() * 1000));
  }

  private String startJson() {
    StringBuilder b = new StringBuilder("{\"type\":\"").append(strategy).append('"');
    if (modelPath != null) {
      String p = java.nio.file.Path.of(modelPath).toAbsolutePath().toString();
      b.append(",\"modelPath\":\"")
          .append(p.replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"');
    }
    return b.append('}').toString();
  }

  private void validate() {
    if (!strategy.matches("[a-z0-9-]{1,40}")) {
      throw new UserInputException(
          "--strategy must be a strategy type like symmetric, got " + strategy);
    }
    if (durationSeconds < 1) {
      throw new UserInputException("--duration must be at least 1 second, got " + durationSeconds);
    }
    if (warmupSeconds < 0) {
      throw new UserInputException("--warmup must not be negative, got " + warmupSeconds);
    }
    if (decisionIntervalMs < 1) {
      throw new UserInputException(
          "--decision-interval must be at least 1 ms, got " + decisionIntervalMs);
    }
    if (!(speed > 0 && speed <= 10_000)) {
      throw new UserInputException("--speed must be in (0, 10000], got " + speed);
    }
  }
}
