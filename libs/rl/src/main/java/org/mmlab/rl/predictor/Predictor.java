package org.mmlab.rl.predictor;

import org.mmlab.rl.policy.DenseMlp;
import org.mmlab.strategy.MarketContext;

/**
 * A trained predictor for inference: feed it every top-of-book change ({@link #onTopOfBook}) and
 * read the score at a decision ({@link #score(MarketContext)}): {@code P(up) − P(down)} in [−1, 1],
 * the 14th observation of the agent.
 *
 * <p>Inference runs on plain float arrays ({@link DenseMlp}): standardize, forward, softmax; no JNI
 * and no allocation per call. Not thread-safe: one instance per event stream ({@link
 * PredictorBundle#predictor()} makes a new one).
 */
public final class Predictor {
  private final PredictorMetadata metadata;
  private final DenseMlp net;
  private final EventHistory history;
  private final int horizon;
  private final double[] mean;
  private final double[] std;
  private final double clip;
  private final float[] input = new float[PredictorInput.SIZE];
  private final float[] normalized = new float[PredictorInput.SIZE];
  private final float[] logits = new float[Labels.CLASSES];
  private final double[] probs = new double[Labels.CLASSES];

  Predictor(PredictorMetadata metadata, DenseMlp net) {
    this.metadata = metadata;
    this.net = net;
    this.horizon = metadata.horizon();
    this.history = new EventHistory(horizon);
    this.mean = metadata.normalization().mean().clone();
    this.std = metadata.normalization().std().clone();
    this.clip = metadata.normalization().clip();
  }

  /**
   * The bundle's metadata.
   *
   * @return the metadata
   */
  public PredictorMetadata metadata() {
    return metadata;
  }

  /** Forgets the event history (a new episode or stream). */
  public void reset() {
    history.reset();
  }

  /**
   * A top of book (repeats of the same top are ignored, see {@link EventHistory}).
   *
   * @param timeNanos event time
   * @param bidPrice best bid, ticks
   * @param bidSize lots at the best bid, 0 = empty
   * @param askPrice best ask, ticks
   * @param askSize lots at the best ask, 0 = empty
   */
  public void onTopOfBook(
      long timeNanos, long bidPrice, long bidSize, long askPrice, long askSize) {
    history.onTopOfBook(timeNanos, bidPrice, bidSize, askPrice, askSize);
  }

  /**
   * The score now: {@code P(up) − P(down)}; 0 before the first two-sided book.
   *
   * @param ctx the market now (its features)
   * @return the score in [−1, 1]
   */
  public double score(MarketContext ctx) {
    if (!history.hasMid()) {
      return 0;
    }
    PredictorInput.fill(ctx, history, horizon, input);
    probabilities(input, probs);
    return probs[Labels.UP] - probs[Labels.DOWN];
  }

  /**
   * Class probabilities of a raw input.
   *
   * @param raw {@link PredictorInput#SIZE} raw values
   * @param out receives down, flat, up probabilities
   */
  public void probabilities(float[] raw, double[] out) {
    for (int i = 0; i < normalized.length; i++) {
      double z = (raw[i] - mean[i]) / std[i];
      normalized[i] = (float) (z > clip ? clip : z < -clip ? -clip : z);
    }
    net.forward(normalized, logits);
    double max = logits[0];
    for (int k = 1; k < logits.length; k++) {
      max = Math.max(max, logits[k]);
    }
    double sum = 0;
    for (int k = 0; k < logits.length; k++) {
      out[k] = Math.exp(logits[k] - max);
      sum += out[k];
    }
    for (int k = 0; k < logits.length; k++) {
      out[k] /= sum;
    }
  }

  /**
   * The predicted class of a raw input: the most probable one. The model was trained with
   * class-balancing weights, so this is the decision for balanced classes, not for the training
   * range's class shares.
   *
   * @param raw {@link PredictorInput#SIZE} raw values
   * @return {@link Labels#DOWN}, {@link Labels#FLAT} or {@link Labels#UP}
   */
  public int predict(float[] raw) {
    probabilities(raw, probs);
    int best = 0;
    for (int k = 1; k < probs.length; k++) {
      if (probs[k] > probs[best]) {
        best = k;
      }
    }
    return best;
  }
}
