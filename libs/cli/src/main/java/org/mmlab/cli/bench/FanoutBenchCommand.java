package org.mmlab.cli.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.mmlab.api.marketdata.Trade;
import org.mmlab.cli.UserInputException;
import org.mmlab.client.LocalBook;
import org.mmlab.client.VenueClient;
import org.mmlab.client.VenueConfig;
import org.mmlab.client.VenueListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./mmlab bench fanout}: N market-data subscribers (the venue client strategies use) on one
 * exchange; messages delivered per second, sequence gaps, disconnects and each subscriber's lag
 * behind the first subscriber to receive the same message.
 */
@Command(
    name = "fanout",
    mixinStandardHelpOptions = true,
    description = {
      "Market-data fan-out: --subscribers venue clients subscribe to the exchange's",
      "/ws/market-data (each keeps its own book and checks every sequence number); reports",
      "messages/s delivered, gaps (must be 0), disconnects, and each subscriber's lag behind the",
      "first subscriber that received the same message. An exchange started here runs its",
      "market --speed times faster than real time to raise the message rate."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab bench fanout",
      "  ./mmlab bench fanout --subscribers 50 --speed 200 --format json",
      "  ./mmlab bench fanout --market-data-url http://127.0.0.1:8081"
    })
public final class FanoutBenchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin VenueOptions venue;

  @Option(
      names = "--subscribers",
      paramLabel = "N",
      defaultValue = "20",
      description = "Subscribers (default: ${DEFAULT-VALUE}).")
  int subscribers;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "Measured seconds (default: ${DEFAULT-VALUE}).")
  int durationSeconds;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description = "Seconds after all subscribed before measuring (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(
      names = "--speed",
      paramLabel = "X",
      defaultValue = "100",
      description =
          "Simulated seconds per wall-clock second of an exchange started here (default:"
              + " ${DEFAULT-VALUE}).")
  double speed;

  /** One subscriber's counters; written by its client's thread only. */
  static final class Subscriber implements VenueListener {
    final int index;
    final ArrivalSkew skew;
    final Recorder lag = new Recorder(3);
    volatile long messages;
    volatile long lastSeq;
    volatile long disconnects;
    volatile long lateUntracked;
    VenueClient client;

    Subscriber(int index, ArrivalSkew skew) {
      this.index = index;
      this.skew = skew;
    }

    @Override
    public void onSnapshot(LocalBook book, long simTime) {
      onBook(book, simTime);
    }

    @Override
    public void onBook(LocalBook book, long simTime) {
      long seq = book.seq();
      long behind = skew.arrive(seq, System.nanoTime());
      if (behind >= 0) {
        lag.recordValue(behind);
      } else {
        lateUntracked++;
      }
      lastSeq = seq;
      messages++;
    }

    @Override
    public void onTrade(Trade trade, long priceTicks, long sizeLots) {
      lastSeq = trade.seq();
      messages++;
    }

    @Override
    public void onHeartbeat(long simTime, boolean running) {
      messages++;
    }

    @Override
    public void onConnection(Stream stream, boolean connected) {
      if (!connected) {
        disconnects++;
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    venue.validate(false, true, false);
    validate();
    List<String> overrides = List.of("--mmlab.exchange.speed=" + speed);
    try (BenchServices services =
        BenchServices.open(
            venue,
            List.of(BenchServices.MARKET_DATA),
            Map.of(BenchServices.MARKET_DATA, overrides),
            out)) {
      URI md = services.url(BenchServices.MARKET_DATA);
      ArrivalSkew skew = new ArrivalSkew(1 << 16);
      List<Subscriber> subs = new ArrayList<>();
      try {
        for (int i = 0; i < subscribers; i++) {
          Subscriber s = new Subscriber(i, skew);
          // The gateway URL is unused: these clients only read market data.
          s.client = new VenueClient(VenueConfig.of(md, md, "unused"), s);
          s.client.subscribeMarketData();
          subs.add(s);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (Subscriber s : subs) {
          while (!s.client.marketDataLive()) {
            if (System.nanoTime() > deadline) {
              throw new UserInputException(
                  "subscriber " + s.index + " got no snapshot from " + md + " in 30 s");
            }
            Thread.sleep(20);
          }
        }
        out.printf(
            "%d subscribers live on %s; measuring %d s after %d s warm-up%n",
            subscribers, md, durationSeconds, warmupSeconds);
        out.flush();
        Thread.sleep(warmupSeconds * 1000L);
        long[] msgs0 = new long[subscribers];
        long[] gaps0 = new long[subscribers];
        long[] disc0 = new long[subscribers];
        long[] seq0 = new long[subscribers];
        for (Subscriber s : subs) {
          s.lag.getIntervalHistogram(); // drop the warm-up
          msgs0[s.index] = s.messages;
          gaps0[s.index] = s.client.marketDataGaps();
          disc0[s.index] = s.disconnects;
          seq0[s.index] = s.lastSeq;
        }
        long t0 = System.nanoTime();
        Thread.sleep(durationSeconds * 1000L);
        double seconds = (System.nanoTime() - t0) / 1e9;
        // The stream's own count: how far its sequence number moved, as one subscriber saw it.
        long published = 0;
        long leaderSeq = 0;
        for (Subscriber s : subs) {
          published = Math.max(published, s.lastSeq - seq0[s.index]);
          leaderSeq = Math.max(leaderSeq, s.lastSeq);
        }
        services
            .dead()
            .ifPresent(
                d -> {
                  throw new UserInputException(d);
                });
        report(subs, msgs0, gaps0, disc0, published, leaderSeq, seconds, services.startedHere())
            .print(out, venue.format);
      } finally {
        for (Subscriber s : subs) {
          s.client.close();
        }
      }
    }
    return 0;
  }

  private BenchReport report(
      List<Subscriber> subs,
      long[] msgs0,
      long[] gaps0,
      long[] disc0,
      long bookSeqAdvance,
      long leaderSeq,
      double seconds,
      boolean startedHere) {
    long delivered = 0;
    long gaps = 0;
    long disconnects = 0;
    Histogram all = new Histogram(3);
    List<Map<String, Object>> per = new ArrayList<>();
    double worstP99 = 0;
    for (Subscriber s : subs) {
      long m = s.messages - msgs0[s.index];
      long g = s.client.marketDataGaps() - gaps0[s.index];
      long d = s.disconnects - disc0[s.index];
      Histogram h = s.lag.getIntervalHistogram();
      all.add(h);
      LatencySummary l = LatencySummary.ofNanos(h);
      worstP99 = Math.max(worstP99, l.p99Ms());
      delivered += m;
      gaps += g;
      disconnects += d;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("subscriber", s.index);
      row.put("messages", m);
      row.put("gaps", g);
      row.put("disconnects", d);
      row.put("seqBehindLeaderAtEnd", Math.max(0, leaderSeq - s.lastSeq));
      row.put("lag", l.toMap());
      per.add(row);
    }
    LatencySummary lag = LatencySummary.ofNanos(all);
    BenchReport rep =
        new BenchReport("market-data fan-out to " + subs.size() + " subscribers on loopback");
    rep.row(
            "messages delivered",
            BenchReport.fmt(delivered / seconds)
                + " /s ("
                + delivered
                + " in "
                + String.format("%.1f", seconds)
                + " s)")
        .row(
            "messages published on the stream (seq)",
            BenchReport.fmt(bookSeqAdvance / seconds) + " /s")
        .row("sequence gaps", Long.toString(gaps))
        .row("disconnects", Long.toString(disconnects))
        .row("lag behind first receiver, all", lag.line())
        .row("worst subscriber's lag p99", LatencySummary.fmt(worstP99) + " ms")
        .row("no gaps, no disconnects", gaps == 0 && disconnects == 0 ? "yes" : "no");
    rep.put("subscribers", subs.size())
        .put("seconds", LatencySummary.round(seconds))
        .put("deliveredPerSecond", LatencySummary.round(delivered / seconds))
        .put("delivered", delivered)
        .put("publishedPerSecond", LatencySummary.round(bookSeqAdvance / seconds))
        .put("gaps", gaps)
        .put("disconnects", disconnects)
        .put("lag", lag.toMap())
        .put("worstSubscriberLagP99Ms", LatencySummary.round(worstP99))
        .put("speed", startedHere ? speed : null)
        .put("servicesStartedHere", startedHere)
        .put("perSubscriber", per);
    return rep;
  }

  private void validate() {
    if (subscribers < 1 || subscribers > 1000) {
      throw new UserInputException("--subscribers must be in 1..1000, got " + subscribers);
    }
    if (durationSeconds < 1) {
      throw new UserInputException("--duration must be at least 1 second, got " + durationSeconds);
    }
    if (warmupSeconds < 0) {
      throw new UserInputException("--warmup must not be negative, got " + warmupSeconds);
    }
    if (!(speed > 0 && speed <= 10_000)) {
      throw new UserInputException("--speed must be in (0, 10000], got " + speed);
    }
  }
}
