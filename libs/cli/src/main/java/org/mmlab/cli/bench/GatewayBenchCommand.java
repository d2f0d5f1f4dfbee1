package org.mmlab.cli.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmlab.api.Endpoints;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.cli.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./mmlab bench gateway}: order submissions per second through the gateway's REST API on
 * loopback, open-loop at a target rate, with latency from each order's intended send time.
 */
@Command(
    name = "gateway",
    mixinStandardHelpOptions = true,
    description = {
      "Orders/s through order-gateway-service on loopback with p50/p99 latency: open-loop at",
      "--rate over --connections HTTP/1.1 connections, latency counted from each order's",
      "intended send time. Orders are IOC limits a few ticks outside the spread (accepted by",
      "the exchange, then cancelled unfilled), so the book and positions stay unchanged.",
      "Services started here get the gateway's per-client rate limit lifted."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab bench gateway",
      "  ./mmlab bench gateway --rate 1000,2000,5000,10000 --duration 30 --format json",
      "  ./mmlab bench gateway --gateway-url http://127.0.0.1:8082 --market-data-url"
          + " http://127.0.0.1:8081 --rate 250 --api-key demo-key,strategy-key,admin-key"
    })
public final class GatewayBenchCommand implements Callable<Integer> {
  static final List<String> DEFAULT_KEYS = List.of("demo-key", "strategy-key", "admin-key");
  private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin VenueOptions venue;

  @Mixin LoadOptions load;

  @Option(
      names = "--offset-ticks",
      paramLabel = "N",
      defaultValue = "5",
      description =
          "How far outside the spread the IOC orders are priced (default: ${DEFAULT-VALUE}).")
  int offsetTicks;

  @Option(
      names = "--settle",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "Before the first rate, load services started here at the highest rate in "
              + SETTLE_WINDOW_SECONDS
              + " s windows until their CPU per order stops falling (the JIT has compiled the hot"
              + " path), for at most this long; 0 measures them as they are (default:"
              + " ${DEFAULT-VALUE}).")
  int settleSeconds;

  /** Length of one settling window. */
  static final int SETTLE_WINDOW_SECONDS = 5;

  /** A window that improves on the best before it by less than this has settled. */
  static final double SETTLE_TOLERANCE = 0.03;

  /** Windows before the CPU per order can count as settled. */
  static final int SETTLE_MIN_WINDOWS = 3;

