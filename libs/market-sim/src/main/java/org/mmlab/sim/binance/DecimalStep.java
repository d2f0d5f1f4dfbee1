package org.mmlab.sim.binance;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Converts Binance's decimal strings ({@code "61837.63000000"}) to integer multiples of a step (a
 * tick or a lot) straight from the parser's character buffer: no {@code double}, no allocation on
 * the fast path. Only plain non-negative decimals are accepted (digits with at most one point), as
 * Binance sends prices and quantities.
 */
final class DecimalStep {
  /** Returned when the text is not a plain non-negative decimal. */
  static final long NOT_A_NUMBER = Long.MIN_VALUE;

  /** Returned by an exact conversion when the value is not a whole number of steps. */
  static final long NOT_A_MULTIPLE = Long.MIN_VALUE + 1;

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private static final long LIMIT = (Long.MAX_VALUE - 9) / 10;

  private final BigDecimal step;
  private final long stepUnscaled;
  private final int stepScale;
  private boolean rounded;

  /**
   * Creates a converter.
   *
   * @param step the step (tick or lot size), positive
   */
  DecimalStep(BigDecimal step) {
    if (step.signum() <= 0) {
      throw new IllegalArgumentException("step must be positive: " + step);
    }
    BigDecimal s = step.stripTrailingZeros();
    if (s.scale() < 0) {
      s = s.setScale(0);
    }
    this.step = s;
    this.stepUnscaled = s.unscaledValue().longValueExact();
    this.stepScale = s.scale();
    if (stepScale > 18) {
      throw new IllegalArgumentException("step has too many decimals: " + step);
    }
  }

  /**
   * The step.
   *
   * @return the step, trailing zeros stripped
   */
  BigDecimal step() {
    return step;
  }

  /**
   * Whether the last {@link #convert} call with rounding had to round.
   *
   * @return true when the value was not a whole number of steps
   */
  boolean rounded() {
    return rounded;
  }

  /**
   * Converts a decimal to steps.
   *
   * @param c characters
   * @param off first character
   * @param len number of characters
   * @param round whether to round a value that is not a whole number of steps (half up; a positive
   *     value never rounds to 0) rather than return {@link #NOT_A_MULTIPLE}
   * @return the number of steps, {@link #NOT_A_NUMBER} or {@link #NOT_A_MULTIPLE}
   */
  long convert(char[] c, int off, int len, boolean round) {
    rounded = false;
    long m = 0;
    int fd = 0;
    int zeros = 0;
    int digits = 0;
    boolean dot = false;
    int end = off + len;
    for (int i = off; i < end; i++) {
      char ch = c[i];
      if (ch == '.') {
        if (dot) {
          return NOT_A_NUMBER;
        }
        dot = true;
        continue;
      }
      int d = ch - '0';
      if (d < 0 || d > 9) {
        return NOT_A_NUMBER;
      }
      digits++;
      if (!dot) {
        if (m > LIMIT) {
          return slow(c, off, len, round);
        }
        m = m * 10 + d;
      } else if (d == 0) {
        // Trailing zeros of the fraction never reach the mantissa.
        zeros++;
      } else {
        for (int z = 0; z <= zeros; z++) {
          if (m > LIMIT) {
            return slow(c, off, len, round);
          }
          m *= 10;
        }
        m += d;
        fd += zeros + 1;
        zeros = 0;
      }
    }
    if (digits == 0) {
      return NOT_A_NUMBER;
    }
    long num;
    long den;
    if (fd <= stepScale) {
      long mul = POW10[stepScale - fd];
      if (m != 0 && mul > Long.MAX_VALUE / m) {
        return slow(c, off, len, round);
      }
      num = m * mul;
      den = stepUnscaled;
    } else {
      int e = fd - stepScale;
      if (e >= POW10.length || stepUnscaled > Long.MAX_VALUE / POW10[e]) {
        return slow(c, off, len, round);
      }
      num = m;
      den = POW10[e] * stepUnscaled;
    }
    long q = num / den;
    long r = num - q * den;
    if (r == 0) {
      return q;
    }
    if (!round) {
      return NOT_A_MULTIPLE;
    }
    rounded = true;
    if (r >= den - r) {
      q++;
    }
    return q == 0 ? 1 : q;
  }

  private long slow(char[] c, int off, int len, boolean round) {
    BigDecimal v;
    try {
      v = new BigDecimal(c, off, len);
    } catch (NumberFormatException e) {
      return NOT_A_NUMBER;
    }
    BigDecimal units = v.divide(step);
    BigDecimal whole = units.setScale(0, RoundingMode.DOWN);
    if (whole.compareTo(units) != 0) {
      if (!round) {
        return NOT_A_MULTIPLE;
      }
      rounded = true;
      whole = units.setScale(0, RoundingMode.HALF_UP);
      if (whole.signum() == 0) {
        whole = BigDecimal.ONE;
      }
    }
    if (whole.toBigInteger().bitLength() > 62) {
      return NOT_A_NUMBER;
    }
    return whole.longValue();
  }
}
