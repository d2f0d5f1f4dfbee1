package org.mmlab.rl.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmlab.sim.core.Rng;

class ChronologicalSplitTest {

  /** No label window of one range reads an event of the next; ranges are in time order. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void noLabelWindowCrossesABoundary(long seed) {
    Rng rng = new Rng(seed);
    int horizon = 1 + rng.nextInt(50);
    int n = 20 * horizon + rng.nextInt(100_000);
    ChronologicalSplit s = ChronologicalSplit.of(n, horizon, 0.7, 0.15);
    // The last train sample's label reads event trainEnd - 1 + H, before validation starts.
    assertThat(s.trainEnd() - 1 + horizon).isLessThan(s.validationStart());
    assertThat(s.validationEnd() - 1 + horizon).isLessThan(s.testStart());
    assertThat(s.testEnd() - 1 + horizon).isLessThan(n);
    assertThat(s.trainSize()).isPositive();
    assertThat(s.validationSize()).isPositive();
    assertThat(s.testSize()).isPositive();
    // Nothing is lost but the H events before each boundary and at the end.
    assertThat(s.trainSize() + s.validationSize() + s.testSize()).isEqualTo(n - 3 * horizon);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 5, 40})
  void tooFewEventsIsOneLine(int n) {
    assertThatThrownBy(() -> ChronologicalSplit.of(n, 10, 0.7, 0.15))
        .hasMessageContaining("too few for a train/validation/test split");
  }
}
