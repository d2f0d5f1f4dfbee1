package org.mmlab.strategy.features;

import java.util.List;

/**
 * The twelve microstructure features of the RL observation, maintained incrementally per market
 * event.
 *
 * <p>Feed it every book change ({@link #onBook}) and every trade ({@link #onTrade}) in time order,
 * and call {@link #advanceTime} when the clock moves without events (for example at each decision)
 * so the time windows roll. Read the features with {@link #value(int)} or {@link
 * #values(double[])}. Prices are ticks, sizes lots, times nanoseconds of simulated (event) time. A
 * time earlier than one already seen is treated as the latest time seen (clock skew in a live feed
 * must not corrupt the windows).
 *
 * <h2>Features, in observation order</h2>
 *
 * <ol start="0">
 *   <li>{@link #MID} — mid price {@code (bestBid + bestAsk) / 2}, ticks.
 *   <li>{@link #SPREAD} — {@code bestAsk - bestBid}, ticks.
 *   <li>{@link #RELATIVE_SPREAD} — {@code spread / mid}, a dimensionless fraction (1e-4 = 1 bp).
 *   <li>{@link #BID_DEPTH} — lots resting on the best {@code N} bid levels ({@link
 *       FeatureConfig#depthLevels()}, default 5).
 *   <li>{@link #ASK_DEPTH} — the same on the ask side, lots.
 *   <li>{@link #DEPTH_IMBALANCE} — {@code (bidDepth - askDepth) / (bidDepth + askDepth)} in [-1,
 *       1]; 0 when both are 0.
 *   <li>{@link #ORDER_FLOW_IMBALANCE} — Cont, Kukanov &amp; Stoikov (2014): for consecutive book
 *       updates {@code n-1 → n} with best bid {@code (P^b, q^b)} and best ask {@code (P^a, q^a)},
 *       {@code e_n = 1{P^b_n >= P^b_n-1}·q^b_n − 1{P^b_n <= P^b_n-1}·q^b_n-1 − 1{P^a_n <=
 *       P^a_n-1}·q^a_n + 1{P^a_n >= P^a_n-1}·q^a_n-1}; the feature is {@code Σ e_n} over the
 *       updates in the window {@code (now − W, now]} ({@link FeatureConfig#ofiWindowNanos()},
 *       default 1 s), lots. An empty bid side counts as price −∞ and size 0, an empty ask side as
 *       +∞ and size 0; the first book seen is the reference and contributes nothing.
 *   <li>{@link #RETURN_1S} — mid change over the last second, {@code mid(now) − mid(now − 1 s)},
 *       ticks (not a log return: the whole core works in ticks, and a tick return is what the
 *       quoting decision reasons about). {@code mid(x)} is the mid in force at {@code x}; with less
 *       than 1 s of history it is the first mid seen.
 *   <li>{@link #RETURN_5S} — the same over 5 s, ticks.
 *   <li>{@link #REALIZED_VOLATILITY} — sample standard deviation of the mid changes between
 *       consecutive points of a fixed clock grid ({@link FeatureConfig#volatilitySampleNanos()},
 *       default 1 s) over the window ({@link FeatureConfig#volatilityWindowNanos()}, default 60 s,
 *       i.e. the last 60 changes), scaled to one second: ticks per √second (see {@link
 *       GridVolatility}). 0 until two changes were sampled.
 *   <li>{@link #AVG_TRADE_VOLUME} — total traded lots divided by the number of trades in the window
 *       ({@link FeatureConfig#tradeWindowNanos()}, default 60 s), lots per trade; 0 with no trade
 *       in the window.
 *   <li>{@link #MID_SKEW} — microprice minus mid, ticks, where microprice {@code = (bid·askSize +
 *       ask·bidSize) / (bidSize + askSize)} on the best level; equal to {@code spread·(bidSize −
 *       askSize) / (2·(bidSize + askSize))}. Positive when the bid is heavier (price pressure up).
 * </ol>
 *
 * <p>While one side of the book is empty, the top-of-book features (mid, spread, relative spread,
 * mid skew) keep their last two-sided values and the returns are computed from that mid; before the
 * first two-sided book they are 0 ({@link #hasMid()} tells which). A crossed book (bid ≥ ask, seen
 * briefly in replays) is taken as given: spread ≤ 0.
 *
 * <p>Per-event cost is O(1) amortized with no allocation: the time windows are preallocated rings.
 * Not thread-safe: one engine per event stream.
 */
public final class FeatureEngine {
  /** Index of the mid price (ticks). */
  public static final int MID = 0;

  /** Index of the bid-ask spread (ticks). */
  public static final int SPREAD = 1;

  /** Index of the relative spread (spread / mid, fraction). */
  public static final int RELATIVE_SPREAD = 2;

  /** Index of the bid depth over the top N levels (lots). */
  public static final int BID_DEPTH = 3;

  /** Index of the ask depth over the top N levels (lots). */
  public static final int ASK_DEPTH = 4;

