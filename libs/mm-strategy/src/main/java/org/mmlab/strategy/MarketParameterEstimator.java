package org.mmlab.strategy;

import java.util.Arrays;
import org.mmlab.strategy.features.GridVolatility;

/**
 * Online estimates of the Avellaneda–Stoikov market parameters from the strategy's own market data
 * callbacks: the volatility σ and the fill intensity {@code λ(δ) = A·exp(−k·δ)}.
 *
 * <h2>σ — ticks per √second</h2>
 *
 * The mid is sampled every second on the clock and σ is the sample standard deviation of the
 * one-second mid changes over the last {@code vol_window_s} seconds ({@link GridVolatility}), the σ
 * of {@code dS = σ dW} with time in seconds. Until 10 samples exist (or the whole window, if
 * shorter) {@code sigma_fallback} is used.
 *
 * <h2>A and k — per second, per tick</h2>
 *
 * Each market trade is measured by its distance {@code δ = |price − mid|} in ticks from the mid in
 * force just before it (trades arrive before the book change they cause), on the half-tick grid up
 * to 20 ticks (deeper trades count as 20). For every distance {@code δ_j} at which some trade in
 * the window occurred, the empirical intensity of trades reaching at least that far is {@code λ_j =
 * N(δ >= δ_j) / W}, where {@code W} is the window length (or the time observed so far, if shorter).
 * A quote resting at {@code δ_j} would have been reached by exactly those trades, which is what the
 * model's {@code λ(δ)} means. Then {@code ln λ_j = ln A − k·δ_j} is fitted by least squares
 * weighted by {@code N_j} (a Poisson count's log has variance ≈ 1/N). Evaluating only at observed
 * distances keeps the fit unbiased when all trades sit on integer or on half-integer distances
 * (even- or odd-tick spreads).
 *
 * <p>Until the window holds {@code min_trades} trades at two or more distinct distances, or when
 * the fit is degenerate (slope ≥ 0, non-finite), {@code a_fallback} and {@code k_fallback} are
 * used. Fixed values ({@code sigma}, {@code k}, {@code a}) bypass estimation entirely.
 *
 * <p>O(1) per event, O(41) per fit (at most once per decision, lazily); no allocation after
 * construction except a rare doubling of the trade ring.
 */
public final class MarketParameterEstimator {
  /** Half-tick distance buckets 0, 0.5, ..., 20 ticks. */
  static final int BUCKETS = 41;

  private static final long SECOND = 1_000_000_000L;
  private static final int MIN_VOL_SAMPLES = 10;

  private final EstimatorParams params;
  private final long windowNanos;
  private final GridVolatility volatility;
  private final int minVolSamples;
  private final long[] counts = new long[BUCKETS];
  private long[] times = new long[1024];
  private byte[] buckets = new byte[1024];
  private int head;
  private int size;

  private boolean started;
  private long startTime;
  private long now;
  private boolean hasMid;
  private double mid;
  private boolean dirty = true;
  private boolean fitted;
  private double fittedA;
  private double fittedK;

  /**
   * Creates an estimator.
   *
   * @param params windows, fallbacks and fixed values
   */
  public MarketParameterEstimator(EstimatorParams params) {
    this.params = params;
    this.windowNanos = Math.max(1L, (long) (params.windowSeconds() * 1e9));
    this.volatility = new GridVolatility(SECOND, (int) params.volatilityWindowSeconds());
    this.minVolSamples = (int) Math.min(MIN_VOL_SAMPLES, params.volatilityWindowSeconds());
  }

  /**
   * The settings.
   *
   * @return the parameters this estimator was built with
   */
  public EstimatorParams params() {
    return params;
  }

  /** Forgets every observation. */
  public void reset() {
    volatility.reset();
    Arrays.fill(counts, 0L);
    head = 0;
    size = 0;
    started = false;
    startTime = 0;
    now = 0;
    hasMid = false;
    mid = 0.0;
    dirty = true;
    fitted = false;
  }

  /**
   * The best bid or ask changed.
   *
   * @param timeNanos event time
   * @param bidPrice best bid, ticks
   * @param bidSize lots at the best bid; 0 = empty side
   * @param askPrice best ask, ticks
   * @param askSize lots at the best ask; 0 = empty side
   */
  public void onTopOfBook(
      long timeNanos, long bidPrice, long bidSize, long askPrice, long askSize) {
    long t = clock(timeNanos);
    if (bidSize > 0 && askSize > 0) {
      double m = ((double) bidPrice + (double) askPrice) * 0.5;
      if (!hasMid || m != mid) {
        hasMid = true;
        mid = m;
        volatility.onMid(t, m);
      }
    }
  }

