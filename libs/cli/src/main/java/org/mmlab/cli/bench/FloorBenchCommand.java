package org.mmlab.cli.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.mmlab.cli.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./mmlab bench floor}: the gateway benchmark's load against a server that does nothing, to
 * tell what the load generator, loopback and this machine's scheduling cost before any service code
 * runs.
 */
@Command(
    name = "floor",
    mixinStandardHelpOptions = true,
    description = {
      "The latency floor of the gateway benchmark: the same open-loop load (same generator,",
      "connections, request and answer sizes) against an in-process JDK HTTP server that",
      "answers every POST with a fixed 201 JSON body. What it measures is the load generator,",
      "loopback TCP and the machine's thread wake-ups, which every service figure includes."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab bench floor",
      "  ./mmlab bench floor --rate 2000,5000,10000"
    })
public final class FloorBenchCommand implements Callable<Integer> {
  /** An order reply of the gateway's size. */
  private static final byte[] ANSWER =
      ("{\"orderId\":1234567,\"clientOrderId\":\"gmm1abc-123456\",\"side\":\"BUY\",\"type\":\"IOC\","
              + "\"price\":100.01,\"size\":1,\"filled\":0,\"remaining\":0,\"avgPrice\":null,"
              + "\"status\":\"CANCELLED\",\"cancelReason\":\"IOC\",\"rejectCode\":null,"
              + "\"quote\":false,\"createdAt\":\"2026-11-26T03:00:00.123Z\","
              + "\"updatedAt\":\"2026-11-26T03:00:00.124Z\"}")
          .getBytes(StandardCharsets.UTF_8);

  private static final String ORDER =
      "{\"clientOrderId\":\"gmm1abc-123456\",\"side\":\"BUY\",\"type\":\"IOC\","
          + "\"price\":100.01,\"size\":1}";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LoadOptions load;

  @Option(
      names = "--server-threads",
      paramLabel = "N",
      defaultValue = "2",
      description = "Threads answering requests (default: ${DEFAULT-VALUE}).")
  int serverThreads;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  VenueOptions.Format format;

  @Override
  public Integer call() throws Exception {
    validate();
    PrintWriter out = spec.commandLine().getOut();
    // Without it the JDK server's header and body writes wait for delayed ACKs (≈ 40 ms each).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    ExecutorService threads = Executors.newFixedThreadPool(serverThreads);
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, ANSWER.length);
            exchange.getResponseBody().write(ANSWER);
          }
        });
    server.setExecutor(threads);
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
      OpenLoopLoad generator = new OpenLoopLoad(uri, load.connections, Duration.ofSeconds(10));
      BenchReport rep =
          new BenchReport(
              "load-generator floor on loopback (fixed 201 from an in-process JDK server), "
                  + load.connections
                  + " connections");
      List<Map<String, Object>> json = new ArrayList<>();
      for (double rate : load.rates) {
        out.printf(
            "offering %s requests/s for %d s (+%d s warm-up) over %d connections%n",
            BenchReport.fmt(rate), load.durationSeconds, load.warmupSeconds, load.connections);
        out.flush();
        CpuMeter cpu = new CpuMeter(Map.of());
        OpenLoopLoad.Result r =
            generator.run(
                i -> new OpenLoopLoad.Request("POST", "/api/v1/orders", "demo-key", ORDER),
                (i, req, status, body, measured) -> status == 201 ? null : "HTTP " + status,
                rate,
                Duration.ofSeconds(load.warmupSeconds),
                Duration.ofSeconds(load.durationSeconds),
                () -> false);
        double cpuMicros =
            cpu.secondsSinceStart().getOrDefault("load generator", 0.0)
                * 1e6
                / Math.max(1, r.sentTotal());
        LatencySummary lat = LatencySummary.ofNanos(r.latency());
        rep.row(
            "offered " + BenchReport.fmt(rate) + "/s",
            BenchReport.fmt(r.okPerSecond())
                + " answered/s, "
                + lat.line()
                + ", failed "
                + r.failed()
                + (r.failures().isEmpty() ? "" : " " + r.failures())
                + String.format("; CPU/request (generator + server) %.0f µs", cpuMicros));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("offeredPerSecond", rate);
        m.put("okPerSecond", LatencySummary.round(r.okPerSecond()));
        m.put("sent", r.sent());
        m.put("ok", r.ok());
        m.put("failed", r.failed());
        m.put("failures", r.failures());
        m.put("latency", lat.toMap());
        m.put("cpuMicrosPerRequest", LatencySummary.round(cpuMicros));
        json.add(m);
      }
      rep.put("connections", load.connections).put("runs", json);
      rep.print(out, format);
    } finally {
      server.stop(0);
      threads.shutdownNow();
    }
    return 0;
  }

  private void validate() {
    load.validate();
    if (serverThreads < 1 || serverThreads > 64) {
      throw new UserInputException("--server-threads must be in 1..64, got " + serverThreads);
    }
  }
}