  /** Index of the depth imbalance (bid − ask) / (bid + ask). */
  public static final int DEPTH_IMBALANCE = 5;

  /** Index of the order-flow imbalance over the OFI window (lots). */
  public static final int ORDER_FLOW_IMBALANCE = 6;

  /** Index of the 1 s mid return (ticks). */
  public static final int RETURN_1S = 7;

  /** Index of the 5 s mid return (ticks). */
  public static final int RETURN_5S = 8;

  /** Index of the realized volatility (ticks per √s). */
  public static final int REALIZED_VOLATILITY = 9;

  /** Index of the average trade volume (lots per trade). */
  public static final int AVG_TRADE_VOLUME = 10;

  /** Index of the mid skew, microprice − mid (ticks). */
  public static final int MID_SKEW = 11;

  /** Number of features. */
  public static final int COUNT = 12;

  private static final List<String> NAMES =
      List.of(
          "mid_price",
          "spread",
          "relative_spread",
          "bid_depth",
          "ask_depth",
          "depth_imbalance",
          "order_flow_imbalance",
          "return_1s",
          "return_5s",
          "realized_volatility",
          "avg_trade_volume",
          "mid_skew");

  private static final long NO_BID = Long.MIN_VALUE;
  private static final long NO_ASK = Long.MAX_VALUE;

  private final FeatureConfig config;
  private final LongTimeWindow ofi;
  private final LongTimeWindow trades;
  private final MidHistory mid1s;
  private final MidHistory mid5s;
  private final GridVolatility volatility;

  private boolean started;
  private long now;
  private boolean hasBook;
  private long bidPrice = NO_BID;
  private long bidSize;
  private long askPrice = NO_ASK;
  private long askSize;
  private long bidDepth;
  private long askDepth;
  private boolean hasMid;
  private double mid;
  private double spread;
  private double skew;

  /** Creates an engine with {@link FeatureConfig#defaults()}. */
  public FeatureEngine() {
    this(FeatureConfig.defaults());
  }

  /**
   * Creates an engine.
   *
   * @param config window lengths and depth
   */
  public FeatureEngine(FeatureConfig config) {
    this.config = config;
    this.ofi = new LongTimeWindow(config.ofiWindowNanos(), config.initialCapacity());
    this.trades = new LongTimeWindow(config.tradeWindowNanos(), config.initialCapacity());
    this.mid1s = new MidHistory(FeatureConfig.SECOND, config.initialCapacity());
    this.mid5s = new MidHistory(5 * FeatureConfig.SECOND, config.initialCapacity());
    this.volatility =
        new GridVolatility(config.volatilitySampleNanos(), config.volatilitySamples());
  }

  /**
   * Name of a feature in snake_case, as written to policy metadata.
   *
   * @param index 0..{@link #COUNT}−1
   * @return the name
   */
  public static String name(int index) {
    return NAMES.get(index);
  }

  /**
   * Names of all features in index order.
   *
   * @return an unmodifiable list of {@link #COUNT} names
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The configuration.
   *
   * @return the settings this engine was built with
   */
  public FeatureConfig config() {
    return config;
  }

  /**
   * A book update with the same number of levels on both sides.
   *
   * @param timeNanos event time
   * @param bidPx bid prices, best first (ticks); read during the call only
   * @param bidSz bid sizes (lots)
   * @param askPx ask prices, best first (ticks)
   * @param askSz ask sizes (lots)
   * @param levels valid levels on each side
   * @see #onBook(long, long[], long[], int, long[], long[], int)
   */
  public void onBook(
      long timeNanos, long[] bidPx, long[] bidSz, long[] askPx, long[] askSz, int levels) {
    onBook(timeNanos, bidPx, bidSz, levels, askPx, askSz, levels);
  }

  /**
   * A book update: the current top of book after the event. The arrays are read during the call
   * only, so a caller may reuse them.
   *
   * @param timeNanos event time
   * @param bidPx bid prices, best (highest) first, ticks
   * @param bidSz bid sizes, lots, parallel to {@code bidPx}
   * @param bidLevels valid bid levels, 0 for an empty bid side
   * @param askPx ask prices, best (lowest) first, ticks
   * @param askSz ask sizes, lots, parallel to {@code askPx}
   * @param askLevels valid ask levels, 0 for an empty ask side
   */
  public void onBook(
      long timeNanos,
      long[] bidPx,
      long[] bidSz,
      int bidLevels,
      long[] askPx,
      long[] askSz,
      int askLevels) {
    if (bidLevels < 0 || askLevels < 0) {
      throw new IllegalArgumentException("levels must be >= 0");
    }
    long t = roll(timeNanos, false);
    long nb = bidLevels > 0 ? bidPx[0] : NO_BID;
    long nbs = bidLevels > 0 ? bidSz[0] : 0L;
    long na = askLevels > 0 ? askPx[0] : NO_ASK;
    long nas = askLevels > 0 ? askSz[0] : 0L;

    if (hasBook) {
      // Cont–Kukanov–Stoikov e_n; sentinels make arrivals/removals of a whole side fall out.
      long e = 0;
      if (nb >= bidPrice) {
        e += nbs;
      }
      if (nb <= bidPrice) {
        e -= bidSize;
      }
      if (na <= askPrice) {
        e -= nas;
      }
      if (na >= askPrice) {
        e += askSize;
      }
      if (e != 0) {
        ofi.add(t, e);
      }
    }
    hasBook = true;
    bidPrice = nb;
    bidSize = nbs;
    askPrice = na;
    askSize = nas;
    bidDepth = depth(bidSz, bidLevels);
    askDepth = depth(askSz, askLevels);

    if (bidLevels > 0 && askLevels > 0) {
      double newMid = ((double) nb + (double) na) * 0.5;
      spread = (double) (na - nb);
      long sizes = nbs + nas;
      skew = sizes > 0 ? spread * (nbs - nas) / (2.0 * sizes) : 0.0;
      if (!hasMid || newMid != mid) {
        hasMid = true;
        mid = newMid;
        mid1s.record(t, newMid);
        mid5s.record(t, newMid);
        volatility.onMid(t, newMid);
      }
    }
  }

