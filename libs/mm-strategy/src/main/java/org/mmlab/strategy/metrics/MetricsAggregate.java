package org.mmlab.strategy.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics over several episodes or seeds: for every numeric metric, the mean and its standard error
 * {@code s / √n} (s the sample standard deviation, n − 1), over the episodes where it is defined.
 */
public final class MetricsAggregate {
  private final int runs;
  private final Map<String, Stat> stats;

  /**
   * One metric's summary.
   *
   * @param mean the mean over the runs where the metric is defined; NaN if none
   * @param stdErr standard error of the mean; NaN with fewer than 2 values
   * @param n number of runs where the metric is defined
   */
  public record Stat(double mean, double stdErr, int n) {
    /**
     * As a JSON object.
     *
     * @return {@code {"mean": ..., "stderr": ..., "n": ...}} with null for NaN
     */
    public Map<String, Object> toJsonMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("mean", Double.isFinite(mean) ? mean : null);
      m.put("stderr", Double.isFinite(stdErr) ? stdErr : null);
      m.put("n", n);
      return m;
    }
  }

  private MetricsAggregate(int runs, Map<String, Stat> stats) {
    this.runs = runs;
    this.stats = Collections.unmodifiableMap(stats);
  }

  /**
   * Aggregates episodes.
   *
   * @param episodes one entry per episode or seed, at least one
   * @return the summary, keyed like {@link EpisodeMetrics#toJsonMap()}
   */
  public static MetricsAggregate of(List<EpisodeMetrics> episodes) {
    if (episodes.isEmpty()) {
      throw new IllegalArgumentException("no episodes to aggregate");
    }
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (EpisodeMetrics e : episodes) {
      for (Map.Entry<String, Object> kv : e.toJsonMap().entrySet()) {
        double[] acc = sums.computeIfAbsent(kv.getKey(), k -> new double[3]);
        if (kv.getValue() instanceof Number num) {
          double v = num.doubleValue();
          acc[0] += 1;
          acc[1] += v;
        }
      }
    }
    Map<String, Double> means = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> kv : sums.entrySet()) {
      double[] acc = kv.getValue();
      means.put(kv.getKey(), acc[0] > 0 ? acc[1] / acc[0] : Double.NaN);
    }
    // Second pass for the variance around the mean (numerically safer than Σx²).
    for (EpisodeMetrics e : episodes) {
      for (Map.Entry<String, Object> kv : e.toJsonMap().entrySet()) {
        if (kv.getValue() instanceof Number num) {
          double d = num.doubleValue() - means.get(kv.getKey());
          sums.get(kv.getKey())[2] += d * d;
        }
      }
    }
    Map<String, Stat> stats = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> kv : sums.entrySet()) {
      double[] acc = kv.getValue();
      int n = (int) acc[0];
      double se = n >= 2 ? Math.sqrt(acc[2] / (n - 1)) / Math.sqrt(n) : Double.NaN;
      stats.put(kv.getKey(), new Stat(means.get(kv.getKey()), se, n));
    }
    return new MetricsAggregate(episodes.size(), stats);
  }

  /**
   * Number of episodes aggregated.
   *
   * @return the count
   */
  public int runs() {
    return runs;
  }

  /**
   * One metric's summary.
   *
   * @param key a snake_case key of {@link EpisodeMetrics#toJsonMap()}
   * @return the summary
   * @throws IllegalArgumentException for an unknown key
   */
  public Stat stat(String key) {
    Stat s = stats.get(key);
    if (s == null) {
      throw new IllegalArgumentException("unknown metric '" + key + "'");
    }
    return s;
  }

  /**
   * Every metric's summary in key order.
   *
   * @return an unmodifiable ordered map
   */
  public Map<String, Stat> stats() {
    return stats;
  }

  /**
   * As JSON: {@code {"runs": n, "metrics": {"pnl": {"mean", "stderr", "n"}, ...}}}.
   *
   * @return a new ordered map
   */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (Map.Entry<String, Stat> kv : stats.entrySet()) {
      metrics.put(kv.getKey(), kv.getValue().toJsonMap());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runs", runs);
    m.put("metrics", metrics);
    return m;
  }
}
