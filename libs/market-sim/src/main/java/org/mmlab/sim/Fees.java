package org.mmlab.sim;

/**
 * A maker/taker fee schedule. The fee of a fill of {@code size} lots at {@code price} ticks is
 *
 * <pre>  fee = rate × price × size + perLot × size     (ticks × lots)</pre>
 *
 * with the maker or taker pair of rates depending on whether the fill rested (maker) or took
 * liquidity (taker). A rate is a fraction of notional (1 bp = 0.0001) — notional in ticks × lots is
 * the currency notional divided by {@code tickSize × lotSize}, so the fraction is the same in both;
 * {@code perLot} is a fixed charge in ticks per lot (e.g. $0.003/share on a $0.01 tick with 1-share
 * lots is 0.3). A negative value is a rebate. Use one of the two forms or both.
 *
 * @param makerRate fraction of notional charged on maker fills, [-0.1, 0.1]
 * @param takerRate fraction of notional charged on taker fills, [-0.1, 0.1]
 * @param makerPerLot ticks per lot charged on maker fills, [-1e6, 1e6]
 * @param takerPerLot ticks per lot charged on taker fills, [-1e6, 1e6]
 */
public record Fees(double makerRate, double takerRate, double makerPerLot, double takerPerLot) {

  /** No fees. */
  public static final Fees NONE = new Fees(0, 0, 0, 0);

  /** Validates every field; messages name it. */
  public Fees {
    check("makerRate", makerRate, 0.1);
    check("takerRate", takerRate, 0.1);
    check("makerPerLot", makerPerLot, 1e6);
    check("takerPerLot", takerPerLot, 1e6);
  }

  /**
   * Fees as fractions of notional only.
   *
   * @param makerRate maker fraction (negative = rebate)
   * @param takerRate taker fraction
   * @return the schedule
   */
  public static Fees rates(double makerRate, double takerRate) {
    return new Fees(makerRate, takerRate, 0, 0);
  }

  /**
   * Fees in ticks per lot only.
   *
   * @param makerPerLot maker ticks per lot (negative = rebate)
   * @param takerPerLot taker ticks per lot
   * @return the schedule
   */
  public static Fees perLot(double makerPerLot, double takerPerLot) {
    return new Fees(0, 0, makerPerLot, takerPerLot);
  }

  /**
   * The fee of one fill.
   *
   * @param price ticks
   * @param size lots
   * @param maker whether the fill rested (maker) rather than took liquidity
   * @return ticks × lots; negative for a rebate
   */
  public double fee(long price, long size, boolean maker) {
    double rate = maker ? makerRate : takerRate;
    double perLot = maker ? makerPerLot : takerPerLot;
    return rate * ((double) price * size) + perLot * size;
  }

  private static void check(String name, double v, double bound) {
    if (!(v >= -bound && v <= bound)) {
      throw new IllegalArgumentException(
          name + " must be in [" + -bound + ", " + bound + "], got " + v);
    }
  }
}
