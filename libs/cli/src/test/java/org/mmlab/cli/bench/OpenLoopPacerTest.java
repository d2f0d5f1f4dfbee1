package org.mmlab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The open-loop schedule with a warm-up ramp: consistent, continuous, exact once at full rate. */
class OpenLoopPacerTest {
  private static final long SECOND = 1_000_000_000L;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
  void intendedTimesRiseStrictlyAndDueCountsMatchThemAcrossTheRamp(long seed) {
    Random r = new Random(seed);
    double rate = 10 + r.nextDouble() * 20_000;
    double rampSeconds = seed % 4 == 0 ? 0 : r.nextDouble() * 12;
    double fraction = 0.01 + r.nextDouble() * 0.99;
    long start = r.nextLong() / 4;
    OpenLoopPacer p = OpenLoopPacer.ramped(start, rate, rampSeconds, fraction);
    long ramp = p.rampRequests();
    assertThat(p.dueBy(start - 1)).isZero();
    long last = Long.MIN_VALUE;
    for (long i = 0; i < ramp + 2_000; i++) {
      long t = p.intendedNanos(i);
      assertThat(t).as("request %d", i).isGreaterThan(last);
      // Exactly requests 0..i are due at request i's time, and only 0..i-1 a nanosecond earlier.
      assertThat(p.dueBy(t)).as("request %d", i).isEqualTo(i + 1);
      assertThat(p.dueBy(t - 1)).as("request %d", i).isEqualTo(i);
      last = t;
    }
    long end = start + (long) (rampSeconds * 1e9);
    if (ramp > 0) {
      assertThat(p.intendedNanos(ramp - 1)).isLessThan(end);
    }
    // The first request at full rate comes at the ramp's end, within one full-rate gap.
    assertThat(p.intendedNanos(ramp)).isBetween(end - 1, end + (long) (1e9 / rate) + 1);
  }

  @Test
  void theRampHoldsTheIntegralOfItsRate() {
    // 100/s rising to 1000/s over 10 s: (100 + 1000) / 2 × 10 = 5,500 requests.
    OpenLoopPacer p = OpenLoopPacer.ramped(0, 1000, 10, 0.1);
    assertThat(p.rampRequests()).isBetween(5_499L, 5_501L);
    assertThat(p.dueBy(10 * SECOND - 1)).isBetween(5_499L, 5_501L);
    // Second k of the ramp offers the mean of its rate, 100 + 90·k + 45 requests.
    for (int k = 0; k < 10; k++) {
      long inSecond = p.dueBy((k + 1) * SECOND - 1) - p.dueBy(k * SECOND - 1);
      assertThat((double) inSecond).as("second %d", k).isCloseTo(145 + 90 * k, within(1.0));
    }
    // The rate at the start is a tenth of the target: the first gaps are about 10 ms.
    assertThat(p.intendedNanos(1) - p.intendedNanos(0)).isBetween(9_500_000L, 10_000_000L);
  }

  @ParameterizedTest
  @ValueSource(longs = {4, 9, 16})
  void afterTheRampRequestsAreExactlyOneOverTheRateApart(long seed) {
    Random r = new Random(seed);
    double rate = 100 + r.nextDouble() * 50_000;
    OpenLoopPacer p = OpenLoopPacer.ramped(r.nextInt(1_000_000), rate, 1 + r.nextInt(10), 0.1);
    long first = p.rampRequests();
    long steady = p.intendedNanos(first);
    double gap = 1e9 / rate;
    for (int n = 0; n < 1_000; n++) {
      long j = r.nextInt(5_000_000);
      // The constant-rate schedule, started at the first request after the ramp.
      assertThat(p.intendedNanos(first + j)).isEqualTo(steady + (long) (j * gap));
    }
    assertThat(p.requestsIn(2.5)).isEqualTo((long) Math.floor(2.5 * rate));
  }

  @ParameterizedTest
  @ValueSource(longs = {7, 42, 1234})
  void aZeroRampIsTheConstantRateScheduleAsBefore(long seed) {
    Random r = new Random(seed);
    double rate = 1 + r.nextDouble() * 100_000;
    long start = r.nextInt(1_000_000);
    OpenLoopPacer ramped = OpenLoopPacer.ramped(start, rate, 0, 0.1);
    OpenLoopPacer constant = new OpenLoopPacer(start, rate);
    assertThat(ramped.rampRequests()).isZero();
    assertThat(constant.rampRequests()).isZero();
    double gap = 1e9 / rate;
    for (int n = 0; n < 1_000; n++) {
      long i = r.nextInt(10_000_000);
      long expected = start + (long) (i * gap);
      assertThat(ramped.intendedNanos(i)).isEqualTo(expected);
      assertThat(constant.intendedNanos(i)).isEqualTo(expected);
      long now = start + (long) (r.nextDouble() * 100 * SECOND);
      assertThat(ramped.dueBy(now)).isEqualTo(constant.dueBy(now));
    }
  }

  @Test
  void aBadRampIsRefusedNamingWhatIsWrong() {
    assertThatThrownBy(() -> OpenLoopPacer.ramped(0, 1000, -1, 0.1)).hasMessageContaining("ramp");
    assertThatThrownBy(() -> OpenLoopPacer.ramped(0, 1000, Double.NaN, 0.1))
        .hasMessageContaining("ramp");
    assertThatThrownBy(() -> OpenLoopPacer.ramped(0, 1000, 10, 0))
        .hasMessageContaining("start fraction");
    assertThatThrownBy(() -> OpenLoopPacer.ramped(0, 1000, 10, 1.5))
        .hasMessageContaining("start fraction");
    assertThatThrownBy(() -> OpenLoopPacer.ramped(0, 0, 10, 0.1)).hasMessageContaining("rate");
  }
}
