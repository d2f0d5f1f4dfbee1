package org.mmlab.rl.predictor;

import java.util.List;

/**
 * Direction labels: the mid's move over the next {@code H} events, with a dead band.
 *
 * <p>For event {@code i} with mid {@code m[i]}: {@code Δ = m[i+H] − m[i]}; {@link #UP} when {@code
 * Δ > deadBand}, {@link #DOWN} when {@code Δ < −deadBand}, else {@link #FLAT}. Events whose window
 * runs past the data ({@code i + H ≥ n}) have no label ({@link #NONE}). The "last move persists"
 * baseline applies the same rule to the window just before: {@code m[i] − m[i−H]}.
 */
public final class Labels {
  /** Mid goes down by more than the dead band. */
  public static final int DOWN = 0;

  /** Mid stays within the dead band. */
  public static final int FLAT = 1;

  /** Mid goes up by more than the dead band. */
  public static final int UP = 2;

  /** No label (window past the end, or before the start for the persistence baseline). */
  public static final int NONE = -1;

  /** Number of classes. */
  public static final int CLASSES = 3;

  private static final List<String> NAMES = List.of("down", "flat", "up");

  private Labels() {}

  /**
   * Class names in index order.
   *
   * @return down, flat, up
   */
  public static List<String> names() {
    return NAMES;
  }

  /**
   * The class of a mid change.
   *
   * @param delta mid change, ticks
   * @param deadBand half-width of the flat band, ticks, {@code >= 0}
   * @return {@link #DOWN}, {@link #FLAT} or {@link #UP}
   */
  public static int classify(double delta, double deadBand) {
    if (delta > deadBand) {
      return UP;
    }
    if (delta < -deadBand) {
      return DOWN;
    }
    return FLAT;
  }

  /**
   * Labels of events {@code 0..n-1}.
   *
   * @param mids mid after each event, ticks
   * @param n events
   * @param horizon {@code H}, events, {@code > 0}
   * @param deadBand ticks, {@code >= 0}
   * @return one label per event, {@link #NONE} for the last {@code H}
   */
  public static int[] forward(double[] mids, int n, int horizon, double deadBand) {
    check(horizon, deadBand);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i + horizon < n ? classify(mids[i + horizon] - mids[i], deadBand) : NONE;
    }
    return out;
  }

  /**
   * The "last move persists" prediction: the label of the preceding window.
   *
   * @param mids mid after each event, ticks
   * @param n events
   * @param horizon {@code H}, events
   * @param deadBand ticks
   * @return one prediction per event, {@link #NONE} for the first {@code H}
   */
  public static int[] persistence(double[] mids, int n, int horizon, double deadBand) {
    check(horizon, deadBand);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = i >= horizon ? classify(mids[i] - mids[i - horizon], deadBand) : NONE;
    }
    return out;
  }

  private static void check(int horizon, double deadBand) {
    if (horizon <= 0) {
      throw new IllegalArgumentException("--horizon must be > 0 events, got " + horizon);
    }
    if (!(deadBand >= 0) || Double.isInfinite(deadBand)) {
      throw new IllegalArgumentException(
          "--dead-band must be a finite number >= 0, got " + deadBand);
    }
  }
}
