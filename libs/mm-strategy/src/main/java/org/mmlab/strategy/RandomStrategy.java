package org.mmlab.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sanity baseline: each decision draws, uniformly and independently, a bid offset and an ask
 * offset in {@code 0..max_offset} ticks from the mid and a size per side in {@code 1..max_size}
 * lots. {@code bid = floor(mid − offsetBid)}, {@code ask = ceil(mid + offsetAsk)} (the ask moved up
 * one tick if it would touch the bid), never crossing the book, sizes capped by the inventory
 * limit. Seeded by {@link #reset(long)} with SplitMix64: the same seed gives the same draws, with
 * no allocation.
 */
public final class RandomStrategy implements Strategy {
  /** Registry name. */
  public static final String NAME = "random";

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final Params params;
  private long state;

  /**
   * Parameters.
   *
   * @param maxOffset ({@code max_offset}) largest offset from the mid, ticks, [0, 1e6]; default 5
   * @param maxSize ({@code max_size}) largest size per side, lots, [1, 1e9]; default 5
   */
  public record Params(long maxOffset, long maxSize) {
    /** The parameter keys. */
    public static final List<String> KEYS = List.of("max_offset", "max_size");

    /** Validates; messages name the parameter. */
    public Params {
      Checks.closed("max_offset", maxOffset, 0, 1_000_000L);
      Checks.closed("max_size", maxSize, 1, 1_000_000_000L);
    }

    /**
     * The defaults.
     *
     * @return offsets 0..5 ticks, sizes 1..5 lots
     */
    public static Params defaults() {
      return new Params(5, 5);
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
      return new Params(r.longValue("max_offset", d.maxOffset), r.longValue("max_size", d.maxSize));
    }

    /**
     * These parameters as strings.
     *
     * @return an ordered map key → value
     */
    public Map<String, String> toMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("max_offset", Long.toString(maxOffset));
      m.put("max_size", Long.toString(maxSize));
      return m;
    }
  }

  /**
   * Creates the strategy, seeded with 0 until {@link #reset(long)}.
   *
   * @param params its parameters
   */
  public RandomStrategy(Params params) {
    this.params = params;
    reset(0L);
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
    state = seed;
  }

  @Override
  public void decide(MarketContext ctx, QuoteDecision out) {
    // Draw all four numbers every decision so the stream does not depend on the market.
    long bidOffset = uniform(params.maxOffset + 1);
    long askOffset = uniform(params.maxOffset + 1);
    long bidSize = 1 + uniform(params.maxSize);
    long askSize = 1 + uniform(params.maxSize);
    QuotePricing.aroundMid(ctx, bidOffset, askOffset, bidSize, askSize, out);
  }

  /** Uniform in {@code 0..bound-1} (bound ≤ 2^31 here, so the modulo bias is below 1e-9). */
  private long uniform(long bound) {
    return Long.remainderUnsigned(next(), bound);
  }

  private long next() {
    long z = (state += GOLDEN);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
