package org.mmlab.strategy.metrics;

import org.mmlab.lob.Side;

/**
 * Collects one episode's performance: fed per decision step, per quote and per fill, it produces
 * {@link EpisodeMetrics} (see there for every definition) and, optionally, an {@link EpisodeSeries}
 * for charts.
 *
 * <h2>Call order</h2>
 *
 * At every decision time {@code t}, including the episode's first ({@code t0}, before any trading):
 * {@link #onStep} with the state at {@code t}, then {@link #onQuote} with the quotes chosen at
 * {@code t}. Between decisions: {@link #onFill} for each of our fills, and optionally {@link
 * #onMid} on mid changes for a finer resolution of the post-fill mids (otherwise the mids passed to
 * {@code onStep}/{@code onFill} are used). Times must not decrease.
 *
 * <h2>Sampling of Sharpe and Sortino</h2>
 *
 * The returns are the equity differences between consecutive steps ({@code n} steps give {@code n −
 * 1} returns) in ticks × lots — P&amp;L increments, not percentages, which the ratios do not need
 * since they are scale-free. Annualization multiplies by {@code √(tradingSecondsPerYear /
 * stepSeconds)} ({@link MetricsConfig#periodsPerYear()}): with 1 s steps and a 252 × 6.5 h year, by
 * √5,896,800 ≈ 2428.
 *
 * <p>The post-fill mids: a fill at {@code t} is valued against the mid in force at {@code t + 1 s}
 * and {@code t + 5 s}, resolved from a pending queue as later mids arrive. No allocation per call
 * except amortized ring/series growth. Not thread-safe.
 */
public final class MetricsCollector {
  private static final long ONE_SECOND = 1_000_000_000L;
  private static final long FIVE_SECONDS = 5_000_000_000L;

  private final MetricsConfig config;
  private final EpisodeSeries series;
  private final PendingFills pending1s = new PendingFills();
  private final PendingFills pending5s = new PendingFills();

  private long steps;
  private long firstStepTime;
  private long lastEventTime;
  private double firstEquity;
  private double lastEquity;
  private double peak;
  private double maxDrawdown;
  private long returns;
  private double meanReturn;
  private double m2Return;
  private double downsideSq;
  private double spreadSum;
  private long spreadCount;

  private boolean integrating;
  private long inventory;
  private double inventoryIntegral;
  private double absInventoryIntegral;

  private long postedSides;
  private long filledSides;
  private boolean bidPosted;
  private boolean askPosted;
  private boolean bidFilled;
  private boolean askFilled;

  private long trades;
  private long volume;
  private double absSpreadSum;
  private double signedSpreadSum;

  private boolean hasMid;
  private double lastMid;

  /** Creates a collector with {@link MetricsConfig#defaults()}. */
  public MetricsCollector() {
    this(MetricsConfig.defaults());
  }

  /**
   * Creates a collector.
   *
   * @param config annualization and recording settings
   */
  public MetricsCollector(MetricsConfig config) {
    this.config = config;
    this.series = config.recordSeries() ? new EpisodeSeries() : null;
  }

  /** Forgets the episode, keeping storage. */
  public void reset() {
    if (series != null) {
      series.clear();
    }
    pending1s.clear();
    pending5s.clear();
    steps = 0;
    firstStepTime = 0;
    lastEventTime = 0;
    firstEquity = 0;
    lastEquity = 0;
    peak = 0;
    maxDrawdown = 0;
    returns = 0;
    meanReturn = 0;
    m2Return = 0;
    downsideSq = 0;
    spreadSum = 0;
    spreadCount = 0;
    integrating = false;
    inventory = 0;
    inventoryIntegral = 0;
    absInventoryIntegral = 0;
    postedSides = 0;
    filledSides = 0;
    bidPosted = false;
    askPosted = false;
    bidFilled = false;
    askFilled = false;
    trades = 0;
    volume = 0;
    absSpreadSum = 0;
    signedSpreadSum = 0;
    hasMid = false;
    lastMid = 0;
  }

  /**
   * The state at a decision time.
   *
   * @param timeNanos the decision time
   * @param mid market mid, ticks
   * @param spread market spread, ticks (NaN if the book is one-sided: left out of the mean)
   * @param equity our equity (net P&amp;L), ticks × lots
   * @param inventoryLots our inventory, lots (authoritative: replaces the fill-tracked value)
   */
  public void onStep(long timeNanos, double mid, double spread, double equity, long inventoryLots) {
    integrate(timeNanos);
    inventory = inventoryLots;
    if (steps == 0) {
      integrating = true;
      firstStepTime = timeNanos;
      lastEventTime = timeNanos;
      firstEquity = equity;
      peak = equity;
    } else {
      double r = equity - lastEquity;
      returns++;
      double d = r - meanReturn;
      meanReturn += d / returns;
      m2Return += d * (r - meanReturn);
      if (r < 0) {
        downsideSq += r * r;
      }
    }
    lastEquity = equity;
    if (equity > peak) {
      peak = equity;
    } else if (peak - equity > maxDrawdown) {
      maxDrawdown = peak - equity;
    }
    if (Double.isFinite(spread)) {
      spreadSum += spread;
      spreadCount++;
    }
    observeMid(timeNanos, mid);
    if (series != null) {
      series.add((timeNanos - firstStepTime) / 1e9, mid, equity, inventoryLots);
    }
    steps++;
  }

