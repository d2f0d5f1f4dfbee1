package org.mmlab.rl.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class PpoLossesTest {

  @Test
  void clippedSurrogateOnAHandComputedBatch() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray ratio = m.create(new float[] {0.5f, 1.0f, 1.5f, 1.1f, 0.5f});
      NDArray adv = m.create(new float[] {1f, -1f, 2f, -2f, -1f});
      // min(A·r, A·clip(r, 0.8, 1.2)):
      //   0.5·1 = 0.5 vs 0.8 → 0.5;  −1 vs −1 → −1;  3.0 vs 2.4 → 2.4;
      //   −2.2 vs −2.2 → −2.2;  −0.5 vs −0.8 → −0.8 (the pessimistic bound)
      // loss = −mean = −(0.5 − 1 + 2.4 − 2.2 − 0.8) / 5 = 0.22
      float loss = PpoLosses.clippedSurrogate(ratio, adv, 0.2).getFloat();
      assertThat(loss).isCloseTo(0.22f, within(1e-6f));
    }
  }

  @Test
  void logProbabilityAndEntropySumOverHeads() {
    try (NDManager m = NDManager.newBaseManager()) {
      // Head 1 (2 choices): probabilities 1/4, 3/4. Head 2 (3 choices): uniform.
      NDArray logits = m.create(new float[] {0f, (float) Math.log(3), 5f, 5f, 5f}, new Shape(1, 5));
      NDArray logp = PpoLosses.logSoftmaxPerHead(logits, new int[] {2, 3});
      NDArray taken = m.create(new float[] {0f, 1f, 0f, 0f, 1f}, new Shape(1, 5));
      double expectedLogProb = Math.log(0.75) + Math.log(1.0 / 3);
      double expectedEntropy = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)) + Math.log(3);
      assertThat(PpoLosses.logProb(logp, taken).getFloat(0))
          .isCloseTo((float) expectedLogProb, within(1e-6f));
      assertThat(PpoLosses.entropy(logp).getFloat(0))
          .isCloseTo((float) expectedEntropy, within(1e-6f));
      // Two rows, the second deterministic in head 1 (entropy log 3 only): loss = −mean.
      NDArray two =
          m.create(
              new float[] {0f, (float) Math.log(3), 5f, 5f, 5f, 0f, -100f, 1f, 1f, 1f},
              new Shape(2, 5));
      double expectedLoss = -(expectedEntropy + Math.log(3)) / 2;
      assertThat(
              PpoLosses.entropyLoss(PpoLosses.logSoftmaxPerHead(two, new int[] {2, 3})).getFloat())
          .isCloseTo((float) expectedLoss, within(1e-5f));
    }
  }

  @Test
  void valueLossIsTheMeanSquaredError() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray returns = m.create(new float[] {1f, 2f, 3f});
      NDArray values = m.create(new float[] {1f, 0f, 6f});
      assertThat(PpoLosses.valueLoss(returns, values).getFloat()).isCloseTo(13f / 3, within(1e-6f));
    }
  }

  @Test
  void approxKlAndClipFractionAsSb3() {
    float[] logProb = {0f, (float) Math.log(2)};
    float[] old = {0f, 0f};
    // ratios 1 and 2: mean((r − 1) − log r) = (0 + 1 − ln 2) / 2
    assertThat(PpoLosses.approxKl(logProb, old, 2)).isCloseTo((1 - Math.log(2)) / 2, within(1e-7));
    assertThat(PpoLosses.clipFraction(logProb, old, 2, 0.2)).isEqualTo(0.5);
  }

  @Test
  void explainedVariance() {
    float[] y = {1, 2, 3, 4};
    assertThat(PpoLosses.explainedVariance(y, y, 4)).isEqualTo(1.0);
    // residuals 0, −1, 1, 0: Var = 0.5; Var(y) = 1.25 → 1 − 0.4
    assertThat(PpoLosses.explainedVariance(new float[] {1, 3, 2, 4}, y, 4))
        .isCloseTo(0.6, within(1e-12));
    assertThat(PpoLosses.explainedVariance(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, y, 4)).isZero();
    assertThat(PpoLosses.explainedVariance(y, new float[] {7, 7, 7, 7}, 4)).isNaN();
  }
}
