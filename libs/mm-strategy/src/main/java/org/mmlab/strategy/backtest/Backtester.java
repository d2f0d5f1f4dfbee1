package org.mmlab.strategy.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.mmlab.sim.Market;
import org.mmlab.sim.core.Rng;
import org.mmlab.sim.market.MarketFactory;
import org.mmlab.strategy.MarketContext;
import org.mmlab.strategy.QuoteDecision;
import org.mmlab.strategy.Strategy;
import org.mmlab.strategy.metrics.EpisodeMetrics;
import org.mmlab.strategy.metrics.EpisodeSeries;
import org.mmlab.strategy.metrics.MetricsAggregate;

/**
 * Runs a strategy through episodes of a market and measures it. Episode {@code i} of a run with
 * base seed {@code s} uses seed {@code Rng.derive(s, i)} for the market and the strategy, so two
 * strategies backtested with the same seed meet exactly the same markets.
 */
public final class Backtester {
  private final BacktestConfig config;

  /**
   * Creates a backtester.
   *
   * @param config what to run on
   */
  public Backtester(BacktestConfig config) {
    this.config = config;
  }

  /**
   * Backtests a strategy.
   *
   * @param strategies makes the strategy (called once)
   * @param episodes number of episodes, positive
   * @param seed base seed
   * @param recordSeries whether to keep the first episode's series for charts
   * @return the metrics
   */
  public BacktestResult run(
      Supplier<Strategy> strategies, int episodes, long seed, boolean recordSeries) {
    if (episodes <= 0) {
      throw new IllegalArgumentException("episodes must be positive: " + episodes);
    }
    Market market = MarketFactory.create(config.marketSpec(), config.conditions());
    Strategy strategy = strategies.get();
    List<EpisodeMetrics> results = new ArrayList<>(episodes);
    EpisodeSeries first = null;
    for (int e = 0; e < episodes; e++) {
      boolean record = recordSeries && e == 0;
      TradingSession session =
          new TradingSession(
              market,
              config.features(),
              config.intervalNanos(),
              config.steps(),
              config.maxInventory(),
              record);
      long episodeSeed = Rng.derive(seed, e);
      results.add(runEpisode(session, strategy, episodeSeed));
      if (record) {
        first = session.metrics().series();
      }
    }
    return new BacktestResult(strategy.name(), results, MetricsAggregate.of(results), first);
  }

  /**
   * Runs one episode.
   *
   * @param session the session (reset here)
   * @param strategy the strategy (reset here with the same seed)
   * @param seed the episode's seed
   * @return its metrics
   */
  public static EpisodeMetrics runEpisode(TradingSession session, Strategy strategy, long seed) {
    strategy.reset(seed);
    session.observe(strategy);
    session.reset(seed);
    QuoteDecision decision = new QuoteDecision();
    session.recordStep();
    while (true) {
      MarketContext ctx = session.context();
      decision.clear();
      strategy.decide(ctx, decision);
      session.quote(decision);
      session.advance();
      session.recordStep();
      if (session.truncated() || session.market().exhausted()) {
        break;
      }
    }
    session.cancelQuotes();
    return session.metrics().finish();
  }
}
