package org.mmlab.sim.market;

import org.mmlab.lob.OrderBook;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.Side;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.core.Durations;

/**
 * Zero-intelligence order flow on the matching engine (see {@link ZiParams} for the model).
 *
 * <p>The flow is a continuous-time Markov chain whose total rate {@code R = 2Λ + 2μ + θN} (limit,
 * market and cancellation rates; {@code N} resting flow orders) only changes at events, so it is
 * simulated exactly (Gillespie): the next event comes after an exponential wait with rate {@code
 * R}, and its type is drawn in proportion to the rates.
 */
public class ZiMarket extends EngineMarket {
  private static final int KIND_FLOW = KIND_MODEL;

  /** The flow's rates. */
  protected final ZiParams params;

  private final double[] cumulativeLimit;
  private final double limitTotal;

  /**
   * Creates the market.
   *
   * @param spec the spec string
   * @param instrument what is traded
   * @param params the flow's rates
   * @param conditions latencies and fees
   */
  public ZiMarket(
      String spec, Instrument instrument, ZiParams params, MarketConditions conditions) {
    super(spec, instrument, conditions);
    this.params = params;
    cumulativeLimit = new double[params.levels()];
    double sum = 0;
    for (int d = 1; d <= params.levels(); d++) {
      sum += params.limitRateAt(d);
      cumulativeLimit[d - 1] = sum;
    }
    limitTotal = sum;
  }

  /** The zi flow's state is the book, its orders and the generator: all saved by the loop. */
  @Override
  public boolean snapshots() {
    return true;
  }

  @Override
  protected long warmUpNanos() {
    return (long) (params.warmUpSeconds() * Durations.SECOND);
  }

  @Override
  protected void startFlow() {
    scheduleNext();
  }

  /**
   * Total arrival rate of limit and market orders, both sides, per second. Hawkes flow scales it;
   * cancellations are not part of it.
   *
   * @return orders per second
   */
  protected final double arrivalRate() {
    return 2 * limitTotal + 2 * params.marketRate();
  }

  /**
   * Current arrival intensity (per second); zi keeps it constant, hawkes overrides it.
   *
   * @return orders per second
   */
  protected double arrivalIntensity() {
    return arrivalRate();
  }

  /** Schedules the flow's next event after an exponential wait at the current total rate. */
  protected void scheduleNext() {
    double total = arrivalIntensity() + params.cancelRate() * flowOrders.size();
    long wait = (long) Math.ceil(rng.nextExponential(total) * Durations.SECOND);
    queue.schedule(now() + Math.max(1, wait), KIND_FLOW, 0, 0);
  }

  @Override
  protected void onModelEvent(int kind, long arg0, long arg1) {
    double arrivals = arrivalIntensity();
    double cancels = params.cancelRate() * flowOrders.size();
    double u = rng.nextDouble() * (arrivals + cancels);
    if (u < arrivals) {
      onArrival(u / arrivals);
    } else {
      flowCancel(flowOrders.get(rng.nextInt(flowOrders.size())));
    }
    scheduleNext();
  }

  /**
   * One arriving order, drawn from the zi proportions.
   *
   * @param v a uniform draw in [0, 1) choosing its type
   */
  protected final void onArrival(double v) {
    double x = v * arrivalRate();
    Side side;
    double limitShare = 2 * limitTotal;
    if (x < limitShare) {
      side = x < limitTotal ? Side.BID : Side.ASK;
      double y = rng.nextDouble() * limitTotal;
      int d = 0;
      while (cumulativeLimit[d] < y) {
        d++;
      }
      int distance = d + 1;
      long size = uniform(params.limitSizeMin(), params.limitSizeMax());
      long price;
      if (side == Side.BID) {
        long ask = book.bestAsk();
        long anchor = ask != OrderBook.NO_ASK ? ask : referencePrice(params.initialPrice()) + 1;
        price = anchor - distance;
      } else {
        long bid = book.bestBid();
        long anchor = bid != OrderBook.NO_BID ? bid : referencePrice(params.initialPrice()) - 1;
        price = anchor + distance;
      }
      if (price >= 1) {
        flowSubmit(side, OrderType.LIMIT, price, size);
      }
      onArrived(true);
    } else {
      side = x - limitShare < params.marketRate() ? Side.BID : Side.ASK;
      flowSubmit(
          side,
          OrderType.MARKET,
          OrderBook.MARKET_PRICE,
          uniform(params.marketSizeMin(), params.marketSizeMax()));
      onArrived(false);
    }
  }

  /**
   * Hook after each arrival (hawkes excites its intensity here).
   *
   * @param limit whether it was a limit order
   */
  protected void onArrived(boolean limit) {}

  private long uniform(long lo, long hi) {
    return lo + rng.nextInt((int) (hi - lo + 1));
  }

  /**
   * The flow's parameters.
   *
   * @return the parameters
   */
  public final ZiParams params() {
    return params;
  }
}