  /**
   * The quotes chosen at the latest step; a size of 0 means that side is not quoted.
   *
   * @param timeNanos the decision time
   * @param bidPrice bid, ticks
   * @param bidSize bid lots
   * @param askPrice ask, ticks
   * @param askSize ask lots
   */
  public void onQuote(long timeNanos, long bidPrice, long bidSize, long askPrice, long askSize) {
    bidPosted = bidSize > 0;
    askPosted = askSize > 0;
    bidFilled = false;
    askFilled = false;
    postedSides += (bidPosted ? 1 : 0) + (askPosted ? 1 : 0);
    if (series != null) {
      series.setLastQuote(bidPosted ? bidPrice : Double.NaN, askPosted ? askPrice : Double.NaN);
    }
  }

  /**
   * One of our fills.
   *
   * @param timeNanos fill time
   * @param side {@link Side#BID} when our bid was hit
   * @param price fill price, ticks
   * @param size filled lots
   * @param midAtFill market mid just before the fill, ticks
   */
  public void onFill(long timeNanos, Side side, long price, long size, double midAtFill) {
    integrate(timeNanos);
    int sign = side.sign();
    inventory += sign * size;
    trades++;
    volume += size;
    absSpreadSum += Math.abs(price - midAtFill) * size;
    signedSpreadSum += sign * (midAtFill - price) * size;
    if (side == Side.BID) {
      if (bidPosted && !bidFilled) {
        bidFilled = true;
        filledSides++;
      }
    } else if (askPosted && !askFilled) {
      askFilled = true;
      filledSides++;
    }
    observeMid(timeNanos, midAtFill);
    pending1s.add(timeNanos + ONE_SECOND, price, size, sign);
    pending5s.add(timeNanos + FIVE_SECONDS, price, size, sign);
  }

  /**
   * A market mid observation, for resolving post-fill mids more finely than once per step.
   *
   * @param timeNanos time of the mid change
   * @param mid the new mid, ticks
   */
  public void onMid(long timeNanos, double mid) {
    observeMid(timeNanos, mid);
  }

  /**
   * The recorded series, or null when recording is off.
   *
   * @return the live series (appended to by later steps)
   */
  public EpisodeSeries series() {
    return series;
  }

  /**
   * The metrics so far; the collector can keep collecting afterwards.
   *
   * @return the episode's metrics
   */
  public EpisodeMetrics finish() {
    double ppy = Math.sqrt(config.periodsPerYear());
    double std = returns >= 2 ? Math.sqrt(m2Return / (returns - 1)) : Double.NaN;
    double sharpe = std > 0 ? meanReturn / std * ppy : Double.NaN;
    double downside = returns > 0 ? Math.sqrt(downsideSq / returns) : Double.NaN;
    double sortino = downside > 0 ? meanReturn / downside * ppy : Double.NaN;
    double pnl = steps > 0 ? lastEquity - firstEquity : 0.0;
    long duration = steps > 0 ? lastEventTime - firstStepTime : 0L;
    double twa = duration > 0 ? inventoryIntegral / duration : inventory;
    double meanAbs = duration > 0 ? absInventoryIntegral / duration : Math.abs(inventory);
    double meanSpread = spreadCount > 0 ? spreadSum / spreadCount : Double.NaN;
    return new EpisodeMetrics(
        pnl,
        sharpe,
        sortino,
        maxDrawdown,
        postedSides > 0 ? (double) filledSides / postedSides : Double.NaN,
        volume > 0 ? absSpreadSum / volume : Double.NaN,
        volume > 0 ? signedSpreadSum / volume : Double.NaN,
        pending1s.mean(),
        pending5s.mean(),
        twa,
        meanAbs,
        trades,
        volume,
        meanSpread,
        meanSpread > 0 ? pnl / meanSpread : Double.NaN,
        inventory,
        steps,
        postedSides,
        filledSides,
        duration / 1e9);
  }

  private void integrate(long t) {
    // Inventory is piecewise constant between steps and fills: integrate it exactly.
    if (integrating && t > lastEventTime) {
      long dt = t - lastEventTime;
      inventoryIntegral += (double) inventory * dt;
      absInventoryIntegral += (double) Math.abs(inventory) * dt;
      lastEventTime = t;
    }
  }

  private void observeMid(long t, double mid) {
    pending1s.resolve(t, hasMid, lastMid, mid);
    pending5s.resolve(t, hasMid, lastMid, mid);
    hasMid = true;
    lastMid = mid;
  }
}