  /**
   * A trade print (anyone's).
   *
   * @param timeNanos event time
   * @param price trade price, ticks
   * @param size traded lots, {@code > 0}
   * @param buyerInitiated whether the aggressor bought; kept for API symmetry with the market data
   *     feed (no current feature is signed by it)
   */
  public void onTrade(long timeNanos, long price, long size, boolean buyerInitiated) {
    long t = roll(timeNanos, false);
    trades.add(t, size);
  }

  /**
   * Moves the clock without an event, rolling every window. Calling it says that every event with a
   * time up to and including {@code timeNanos} has been delivered (so the volatility grid point at
   * exactly {@code timeNanos} is closed).
   *
   * @param timeNanos the current time
   */
  public void advanceTime(long timeNanos) {
    roll(timeNanos, true);
  }

  /**
   * One feature as of the latest time seen.
   *
   * @param index 0..{@link #COUNT}−1, see the class documentation
   * @return the value in the units documented for it
   */
  public double value(int index) {
    switch (index) {
      case MID:
        return hasMid ? mid : 0.0;
      case SPREAD:
        return hasMid ? spread : 0.0;
      case RELATIVE_SPREAD:
        return hasMid && mid > 0.0 ? spread / mid : 0.0;
      case BID_DEPTH:
        return bidDepth;
      case ASK_DEPTH:
        return askDepth;
      case DEPTH_IMBALANCE:
        long total = bidDepth + askDepth;
        return total > 0 ? (double) (bidDepth - askDepth) / total : 0.0;
      case ORDER_FLOW_IMBALANCE:
        return ofi.sum();
      case RETURN_1S:
        return hasMid ? mid - mid1s.midAgo() : 0.0;
      case RETURN_5S:
        return hasMid ? mid - mid5s.midAgo() : 0.0;
      case REALIZED_VOLATILITY:
        return volatility.sigma();
      case AVG_TRADE_VOLUME:
        int n = trades.count();
        return n > 0 ? (double) trades.sum() / n : 0.0;
      case MID_SKEW:
        return hasMid ? skew : 0.0;
      default:
        throw new IndexOutOfBoundsException("feature index " + index + " not in 0.." + COUNT);
    }
  }

  /**
   * All features in index order.
   *
   * @param out receives {@link #COUNT} values from index 0
   */
  public void values(double[] out) {
    for (int i = 0; i < COUNT; i++) {
      out[i] = value(i);
    }
  }

  /**
   * Whether a two-sided book has been seen, so mid-based features are meaningful.
   *
   * @return true after the first two-sided book
   */
  public boolean hasMid() {
    return hasMid;
  }

  /**
   * Latest time seen.
   *
   * @return nanoseconds; {@link Long#MIN_VALUE} before any call
   */
  public long timeNanos() {
    return started ? now : Long.MIN_VALUE;
  }

  /** Forgets everything: the engine is as new. */
  public void reset() {
    ofi.clear();
    trades.clear();
    mid1s.clear();
    mid5s.clear();
    volatility.reset();
    started = false;
    now = 0L;
    hasBook = false;
    bidPrice = NO_BID;
    bidSize = 0L;
    askPrice = NO_ASK;
    askSize = 0L;
    bidDepth = 0L;
    askDepth = 0L;
    hasMid = false;
    mid = 0.0;
    spread = 0.0;
    skew = 0.0;
  }

  private long roll(long timeNanos, boolean inclusive) {
    long t = started && timeNanos < now ? now : timeNanos;
    started = true;
    now = t;
    ofi.evict(t);
    trades.evict(t);
    mid1s.advance(t);
    mid5s.advance(t);
    volatility.advance(t, inclusive);
    return t;
  }

  private long depth(long[] sizes, int levels) {
    int n = Math.min(levels, config.depthLevels());
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += sizes[i];
    }
    return sum;
  }
}
