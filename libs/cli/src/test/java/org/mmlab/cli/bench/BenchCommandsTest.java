package org.mmlab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.cli.CliRun;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each bench command and the soak, for a few seconds, against a fake venue on loopback. */
class BenchCommandsTest {
  final JsonMapper json = JsonMapper.builder().build();
  FakeVenue venue;

  @BeforeEach
  void start() {
    venue = new FakeVenue();
  }

  @AfterEach
  void stop() {
    venue.close();
  }

  private JsonNode run(String... args) {
    CliRun r = CliRun.of(args);
    assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
    String out = r.out();
    return json.readTree(out.substring(out.indexOf('{')));
  }

  @Test
  void gatewayBenchSendsOrdersAtEachRateAndCountsEveryAnswer() {
    JsonNode j =
        run(
            "bench",
            "gateway",
            "--gateway-url",
            venue.url(),
            "--market-data-url",
            venue.url(),
            "--rate",
            "200,100",
            "--duration",
            "2",
            "--warmup",
            "1",
            "--connections",
            "4",
            "--format",
            "json");
    // 200/s then 100/s for 2 measured seconds each: every order answered, warm-ups not counted.
    JsonNode first = j.path("runs").get(0);
    assertThat(first.path("sent").asLong()).isEqualTo(400);
    assertThat(first.path("ok").asLong()).isEqualTo(400);
    assertThat(first.path("failed").asLong()).isZero();
    assertThat(first.path("latency").path("count").asLong()).isEqualTo(400);
    assertThat(first.path("cpuMicrosPerOrder").has("load generator")).isTrue();
    JsonNode second = j.path("runs").get(1);
    assertThat(second.path("ok").asLong()).isEqualTo(200);
    // Each warm-up ramps from 10% to its rate: (20 + 200) / 2 and (10 + 100) / 2 orders in 1 s.
    assertThat(venue.submits.get()).isEqualTo(400 + 110 + 200 + 55);
    assertThat(j.path("targetMet").asBoolean()).isFalse();
  }

  @Test
  void floorBenchAnswersEveryRequestOfEachRateFromItsOwnServer() {
    JsonNode j =
        run(
            "bench",
            "floor",
            "--rate",
            "300,100",
            "--duration",
            "2",
            "--warmup",
            "1",
            "--connections",
            "3",
            "--format",
            "json");
    JsonNode first = j.path("runs").get(0);
    assertThat(first.path("sent").asLong()).isEqualTo(600);
    assertThat(first.path("ok").asLong()).isEqualTo(600);
    assertThat(first.path("latency").path("count").asLong()).isEqualTo(600);
    assertThat(first.path("cpuMicrosPerRequest").asDouble()).isPositive();
    assertThat(j.path("runs").get(1).path("ok").asLong()).isEqualTo(200);
    assertThat(j.path("runs").get(1).path("failed").asLong()).isZero();
  }

  @Test
  void floorBenchRefusesBadOptions() {
    CliRun r = CliRun.of("bench", "floor", "--server-threads", "0");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("--server-threads must be in 1..64, got 0");
  }

  @Test
  void gatewayBenchCountsRejectionsByCode() {
    JsonNode j =
        run(
            "bench",
            "gateway",
            "--gateway-url",
            venue.url(),
            "--market-data-url",
            venue.url(),
            "--api-key",
            "demo-key,wrong-key",
            "--rate",
            "100",
            "--duration",
            "1",
            "--warmup",
            "0",
            "--format",
            "json");
    JsonNode r = j.path("runs").get(0);
    assertThat(r.path("ok").asLong()).isEqualTo(50);
    assertThat(r.path("failures").path("HTTP 401 UNAUTHORIZED").asLong()).isEqualTo(50);
  }

  @Test
  void fanoutDeliversEveryMessageToEverySubscriberWithoutGaps() {
    JsonNode j =
        run(
            "bench",
            "fanout",
            "--market-data-url",
            venue.url(),
            "--subscribers",
            "3",
            "--duration",
            "2",
            "--warmup",
            "0",
            "--format",
            "json");
    assertThat(j.path("gaps").asLong()).isZero();
    assertThat(j.path("disconnects").asLong()).isZero();
    assertThat(j.path("perSubscriber")).hasSize(3);
    long published =
        (long) (j.path("publishedPerSecond").asDouble() * j.path("seconds").asDouble());
    assertThat(published).isPositive();
    for (JsonNode s : j.path("perSubscriber")) {
      assertThat(s.path("messages").asLong()).isPositive();
      assertThat(s.path("lag").path("count").asLong()).isPositive();
    }
  }

