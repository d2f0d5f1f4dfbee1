package org.mmlab.sim.market;

import java.nio.ByteBuffer;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.core.Durations;

/**
 * The zero-intelligence flow with self-exciting (Hawkes) arrivals: each arriving limit or market
 * order raises the arrival intensity by {@code α = n·β}, which decays at rate {@code β}. The
 * baseline is scaled by {@code 1 − n} so the long-run arrival rate equals zi's; only its clustering
 * differs. Cancellations stay at {@code θ} per resting order.
 *
 * <p>Simulated exactly by Ogata's thinning: between events the intensity only decays, so the
 * intensity now bounds it until the next candidate.
 */
public final class HawkesMarket extends ZiMarket {
  private static final int KIND_CANDIDATE = KIND_MODEL + 1;

  private final double branching;
  private final double decay;
  private double excitation;
  private long excitationTime;

  /**
   * Creates the market.
   *
   * @param spec the spec string
   * @param instrument what is traded
   * @param params the zi rates (long-run averages)
   * @param branching branching ratio {@code n} in [0, 1): expected children per event
   * @param decay kernel decay {@code β}, per second
   * @param conditions latencies and fees
   */
  public HawkesMarket(
      String spec,
      Instrument instrument,
      ZiParams params,
      double branching,
      double decay,
      MarketConditions conditions) {
    super(spec, instrument, params, conditions);
    if (!(branching >= 0 && branching < 1)) {
      throw new IllegalArgumentException("hawkes branching ratio must be in [0, 1): " + branching);
    }
    if (!(decay > 0 && decay <= 1e4)) {
      throw new IllegalArgumentException("hawkes decay must be in (0, 1e4] per second: " + decay);
    }
    this.branching = branching;
    this.decay = decay;
  }

  @Override
  protected void startFlow() {
    excitation = 0;
    excitationTime = now();
    scheduleNext();
  }

  @Override
  protected void saveFlow(ByteBuffer out) {
    out.putDouble(excitation).putLong(excitationTime);
  }

  @Override
  protected void restoreFlow(ByteBuffer in) {
    excitation = in.getDouble();
    excitationTime = in.getLong();
  }

  private void decayTo(long t) {
    if (t > excitationTime) {
      excitation *= StrictMath.exp(-decay * (t - excitationTime) / (double) Durations.SECOND);
      excitationTime = t;
    }
  }

  @Override
  protected double arrivalIntensity() {
    decayTo(now());
    return arrivalRate() * (1 - branching) + excitation;
  }

  @Override
  protected void scheduleNext() {
    // Bound for thinning: the intensity now, which only decays until the next event.
    double bound = arrivalIntensity() + params.cancelRate() * flowOrders.size();
    long wait = (long) Math.ceil(rng.nextExponential(bound) * Durations.SECOND);
    queue.schedule(now() + Math.max(1, wait), KIND_CANDIDATE, Double.doubleToRawLongBits(bound), 0);
  }

  @Override
  protected void onModelEvent(int kind, long arg0, long arg1) {
    double bound = Double.longBitsToDouble(arg0);
    double arrivals = arrivalIntensity();
    double cancels = params.cancelRate() * flowOrders.size();
    double u = rng.nextDouble() * bound;
    if (u < arrivals) {
      onArrival(u / arrivals);
    } else if (u < arrivals + cancels) {
      flowCancel(flowOrders.get(rng.nextInt(flowOrders.size())));
    }
    // Otherwise a rejected candidate: nothing happens.
    scheduleNext();
  }

  @Override
  protected void onArrived(boolean limit) {
    excitation += branching * decay;
  }

  /**
   * Branching ratio.
   *
   * @return n
   */
  public double branching() {
    return branching;
  }
}
