package org.mmlab.rl.predictor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventHistoryTest {
  @Test
  void countsOnlyChangesOfTheTopAndComputesOfiByHand() {
    EventHistory h = new EventHistory(5);
    assertThat(h.onTopOfBook(1, 100, 10, 102, 10)).isTrue();
    assertThat(h.onTopOfBook(2, 100, 10, 102, 10)).isFalse();
    // Bid size up by 5 at the same price: e = +15 - 10 = +5.
    assertThat(h.onTopOfBook(3, 100, 15, 102, 10)).isTrue();
    // Bid improves to 101 size 3: e = +3.
    assertThat(h.onTopOfBook(4, 101, 3, 102, 10)).isTrue();
    // Ask drops to 101.5? Ticks are integers: ask to 101 would cross; ask size falls by 4: e = +4.
    assertThat(h.onTopOfBook(5_000_000_004L, 101, 3, 102, 6)).isTrue();
    assertThat(h.events()).isEqualTo(4);
    assertThat(h.ofiSum(1)).isEqualTo(4);
    assertThat(h.ofiSum(3)).isEqualTo(5 + 3 + 4);
    assertThat(h.mid()).isEqualTo(101.5);
    assertThat(h.midChange(1)).isEqualTo(0);
    assertThat(h.midChange(2)).isEqualTo(0.5);
    assertThat(h.midChange(30)).isEqualTo(0.5);
    assertThat(h.midMoves(3)).isEqualTo(1);
    assertThat(h.secondsSpanned(3))
        .isCloseTo(5.000000003, org.assertj.core.data.Offset.offset(1e-12));
  }
}
