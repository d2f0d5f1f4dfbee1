package org.mmlab.service.gateway.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mmlab.api.Endpoints;
import org.mmlab.service.marketdata.MarketDataApplication;

/**
 * market-data-service as a separate JVM process, started from this test's classpath (which holds
 * the service's classes and dependencies), so that a test can kill it with SIGKILL.
 */
final class ExchangeProcess implements AutoCloseable {
  static final String TOKEN = "crash-token";

  private final int port;
  private final Path log;
  private Process process;

  ExchangeProcess(Path log) throws IOException {
    this.log = log;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** Starts the process and waits until it serves HTTP. */
  void start(String... properties) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx384m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(MarketDataApplication.class.getName());
    // Arguments, so that they win over the gateway's application.yml on this classpath.
    cmd.add("--server.port=" + port);
    cmd.add("--spring.application.name=market-data-service");
    cmd.add("--management.metrics.tags.application=market-data-service");
    cmd.add("--mmlab.exchange.internal-token=" + TOKEN);
    cmd.add("--springdoc.api-docs.enabled=false");
    cmd.addAll(List.of(properties));
    process =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    // HTTP/1.1 and a timeout: the default h2c upgrade can hang against a server still starting.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the exchange exited; see " + log);
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(url() + Endpoints.SIMULATION))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet (or not answering yet: HttpTimeoutException is an IOException)
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the exchange did not start in 90 s; see " + log);
  }

  /** Kills the process with SIGKILL (no shutdown hook runs) and waits for it to die. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }
}
