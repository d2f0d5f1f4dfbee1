package org.mmlab.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram recorded in nanoseconds, in milliseconds.
 *
 * @param count values recorded
 * @param meanMs mean
 * @param p50Ms median
 * @param p90Ms 90th percentile
 * @param p99Ms 99th percentile
 * @param p999Ms 99.9th percentile
 * @param maxMs largest value
 */
public record LatencySummary(
    long count,
    double meanMs,
    double p50Ms,
    double p90Ms,
    double p99Ms,
    double p999Ms,
    double maxMs) {

  /**
   * Summarizes a histogram of nanosecond values.
   *
   * @param h the histogram
   * @return the summary; all zeros when it is empty
   */
  public static LatencySummary ofNanos(Histogram h) {
    if (h.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(
        h.getTotalCount(),
        h.getMean() / 1e6,
        h.getValueAtPercentile(50) / 1e6,
        h.getValueAtPercentile(90) / 1e6,
        h.getValueAtPercentile(99) / 1e6,
        h.getValueAtPercentile(99.9) / 1e6,
        h.getMaxValue() / 1e6);
  }

  /**
   * The summary as an ordered map for JSON output.
   *
   * @return count and the figures in ms
   */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", count);
    m.put("meanMs", round(meanMs));
    m.put("p50Ms", round(p50Ms));
    m.put("p90Ms", round(p90Ms));
    m.put("p99Ms", round(p99Ms));
    m.put("p999Ms", round(p999Ms));
    m.put("maxMs", round(maxMs));
    return m;
  }

  /**
   * One line: p50, p99, p99.9 and max.
   *
   * @return for example {@code p50 0.41 ms, p99 2.10 ms, p99.9 4.00 ms, max 9.12 ms}
   */
  public String line() {
    return String.format(
        "p50 %s ms, p99 %s ms, p99.9 %s ms, max %s ms",
        fmt(p50Ms), fmt(p99Ms), fmt(p999Ms), fmt(maxMs));
  }

  static String fmt(double ms) {
    return ms >= 100
        ? String.format("%.0f", ms)
        : ms >= 10 ? String.format("%.1f", ms) : String.format("%.3f", ms);
  }

  static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
