package org.mmlab.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive benchmark: a bid and an ask at a fixed distance from the mid, a fixed size, no
 * inventory skew.
 *
 * <p>{@code bid = floor(mid − halfSpread)}, {@code ask = ceil(mid + halfSpread)}, rounded away from
 * the mid to the tick grid, never crossing the book (see {@link QuoteDecision}). With the default
 * half spread of 1 tick it joins the touch on a 2-tick market and sits one tick behind it on a
 * 1-tick market. A side whose fill would take the inventory past the limit is not quoted (its size
 * is capped to the room left). No quote without a mid.
 */
public final class SymmetricStrategy implements Strategy {
  /** Registry name. */
  public static final String NAME = "symmetric";

  private final Params params;

  /**
   * Parameters.
   *
   * @param halfSpread ({@code half_spread}) distance of each quote from the mid in ticks, [0, 1e6];
   *     default 1.0
   * @param size ({@code size}) lots per side, [1, 1e9]; default 1
   */
  public record Params(double halfSpread, long size) {
    /** The parameter keys. */
    public static final List<String> KEYS = List.of("half_spread", "size");

    /** Validates; messages name the parameter. */
    public Params {
      Checks.closed("half_spread", halfSpread, 0, 1e6);
      Checks.closed("size", size, 1, 1_000_000_000L);
    }

    /**
     * The defaults.
     *
     * @return half spread 1 tick, size 1 lot
     */
    public static Params defaults() {
      return new Params(1.0, 1);
    }

    /**
     * Parses string parameters; absent keys take their defaults.
     *
     * @param map key → value
     * @return the parameters
     */
    public static Params fromMap(Map<String, String> map) {
      ParamReader r = new ParamReader(NAME, map, KEYS);
      Params d = defaults();
      return new Params(r.doubleValue("half_spread", d.halfSpread), r.longValue("size", d.size));
    }

    /**
     * These parameters as strings.
     *
     * @return an ordered map key → value
     */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("half_spread", Double.toString(halfSpread));
      m.put("size", Long.toString(size));
      return m;
    }
  }

  /**
   * Creates the strategy.
   *
   * @param params its parameters
   */
  public SymmetricStrategy(Params params) {
    this.params = params;
  }

  /**
   * The parameters.
   *
   * @return the parameters
   */
  public Params params() {
    return params;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void reset(long seed) {
    // Stateless.
  }

  @Override
  public void decide(MarketContext ctx, QuoteDecision out) {
    QuotePricing.aroundMid(
        ctx, params.halfSpread, params.halfSpread, params.size, params.size, out);
  }
}
