package org.mmlab.cli.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mmlab.api.Endpoints;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderFilled;
import org.mmlab.api.order.OrderView;
import org.mmlab.cli.MmlabCli;
import org.mmlab.cli.UserInputException;
import org.mmlab.client.VenueClient;
import org.mmlab.client.VenueConfig;
import org.mmlab.client.VenueException;
import org.mmlab.client.VenueListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./mmlab soak}: the sandbox under a steady order flow with a strategy running; checks that
 * no request fails, that every acknowledged order is accounted for by the execution stream or the
 * open orders, and that each service's heap after GC stays flat (CSV and PNG chart).
 */
@Command(
    name = "soak",
    mixinStandardHelpOptions = true,
    description = {
      "Soak test: the exchange, the gateway and the strategy service (started here unless URLs",
      "are given) with a strategy quoting, under --rate order requests/s for --minutes: 70% IOC",
      "orders outside the spread, 10% IOC orders that cross (1 lot, against the client's",
      "position), 20% resting limits behind the best price, each cancelled once a client has",
      "more than 20 resting; an empty side is priced from the other, and every price stays",
      "within 4% of the mid (the gateway's band is 5%). Passes when no request fails, no",
      "service dies, the strategy keeps running, every acknowledged order has a final",
      "execution report or is still open, and each service's heap after a full GC (jcmd",
      "GC.run every --gc-every s on services started here) grows by less than 10% + 16 MiB.",
      "Cancels refused because the order filled first (409 ORDER_NOT_OPEN) are expected and",
      "counted apart. Writes the heap samples as CSV and a PNG chart."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab soak",
      "  ./mmlab soak --minutes 2 --rate 500 --chart reports/soak.png --csv reports/soak.csv"
    })
public final class SoakCommand implements Callable<Integer> {
  static final List<String> DEFAULT_KEYS = List.of("demo-key", "admin-key");
  static final int MAX_RESTING = 20;

  /**
   * Orders are priced within this fraction of the mid (taken as the gateway takes it: both bests,
   * or the one present), inside the gateway's default price band of 5%.
   */
  static final double MAX_FROM_MID = 0.04;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin VenueOptions venue;

  @Option(
      names = "--minutes",
      paramLabel = "N",
      defaultValue = "10",
      description = "Length of the soak (default: ${DEFAULT-VALUE}).")
  double minutes;

