package org.mmlab.sim.market;

import java.io.IOException;
import org.mmlab.sim.lobster.LobsterMessageType;
import org.mmlab.sim.lobster.LobsterReader;
import org.mmlab.sim.lobster.LobsterRow;

/**
 * Estimates {@link ZiParams} from a LOBSTER day, reading each message against the book shown by the
 * previous orderbook row (the state the message arrived to).
 *
 * <ul>
 *   <li>Limit orders (type 1) at distance {@code d} ticks from the opposite best: a rate per side
 *       for each {@code d}; {@code limitRate} and {@code limitDecay} are the least-squares fit of
 *       {@code log rate = log λ0 − α·log d} over the distances seen at least 20 times, up to the
 *       model's {@code levels}. The file holds only messages touching its visible levels, so
 *       arrivals deep in the book are undercounted and the fitted decay is an upper bound.
 *   <li>Market orders: executions (types 4 and 5) with the same time stamp and direction are one
 *       market order; {@code marketRate} is their count per side per second.
 *   <li>Cancellations (types 2 and 3) per second divided by the time-average number of visible
 *       resting orders (visible size / mean limit-order size): {@code cancelRate} per order.
 *   <li>Sizes in lots of {@code lotShares} shares: uniform ranges with the observed means.
 * </ul>
 *
 * The result keeps the default depth of {@code levels} and warm-up; {@code initialPrice} is the
 * day's first mid.
 */
public final class ZiCalibrator {
  /** A LOBSTER price unit is 1/10,000 dollar; a tick of one cent is 100 units. */
  public static final long LOBSTER_TICK = 100;

  /** Shares per lot: the US round lot. */
  public static final long LOT_SHARES = 100;

  private ZiCalibrator() {}

  /** What was measured, beside the fitted parameters. */
  public record Result(
      ZiParams params,
      double seconds,
      long limitOrders,
      long marketOrders,
      long cancellations,
      double[] limitRateByDistance) {}

  /**
   * Calibrates from a day.
   *
   * @param reader an open reader positioned before the first row (closed by the caller)
   * @return the parameters and the measured rates
   * @throws IOException on a read or format error
   */
  public static Result calibrate(LobsterReader reader) throws IOException {
    int levels = reader.levels();
    int maxDistance = ZiParams.DEFAULT.levels();
    long[] limitByDistance = new long[maxDistance + 1];
    long limitCount = 0;
    long limitShares = 0;
    long marketCount = 0;
    long marketShares = 0;
    long cancels = 0;
    double restingSharesTime = 0;
    long firstTime = -1;
    long lastTime = 0;
    long prevTime = 0;
    long bestBid = 0;
    long bestAsk = 0;
    long visibleShares = 0;
    boolean havePrev = false;
    long lastExecTime = -1;
    int lastExecDirection = 0;
    long initialMid = 0;
    while (reader.next()) {
      LobsterRow row = reader.row();
      long t = row.timeNanos();
      if (firstTime < 0) {
        firstTime = t;
      }
      if (havePrev) {
        restingSharesTime += visibleShares * ((t - prevTime) / 1e9);
        switch (row.type()) {
          case LobsterMessageType.NEW:
            {
              long distance =
                  row.direction() == LobsterRow.BUY
                      ? (bestAsk - row.price()) / LOBSTER_TICK
                      : (row.price() - bestBid) / LOBSTER_TICK;
              if (distance >= 1 && distance <= maxDistance && bestBid > 0 && bestAsk > 0) {
                limitByDistance[(int) distance]++;
              }
              limitCount++;
              limitShares += row.size();
              break;
            }
          case LobsterMessageType.EXECUTE:
          case LobsterMessageType.EXECUTE_HIDDEN:
            if (t != lastExecTime || row.direction() != lastExecDirection) {
              marketCount++;
              lastExecTime = t;
              lastExecDirection = row.direction();
            }
            marketShares += row.size();
            break;
          case LobsterMessageType.CANCEL:
          case LobsterMessageType.DELETE:
            cancels++;
            break;
          default:
            break;
        }
      }
      // The book after this message is the state the next one arrives to.
      bestBid = row.depth(LobsterRow.BUY) > 0 ? row.bidPrice(0) : 0;
      bestAsk = row.depth(LobsterRow.SELL) > 0 ? row.askPrice(0) : 0;
      if (initialMid == 0 && bestBid > 0 && bestAsk > 0) {
        initialMid = (bestBid + bestAsk) / 2 / LOBSTER_TICK;
      }
      visibleShares = 0;
      for (int l = 0; l < levels; l++) {
        visibleShares += row.bidSize(l) + row.askSize(l);
      }
      prevTime = t;
      lastTime = t;
      havePrev = true;
    }
    double seconds = (lastTime - firstTime) / 1e9;
    if (seconds <= 0 || limitCount == 0 || marketCount == 0) {
      throw new IOException("too little data to calibrate: " + reader.rows() + " rows");
    }
    double[] rate = new double[maxDistance + 1];
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int n = 0;
    for (int d = 1; d <= maxDistance; d++) {
      rate[d] = limitByDistance[d] / (2 * seconds);
      if (limitByDistance[d] >= 20) {
        double x = Math.log(d);
        double y = Math.log(rate[d]);
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
        n++;
      }
    }
    double decay;
    double lambda0;
    if (n >= 2) {
      double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
      decay = Math.max(0, Math.min(5, -slope));
      lambda0 = Math.exp((sy + decay * sx) / n);
    } else {
      decay = ZiParams.DEFAULT.limitDecay();
      lambda0 = Math.max(rate[1], 1e-3);
    }
    double meanLimitLots = Math.max(1.0, limitShares / (double) limitCount / LOT_SHARES);
    double meanMarketLots = Math.max(1.0, marketShares / (double) marketCount / LOT_SHARES);
    double meanRestingOrders = restingSharesTime / seconds / (meanLimitLots * LOT_SHARES);
    double cancelRate = cancels / seconds / Math.max(1.0, meanRestingOrders);
    ZiParams defaults = ZiParams.DEFAULT;
    ZiParams params =
        new ZiParams(
            defaults.levels(),
            Math.min(1e6, lambda0),
            decay,
            Math.min(1e6, marketCount / (2 * seconds)),
            Math.max(1e-4, Math.min(1e3, cancelRate)),
            1,
            Math.max(1, Math.round(2 * meanLimitLots - 1)),
            1,
            Math.max(1, Math.round(2 * meanMarketLots - 1)),
            Math.max(defaults.levels() * 4L + 1, initialMid),
            defaults.warmUpSeconds());
    return new Result(params, seconds, limitCount, marketCount, cancels, rate);
  }
}
