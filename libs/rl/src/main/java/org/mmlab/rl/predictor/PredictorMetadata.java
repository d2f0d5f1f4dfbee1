package org.mmlab.rl.predictor;

import java.util.List;
import java.util.Map;

/**
 * The {@code metadata.json} of a predictor bundle.
 *
 * @param kind always {@value #KIND}: tells a predictor bundle from a policy bundle
 * @param formatVersion {@link PredictorBundle#FORMAT_VERSION}
 * @param createdAt when written, ISO-8601 UTC
 * @param featureNames the input's components ({@link PredictorInput#names()})
 * @param classes class names in output order ({@link Labels#names()})
 * @param horizonUnit the unit of the horizon: {@code events} (top-of-book changes)
 * @param horizon {@code H}
 * @param deadBand half-width of the flat band, ticks
 * @param classWeights loss weight per class, {@code n / (3 · n_class)} on the training range
 * @param normalization input standardization, from the training range
 * @param network the classifier's shape
 * @param training what the training did, with held-out metrics
 * @param versions library versions (informational)
 */
public record PredictorMetadata(
    String kind,
    int formatVersion,
    String createdAt,
    List<String> featureNames,
    List<String> classes,
    String horizonUnit,
    int horizon,
    double deadBand,
    double[] classWeights,
    Normalization normalization,
    Network network,
    Training training,
    Map<String, String> versions) {

  /** The kind of a predictor bundle. */
  public static final String KIND = "predictor";

  /**
   * Input standardization: {@code clamp((x − mean) / std, −clip, clip)}.
   *
   * @param mean per input
   * @param std per input, {@code > 0}
   * @param clip bound of the standardized value
   */
  public record Normalization(double[] mean, double[] std, double clip) {}

  /**
   * The classifier: {@code Linear → tanh} per hidden width, then {@code outputs} logits.
   *
   * @param inputSize inputs
   * @param hidden hidden widths (empty: multinomial logistic regression)
   * @param activation {@code tanh}
   * @param outputs classes
   */
  public record Network(int inputSize, List<Integer> hidden, String activation, int outputs) {}

  /**
   * A training run.
   *
   * @param data the market spec trained on
   * @param events events recorded
   * @param seed seed of initialization and minibatch order
   * @param epochs epochs run
   * @param bestEpoch epoch kept (best validation macro-F1), 1-based
   * @param learningRate Adam learning rate
   * @param batchSize minibatch size
   * @param split the chronological split
   * @param trainClassCounts samples per class in the training range
   * @param majorityClass the training range's most frequent class (the majority baseline)
   * @param validation scores on the validation range (used to pick the epoch)
   * @param test scores on the test range (never seen in training or selection)
   * @param wallTimeSeconds wall-clock time
   */
  public record Training(
      String data,
      int events,
      long seed,
      int epochs,
      int bestEpoch,
      double learningRate,
      int batchSize,
      ChronologicalSplit split,
      long[] trainClassCounts,
      int majorityClass,
      Scores validation,
      Scores test,
      double wallTimeSeconds) {}

  /**
   * The model next to its two baselines on one range.
   *
   * @param model the predictor (argmax class)
   * @param majority always the training majority class
   * @param persistence the last move persists: the label of the preceding {@code H} events
   */
  public record Scores(
      ClassificationMetrics model,
      ClassificationMetrics majority,
      ClassificationMetrics persistence) {}
}
