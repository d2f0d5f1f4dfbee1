package org.mmlab.strategy;

/**
 * What the strategies quoting from the online σ/A/k estimates (Avellaneda–Stoikov, GLFT) share: the
 * {@link MarketParameterEstimator} fed from the market data callbacks and reset with each episode,
 * and a decision that first moves the estimator's clock to the decision time and withdraws both
 * sides when there is no mid.
 */
abstract class EstimatorStrategy implements Strategy {
  private final MarketParameterEstimator estimator;

  /**
   * Creates the estimator.
   *
   * @param params its settings
   */
  EstimatorStrategy(EstimatorParams params) {
    this.estimator = new MarketParameterEstimator(params);
  }

  /**
   * The live σ/A/k estimator (read-only use: for monitoring).
   *
   * @return the estimator
   */
  public final MarketParameterEstimator estimator() {
    return estimator;
  }

  @Override
  public final void reset(long seed) {
    estimator.reset();
  }

  @Override
  public final void onMarketTrade(long timeNanos, long price, long size, boolean buyerInitiated) {
    estimator.onTrade(timeNanos, price);
  }

  @Override
  public final void onTopOfBook(
      long timeNanos, long bidPrice, long bidSize, long askPrice, long askSize) {
    estimator.onTopOfBook(timeNanos, bidPrice, bidSize, askPrice, askSize);
  }

  @Override
  public final void decide(MarketContext ctx, QuoteDecision out) {
    estimator.advance(ctx.timeNanos());
    double mid = ctx.midPrice();
    if (!(mid > 0)) {
      out.clear();
      return;
    }
    quote(ctx, mid, out);
  }

  /**
   * Writes the quote once the estimator is up to date and there is a mid.
   *
   * @param ctx the market as of now
   * @param mid the mid, ticks, positive
   * @param out receives the quote
   */
  abstract void quote(MarketContext ctx, double mid, QuoteDecision out);
}
