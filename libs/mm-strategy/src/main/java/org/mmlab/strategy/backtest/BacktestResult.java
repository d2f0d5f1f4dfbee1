package org.mmlab.strategy.backtest;

import java.util.List;
import org.mmlab.strategy.metrics.EpisodeMetrics;
import org.mmlab.strategy.metrics.EpisodeSeries;
import org.mmlab.strategy.metrics.MetricsAggregate;

/**
 * What a backtest of one strategy produced.
 *
 * @param strategy the strategy's name
 * @param episodes per-episode metrics, in run order
 * @param aggregate mean and standard error per metric over the episodes
 * @param firstSeries the first episode's per-step series, for charts
 */
public record BacktestResult(
    String strategy,
    List<EpisodeMetrics> episodes,
    MetricsAggregate aggregate,
    EpisodeSeries firstSeries) {}
