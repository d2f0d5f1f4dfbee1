package org.mmlab.strategy.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GridVolatilityTest {
  private static final long S = 1_000_000_000L;

  @Test
  void scalesToPerRootSecond() {
    // Half-second grid; changes +1, −1, +1, −1 → sample std sqrt(4/3) per √0.5 s.
    GridVolatility v = new GridVolatility(S / 2, 10);
    v.onMid(0, 100);
    v.onMid(S / 4, 101);
    v.onMid(3 * S / 4, 100);
    v.onMid(5 * S / 4, 101);
    v.onMid(7 * S / 4, 100);
    v.advance(2 * S, true);
    // Samples at 0.5, 1.0, 1.5, 2.0 s: 101, 100, 101, 100.
    assertThat(v.samples()).isEqualTo(4);
    assertThat(v.sigma()).isCloseTo(Math.sqrt(4.0 / 3.0) / Math.sqrt(0.5), within(1e-12));
  }

  @Test
  void longGapsAddZeroChangesBoundedByTheWindow() {
    GridVolatility v = new GridVolatility(S, 5);
    v.onMid(0, 100);
    v.onMid(S / 2, 102);
    v.advance(1_000_000 * S, true); // a million boundaries, at most 5 pushes
    assertThat(v.samples()).isEqualTo(5);
    assertThat(v.sigma()).isZero();
  }

  @Test
  void exclusiveAdvanceLeavesTheBoundaryAtNowOpen() {
    GridVolatility v = new GridVolatility(S, 5);
    v.onMid(0, 100);
    v.advance(S, false);
    assertThat(v.samples()).isZero();
    v.advance(S, true);
    assertThat(v.samples()).isEqualTo(1);
  }
}
