package org.mmlab.sim.core;

/** Parses and prints simulated-time durations such as {@code 250us}, {@code 5ms}, {@code 1s}. */
public final class Durations {
  /** Nanoseconds in one second. */
  public static final long SECOND = 1_000_000_000L;

  /** Nanoseconds in one millisecond. */
  public static final long MILLISECOND = 1_000_000L;

  private Durations() {}

  /**
   * Parses a duration: a non-negative decimal number followed by {@code ns}, {@code us}, {@code
   * ms}, {@code s}, {@code m} or {@code h}; a bare {@code 0} is zero.
   *
   * @param text the duration
   * @return nanoseconds
   * @throws IllegalArgumentException naming the text when it is not a duration
   */
  public static long parseNanos(String text) {
    String s = text.trim();
    if (s.equals("0")) {
      return 0;
    }
    int i = 0;
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
      i++;
    }
    if (i == 0 || i == s.length()) {
      throw new IllegalArgumentException(
          "not a duration: \"" + text + "\" (expected e.g. 500us, 5ms, 1s)");
    }
    double value;
    try {
      value = Double.parseDouble(s.substring(0, i));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a duration: \"" + text + "\"");
    }
    long unit;
    switch (s.substring(i)) {
      case "ns":
        unit = 1;
        break;
      case "us":
        unit = 1_000;
        break;
      case "ms":
        unit = MILLISECOND;
        break;
      case "s":
        unit = SECOND;
        break;
      case "m":
        unit = 60 * SECOND;
        break;
      case "h":
        unit = 3600 * SECOND;
        break;
      default:
        throw new IllegalArgumentException(
            "not a duration: \"" + text + "\" (units: ns, us, ms, s, m, h)");
    }
    double nanos = value * unit;
    if (!(nanos >= 0) || nanos > Long.MAX_VALUE / 2.0) {
      throw new IllegalArgumentException("duration out of range: \"" + text + "\"");
    }
    return Math.round(nanos);
  }

  /**
   * Formats nanoseconds compactly for messages and reports.
   *
   * @param nanos a duration
   * @return e.g. {@code 1.5ms}
   */
  public static String format(long nanos) {
    if (nanos % SECOND == 0) {
      return nanos / SECOND + "s";
    }
    if (nanos >= MILLISECOND) {
      return trim(nanos / (double) MILLISECOND) + "ms";
    }
    if (nanos >= 1_000) {
      return trim(nanos / 1_000.0) + "us";
    }
    return nanos + "ns";
  }

  private static String trim(double v) {
    String s = Double.toString(v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