  /**
   * A market trade; measured against the mid in force before it.
   *
   * @param timeNanos trade time
   * @param price trade price, ticks
   */
  public void onTrade(long timeNanos, long price) {
    long t = clock(timeNanos);
    if (!hasMid) {
      return;
    }
    int bucket = (int) Math.min(BUCKETS - 1, Math.round(Math.abs(price - mid) * 2.0));
    if (size == times.length) {
      grow();
    }
    int slot = (head + size) % times.length;
    times[slot] = t;
    buckets[slot] = (byte) bucket;
    size++;
    counts[bucket]++;
    dirty = true;
  }

  /**
   * Moves the clock (all events up to {@code timeNanos} delivered), rolling both windows.
   *
   * @param timeNanos the current time
   */
  public void advance(long timeNanos) {
    long t = clock(timeNanos);
    volatility.advance(t, true);
  }

  /**
   * Volatility σ.
   *
   * @return ticks per √second: the fixed value, the estimate, or the fallback
   */
  public double sigma() {
    if (!Double.isNaN(params.sigma())) {
      return params.sigma();
    }
    return isSigmaEstimated() ? volatility.sigma() : params.sigmaFallback();
  }

  /**
   * Whether {@link #sigma()} is currently an estimate (not fixed, not the fallback).
   *
   * @return true once enough one-second samples exist
   */
  public boolean isSigmaEstimated() {
    return Double.isNaN(params.sigma()) && volatility.samples() >= minVolSamples;
  }

  /**
   * Intensity decay k.
   *
   * @return per tick: the fixed value, the fit, or the fallback
   */
  public double k() {
    if (!Double.isNaN(params.k())) {
      return params.k();
    }
    refit();
    return fitted ? fittedK : params.kFallback();
  }

  /**
   * Intensity scale A (trades per second reaching distance 0).
   *
   * @return per second: the fixed value, the fit, or the fallback
   */
  public double a() {
    if (!Double.isNaN(params.a())) {
      return params.a();
    }
    refit();
    return fitted ? fittedA : params.aFallback();
  }

  /**
   * Whether A and k currently come from the fit.
   *
   * @return true when the last fit succeeded
   */
  public boolean isIntensityEstimated() {
    refit();
    return fitted;
  }

  /**
   * Trades in the intensity window.
   *
   * @return the count
   */
  public int tradesInWindow() {
    return size;
  }

  private long clock(long timeNanos) {
    if (!started) {
      started = true;
      startTime = timeNanos;
      now = timeNanos;
    } else if (timeNanos > now) {
      now = timeNanos;
    }
    evict(now);
    return now;
  }

  private void evict(long t) {
    long cutoff = t - windowNanos;
    while (size > 0 && times[head] <= cutoff) {
      counts[buckets[head]]--;
      head = (head + 1) % times.length;
      size--;
      dirty = true;
    }
  }

  private void refit() {
    if (!dirty) {
      return;
    }
    dirty = false;
    fitted = false;
    if (size < params.minTrades()) {
      return;
    }
    double seconds = Math.min(windowNanos, now - startTime) / 1e9;
    if (seconds <= 0) {
      return;
    }
    double sw = 0;
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int points = 0;
    long cumulative = 0;
    for (int j = BUCKETS - 1; j >= 0; j--) {
      cumulative += counts[j];
      if (counts[j] > 0) {
        double w = cumulative;
        double x = j * 0.5;
        double y = Math.log(cumulative / seconds);
        sw += w;
        sx += w * x;
        sy += w * y;
        sxx += w * x * x;
        sxy += w * x * y;
        points++;
      }
    }
    double den = sw * sxx - sx * sx;
    if (points < 2 || !(den > 0)) {
      return;
    }
    double slope = (sw * sxy - sx * sy) / den;
    double intercept = (sy - slope * sx) / sw;
    double k = -slope;
    double a = Math.exp(intercept);
    if (k > 0 && k <= 1e4 && Double.isFinite(a) && a > 0) {
      fitted = true;
      fittedK = k;
      fittedA = a;
    }
  }

  private void grow() {
    int n = times.length;
    long[] t = new long[n * 2];
    byte[] b = new byte[n * 2];
    for (int i = 0; i < size; i++) {
      int slot = (head + i) % n;
      t[i] = times[slot];
      b[i] = buckets[slot];
    }
    times = t;
    buckets = b;
    head = 0;
  }
}
