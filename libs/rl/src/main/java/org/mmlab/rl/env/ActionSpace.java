package org.mmlab.rl.env;

/**
 * The market maker's action, {@code MultiDiscrete([11, 11, 10])}: bid offset 0–10 ticks from the
 * mid, ask offset 0–10 ticks from the mid, quote size 1–10 lots (index 0–9).
 *
 * <p>Prices: {@code bid = floor(mid − bidOffset)}, {@code ask = ceil(mid + askOffset)}, so offset 0
 * quotes at the mid's tick (joining the best price when the spread is one tick, improving it when
 * wider). Quotes are post-only: one that would cross is rejected by the venue.
 */
public final class ActionSpace {
  /** Choices per dimension. */
  public static final int[] NVEC = {11, 11, 10};

  /** Index of the bid-offset dimension. */
  public static final int BID_OFFSET = 0;

  /** Index of the ask-offset dimension. */
  public static final int ASK_OFFSET = 1;

  /** Index of the size dimension. */
  public static final int SIZE = 2;

  private ActionSpace() {}

  /**
   * Number of action dimensions.
   *
   * @return 3
   */
  public static int dimensions() {
    return NVEC.length;
  }

  /**
   * Checks an action.
   *
   * @param action the action
   * @throws IllegalArgumentException naming the dimension out of range
   */
  public static void validate(int[] action) {
    if (action.length != NVEC.length) {
      throw new IllegalArgumentException(
          "action must have " + NVEC.length + " dimensions, got " + action.length);
    }
    for (int i = 0; i < NVEC.length; i++) {
      if (action[i] < 0 || action[i] >= NVEC[i]) {
        throw new IllegalArgumentException(
            "action[" + i + "] = " + action[i] + " is outside [0, " + (NVEC[i] - 1) + "]");
      }
    }
  }

  /**
   * Bid price of an action.
   *
   * @param mid the mid, ticks
   * @param offset bid offset, ticks
   * @return ticks
   */
  public static long bidPrice(double mid, int offset) {
    return (long) Math.floor(mid - offset);
  }

  /**
   * Ask price of an action.
   *
   * @param mid the mid, ticks
   * @param offset ask offset, ticks
   * @return ticks
   */
  public static long askPrice(double mid, int offset) {
    return (long) Math.ceil(mid + offset);
  }

  /**
   * Quote size of an action.
   *
   * @param sizeIndex 0–9
   * @return lots, 1–10
   */
  public static long size(int sizeIndex) {
    return sizeIndex + 1L;
  }
}
