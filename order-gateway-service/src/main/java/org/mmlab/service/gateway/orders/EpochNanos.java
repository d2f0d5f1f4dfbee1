package org.mmlab.service.gateway.orders;

import java.time.Instant;

/**
 * Wall-clock times as nanoseconds since the epoch in a {@code long} (good until 2262), so kept
 * orders and reports hold a primitive instead of an {@link Instant} object.
 */
final class EpochNanos {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private EpochNanos() {}

  /** The current time, at {@link Instant#now()}'s precision. */
  static long now() {
    return of(Instant.now());
  }

  /** An instant as epoch nanoseconds. */
  static long of(Instant t) {
    return t.getEpochSecond() * NANOS_PER_SECOND + t.getNano();
  }

  /** Epoch nanoseconds as an instant. */
  static Instant toInstant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
  }
}
