package org.mmlab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.api.execution.OrderCancelled;
import org.mmlab.api.execution.OrderFilled;
import org.mmlab.api.execution.OrderRejected;

/** The pieces of the benches that need no server. */
class BenchPartsTest {

  @Test
  void pacerSpacesRequestsEvenlyFromTheStart() {
    OpenLoopPacer p = new OpenLoopPacer(1_000, 1000); // one per ms
    assertThat(p.intendedNanos(0)).isEqualTo(1_000);
    assertThat(p.intendedNanos(5)).isEqualTo(5_001_000);
    assertThat(p.dueBy(999)).isZero();
    assertThat(p.dueBy(1_000)).isEqualTo(1);
    assertThat(p.dueBy(1_001_000 - 1)).isEqualTo(1);
    assertThat(p.dueBy(1_001_000)).isEqualTo(2);
    assertThat(p.requestsIn(2.5)).isEqualTo(2500);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 7, 42, 1234})
  void pacerDueCountMatchesTheIntendedTimes(long seed) {
    Random r = new Random(seed);
    double rate = 1 + r.nextDouble() * 50_000;
    long start = r.nextInt(1_000_000);
    OpenLoopPacer p = new OpenLoopPacer(start, rate);
    for (int i = 0; i < 1000; i++) {
      long now = start + (long) (r.nextDouble() * 2e9);
      long due = p.dueBy(now);
      // Exactly the requests intended at or before now are due.
      assertThat(p.intendedNanos(due - 1)).isLessThanOrEqualTo(now);
      assertThat(p.intendedNanos(due)).isGreaterThan(now);
    }
  }

  @Test
  void pacerRefusesANonPositiveRate() {
    assertThatThrownBy(() -> new OpenLoopPacer(0, 0)).hasMessageContaining("rate");
    assertThatThrownBy(() -> new OpenLoopPacer(0, Double.NaN)).hasMessageContaining("rate");
  }

  @Test
  void latencySummaryReadsPercentilesInMilliseconds() {
    Histogram h = new Histogram(3);
    for (int i = 1; i <= 100; i++) {
      h.recordValue(i * 1_000_000L); // 1..100 ms
    }
    LatencySummary s = LatencySummary.ofNanos(h);
    assertThat(s.count()).isEqualTo(100);
    assertThat(s.p50Ms()).isCloseTo(50, within(0.1));
    assertThat(s.p99Ms()).isCloseTo(99, within(0.1));
    assertThat(s.maxMs()).isCloseTo(100, within(0.1));
    assertThat(s.meanMs()).isCloseTo(50.5, within(0.1));
    assertThat(s.toMap()).containsEntry("count", 100L);
    assertThat(LatencySummary.ofNanos(new Histogram(3)).count()).isZero();
  }

  static final String EXPOSITION =
      """
      # HELP jvm_memory_used_bytes The amount of used memory
      # TYPE jvm_memory_used_bytes gauge
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.0E7
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 5000000.0
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
      odd_label{path="a \\"quoted\\", b",x="1"} 3
      plain_metric 42
      t_seconds_bucket{strategy="a",le="0.001"} 50.0
      t_seconds_bucket{strategy="a",le="0.002"} 90.0
      t_seconds_bucket{strategy="a",le="0.004"} 100.0
      t_seconds_bucket{strategy="a",le="+Inf"} 100.0
      t_seconds_bucket{strategy="b",le="0.001"} 1.0
      t_seconds_bucket{strategy="b",le="+Inf"} 2.0
      """;

  @Test
  void prometheusTextSumsSamplesAndParsesEscapedLabels() {
    PrometheusText t = PrometheusText.parse(EXPOSITION);
    assertThat(t.sum("jvm_memory_used_bytes", l -> "heap".equals(l.get("area")))).isEqualTo(1.5e7);
    assertThat(t.sum("plain_metric", l -> true)).isEqualTo(42);
    assertThat(t.sum("missing", l -> true)).isNaN();
    PrometheusText.Sample odd =
        t.samples().stream().filter(s -> s.name().equals("odd_label")).findFirst().orElseThrow();
    assertThat(odd.labels()).isEqualTo(Map.of("path", "a \"quoted\", b", "x", "1"));
  }

  @Test
  void quantilesInterpolateInsideTheBucketHoldingTheRank() {
    PrometheusText t = PrometheusText.parse(EXPOSITION);
    TreeMap<Double, Double> a = t.buckets("t_seconds", l -> "a".equals(l.get("strategy")));
    assertThat(a).hasSize(4);
    PrometheusText.Quantile p50 = PrometheusText.quantile(a, 0.5);
    assertThat(p50.seconds()).isCloseTo(0.001, within(1e-12));
    PrometheusText.Quantile p70 = PrometheusText.quantile(a, 0.7);
    assertThat(p70.seconds()).isCloseTo(0.0015, within(1e-12)); // halfway from 50 to 90
    assertThat(p70.lowerBound()).isEqualTo(0.001);
    assertThat(p70.upperBound()).isEqualTo(0.002);
    PrometheusText.Quantile p99 = PrometheusText.quantile(a, 0.99);
    assertThat(p99.seconds()).isCloseTo(0.0038, within(1e-12));
    // Half of b's observations are beyond the last finite bound: the quantile says so.
    TreeMap<Double, Double> b = t.buckets("t_seconds", l -> "b".equals(l.get("strategy")));
    PrometheusText.Quantile bq = PrometheusText.quantile(b, 0.99);
    assertThat(bq.upperBound()).isInfinite();
    assertThat(bq.seconds()).isEqualTo(0.001);
    assertThat(PrometheusText.quantile(new TreeMap<>(), 0.5)).isNull();
  }

  @Test
  void bucketDifferencesLeaveOutEarlierObservations() {
    PrometheusText t = PrometheusText.parse(EXPOSITION);
    TreeMap<Double, Double> later = t.buckets("t_seconds", l -> "a".equals(l.get("strategy")));
    TreeMap<Double, Double> earlier =
        new TreeMap<>(
            Map.of(0.001, 50.0, 0.002, 50.0, 0.004, 50.0, Double.POSITIVE_INFINITY, 50.0));
    TreeMap<Double, Double> d = PrometheusText.minus(later, earlier);
    assertThat(d.firstEntry().getValue()).isZero();
    assertThat(d.lastEntry().getValue()).isEqualTo(50.0);
    // Now every new observation lies above 1 ms.
    assertThat(PrometheusText.quantile(d, 0.01).lowerBound()).isEqualTo(0.001);
  }

  private static OrderAccepted accepted(long id) {
    return new OrderAccepted(
        1,
        id,
        "c" + id,
        1,
        Instant.EPOCH,
        Side.BUY,
        OrderType.LIMIT,
        BigDecimal.ONE,
        BigDecimal.ONE,
        false);
  }

  private static OrderCancelled cancelled(long id) {
    return new OrderCancelled(2, id, "c" + id, 1, Instant.EPOCH, BigDecimal.ONE, null);
  }

  private static OrderFilled filled(long id, String remaining) {
    return new OrderFilled(
        3,
        id,
        "c" + id,
        1,
        Instant.EPOCH,
        Side.BUY,
        BigDecimal.ONE,
        BigDecimal.ONE,
        new BigDecimal(remaining),
        false,
        BigDecimal.ONE);
  }

  @Test
  void ledgerAccountsForEveryAcknowledgedOrder() {
    SoakLedger l = new SoakLedger();
    // 1: acked, then accepted and cancelled.
    l.acknowledged(1);
    l.report(accepted(1));
    l.report(cancelled(1));
    // 2: the reports beat the HTTP answer.
    l.report(accepted(2));
    l.report(filled(2, "0"));
    l.acknowledged(2);
    // 3: partly filled and still resting at the end.
    l.acknowledged(3);
    l.report(accepted(3));
    l.report(filled(3, "1"));
    // 4: acknowledged, never reported, not open: lost.
    l.acknowledged(4);
    // 5: reported, but its HTTP answer never came (a client-side timeout).
    l.report(accepted(5));
    l.report(cancelled(5));
    // A gateway rejection has no order id and never counts as an acknowledged order.
    l.report(
        new OrderRejected(
            4, 0, "c9", 0, Instant.EPOCH, org.mmlab.api.ProblemCode.RATE_LIMITED, "limit"));
    assertThat(l.pending()).isEqualTo(2); // 3 and 4
    l.openAtEnd(List.of(3L));
    SoakLedger.Accounting a = l.account();
    assertThat(a.acknowledged()).isEqualTo(4);
    assertThat(a.finalReported()).isEqualTo(2);
    assertThat(a.openAtEnd()).isEqualTo(1);
    assertThat(a.lost()).isEqualTo(1);
    assertThat(a.withoutAccepted()).isEqualTo(1);
    assertThat(a.reportedNotAcknowledged()).isEqualTo(1);
    assertThat(l.finals()).isEqualTo(3);
  }

  private static PrometheusText heap(double usedMb) {
    return PrometheusText.parse(
        "jvm_memory_used_bytes{area=\"heap\",id=\"x\"} "
            + usedMb * HeapSampler.MIB
            + "\n"
            + "jvm_memory_committed_bytes{area=\"heap\",id=\"x\"} "
            + 512 * HeapSampler.MIB
            + "\n");
  }

  @Test
  void heapTrendUsesTheAfterGcSamplesAndFlagsGrowth() {
    HeapSampler s = new HeapSampler();
    for (int i = 0; i <= 10; i++) {
      double t = i * 60;
      s.add(t, "flat", heap(200 + 50 * (i % 2)), false); // sawtooth between GCs
      s.add(t + 1, "flat", heap(40 + (i % 3)), true); // after GC: ~40 MiB throughout
      s.add(t, "leaky", heap(300), false);
      s.add(t + 1, "leaky", heap(40 + 10 * i), true); // after GC: +10 MiB per minute
    }
    Map<String, HeapSampler.Trend> trends = s.trends();
    HeapSampler.Trend flat = trends.get("flat");
    assertThat(flat.afterGc()).isTrue();
    assertThat(flat.points()).isEqualTo(11);
    assertThat(flat.maxMb()).isCloseTo(250, within(1e-9));
    assertThat(flat.flat()).isTrue();
    HeapSampler.Trend leaky = trends.get("leaky");
    assertThat(leaky.slopeMbPerMin()).isCloseTo(10, within(1e-9));
    assertThat(leaky.firstMb()).isCloseTo(40, within(1e-9));
    assertThat(leaky.lastMb()).isCloseTo(140, within(1e-9));
    assertThat(leaky.flat()).isFalse();
  }

  @Test
  void afterGcSamplesStandForTheLiveDataTheGcFound() {
    HeapSampler s = new HeapSampler();
    String live = "jvm_gc_live_data_size_bytes " + 30 * HeapSampler.MIB + "\n";
    s.add(
        0,
        "x",
        PrometheusText.parse(
            "jvm_memory_used_bytes{area=\"heap\"} " + 90 * HeapSampler.MIB + "\n" + live),
        true);
    s.add(
        60,
        "x",
        PrometheusText.parse(
            "jvm_memory_used_bytes{area=\"heap\"} " + 70 * HeapSampler.MIB + "\n" + live),
        true);
    s.add(
        70,
        "x",
        PrometheusText.parse(
            "jvm_memory_used_bytes{area=\"heap\"} " + 99 * HeapSampler.MIB + "\n" + live),
        false);
    HeapSampler.Trend t = s.trends().get("x");
    assertThat(t.firstMb()).isCloseTo(30, within(1e-9));
    assertThat(t.lastMb()).isCloseTo(30, within(1e-9));
    assertThat(t.maxMb()).isCloseTo(99, within(1e-9));
    assertThat(s.samples().get(2).level()).isEqualTo(99 * HeapSampler.MIB); // not after a GC
  }

  @Test
  void heapSamplesGoToCsvAndChart(@TempDir Path tmp) throws Exception {
    HeapSampler s = new HeapSampler();
    s.add(0, "market-data-service", heap(100), false);
    s.add(5, "market-data-service", heap(120), false);
    s.add(6, "market-data-service", heap(30), true);
    s.add(5, "order-gateway-service", heap(80), false);
    Path csv = tmp.resolve("d/heap.csv");
    s.writeCsv(csv);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines)
        .containsExactly(
            "seconds,service,heap_used_bytes,heap_committed_bytes,live_data_bytes,after_gc",
            "0.0,market-data-service,104857600,536870912,,false",
            "5.0,market-data-service,125829120,536870912,,false",
            "6.0,market-data-service,31457280,536870912,,true",
            "5.0,order-gateway-service,83886080,536870912,,false");
    Path png = tmp.resolve("d/heap.png");
    HeapChart.write(s.samples(), "test", png);
    var image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1100);
    assertThat(image.getHeight()).isEqualTo(520);
    assertThatThrownBy(() -> HeapChart.write(List.of(), "empty", tmp.resolve("e.png")))
        .hasMessageContaining("no heap samples");
  }

  @Test
  void arrivalSkewMeasuresFromTheFirstReceiver() {
    ArrivalSkew a = new ArrivalSkew(8);
    assertThat(a.arrive(100, 1_000)).isZero();
    assertThat(a.arrive(100, 1_750)).isEqualTo(750);
    assertThat(a.arrive(101, 2_000)).isZero();
    assertThat(a.arrive(108, 3_000)).isZero(); // reuses 100's slot
    assertThat(a.arrive(100, 3_100)).isEqualTo(-1); // too old to tell
  }

  @Test
  void theGatewayTargetIsJudgedOnOrdersAnsweredNotOnTheAckedRate() {
    // 150,000 orders offered at 10,000/s, all answered; the window ran 12 ms past its 15 s.
    assertThat(GatewayBenchCommand.targetMet(result(10_000, 150_000, 150_000, 15.012, 0), 4.2))
        .isTrue();
    assertThat(GatewayBenchCommand.targetMet(result(10_000, 150_000, 150_000, 15.012, 0), 5.0))
        .isFalse();
    assertThat(GatewayBenchCommand.targetMet(result(10_000, 150_000, 149_999, 15.0, 1), 1.0))
        .isFalse();
    assertThat(GatewayBenchCommand.targetMet(result(9_000, 135_000, 135_000, 15.0, 0), 1.0))
        .isFalse();
    assertThat(GatewayBenchCommand.targetMet(result(10_000, 0, 0, 15.0, 0), 0.0)).isFalse();
  }

  @Test
  void theServicesHaveSettledWhenTheirCpuPerOrderStopsFalling() {
    // Too few windows to tell, however flat.
    assertThat(GatewayBenchCommand.settled(List.of(120.0, 120.0))).isFalse();
    // Still falling by more than 3% from the best window before.
    assertThat(GatewayBenchCommand.settled(List.of(160.0, 140.0, 125.0))).isFalse();
    // Within 3% of the best before it (slightly better, equal, or a little worse): settled.
    assertThat(GatewayBenchCommand.settled(List.of(160.0, 125.0, 122.0))).isTrue();
    assertThat(GatewayBenchCommand.settled(List.of(160.0, 125.0, 125.0))).isTrue();
    assertThat(GatewayBenchCommand.settled(List.of(160.0, 125.0, 131.0))).isTrue();
    // A noisy high window does not hide an improvement on the best so far.
    assertThat(GatewayBenchCommand.settled(List.of(160.0, 130.0, 150.0, 118.0))).isFalse();
  }

  private static OpenLoopLoad.Result result(
      double rate, long sent, long ok, double seconds, long failed) {
    Map<String, Long> failures = failed == 0 ? Map.of() : Map.of("HTTP 503", failed);
    return new OpenLoopLoad.Result(
        sent, sent, ok, failures, new Histogram(3), seconds, rate, false);
  }
}
