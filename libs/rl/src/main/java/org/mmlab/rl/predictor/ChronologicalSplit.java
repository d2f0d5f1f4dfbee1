package org.mmlab.rl.predictor;

/**
 * A split of {@code n} time-ordered events into train, validation and test ranges, in that order,
 * with no shuffling across time and no look-ahead: a sample's label reads the mid {@code H} events
 * ahead, so each range ends {@code H} events before the next begins. The last label of the train
 * range reads at most event {@code validationStart − 1}, and so on; the last {@code H} events have
 * no label at all.
 *
 * @param trainEnd train samples are {@code [0, trainEnd)}
 * @param validationStart validation samples are {@code [validationStart, validationEnd)}
 * @param validationEnd see above
 * @param testStart test samples are {@code [testStart, testEnd)}
 * @param testEnd see above
 */
public record ChronologicalSplit(
    int trainEnd, int validationStart, int validationEnd, int testStart, int testEnd) {

  /**
   * Splits by fractions of the events.
   *
   * @param n events
   * @param horizon label horizon {@code H}, events
   * @param trainFraction share of events for training, e.g. 0.7
   * @param validationFraction share for validation (model selection), e.g. 0.15; the rest is test
   * @return the split
   * @throws IllegalArgumentException when a range would be empty
   */
  public static ChronologicalSplit of(
      int n, int horizon, double trainFraction, double validationFraction) {
    if (!(trainFraction > 0)
        || !(validationFraction > 0)
        || trainFraction + validationFraction >= 1) {
      throw new IllegalArgumentException(
          "train and validation fractions must be > 0 and sum to < 1");
    }
    int validationStart = (int) Math.floor(n * trainFraction);
    int testStart = (int) Math.floor(n * (trainFraction + validationFraction));
    ChronologicalSplit s =
        new ChronologicalSplit(
            validationStart - horizon,
            validationStart,
            testStart - horizon,
            testStart,
            n - horizon);
    if (s.trainEnd() <= 0
        || s.validationEnd() <= s.validationStart()
        || s.testEnd() <= s.testStart()) {
      throw new IllegalArgumentException(
          "--data has "
              + n
              + " events: too few for a train/validation/test split with a horizon of "
              + horizon
              + " events");
    }
    return s;
  }

  /**
   * Train samples.
   *
   * @return the count
   */
  public int trainSize() {
    return trainEnd;
  }

  /**
   * Validation samples.
   *
   * @return the count
   */
  public int validationSize() {
    return validationEnd - validationStart;
  }

  /**
   * Test samples.
   *
   * @return the count
   */
  public int testSize() {
    return testEnd - testStart;
  }
}
