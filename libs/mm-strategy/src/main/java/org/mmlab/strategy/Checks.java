package org.mmlab.strategy;

/** Range checks for parameter records: every message names the parameter. */
final class Checks {
  private Checks() {}

  /** Requires {@code lo <= v <= hi}. */
  static double closed(String name, double v, double lo, double hi) {
    if (!(v >= lo && v <= hi)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(v));
    }
    return v;
  }

  /** Requires {@code lo < v <= hi}. */
  static double openLow(String name, double v, double lo, double hi) {
    if (!(v > lo && v <= hi)) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' must be in (" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(v));
    }
    return v;
  }

  /** Requires {@code lo <= v <= hi}. */
  static long closed(String name, long v, long lo, long hi) {
    if (v < lo || v > hi) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' must be in [" + lo + ", " + hi + "], got " + v);
    }
    return v;
  }

  /** Requires NaN (meaning: estimate it) or {@code lo < v <= hi}. */
  static double nanOrOpenLow(String name, double v, double lo, double hi) {
    return Double.isNaN(v) ? v : openLow(name, v, lo, hi);
  }

  /** 1000.0 reads as 1000, 0.5 as 0.5. */
  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