  @Option(
      names = "--rate",
      paramLabel = "N",
      defaultValue = "1000",
      description = "Order requests per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(
      names = "--connections",
      paramLabel = "N",
      defaultValue = "16",
      description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(
      names = "--strategy",
      paramLabel = "TYPE",
      defaultValue = "symmetric",
      description = "Strategy running during the soak (default: ${DEFAULT-VALUE}).")
  String strategy;

  @Option(
      names = "--sample-every",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Heap sampling interval (default: ${DEFAULT-VALUE}).")
  int sampleEverySeconds;

  @Option(
      names = "--gc-every",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Full GC (jcmd GC.run) of the services started here before an after-GC sample; 0 never"
              + " (default: ${DEFAULT-VALUE}).")
  int gcEverySeconds;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      defaultValue = "docs/soak-heap.csv",
      description = "Heap samples (default: ${DEFAULT-VALUE}).")
  Path csv;

  @Option(
      names = "--chart",
      paramLabel = "FILE",
      defaultValue = "docs/soak-heap.png",
      description = "Heap chart (default: ${DEFAULT-VALUE}).")
  Path chart;

  /** One load client: its execution stream, resting orders and position. */
  static final class Client implements VenueListener {
    final String key;
    final SoakLedger ledger;
    final ConcurrentLinkedDeque<Long> resting = new ConcurrentLinkedDeque<>();
    final AtomicLong positionLots = new AtomicLong();
    final AtomicLong reports = new AtomicLong();
    volatile InstrumentInfo instrument;
    VenueClient venue;

    Client(String key, SoakLedger ledger) {
      this.key = key;
      this.ledger = ledger;
    }

    @Override
    public void onExecution(ExecutionReport report) {
      reports.incrementAndGet();
      ledger.report(report);
      InstrumentInfo i = instrument;
      if (report instanceof OrderFilled f && i != null) {
        positionLots.set(i.lotsOrInvalid(f.position()));
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    venue.validate(true, true, true);
    validate();
    List<String> keys = venue.keys(DEFAULT_KEYS);
    ServiceHttp http = new ServiceHttp();
    JsonMapper json = JsonMapper.builder().build();
    SoakLedger ledger = new SoakLedger();
    HeapSampler heap = new HeapSampler();
    AtomicLong scrapeErrors = new AtomicLong();
    AtomicLong cancelsTooLate = new AtomicLong();
    Map<String, String> examples = new java.util.concurrent.ConcurrentHashMap<>();
    try (BenchServices services =
        BenchServices.open(
            venue,
            List.of(BenchServices.MARKET_DATA, BenchServices.GATEWAY, BenchServices.STRATEGY),
            Map.of(BenchServices.GATEWAY, BenchServices.GATEWAY_UNLIMITED),
            out)) {
      URI md = services.url(BenchServices.MARKET_DATA);
      URI gw = services.url(BenchServices.GATEWAY);
      URI st = services.url(BenchServices.STRATEGY);
      String strategyId = http.startStrategy(st, "{\"type\":\"" + strategy + "\"}");
      List<Client> clients = new ArrayList<>();
      Map<String, Client> byKey = new LinkedHashMap<>();
      ScheduledExecutorService sampler =
          Executors.newSingleThreadScheduledExecutor(BenchThreads.daemon("soak-heap"));
      long t0 = System.nanoTime();
      try (BookWatch book = new BookWatch(md, gw, keys.get(0))) {
        book.awaitTwoSided(Duration.ofSeconds(30));
        InstrumentInfo instrument = book.instrument();
        for (String k : keys) {
          Client c = new Client(k, ledger);
          c.instrument = instrument;
          c.venue = new VenueClient(VenueConfig.of(md, gw, k), c);
          c.venue.subscribeExecutions();
          clients.add(c);
          byKey.put(k, c);
        }
        awaitExecutionStreams(clients);
        // Heap: a sample every few seconds, and one right after a full GC every --gc-every s.
        long gcEveryNanos = gcEverySeconds * 1_000_000_000L;
        HeapTask sample = new HeapTask(services, http, heap, scrapeErrors, t0, gcEveryNanos);
        sampler.scheduleAtFixedRate(sample, 0, sampleEverySeconds, TimeUnit.SECONDS);
        String run = Long.toString(System.currentTimeMillis(), 36);
        OpenLoopLoad.Requests requests = i -> request(i, clients, book.top(), instrument, run);
        OpenLoopLoad.Responses responses =
            new OpenLoopLoad.Responses() {
              @Override
              public String accept(
                  long i, OpenLoopLoad.Request req, int status, String body, boolean measured) {
                boolean cancel = "DELETE".equals(req.method());
                if (status / 100 == 2) {
                  if (!cancel) {
                    JsonNode n = json.readTree(body);
                    long id = n.path("orderId").asLong();
                    ledger.acknowledged(id);
                    String orderStatus = n.path("status").asString();
                    if ("LIMIT".equals(n.path("type").asString())
                        && ("NEW".equals(orderStatus) || "PARTIALLY_FILLED".equals(orderStatus))) {
                      Client c = byKey.get(req.apiKey());
                      if (c != null) {
                        c.resting.addLast(id);
                      }
                    }
                  }
                  return null;
                }
                String outcome = GatewayBenchCommand.outcome(status, body);
                if (cancel && outcome.endsWith(" ORDER_NOT_OPEN")) {
                  cancelsTooLate.incrementAndGet(); // filled before the cancel arrived: no error
                  return null;
                }
                String named = (cancel ? "cancel " : "submit ") + outcome;
                // The first problem detail of each kind, to tell why without the services' logs.
                example(named, req, body);
                return named;
              }

              @Override
              public void unanswered(
                  long i, OpenLoopLoad.Request req, String outcome, boolean measured) {
                example(outcome, req, "no response");
              }

              private void example(String kind, OpenLoopLoad.Request req, String answer) {
                if (!examples.containsKey(kind)) {
                  examples.putIfAbsent(
                      kind,
                      Instant.now()
                          + ": "
                          + req.method()
                          + " "
                          + req.path()
                          + (req.body() == null ? "" : " " + req.body())
                          + " → "
                          + answer
                          + " ("
                          + book.describe()
                          + ")");
                }
              }
            };
        out.printf(
            "soak: %s order requests/s for %s min over %d connections, keys %s, strategy %s (%s)%n",
            BenchReport.fmt(rate),
            BenchReport.fmt(minutes),
            connections,
            keys,
            strategyId,
            strategy);
        out.flush();
        OpenLoopLoad.Result result =
            new OpenLoopLoad(gw, connections, Duration.ofSeconds(10))
                .run(
                    requests,
                    responses,
                    rate,
                    Duration.ZERO,
                    Duration.ofMillis((long) (minutes * 60_000)),
                    () -> services.dead().isPresent());
        String dead = services.dead().orElse(null);
        settle(ledger, clients);
        for (Client c : clients) {
          try {
            List<Long> open = new ArrayList<>();
            for (OrderView o : c.venue.openOrders()) {
              open.add(o.orderId());
            }
            ledger.openAtEnd(open);
          } catch (VenueException e) {
            scrapeErrors.incrementAndGet();
          }
        }
        SoakLedger.Accounting acc = ledger.account();
        String status = dead == null ? http.strategy(st, strategyId) : "{}";
        JsonNode s = json.readTree(status);
        sampler.shutdownNow();
        sampler.awaitTermination(30, TimeUnit.SECONDS);
        if (dead == null && gcEveryNanos > 0) {
          sample.sample(true); // the live heap once the load is over: the curve's last point
        }
        heap.writeCsv(csv);
        List<HeapSampler.Sample> samples = heap.samples();
        if (!samples.isEmpty()) {
          HeapChart.write(
              samples,
              String.format(
                  "mmlab soak: %s order requests/s for %s min with a %s strategy",
                  BenchReport.fmt(rate), BenchReport.fmt(minutes), strategy),
              chart);
        }
        for (Client c : clients) {
          try {
            c.venue.cancelAll();
          } catch (VenueException e) {
            // clean-up only
          }
        }
        BenchReport rep =
            report(result, acc, heap.trends(), s, dead, scrapeErrors.get(), cancelsTooLate.get());
        rep.put("failureExamples", examples);
        for (Map.Entry<String, String> e : examples.entrySet()) {
          rep.row("first " + e.getKey(), e.getValue().replaceAll("\\s+", " "));
        }
        rep.print(out, venue.format);
        boolean pass = Boolean.TRUE.equals(rep.json().get("pass"));
        return pass ? 0 : MmlabCli.EXIT_CHECK_FAILED;
      } finally {
        sampler.shutdownNow();
        for (Client c : clients) {
          c.venue.close();
        }
        http.stopStrategy(st, strategyId);
      }
    }
  }

  /** One heap sample of every service; a full GC first when one is due. */
  private static final class HeapTask implements Runnable {
    private final BenchServices services;
    private final ServiceHttp http;
    private final HeapSampler heap;
    private final AtomicLong scrapeErrors;
    private final long t0;
    private final long gcEveryNanos;
    private long lastGc;

    HeapTask(
        BenchServices services,
        ServiceHttp http,
        HeapSampler heap,
        AtomicLong scrapeErrors,
        long t0,
        long gcEveryNanos) {
      this.services = services;
      this.http = http;
      this.heap = heap;
      this.scrapeErrors = scrapeErrors;
      this.t0 = t0;
      this.gcEveryNanos = gcEveryNanos;
      this.lastGc = t0;
    }

    @Override
    public synchronized void run() {
      sample(gcEveryNanos > 0 && System.nanoTime() - lastGc >= gcEveryNanos);
    }

    synchronized void sample(boolean gc) {
      gc &= services.startedHere();
      if (gc) {
        lastGc = System.nanoTime();
        for (long pid : services.pids().values()) {
          fullGc(pid);
        }
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      for (String name : services.names()) {
        try {
          heap.add(secs, name, http.prometheus(services.url(name)), gc);
        } catch (IOException e) {
          scrapeErrors.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * The request mix; see the command's description. An empty side of the book is priced from the
   * mid (the other side), and every price stays within {@link #MAX_FROM_MID} of the mid.
   *
   * @param i the request's index
   * @param clients the load's clients (taken in turn)
   * @param top the load's view of the book
   * @param instrument the instrument
   * @param run a tag making the client order ids unique to this run
   * @return the request
   */
  static OpenLoopLoad.Request request(
      long i, List<Client> clients, BookWatch.Top top, InstrumentInfo instrument, String run) {
    Client c = clients.get((int) (i % clients.size()));
    long slot = i / clients.size();
    if (c.resting.size() > MAX_RESTING) {
      Long oldest = c.resting.pollFirst();
      if (oldest != null) {
        return new OpenLoopLoad.Request("DELETE", Endpoints.ORDERS + "/" + oldest, c.key, null);
      }
    }
    int kind = (int) (slot % 10);
    long bid = top.bidOrMid();
    long ask = top.askOrMid();
    long position = c.positionLots.get();
    boolean buy;
    String type;
    long ticks;
    if (kind < 7) {
      buy = (slot & 1) == 0;
      type = "IOC";
      ticks = buy ? bid - 5 : ask + 5;
    } else if (kind == 7) {
      buy = position < 0 || position == 0 && (slot & 1) == 0;
      type = "IOC";
      ticks = buy ? ask : bid;
    } else {
      buy = position < 0 || position == 0 && (slot & 1) == 0;
      type = "LIMIT";
      long behind = 3 + slot % 5;
      ticks = buy ? bid - behind : ask + behind;
    }
    String body =
        "{\"clientOrderId\":\"s"
            + run
            + "-"
            + i
            + "\",\"side\":\""
            + (buy ? "BUY" : "SELL")
            + "\",\"type\":\""
            + type
            + "\",\"price\":"
            + instrument.price(withinBand(ticks, top.mid())).toPlainString()
            + ",\"size\":"
            + instrument.size(1).toPlainString()
            + "}";
    return new OpenLoopLoad.Request("POST", Endpoints.ORDERS, c.key, body);
  }

  /**
   * Moves a price to within {@link #MAX_FROM_MID} of the mid, and to at least one tick.
   *
   * @param ticks the price
   * @param mid the mid, ticks
   * @return the price in the band
   */
  static long withinBand(long ticks, double mid) {
    long lo = (long) Math.ceil(mid * (1 - MAX_FROM_MID));
    long hi = (long) Math.floor(mid * (1 + MAX_FROM_MID));
    return Math.max(1, Math.min(hi, Math.max(lo, ticks)));
  }

  private static void awaitExecutionStreams(List<Client> clients) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (Client c : clients) {
      while (!c.venue.executionsConnected()) {
        if (System.nanoTime() > deadline) {
          throw new UserInputException(
              "the execution stream of key " + mask(c.key) + " did not connect in 30 s");
        }
        Thread.sleep(20);
      }
    }
  }

  /** Waits until the final reports stop arriving (at most 30 s). */
  private static void settle(SoakLedger ledger, List<Client> clients) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long last = -1;
    int quiet = 0;
    while (System.nanoTime() < deadline && quiet < 4) {
      long n = 0;
      for (Client c : clients) {
        n += c.reports.get();
      }
      quiet = n == last ? quiet + 1 : 0;
      last = n;
      Thread.sleep(500);
    }
  }

  /** Asks a JVM for a full GC so the next sample shows its live heap. */
  private static void fullGc(long pid) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    if (!Files.isExecutable(jcmd)) {
      return;
    }
    try {
      Process p =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    } catch (IOException e) {
      // No jcmd: the samples stay plain heap-used samples.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String mask(String key) {
    return key.length() <= 4 ? "****" : key.substring(0, 4) + "…";
  }

  BenchReport report(
      OpenLoopLoad.Result r,
      SoakLedger.Accounting acc,
      Map<String, HeapSampler.Trend> trends,
      JsonNode strategyStatus,
      String dead,
      long scrapeErrors,
      long cancelsTooLate) {
    LatencySummary lat = LatencySummary.ofNanos(r.latency());
    String state = strategyStatus.path("state").asString("");
    boolean strategyOk = dead == null && "RUNNING".equals(state);
    boolean heapFlat = !trends.isEmpty();
    for (HeapSampler.Trend t : trends.values()) {
      heapFlat &= t.flat();
    }
    boolean noErrors = r.failed() == 0 && dead == null && scrapeErrors == 0 && !r.stoppedEarly();
    boolean pass = noErrors && acc.lost() == 0 && strategyOk && heapFlat;
    BenchReport rep =
        new BenchReport(
            "soak: "
                + BenchReport.fmt(minutes)
                + " min at "
                + BenchReport.fmt(rate)
                + " order requests/s");
    // The load counts an expected 409 as a success; the report shows it apart from the 2xx.
    long answered2xx = r.ok() - cancelsTooLate;
    rep.row(
            "requests answered 2xx",
            BenchReport.fmt(r.seconds() > 0 ? answered2xx / r.seconds() : 0)
                + " /s ("
                + answered2xx
                + " in "
                + String.format("%.0f", r.seconds())
                + " s)")
        .row(
            "cancels refused because the order had filled first (409 ORDER_NOT_OPEN, expected)",
            Long.toString(cancelsTooLate))
        .row("failed requests", r.failed() + (r.failures().isEmpty() ? "" : " " + r.failures()))
        .row("latency (from intended send)", lat.line())
        .row("orders acknowledged", Long.toString(acc.acknowledged()))
        .row("… with a final execution report", Long.toString(acc.finalReported()))
        .row("… still open at the end", Long.toString(acc.openAtEnd()))
        .row("… lost", Long.toString(acc.lost()))
        .row(
            "orders reported whose HTTP answer never came",
            Long.toString(acc.reportedNotAcknowledged()))
        .row(
            "strategy",
            state
                + ", "
                + strategyStatus.path("quotes").asLong()
                + " quotes, "
                + strategyStatus.path("fills").asLong()
                + " fills"
                + (strategyStatus.path("lastError").isMissingNode()
                    ? ""
                    : ", last error: " + strategyStatus.path("lastError").asString()))
        .row("service died", dead == null ? "none" : dead)
        .row("metric scrape errors", Long.toString(scrapeErrors));
    List<Map<String, Object>> heapJson = new ArrayList<>();
    for (HeapSampler.Trend t : trends.values()) {
      rep.row(
          "heap " + t.service() + (t.afterGc() ? " after full GC" : " used"),
          String.format(
              "%.1f → %.1f MiB (%+.2f MiB/min over %d points; max used %.0f MiB)%s",
              t.firstMb(),
              t.lastMb(),
              t.slopeMbPerMin(),
              t.points(),
              t.maxMb(),
              t.flat() ? "" : " GROWING"));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("service", t.service());
      m.put("afterFullGc", t.afterGc());
      m.put("points", t.points());
      m.put("firstMiB", LatencySummary.round(t.firstMb()));
      m.put("lastMiB", LatencySummary.round(t.lastMb()));
      m.put("slopeMiBPerMin", LatencySummary.round(t.slopeMbPerMin()));
      m.put("maxUsedMiB", LatencySummary.round(t.maxMb()));
      m.put("flat", t.flat());
      heapJson.add(m);
    }
    rep.row("heap samples", csv + ", chart " + chart)
        .row("pass (no errors, nothing lost, strategy running, heap flat)", pass ? "yes" : "NO");
    rep.put("minutes", minutes)
        .put("ratePerSecond", rate)
        .put("okPerSecond", LatencySummary.round(r.okPerSecond()))
        .put("ok", r.ok())
        .put("answered2xx", answered2xx)
        .put("failed", r.failed())
        .put("failures", r.failures())
        .put("cancelsTooLate", cancelsTooLate)
        .put("latency", lat.toMap())
        .put("orders", acc.toMap())
        .put("strategyState", state)
        .put("strategyQuotes", strategyStatus.path("quotes").asLong())
        .put("strategyFills", strategyStatus.path("fills").asLong())
        .put("serviceDied", dead)
        .put("scrapeErrors", scrapeErrors)
        .put("heap", heapJson)
        .put("csv", csv.toString())
        .put("chart", chart.toString())
        .put("pass", pass);
    return rep;
  }

  private void validate() {
    if (!(minutes > 0 && minutes <= 24 * 60)) {
      throw new UserInputException("--minutes must be in (0, 1440], got " + minutes);
    }
    if (!(rate > 0 && rate <= 100_000)) {
      throw new UserInputException("--rate must be in (0, 100000], got " + rate);
    }
    if (connections < 1 || connections > 1024) {
      throw new UserInputException("--connections must be in 1..1024, got " + connections);
    }
    if (!strategy.matches("[a-z0-9-]{1,40}")) {
      throw new UserInputException(
          "--strategy must be a strategy type like symmetric, got " + strategy);
    }
    if (sampleEverySeconds < 1) {
      throw new UserInputException(
          "--sample-every must be at least 1 second, got " + sampleEverySeconds);
    }
    if (gcEverySeconds < 0) {
      throw new UserInputException("--gc-every must not be negative, got " + gcEverySeconds);
    }
  }
}
