package org.mmlab.rl.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabelsTest {
  private static final double[] MIDS = {100, 100.5, 101, 101, 100, 99.5, 99.5, 100};

  @Test
  void forwardLabelsByHandWithoutDeadBand() {
    // H = 2: m[i+2] - m[i] = 1, 0.5, -1, -1.5, -0.5, 0.5; the last two have no window.
    int[] l = Labels.forward(MIDS, MIDS.length, 2, 0.0);
    assertThat(l)
        .containsExactly(
            Labels.UP,
            Labels.UP,
            Labels.DOWN,
            Labels.DOWN,
            Labels.DOWN,
            Labels.UP,
            Labels.NONE,
            Labels.NONE);
  }

  @Test
  void deadBandTurnsSmallMovesFlatAndIsExclusive() {
    // Dead band 0.5: a move of exactly 0.5 is flat, 1 is up, -1 down.
    int[] l = Labels.forward(MIDS, MIDS.length, 2, 0.5);
    assertThat(l)
        .containsExactly(
            Labels.UP,
            Labels.FLAT,
            Labels.DOWN,
            Labels.DOWN,
            Labels.FLAT,
            Labels.FLAT,
            Labels.NONE,
            Labels.NONE);
    assertThat(Labels.classify(1.0, 1.0)).isEqualTo(Labels.FLAT);
    assertThat(Labels.classify(1.0001, 1.0)).isEqualTo(Labels.UP);
    assertThat(Labels.classify(-1.0001, 1.0)).isEqualTo(Labels.DOWN);
  }

  @Test
  void persistenceIsThePrecedingWindowsLabel() {
    int[] p = Labels.persistence(MIDS, MIDS.length, 2, 0.0);
    int[] f = Labels.forward(MIDS, MIDS.length, 2, 0.0);
    assertThat(p[0]).isEqualTo(Labels.NONE);
    assertThat(p[1]).isEqualTo(Labels.NONE);
    for (int i = 2; i < MIDS.length; i++) {
      assertThat(p[i]).isEqualTo(f[i - 2]);
    }
  }

  @Test
  void badHorizonOrDeadBandNamesTheOption() {
    assertThatThrownBy(() -> Labels.forward(MIDS, MIDS.length, 0, 0))
        .hasMessage("--horizon must be > 0 events, got 0");
    assertThatThrownBy(() -> Labels.forward(MIDS, MIDS.length, 1, -1))
        .hasMessageStartingWith("--dead-band must be");
  }

  @Test
  void metricsByHand() {
    int[] truth = {0, 0, 1, 1, 2, 2, Labels.NONE};
    int[] pred = {0, 1, 1, 1, 2, 0, 2};
    ClassificationMetrics m = ClassificationMetrics.of(truth, pred, 0, truth.length);
    assertThat(m.samples()).isEqualTo(6);
    assertThat(m.accuracy()).isEqualTo(4.0 / 6);
    // down: P 1/2 R 1/2; flat: P 2/3 R 1; up: P 1 R 1/2.
    assertThat(m.precision()).containsExactly(0.5, 2.0 / 3, 1.0);
    assertThat(m.recall()).containsExactly(0.5, 1.0, 0.5);
    double f1 = (0.5 + 2 * (2.0 / 3) / (2.0 / 3 + 1) + 2 * 0.5 / 1.5) / 3;
    assertThat(m.macroF1()).isCloseTo(f1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(m.confusion()[2][0]).isEqualTo(1);
  }
}
