package org.mmlab.rl.policy;

import java.io.IOException;
import java.nio.file.Path;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.sim.core.Rng;

/**
 * A trained policy for inference: normalize the raw observation with the bundle's frozen
 * statistics, run the policy MLP, and turn each head's logits into a categorical distribution.
 *
 * <p>Inference runs on plain float arrays copied from the DJL parameters ({@link DenseMlp}): no
 * JNI, no allocation per call (except {@link #act(float[], boolean, Rng)}, which returns a new
 * array), a few microseconds per observation. Deterministic actions are the per-head argmax (SB3's
 * {@code deterministic=True}); stochastic ones are drawn with the caller's {@link Rng} exactly as
 * the learner draws them in its rollouts.
 *
 * <p>Not thread-safe (scratch buffers): one instance per thread, see {@link #copy()}. Closing
 * releases nothing native today but makes further use fail fast, so callers can treat every policy
 * as a resource.
 */
public final class Policy implements AutoCloseable {
  private final BundleMetadata metadata;
  private final DenseMlp policyNet;
  private final DenseMlp valueNet;
  private final boolean normalize;
  private final double[] mean;
  private final double[] std;
  private final double clip;
  private final int[] nvec;
  private final int[] offsets;
  private final float[] normalized;
  private final float[] logits;
  private final float[] valueOut = new float[1];
  private final double[] probs;
  private boolean closed;

  Policy(BundleMetadata metadata, DenseMlp policyNet, DenseMlp valueNet) {
    this.metadata = metadata;
    this.policyNet = policyNet;
    this.valueNet = valueNet;
    NormalizationStats s = metadata.normalization();
    this.normalize = s.enabled();
    this.mean = s.mean();
    this.std = s.std();
    this.clip = s.clip();
    this.nvec = metadata.network().nvec();
    this.offsets = new int[nvec.length];
    int max = 0;
    for (int i = 1; i < nvec.length; i++) {
      offsets[i] = offsets[i - 1] + nvec[i - 1];
    }
    for (int n : nvec) {
      max = Math.max(max, n);
    }
    this.normalized = new float[policyNet.inputSize()];
    this.logits = new float[policyNet.outputSize()];
    this.probs = new double[max];
  }

  /**
   * Loads a policy from a bundle, checking it ({@link PolicyBundle#load(Path)}).
   *
   * @param bundle the {@code .zip}
   * @return the policy
   * @throws IOException when the bundle is missing or does not fit ({@link PolicyBundleException})
   */
  public static Policy load(Path bundle) throws IOException {
    return PolicyBundle.load(bundle).policy();
  }

  /**
   * Loads a policy to run with (or without) a predictor, checking that it is the policy's own
   * ({@link PolicyBundle#load(Path, PredictorBundle)}).
   *
   * @param bundle the {@code .zip}
   * @param predictor the predictor, or null for none
   * @return the policy
   * @throws IOException when the bundle is missing, does not fit, or the predictor is not its own
   */
  public static Policy load(Path bundle, PredictorBundle predictor) throws IOException {
    return PolicyBundle.load(bundle, predictor).policy();
  }

  /**
   * A copy with its own buffers, for another thread.
   *
   * @return the copy
   */
  public Policy copy() {
    return new Policy(metadata, policyNet.copy(), valueNet.copy());
  }

  /**
   * The bundle's metadata.
   *
   * @return the metadata
   */
  public BundleMetadata metadata() {
    return metadata;
  }

  /**
   * Observation size.
   *
   * @return inputs
   */
  public int observationSize() {
    return normalized.length;
  }

  /**
   * The action space.
   *
   * @return choices per dimension (a copy)
   */
  public int[] actionNvec() {
    return nvec.clone();
  }

  /**
   * Normalizes an observation with the frozen statistics.
   *
   * @param observation raw
   * @param out receives the normalized observation
   */
  public void normalize(float[] observation, float[] out) {
    checkOpen();
    if (observation.length != normalized.length) {
      throw new IllegalArgumentException(
          "observation has " + observation.length + " values, expected " + normalized.length);
    }
    NormalizationStats.normalize(normalize, mean, std, clip, observation, 0, out, 0, out.length);
  }

  /**
   * The concatenated logits of every head.
   *
   * @param observation raw observation
   * @param out receives {@code sum(nvec)} logits
   */
  public void logits(float[] observation, float[] out) {
    normalize(observation, normalized);
    policyNet.forward(normalized, out);
  }

  /**
   * The action probabilities, per head (for ensembles).
   *
   * @param observation raw observation
   * @param out {@code out[d]} receives the {@code nvec[d]} probabilities of dimension {@code d}
   */
  public void probabilities(float[] observation, float[][] out) {
    logits(observation, logits);
    for (int d = 0; d < nvec.length; d++) {
      Categorical.softmax(logits, offsets[d], nvec[d], probs);
      for (int i = 0; i < nvec[d]; i++) {
        out[d][i] = (float) probs[i];
      }
    }
  }

  /**
   * Chooses an action.
   *
   * @param observation raw observation
   * @param deterministic argmax per head; otherwise a draw from each head's distribution
   * @param rng the generator of draws (unused, may be null, when deterministic)
   * @return a new action array
   */
  public int[] act(float[] observation, boolean deterministic, Rng rng) {
    int[] action = new int[nvec.length];
    act(observation, deterministic, rng, action);
    return action;
  }

  /**
   * Chooses an action without allocating.
   *
   * @param observation raw observation
   * @param deterministic argmax per head; otherwise a draw from each head's distribution
   * @param rng the generator of draws (unused, may be null, when deterministic)
   * @param action receives the action
   */
  public void act(float[] observation, boolean deterministic, Rng rng, int[] action) {
    logits(observation, logits);
    for (int d = 0; d < nvec.length; d++) {
      if (deterministic) {
        action[d] = Categorical.argmax(logits, offsets[d], nvec[d]);
      } else {
        Categorical.softmax(logits, offsets[d], nvec[d], probs);
        action[d] = Categorical.sample(probs, nvec[d], rng);
      }
    }
  }

  /**
   * The critic's value estimate of an observation.
   *
   * @param observation raw observation
   * @return the value
   */
  public double value(float[] observation) {
    normalize(observation, normalized);
    valueNet.forward(normalized, valueOut);
    return valueOut[0];
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("policy is closed");
    }
  }

  @Override
  public void close() {
    closed = true;
  }
}