  /** How settling ended, for the report; null when it did not run. */
  private String settleOutcome;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    venue.validate(true, true, false);
    validate();
    List<String> keys = venue.keys(DEFAULT_KEYS);
    try (BenchServices services =
        BenchServices.open(
            venue,
            List.of(BenchServices.MARKET_DATA, BenchServices.GATEWAY),
            Map.of(BenchServices.GATEWAY, BenchServices.GATEWAY_UNLIMITED),
            out)) {
      URI gw = services.url(BenchServices.GATEWAY);
      URI md = services.url(BenchServices.MARKET_DATA);
      try (BookWatch book = new BookWatch(md, gw, keys.get(0))) {
        book.awaitTwoSided(Duration.ofSeconds(30));
        InstrumentInfo instrument = book.instrument();
        String run = Long.toString(System.currentTimeMillis(), 36);
        OpenLoopLoad.Requests requests =
            i -> {
              String key = keys.get((int) (i % keys.size()));
              boolean buy = (i / keys.size() & 1) == 0;
              long ticks = buy ? book.bestBid() - offsetTicks : book.bestAsk() + offsetTicks;
              String body =
                  "{\"clientOrderId\":\"g"
                      + run
                      + "-"
                      + i
                      + "\",\"side\":\""
                      + (buy ? "BUY" : "SELL")
                      + "\",\"type\":\"IOC\",\"price\":"
                      + instrument.price(Math.max(1, ticks)).toPlainString()
                      + ",\"size\":"
                      + instrument.size(1).toPlainString()
                      + "}";
              return new OpenLoopLoad.Request("POST", Endpoints.ORDERS, key, body);
            };
        OpenLoopLoad.Responses responses =
            (i, req, status, body, measured) -> outcome(status, body);
        OpenLoopLoad generator = new OpenLoopLoad(gw, load.connections, Duration.ofSeconds(10));
        List<Run> runs = new ArrayList<>();
        long base = settle(generator, requests, responses, services, out);
        for (double rate : load.rates) {
          out.printf(
              "offering %s orders/s for %d s (+%d s warm-up) over %d connections, %d API keys%n",
              BenchReport.fmt(rate),
              load.durationSeconds,
              load.warmupSeconds,
              load.connections,
              keys.size());
          out.flush();
          CpuMeter cpu = new CpuMeter(services.pids());
          OpenLoopLoad.Result r =
              runLoad(
                  generator,
                  requests,
                  responses,
                  services,
                  base,
                  rate,
                  Duration.ofSeconds(load.warmupSeconds),
                  Duration.ofSeconds(load.durationSeconds));
          base += r.sentTotal();
          runs.add(new Run(r, cpu.secondsSinceStart()));
        }
        report(runs, services.startedHere(), keys.size()).print(out, venue.format);
      }
    }
    return 0;
  }

  /**
   * Loads services started here at the highest rate until the CPU they spend per order stops
   * falling: a gateway just started spends 150-160 µs per order at 10,000/s while its JIT still
   * compiles, 110-120 µs once it is done, and a measurement of the first minutes is one of the
   * compiler, not of the service. Running services (their CPU time unseen) are measured as they
   * are.
   *
   * @return orders sent, so that the measured rates' client order ids do not repeat them
   */
  private long settle(
      OpenLoopLoad generator,
      OpenLoopLoad.Requests requests,
      OpenLoopLoad.Responses responses,
      BenchServices services,
      PrintWriter out)
      throws InterruptedException {
    if (settleSeconds == 0 || services.pids().isEmpty()) {
      return 0;
    }
    // The highest rate, the one the measurement needs compiled for: settled at 5,000/s, a gateway
    // once stalled 50 ms in its first measured 10,000/s (p99 48 ms), never in the later ones.
    double rate = Collections.max(load.rates);
    long start = System.nanoTime();
    long deadline = start + settleSeconds * 1_000_000_000L;
    List<Double> perOrder = new ArrayList<>();
    long base = 0;
    Duration ramp = Duration.ofSeconds(load.warmupSeconds);
    do {
      CpuMeter cpu = new CpuMeter(services.pids());
      OpenLoopLoad.Result r =
          runLoad(
              generator,
              requests,
              responses,
              services,
              base,
              rate,
              ramp,
              Duration.ofSeconds(SETTLE_WINDOW_SECONDS));
      ramp = Duration.ZERO; // ramped once; the services are at the rate from then on
      base += r.sentTotal();
      double seconds = 0;
      for (Map.Entry<String, Double> e : cpu.secondsSinceStart().entrySet()) {
        if (services.pids().containsKey(e.getKey())) {
          seconds += e.getValue();
        }
      }
      perOrder.add(seconds * 1e6 / Math.max(1, r.sentTotal()));
      out.printf(
          "settling at %s orders/s: the services spent %.0f µs of CPU per order%n",
          BenchReport.fmt(rate), perOrder.get(perOrder.size() - 1));
      out.flush();
    } while (!settled(perOrder) && System.nanoTime() < deadline);
    settleOutcome =
        String.format(
            "%s after %.0f s at %s orders/s: service CPU per order %.0f → %.0f µs",
            settled(perOrder) ? "settled" : "not settled within --settle",
            (System.nanoTime() - start) / 1e9,
            BenchReport.fmt(rate),
            perOrder.get(0),
            perOrder.get(perOrder.size() - 1));
    return base;
  }

  /**
   * One open-loop run whose orders are numbered from {@code base} on (client order ids never repeat
   * across runs); a service that died during it ends the benchmark.
   */
  private static OpenLoopLoad.Result runLoad(
      OpenLoopLoad generator,
      OpenLoopLoad.Requests requests,
      OpenLoopLoad.Responses responses,
      BenchServices services,
      long base,
      double rate,
      Duration warmup,
      Duration duration)
      throws InterruptedException {
    OpenLoopLoad.Result r =
        generator.run(
            i -> requests.request(base + i),
            responses,
            rate,
            warmup,
            duration,
            () -> services.dead().isPresent());
    services
        .dead()
        .ifPresent(
            d -> {
              throw new UserInputException(d);
            });
    return r;
  }

  /**
   * Whether the CPU per order has settled: at least {@link #SETTLE_MIN_WINDOWS} windows, the last
   * no more than {@link #SETTLE_TOLERANCE} below the best of those before it.
   *
   * @param perOrder CPU microseconds per order of each window so far
   * @return true when settled
   */
  static boolean settled(List<Double> perOrder) {
    int n = perOrder.size();
    if (n < SETTLE_MIN_WINDOWS) {
      return false;
    }
    double best = Double.MAX_VALUE;
    for (int i = 0; i < n - 1; i++) {
      best = Math.min(best, perOrder.get(i));
    }
    return perOrder.get(n - 1) >= best * (1 - SETTLE_TOLERANCE);
  }

  /** The outcome of a submission: null when 200/201, else the status and problem code. */
  static String outcome(int status, String body) {
    if (status == 201 || status == 200) {
      return null;
    }
    Matcher m = CODE.matcher(body == null ? "" : body);
    return "HTTP " + status + (m.find() ? " " + m.group(1) : "");
  }

  /** One rate's result and the CPU each process used for it (warm-up included). */
  record Run(OpenLoopLoad.Result result, Map<String, Double> cpuSeconds) {

    /** CPU microseconds per order sent, by process. */
    Map<String, Double> cpuMicrosPerOrder() {
      Map<String, Double> m = new LinkedHashMap<>();
      long n = Math.max(1, result.sentTotal());
      cpuSeconds.forEach((k, v) -> m.put(k, LatencySummary.round(v * 1e6 / n)));
      return m;
    }
  }

  BenchReport report(List<Run> runs, boolean startedHere, int keys) {
    BenchReport rep =
        new BenchReport(
            "gateway orders on loopback (POST /api/v1/orders, IOC), "
                + load.connections
                + " connections, "
                + keys
                + " API keys");
    List<Map<String, Object>> json = new ArrayList<>();
    boolean anyMet = false;
    if (settleOutcome != null) {
      rep.row("before measuring", settleOutcome);
      rep.put("settle", settleOutcome);
    }
    for (Run run : runs) {
      OpenLoopLoad.Result r = run.result();
      LatencySummary lat = LatencySummary.ofNanos(r.latency());
      boolean met = targetMet(r, lat.p99Ms());
      anyMet |= met;
      StringBuilder cpu = new StringBuilder();
      run.cpuMicrosPerOrder()
          .forEach(
              (k, v) ->
                  cpu.append(cpu.length() == 0 ? "" : ", ")
                      .append(k.replace("-service", ""))
                      .append(' ')
                      .append(String.format("%.0f", v))
                      .append(" µs"));
      rep.row(
          "offered " + BenchReport.fmt(r.offeredRate()) + "/s",
          BenchReport.fmt(r.okPerSecond())
              + " acked/s, "
              + lat.line()
              + ", failed "
              + r.failed()
              + (r.failures().isEmpty() ? "" : " " + r.failures())
              + (cpu.length() == 0 ? "" : "; CPU/order: " + cpu));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("offeredPerSecond", r.offeredRate());
      m.put("okPerSecond", LatencySummary.round(r.okPerSecond()));
      m.put("sent", r.sent());
      m.put("ok", r.ok());
      m.put("failed", r.failed());
      m.put("failures", r.failures());
      m.put("seconds", LatencySummary.round(r.seconds()));
      m.put("latency", lat.toMap());
      m.put("cpuMicrosPerOrder", run.cpuMicrosPerOrder());
      m.put("targetMet", met);
      json.add(m);
    }
    rep.row("target ≥ 10,000/s with p99 < 5 ms", anyMet ? "met" : "not met");
    rep.put("connections", load.connections)
        .put("apiKeys", keys)
        .put("servicesStartedHere", startedHere)
        .put("runs", json)
        .put("targetMet", anyMet);
    return rep;
  }

  private void validate() {
    load.validate();
    if (settleSeconds < 0) {
      throw new UserInputException("--settle must not be negative, got " + settleSeconds);
    }
    if (offsetTicks < 1) {
      throw new UserInputException("--offset-ticks must be at least 1, got " + offsetTicks);
    }
  }

  /**
   * Issue 5's gateway target: 10,000 orders/s offered, every measured order answered, nothing
   * failed, p99 under 5 ms. Judged on what was offered and answered, not on the acked rate: that
   * rate divides by a window that ends with the last answer, so a server keeping up exactly still
   * shows 9,999.x/s.
   *
   * @param r a rate's result
   * @param p99Ms its latency p99
   * @return whether the target is met
   */
  static boolean targetMet(OpenLoopLoad.Result r, double p99Ms) {
    return r.offeredRate() >= 10_000
        && r.sent() > 0
        && r.ok() == r.sent()
        && r.failed() == 0
        && p99Ms < 5;
  }
}
