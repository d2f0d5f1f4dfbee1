package org.mmlab.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Heap samples of the services during a soak, read from {@code /actuator/prometheus}: heap used
 * (every sample) and, right after the soak asked the JVM for a full GC, the live data that GC
 * found, written as CSV.
 */
public final class HeapSampler {

  /**
   * One sample.
   *
   * @param seconds since the soak started
   * @param service the service
   * @param heapUsed {@code jvm_memory_used_bytes{area="heap"}} summed over pools
   * @param heapCommitted {@code jvm_memory_committed_bytes{area="heap"}}
   * @param liveData {@code jvm_gc_live_data_size_bytes} (NaN when not exported)
   * @param afterGc whether the sample was taken right after a full GC
   */
  public record Sample(
      double seconds,
      String service,
      double heapUsed,
      double heapCommitted,
      double liveData,
      boolean afterGc) {

    /**
     * The heap this sample stands for: after a full GC the live data the GC found ({@code
     * jvm_gc_live_data_size_bytes}, when exported), else the heap used at the time.
     *
     * @return bytes
     */
    public double level() {
      return afterGc && liveData > 0 ? liveData : heapUsed;
    }
  }

  /**
   * One service's heap trend over the after-GC samples (or, without any, every sample).
   *
   * @param service the service
   * @param points samples used
   * @param firstMb the first point, MiB
   * @param lastMb the last point, MiB
   * @param maxMb the largest heap used of any sample, MiB
   * @param slopeMbPerMin least-squares slope, MiB per minute
   * @param afterGc whether the points are after-GC samples
   */
  public record Trend(
      String service,
      int points,
      double firstMb,
      double lastMb,
      double maxMb,
      double slopeMbPerMin,
      boolean afterGc) {

    /**
     * Whether the heap stayed flat: after-GC heap grew less than 10% of its level plus 16 MiB over
     * the run (the level settles after the first sample: caches fill, classes load).
     *
     * @return true when flat
     */
    public boolean flat() {
      return lastMb - firstMb <= 0.10 * firstMb + 16;
    }
  }

  private final List<Sample> samples = new ArrayList<>();

  /**
   * Adds a sample read from a service's metrics.
   *
   * @param seconds since the start
   * @param service the service
   * @param metrics its metrics
   * @param afterGc whether a full GC just ran
   */
  public synchronized void add(
      double seconds, String service, PrometheusText metrics, boolean afterGc) {
    double used = metrics.sum("jvm_memory_used_bytes", l -> "heap".equals(l.get("area")));
    double committed = metrics.sum("jvm_memory_committed_bytes", l -> "heap".equals(l.get("area")));
    double live = metrics.sum("jvm_gc_live_data_size_bytes", l -> true);
    samples.add(new Sample(seconds, service, used, committed, live, afterGc));
  }

  /**
   * The samples so far.
   *
   * @return a copy
   */
  public synchronized List<Sample> samples() {
    return List.copyOf(samples);
  }

  /**
   * Writes the samples as CSV: {@code seconds,service,heap_used_bytes,heap_committed_bytes,
   * live_data_bytes,after_gc}.
   *
   * @param csv the file
   * @throws IOException if it cannot be written
   */
  public void writeCsv(Path csv) throws IOException {
    StringBuilder b =
        new StringBuilder(
            "seconds,service,heap_used_bytes,heap_committed_bytes,live_data_bytes,after_gc\n");
    for (Sample s : samples()) {
      b.append(String.format(Locale.ROOT, "%.1f", s.seconds()))
          .append(',')
          .append(s.service())
          .append(',')
          .append(num(s.heapUsed()))
          .append(',')
          .append(num(s.heapCommitted()))
          .append(',')
          .append(num(s.liveData()))
          .append(',')
          .append(s.afterGc())
          .append('\n');
    }
    if (csv.toAbsolutePath().getParent() != null) {
      Files.createDirectories(csv.toAbsolutePath().getParent());
    }
    Files.writeString(csv, b);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : Long.toString((long) v);
  }

  /**
   * Each service's trend: over the after-GC samples when there are at least two, else over all
   * samples' heap used.
   *
   * @return service → trend, in first-seen order
   */
  public Map<String, Trend> trends() {
    Map<String, List<Sample>> by = new LinkedHashMap<>();
    for (Sample s : samples()) {
      by.computeIfAbsent(s.service(), k -> new ArrayList<>()).add(s);
    }
    Map<String, Trend> out = new LinkedHashMap<>();
    by.forEach(
        (service, list) -> {
          List<Sample> gc = list.stream().filter(Sample::afterGc).toList();
          boolean afterGc = gc.size() >= 2;
          List<Sample> pts = afterGc ? gc : list;
          double max = 0;
          for (Sample s : list) {
            max = Math.max(max, s.heapUsed());
          }
          double[] x = new double[pts.size()];
          double[] y = new double[pts.size()];
          for (int i = 0; i < pts.size(); i++) {
            x[i] = pts.get(i).seconds() / 60;
            y[i] = pts.get(i).level() / MIB;
          }
          out.put(
              service,
              new Trend(
                  service,
                  pts.size(),
                  y.length == 0 ? 0 : y[0],
                  y.length == 0 ? 0 : y[y.length - 1],
                  max / MIB,
                  slope(x, y),
                  afterGc));
        });
    return out;
  }

  static final double MIB = 1024.0 * 1024.0;

  /** Least-squares slope; 0 for fewer than two points. */
  static double slope(double[] x, double[] y) {
    int n = x.length;
    if (n < 2) {
      return 0;
    }
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i];
      my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    return sxx == 0 ? 0 : sxy / sxx;
  }
}
