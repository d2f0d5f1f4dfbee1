package org.mmlab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class InstrumentInfoTest {
  private final InstrumentInfo sim =
      new InstrumentInfo("SIM", new BigDecimal("0.01"), BigDecimal.ONE);
  private final InstrumentInfo btc =
      new InstrumentInfo("BTCUSDT", new BigDecimal("0.10"), new BigDecimal("0.001"));

  @Test
  void convertsExactlyOnTheGrid() {
    assertThat(sim.ticksOrInvalid(new BigDecimal("100.01"))).isEqualTo(10_001);
    assertThat(sim.ticksOrInvalid(new BigDecimal("100"))).isEqualTo(10_000);
    assertThat(sim.ticksOrInvalid(new BigDecimal("1.0E+2"))).isEqualTo(10_000);
    assertThat(btc.lotsOrInvalid(new BigDecimal("0.015"))).isEqualTo(15);
    assertThat(btc.ticksOrInvalid(new BigDecimal("65000.3"))).isEqualTo(650_003);
  }

  @Test
  void refusesOffGridValuesInsteadOfRounding() {
    assertThat(sim.ticksOrInvalid(new BigDecimal("100.005"))).isEqualTo(Long.MIN_VALUE);
    assertThat(btc.lotsOrInvalid(new BigDecimal("0.0015"))).isEqualTo(Long.MIN_VALUE);
    assertThat(sim.ticksOrInvalid(new BigDecimal("1e40"))).isEqualTo(Long.MIN_VALUE);
    assertThat(sim.ticksOrInvalid(null)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void formatsWithTheGridScale() {
    assertThat(sim.price(10_000L)).hasToString("100.00");
    assertThat(btc.price(650_003L)).hasToString("65000.3");
    assertThat(btc.size(15)).hasToString("0.015");
    assertThat(sim.price(10_000.5)).isEqualByComparingTo("100.005");
    assertThat(sim.notional(-30_000)).isEqualByComparingTo("-300");
  }

  @Test
  void validates() {
    assertThatThrownBy(() -> new InstrumentInfo("X", BigDecimal.ZERO, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
