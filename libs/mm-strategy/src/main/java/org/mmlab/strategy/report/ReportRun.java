package org.mmlab.strategy.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mmlab.strategy.metrics.EpisodeMetrics;
import org.mmlab.strategy.metrics.EpisodeSeries;
import org.mmlab.strategy.metrics.MetricsAggregate;

/**
 * One strategy's run in a report: a name, the series to chart and the metrics to tabulate.
 *
 * @param name the strategy or run name shown in legends and table headers
 * @param series the per-step series (a representative episode when metrics are aggregated)
 * @param metrics snake_case key → a {@link Number}, a {@link MetricsAggregate.Stat} (shown as mean
 *     ± standard error) or null (shown as a dash)
 */
public record ReportRun(String name, EpisodeSeries series, Map<String, Object> metrics) {

  /** Copies the metrics, keeping their order. */
  public ReportRun {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("run name must not be blank");
    }
    if (series == null) {
      throw new IllegalArgumentException("run '" + name + "' has no series");
    }
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  /**
   * A run with one episode's metrics.
   *
   * @param name run name
   * @param series its series
   * @param metrics its metrics
   * @return the run
   */
  public static ReportRun of(String name, EpisodeSeries series, EpisodeMetrics metrics) {
    return new ReportRun(name, series, metrics.toJsonMap());
  }

  /**
   * A run with metrics aggregated over episodes; the series is one representative episode.
   *
   * @param name run name
   * @param series a representative series
   * @param aggregate the aggregated metrics
   * @return the run
   */
  public static ReportRun of(String name, EpisodeSeries series, MetricsAggregate aggregate) {
    return new ReportRun(name, series, new LinkedHashMap<>(aggregate.stats()));
  }
}