  @Test
  void tickToQuoteReadsTheStrategyHistogramWithoutTheWarmup() {
    JsonNode j =
        run(
            "bench",
            "tick-to-quote",
            "--strategy-url",
            venue.url(),
            "--duration",
            "1",
            "--warmup",
            "0",
            "--format",
            "json");
    // Two scrapes; the fake adds 10 quotes per scrape, 9 of them under 1 ms.
    assertThat(j.path("count").asDouble()).isEqualTo(10.0);
    assertThat(j.path("p50Ms").asDouble()).isBetween(0.0, 1.0);
    assertThat(j.path("p99BucketMs").get(0).asDouble()).isEqualTo(1.0);
    assertThat(j.path("p99BucketMs").get(1).asDouble()).isEqualTo(2.0);
    // The target is judged on the in-service histogram, whose p99 lies in (0.1, 0.5] ms.
    assertThat(j.path("inServiceP99BucketMs").get(0).asDouble()).isEqualTo(0.1);
    assertThat(j.path("inServiceP99BucketMs").get(1).asDouble()).isEqualTo(0.5);
    assertThat(j.path("inServiceMeanMs").asDouble()).isCloseTo(0.08, within(1e-9));
    assertThat(j.path("targetMet").asBoolean()).isTrue();
  }

  @Test
  void soakAccountsForEveryOrderAndWritesTheHeapChart(@TempDir Path tmp) throws Exception {
    Path csv = tmp.resolve("heap.csv");
    Path png = tmp.resolve("heap.png");
    JsonNode j =
        run(
            "soak",
            "--gateway-url",
            venue.url(),
            "--market-data-url",
            venue.url(),
            "--strategy-url",
            venue.url(),
            "--minutes",
            "0.05",
            "--rate",
            "100",
            "--sample-every",
            "1",
            "--csv",
            csv.toString(),
            "--chart",
            png.toString(),
            "--format",
            "json");
    JsonNode orders = j.path("orders");
    assertThat(orders.path("acknowledged").asLong()).isPositive();
    assertThat(orders.path("lost").asLong()).isZero();
    assertThat(orders.path("finalReported").asLong() + orders.path("openAtEnd").asLong())
        .isEqualTo(orders.path("acknowledged").asLong());
    assertThat(j.path("failed").asLong()).isZero();
    assertThat(j.path("strategyState").asString()).isEqualTo("RUNNING");
    assertThat(j.path("pass").asBoolean()).isTrue();
    assertThat(Files.readAllLines(csv).get(0)).startsWith("seconds,service,heap_used_bytes");
    assertThat(Files.readAllLines(csv)).hasSizeGreaterThan(3);
    assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1100);
  }

  @Test
  void badOptionsAreOneLineAndExitCode2() {
    CliRun r =
        CliRun.of(
            "bench",
            "gateway",
            "--rate",
            "0",
            "--gateway-url",
            venue.url(),
            "--market-data-url",
            venue.url());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("error: --rate must be in (0, 1000000], got 0.0");
    CliRun t =
        CliRun.of(
            "bench",
            "gateway",
            "--settle",
            "-1",
            "--gateway-url",
            venue.url(),
            "--market-data-url",
            venue.url());
    assertThat(t.exitCode()).isEqualTo(2);
    assertThat(t.err().strip()).isEqualTo("error: --settle must not be negative, got -1");
    CliRun j = CliRun.of("bench", "gateway", "--jvm-option", "order-gateway-service=Xmx2g");
    assertThat(j.exitCode()).isEqualTo(2);
    assertThat(j.err().strip())
        .isEqualTo(
            "error: --jvm-option order-gateway-service=Xmx2g: the option must start with '-'"
                + " (e.g. -XX:+UseZGC)");
    CliRun k = CliRun.of("bench", "fanout", "--jvm-option", "gateway=-XX:+UseZGC");
    assertThat(k.exitCode()).isEqualTo(2);
    assertThat(k.err()).contains("SERVICE one of market-data-service");
    CliRun u =
        CliRun.of(
            "bench",
            "gateway",
            "--jvm-option",
            "order-gateway-service=-XX:+UseZGC",
            "--gateway-url",
            venue.url(),
            "--market-data-url",
            venue.url());
    assertThat(u.exitCode()).isEqualTo(2);
    assertThat(u.err()).contains("not to running ones given by URL");
    CliRun s = CliRun.of("soak", "--gateway-url", venue.url());
    assertThat(s.exitCode()).isEqualTo(2);
    assertThat(s.err()).contains("--market-data-url is needed");
  }
}
