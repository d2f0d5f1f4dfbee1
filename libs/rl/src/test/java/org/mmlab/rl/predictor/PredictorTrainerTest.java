package org.mmlab.rl.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PredictorTrainerTest {

  @Test
  void classWeightsAreInverseFrequenciesOfTheTrainingRange() {
    PredictorBundle b = TestPredictors.small(3);
    PredictorMetadata m = b.metadata();
    long[] counts = m.training().trainClassCounts();
    long n = counts[0] + counts[1] + counts[2];
    assertThat(n).isEqualTo(m.training().split().trainSize());
    for (int k = 0; k < 3; k++) {
      assertThat(m.classWeights()[k]).isEqualTo((double) n / (3 * counts[k]));
    }
    // Weighted counts are equal: each class carries a third of the loss.
    assertThat(m.classWeights()[0] * counts[0])
        .isCloseTo(m.classWeights()[2] * counts[2], org.assertj.core.data.Offset.offset(1e-6));
    int majority = m.training().majorityClass();
    for (int k = 0; k < 3; k++) {
      assertThat(counts[majority]).isGreaterThanOrEqualTo(counts[k]);
    }
  }

  @Test
  void standardizationComesFromTheTrainingRangeOnly() {
    PredictorDataset data = PredictorDataset.record("zi", 5, 6_000, 3_600_000_000_000L, 4);
    PredictorBundle b =
        PredictorTrainer.train(
            data, new PredictorTrainer.Options(5, 0.0, List.of(), 1, 128, 1e-3, 4, 0.7, 0.15));
    ChronologicalSplit s = b.metadata().training().split();
    int j = 0; // spread
    double sum = 0;
    for (int i = 0; i < s.trainEnd(); i++) {
      sum += data.inputs()[i * PredictorInput.SIZE + j];
    }
    assertThat(b.metadata().normalization().mean()[j])
        .isCloseTo(sum / s.trainEnd(), org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void aClassWithoutTrainingSamplesIsOneLine() {
    PredictorDataset data = PredictorDataset.record("zi", 5, 3_000, 3_600_000_000_000L, 5);
    assertThatThrownBy(
            () ->
                PredictorTrainer.train(
                    data,
                    new PredictorTrainer.Options(5, 1e9, List.of(4), 1, 64, 1e-3, 5, 0.7, 0.15)))
        .hasMessageContaining("has no training sample")
        .hasMessageContaining("--dead-band");
  }

  /** A short training on a real LOBSTER day beats always predicting the majority class. */
  @Test
  void shortTrainingOnALobsterDayBeatsTheMajorityBaseline() {
    String spec = "lobster:" + TestPredictors.lobster("AMZN_2012-06-21_1");
    PredictorDataset data = PredictorDataset.record(spec, 10, 2_000_000, 1, 1);
    assertThat(data.size()).isGreaterThan(40_000);
    PredictorBundle b =
        PredictorTrainer.train(
            data, new PredictorTrainer.Options(10, 1.0, List.of(16), 3, 256, 3e-3, 1, 0.7, 0.15));
    PredictorMetadata.Scores test = b.metadata().training().test();
    assertThat(test.model().samples()).isEqualTo(b.metadata().training().split().testSize());
    assertThat(test.model().macroF1()).isGreaterThan(test.majority().macroF1() + 0.1);
    // Every class is predicted at least sometimes (the class weights work).
    long[][] c = test.model().confusion();
    for (int k = 0; k < 3; k++) {
      assertThat(c[0][k] + c[1][k] + c[2][k]).isPositive();
    }
  }
}
