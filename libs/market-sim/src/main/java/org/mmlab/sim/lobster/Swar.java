package org.mmlab.sim.lobster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Eight-bytes-at-a-time decimal digit scanning and conversion (SWAR). */
final class Swar {
  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_NIBBLES = 0xF0F0F0F0F0F0F0F0L;
  private static final long ZEROS = 0x3030303030303030L;
  private static final long SIXES = 0x0606060606060606L;

  private Swar() {}

  /** Eight bytes from {@code b[i]}, first byte lowest. */
  static long load(byte[] b, int i) {
    return (long) LONG_LE.get(b, i);
  }

  /** Number of leading ASCII digits in the eight bytes of {@code w} (0..8). */
  static int digitCount(long w) {
    long notDigit = ((w & HIGH_NIBBLES) ^ ZEROS) | (((w + SIXES) & HIGH_NIBBLES) ^ ZEROS);
    return Long.numberOfTrailingZeros(notDigit) >>> 3;
  }

  private static final long[] POW10 = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L
  };

  /**
   * Unsigned decimal at {@code b[i]}: {@code (value << 5) | digits}, or -1 when there is no digit
   * or more than 16 (left to the validating parser).
   */
  static long unsigned(byte[] b, int i) {
    long w = load(b, i);
    int n = digitCount(w);
    if (n < 8) {
      return n == 0 ? -1 : (value(w, n) << 5) | n;
    }
    long w2 = load(b, i + 8);
    int n2 = digitCount(w2);
    long hi = value(w, 8);
    if (n2 == 0) {
      return (hi << 5) | 8;
    }
    if (n2 == 8) {
      return -1;
    }
    return ((hi * POW10[n2] + value(w2, n2)) << 5) | (8 + n2);
  }

  /**
   * Value of the {@code n} digits at {@code b[i]}, or -1 when {@code n} is 0 or above 16 or a byte
   * is not a digit.
   */
  static long digits(byte[] b, int i, int n) {
    long w = load(b, i);
    if (n <= 8) {
      if (n == 0 || digitCount(w) < n) {
        return -1;
      }
      return value(w, n);
    }
    if (n > 16 || digitCount(w) < 8) {
      return -1;
    }
    long w2 = load(b, i + 8);
    int n2 = n - 8;
    if (digitCount(w2) < n2) {
      return -1;
    }
    return value(w, 8) * POW10[n2] + value(w2, n2);
  }

  /** Value of the first {@code n} (1..8) digits of {@code w}. */
  static long value(long w, int n) {
    long v = (w - ZEROS) << ((8 - n) << 3);
    v = v * 10 + (v >>> 8);
    return (((v & 0x000000FF000000FFL) * 0x000F424000000064L)
            + (((v >>> 16) & 0x000000FF000000FFL) * 0x0000271000000001L))
        >>> 32;
  }
}
