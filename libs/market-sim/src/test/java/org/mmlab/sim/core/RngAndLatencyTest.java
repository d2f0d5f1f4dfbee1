package org.mmlab.sim.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RngAndLatencyTest {

  @Test
  void sameSeedSameStream() {
    Rng a = new Rng(99);
    Rng b = new Rng(99);
    for (int i = 0; i < 1000; i++) {
      assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }
    assertThat(new Rng(1).nextLong()).isNotEqualTo(new Rng(2).nextLong());
    assertThat(Rng.derive(7, 0)).isNotEqualTo(Rng.derive(7, 1));
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 17, 2024})
  void distributionsHaveTheirMoments(long seed) {
    Rng rng = new Rng(seed);
    int n = 200_000;
    double sumU = 0;
    double sumE = 0;
    double sumG = 0;
    double sumG2 = 0;
    long sumI = 0;
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
      sumU += u;
      sumE += rng.nextExponential(4.0);
      double g = rng.nextGaussian();
      sumG += g;
      sumG2 += g * g;
      int k = rng.nextInt(10);
      assertThat(k).isBetween(0, 9);
      sumI += k;
    }
    assertThat(sumU / n).isCloseTo(0.5, within(0.005));
    assertThat(sumE / n).isCloseTo(0.25, within(0.005));
    assertThat(sumG / n).isCloseTo(0.0, within(0.01));
    assertThat(sumG2 / n).isCloseTo(1.0, within(0.015));
    assertThat(sumI / (double) n).isCloseTo(4.5, within(0.03));
  }

  @Test
  void durationsParseAndRejectGarbage() {
    assertThat(Durations.parseNanos("0")).isZero();
    assertThat(Durations.parseNanos("250us")).isEqualTo(250_000);
    assertThat(Durations.parseNanos("1.5ms")).isEqualTo(1_500_000);
    assertThat(Durations.parseNanos("2s")).isEqualTo(2_000_000_000L);
    assertThatThrownBy(() -> Durations.parseNanos("5 parsecs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("5 parsecs");
    assertThatThrownBy(() -> Durations.parseNanos("ms"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void latencyModelsSampleInTheirRange() {
    Rng rng = new Rng(5);
    assertThat(LatencyModel.parse("3ms").sample(rng)).isEqualTo(3_000_000);
    assertThat(LatencyModel.parse("constant:1us").sample(rng)).isEqualTo(1_000);
    LatencyModel uniform = LatencyModel.parse("uniform:1ms:2ms");
    LatencyModel logn = LatencyModel.parse("lognormal:1ms:0.5");
    long[] samples = new long[10_001];
    for (int i = 0; i < samples.length; i++) {
      long u = uniform.sample(rng);
      assertThat(u).isBetween(1_000_000L, 2_000_000L);
      samples[i] = logn.sample(rng);
      assertThat(LatencyModel.parse("exp:1ms:1ms").sample(rng)).isGreaterThanOrEqualTo(1_000_000);
    }
    java.util.Arrays.sort(samples);
    // The median of a log-normal is its scale parameter.
    assertThat((double) samples[5000]).isCloseTo(1_000_000, within(40_000.0));
    assertThatThrownBy(() -> LatencyModel.parse("uniform:3ms:1ms"))
        .hasMessageContaining("min <= max");
    assertThatThrownBy(() -> LatencyModel.parse("gamma:1ms")).hasMessageContaining("gamma:1ms");
  }
}
