package org.mmlab.service.gateway;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an {@link Instant} exactly as {@link DateTimeFormatter#ISO_INSTANT} does ({@code
 * 2026-11-26T03:01:32.123Z}: the fraction in groups of three digits, as many as needed) into a
 * reused per-thread buffer. Every order reply carries two instants, and the formatter's general
 * path allocated more than the rest of the reply.
 */
final class IsoInstantSerializer extends StdSerializer<Instant> {
  private static final long SECONDS_PER_DAY = 86_400;
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[30]);

  IsoInstantSerializer() {
    super(Instant.class);
  }

  @Override
  public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
    char[] b = BUFFER.get();
    int n = format(value, b);
    if (n < 0) {
      gen.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
    } else {
      gen.writeString(b, 0, n);
    }
  }

  /**
   * Formats into {@code b} (at least 30 chars).
   *
   * @return the length, or -1 for a year outside 0000–9999 (the formatter's signed form)
   */
  static int format(Instant t, char[] b) {
    long seconds = t.getEpochSecond();
    long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
    int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
    // Civil date from days since 1970-01-01 (proleptic Gregorian, eras of 400 years).
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) {
      return -1;
    }
    int p = 0;
    p = digits(b, p, (int) year, 4);
    b[p++] = '-';
    p = digits(b, p, month, 2);
    b[p++] = '-';
    p = digits(b, p, day, 2);
    b[p++] = 'T';
    p = digits(b, p, secondOfDay / 3600, 2);
    b[p++] = ':';
    p = digits(b, p, secondOfDay / 60 % 60, 2);
    b[p++] = ':';
    p = digits(b, p, secondOfDay % 60, 2);
    int nano = t.getNano();
    if (nano > 0) {
      b[p++] = '.';
      if (nano % 1_000_000 == 0) {
        p = digits(b, p, nano / 1_000_000, 3);
      } else if (nano % 1000 == 0) {
        p = digits(b, p, nano / 1000, 6);
      } else {
        p = digits(b, p, nano, 9);
      }
    }
    b[p++] = 'Z';
    return p;
  }

  private static int digits(char[] b, int p, int value, int width) {
    for (int i = p + width - 1; i >= p; i--) {
      b[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return p + width;
  }
}
