package org.mmlab.rl.predictor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small predictors trained for tests, and the shared real data. */
public final class TestPredictors {
  private TestPredictors() {}

  /**
   * A predictor trained briefly on a simulated zi market (seconds).
   *
   * @param seed seed of the market and the training
   * @return the bundle, in memory
   */
  public static PredictorBundle small(long seed) {
    PredictorDataset data = PredictorDataset.record("zi", 5, 8_000, 3_600_000_000_000L, seed);
    return PredictorTrainer.train(
        data, new PredictorTrainer.Options(5, 0.0, List.of(8), 2, 128, 3e-3, seed, 0.7, 0.15));
  }

  /**
   * A shared LOBSTER archive, read in place.
   *
   * @param name e.g. {@code AMZN_2012-06-21_1}
   * @return the zip
   */
  public static Path lobster(String name) {
    String dir = System.getProperty("mmlab.shared.data");
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          "system property mmlab.shared.data is not set: run the tests through Maven");
    }
    Path zip = Path.of(dir, "lobster", "LOBSTER_SampleFile_" + name + ".zip");
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException("shared LOBSTER data not found: " + zip);
    }
    return zip;
  }
}
