package org.mmlab.sim.binance;

import java.math.BigInteger;

/**
 * The estimated place of one agent order in the queue of its price level in an L2 replay, where the
 * individual orders are unknown: only the level's total size and the public trades are seen. All
 * quantities are lots; exchange times are Binance milliseconds ({@link
 * BinanceMessage#exchangeTimeMillis()}), which say whether a trade is already reflected in the
 * depth (a trade is reflected by the first depth update whose exchange time is not earlier).
 *
 * <p>The model is hftbacktest's probabilistic queue model with a linear probability, plus the
 * bookkeeping that keeps a trade and the depth decrease it causes from being counted twice:
 *
 * <ol>
 *   <li><b>Join</b> ({@link #join}): {@code ahead} = the level's visible size, less the volume of
 *       trades at that price that the depth does not show yet (they already took it).
 *   <li><b>Trade at the order's price</b> on its side ({@link #onTrade}), not yet reflected in the
 *       depth: it takes from the front, {@code ahead -= qty}; what exceeds {@code ahead} reaches
 *       the order and fills it. Its volume is remembered as <em>pending</em> until the depth
 *       reflects it. A trade already reflected in the depth (it arrived after the depth update
 *       covering it, which happens for about a fifth of the spot trades) does the same, except that
 *       the part of the earlier depth decrease it explains had already been taken from {@code
 *       ahead} in proportion (step 3), so only the remainder is taken now. A trade from before the
 *       order joined is ignored.
 *   <li><b>Depth decrease</b> at the order's price ({@link #onLevelChange}) by {@code d}: the
 *       pending trade volume explains up to {@code d} of it; the unexplained rest {@code u} is a
 *       cancellation somewhere in the queue, assumed to come from ahead of the order in proportion
 *       {@code ahead / (ahead + behind)} (behind = level size after the trades − ahead), rounded to
 *       the nearest lot; if more than {@code behind} would come from behind, the excess comes from
 *       ahead. Cancellations never fill the order.
 *   <li><b>Depth increase</b>: new orders join behind; {@code ahead} does not change.
 *   <li>{@code ahead} never exceeds the level's visible size (0 when the level is gone).
 * </ol>
 *
 * Fills through a price (a trade beyond the order's price, or the opposite best reaching it) are
 * decided by {@link BinanceMarket}, not here.
 */
public final class QueuePosition {
  private long ahead;
  private long joinTime = Long.MIN_VALUE;
  private long pendingTrades;
  private long pendingTime = Long.MIN_VALUE;
  private long recentUnexplained;
  private long recentTime = Long.MIN_VALUE;
  private long recentAhead;
  private long recentTotal;

  /** Creates an estimate with nothing ahead. */
  public QueuePosition() {}

  /**
   * Starts the estimate for an order joining a level.
   *
   * @param visibleSize the level's visible size when the order joins (plus any agent orders already
   *     resting there)
   * @param unreflectedTrades volume of trades at the level's price not yet reflected in the depth
   * @param unreflectedTime exchange time of the latest of those trades
   * @param depthTime exchange time of the last depth update applied (trades up to it are in {@code
   *     visibleSize} already)
   */
  public void join(long visibleSize, long unreflectedTrades, long unreflectedTime, long depthTime) {
    ahead = Math.max(0, visibleSize - unreflectedTrades);
    joinTime = depthTime;
    pendingTrades = unreflectedTrades;
    pendingTime = unreflectedTrades > 0 ? unreflectedTime : Long.MIN_VALUE;
    recentUnexplained = 0;
    recentTime = Long.MIN_VALUE;
    recentAhead = 0;
    recentTotal = 0;
  }

  /**
   * Starts the estimate for an order joining a level with no trades in flight.
   *
   * @param visibleSize the level's visible size
   */
  public void join(long visibleSize) {
    join(visibleSize, 0, Long.MIN_VALUE, Long.MIN_VALUE);
  }

  /**
   * The estimated volume ahead of the order.
   *
   * @return lots
   */
  public long ahead() {
    return ahead;
  }

  /**
   * Trade volume seen at the order's price that the depth does not reflect yet.
   *
   * @return lots
   */
  public long pendingTrades() {
    return pendingTrades;
  }

  /**
   * A trade at the order's price against the order's side.
   *
   * @param qty traded lots
   * @param tradeTime the trade's exchange time
   * @param depthTime exchange time of the last depth update applied
   * @return lots that reached the order (0 when the queue ahead absorbed the trade)
   */
  public long onTrade(long qty, long tradeTime, long depthTime) {
    if (tradeTime <= joinTime) {
      return 0;
    }
    long take = qty;
    if (tradeTime <= depthTime) {
      if (tradeTime <= recentTime && recentUnexplained > 0) {
        long x = Math.min(qty, recentUnexplained);
        recentUnexplained -= x;
        take = qty - share(x, recentAhead, recentTotal);
      }
    } else {
      pendingTrades += qty;
      pendingTime = Math.max(pendingTime, tradeTime);
    }
    ahead -= take;
    if (ahead >= 0) {
      return 0;
    }
    long reach = -ahead;
    ahead = 0;
    return reach;
  }

  /**
   * The level at the order's price changed size in a depth update.
   *
   * @param prev size before
   * @param next size after (0 = level removed)
   * @param depthTime the update's exchange time
   */
  public void onLevelChange(long prev, long next, long depthTime) {
    if (next < prev) {
      long d = prev - next;
      long explained = Math.min(d, pendingTrades);
      pendingTrades -= explained;
      long u = d - explained;
      if (u > 0) {
        long behind = Math.max(0, prev - explained - ahead);
        long total = ahead + behind;
        long fromAhead = share(u, ahead, total);
        if (u - fromAhead > behind) {
          fromAhead = u - behind;
        }
        recentUnexplained = u;
        recentTime = depthTime;
        recentAhead = ahead;
        recentTotal = total;
        ahead = Math.max(0, ahead - fromAhead);
      } else {
        recentUnexplained = 0;
      }
    } else {
      recentUnexplained = 0;
    }
    if (ahead > next) {
      ahead = next;
    }
  }

  /**
   * A depth update was applied (whether or not it touched the order's level): trades up to its time
   * are now reflected, so pending volume that it did not use is forgotten.
   *
   * @param depthTime the update's exchange time
   */
  public void onDepthUpdate(long depthTime) {
    if (pendingTrades > 0 && pendingTime <= depthTime) {
      pendingTrades = 0;
    }
  }

  /** {@code round(x * a / total)}, 0 when total is 0. */
  static long share(long x, long a, long total) {
    if (total <= 0 || x <= 0 || a <= 0) {
      return 0;
    }
    if (a <= (Long.MAX_VALUE >> 2) / x) {
      return (2 * x * a + total) / (2 * total);
    }
    return BigInteger.valueOf(x)
        .multiply(BigInteger.valueOf(a))
        .shiftLeft(1)
        .add(BigInteger.valueOf(total))
        .divide(BigInteger.valueOf(total).shiftLeft(1))
        .longValue();
  }
}
