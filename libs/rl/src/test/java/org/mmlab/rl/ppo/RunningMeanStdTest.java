package org.mmlab.rl.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mmlab.rl.policy.NormalizationStats;
import org.mmlab.sim.core.Rng;

class RunningMeanStdTest {

  @Test
  void batchedUpdatesEqualATwoPassComputationWithThePrior() {
    Rng rng = new Rng(11);
    int size = 3;
    int batches = 7;
    int rowsPerBatch = 5;
    float[][] all = new float[batches * rowsPerBatch][size];
    RunningMeanStd rms = new RunningMeanStd(size);
    for (int b = 0; b < batches; b++) {
      float[][] rows = new float[rowsPerBatch][size];
      for (int i = 0; i < rowsPerBatch; i++) {
        for (int j = 0; j < size; j++) {
          rows[i][j] = (float) (100 * j + (j + 1) * rng.nextGaussian());
          all[b * rowsPerBatch + i][j] = rows[i][j];
        }
      }
      rms.update(rows, rowsPerBatch);
    }
    // Two passes over the data plus the prior: a pseudo-sample of weight ε with mean 0, variance 1.
    double eps = 1e-4;
    int n = all.length;
    for (int j = 0; j < size; j++) {
      double sum = 0;
      for (float[] row : all) {
        sum += row[j];
      }
      double mean = sum / (n + eps);
      double m2 = eps * (1 + mean * mean);
      for (float[] row : all) {
        m2 += (row[j] - mean) * (row[j] - mean);
      }
      assertThat(rms.mean()[j]).isCloseTo(mean, within(1e-9 * Math.max(1, Math.abs(mean))));
      assertThat(rms.var()[j]).isCloseTo(m2 / (n + eps), within(1e-9));
    }
    assertThat(rms.count()).isCloseTo(n + eps, within(1e-12));
    // Without the prior's weight the statistics are the plain population moments.
    double plainMean = 0;
    for (float[] row : all) {
      plainMean += row[2];
    }
    plainMean /= n;
    assertThat(rms.mean()[2]).isCloseTo(plainMean, within(1e-3));
  }

  @Test
  void normalizerClipsAndFreezes() {
    ObservationNormalizer norm = new ObservationNormalizer(1, true, 2.0, 1e-8);
    norm.observe(new float[][] {{0f}, {2f}}, 2);
    double[] mean = norm.stats().mean();
    double[] var = norm.stats().var();
    float[] out = new float[1];
    norm.normalize(new float[] {1.5f}, out, 0);
    assertThat(out[0]).isEqualTo((float) ((1.5 - mean[0]) / Math.sqrt(var[0] + 1e-8)));
    norm.normalize(new float[] {100f}, out, 0);
    assertThat(out[0]).isEqualTo(2.0f);
    norm.setTraining(false);
    norm.observe(new float[][] {{50f}}, 1);
    assertThat(norm.stats().mean()).containsExactly(mean);
    // The frozen stats the bundle saves normalize identically.
    NormalizationStats stats = norm.stats();
    float[] viaStats = new float[1];
    stats.normalize(new float[] {1.5f}, viaStats);
    norm.normalize(new float[] {1.5f}, out, 0);
    assertThat(viaStats[0]).isEqualTo(out[0]);
  }
}
