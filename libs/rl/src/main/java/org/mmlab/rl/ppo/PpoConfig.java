package org.mmlab.rl.ppo;

import java.util.List;

/**
 * Hyperparameters of {@link Ppo}, named and defaulted as Stable-Baselines3's {@code PPO} (and
 * DESIGN.md). Build with {@link #builder()} and its {@code opt*} setters.
 *
 * @param learningRate Adam learning rate, constant (SB3: 3e-4)
 * @param nSteps steps per environment per rollout (SB3 {@code n_steps}: 2048)
 * @param batchSize minibatch size (64)
 * @param nEpochs passes over each rollout (10)
 * @param gamma discount factor (0.99)
 * @param gaeLambda GAE λ (0.95)
 * @param clipRange surrogate clip ε (0.2)
 * @param entCoef entropy coefficient (0.01 here; SB3's default is 0)
 * @param vfCoef value-loss coefficient (0.5)
 * @param maxGradNorm global gradient-norm clip (0.5)
 * @param targetKl stop an update's epochs early when a minibatch's approx KL exceeds 1.5 × this
 *     (SB3 {@code target_kl}); null = never
 * @param normalizeAdvantage normalize advantages per minibatch (true)
 * @param nEnvs environments stepped together (1)
 * @param policyHidden hidden widths of the policy MLP ([64, 64])
 * @param valueHidden hidden widths of the value MLP ([64, 64])
 * @param orthoInit SB3's orthogonal initialization (gain √2 hidden, 0.01 policy head, 1 value head,
 *     zero biases) (true)
 * @param adamEpsilon Adam ε (SB3 sets 1e-5)
 * @param normalizeObservations running mean/variance observation normalization as SB3's {@code
 *     VecNormalize(norm_obs=True, norm_reward=False)} (true)
 * @param clipObs clip of normalized observations (10)
 * @param normEpsilon variance epsilon of the normalization (1e-8)
 * @param seed seeds the network initialization, action sampling, minibatch order and the vector
 *     environment (0)
 */
public record PpoConfig(
    double learningRate,
    int nSteps,
    int batchSize,
    int nEpochs,
    double gamma,
    double gaeLambda,
    double clipRange,
    double entCoef,
    double vfCoef,
    double maxGradNorm,
    Double targetKl,
    boolean normalizeAdvantage,
    int nEnvs,
    List<Integer> policyHidden,
    List<Integer> valueHidden,
    boolean orthoInit,
    double adamEpsilon,
    boolean normalizeObservations,
    double clipObs,
    double normEpsilon,
    long seed) {

  /** Validates every field; messages name the field and the accepted range. */
  public PpoConfig {
    positive("learningRate", learningRate);
    atLeast("nSteps", nSteps, 1);
    atLeast("batchSize", batchSize, 1);
    atLeast("nEpochs", nEpochs, 1);
    atLeast("nEnvs", nEnvs, 1);
    unit("gamma", gamma);
    unit("gaeLambda", gaeLambda);
    positive("clipRange", clipRange);
    nonNegative("entCoef", entCoef);
    nonNegative("vfCoef", vfCoef);
    positive("maxGradNorm", maxGradNorm);
    if (targetKl != null) {
      positive("targetKl", targetKl);
    }
    positive("adamEpsilon", adamEpsilon);
    positive("clipObs", clipObs);
    positive("normEpsilon", normEpsilon);
    if (normalizeAdvantage && (long) nSteps * nEnvs < 2) {
      throw new IllegalArgumentException(
          "nSteps × nEnvs must be > 1 to normalize advantages (SB3), got "
              + nSteps
              + " × "
              + nEnvs);
    }
    policyHidden = widths("policyHidden", policyHidden);
    valueHidden = widths("valueHidden", valueHidden);
  }

  private static void positive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be a positive finite number, got " + v);
    }
  }

  private static void nonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be >= 0 and finite, got " + v);
    }
  }

  private static void unit(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
    }
  }

  private static void atLeast(String name, long v, long min) {
    if (v < min) {
      throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
    }
  }

  private static List<Integer> widths(String name, List<Integer> w) {
    if (w == null) {
      throw new IllegalArgumentException(name + " is required (may be empty)");
    }
    for (Integer x : w) {
      if (x == null || x < 1) {
        throw new IllegalArgumentException(name + " widths must be >= 1, got " + w);
      }
    }
    return List.copyOf(w);
  }

  /**
   * The defaults.
   *
   * @return SB3's PPO defaults with DESIGN.md's entropy coefficient
   */
  public static PpoConfig defaults() {
    return builder().build();
  }

  /**
   * A builder starting from the defaults.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from this configuration.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.learningRate = learningRate;
    b.nSteps = nSteps;
    b.batchSize = batchSize;
    b.nEpochs = nEpochs;
    b.gamma = gamma;
    b.gaeLambda = gaeLambda;
    b.clipRange = clipRange;
    b.entCoef = entCoef;
    b.vfCoef = vfCoef;
    b.maxGradNorm = maxGradNorm;
    b.targetKl = targetKl;
    b.normalizeAdvantage = normalizeAdvantage;
    b.nEnvs = nEnvs;
    b.policyHidden = policyHidden;
    b.valueHidden = valueHidden;
    b.orthoInit = orthoInit;
    b.adamEpsilon = adamEpsilon;
    b.normalizeObservations = normalizeObservations;
    b.clipObs = clipObs;
    b.normEpsilon = normEpsilon;
    b.seed = seed;
    return b;
  }

  /** Builds a {@link PpoConfig}; every setter is optional. */
  public static final class Builder {
    private double learningRate = 3e-4;
    private int nSteps = 2048;
    private int batchSize = 64;
    private int nEpochs = 10;
    private double gamma = 0.99;
    private double gaeLambda = 0.95;
    private double clipRange = 0.2;
    private double entCoef = 0.01;
    private double vfCoef = 0.5;
    private double maxGradNorm = 0.5;
    private Double targetKl;
    private boolean normalizeAdvantage = true;
    private int nEnvs = 1;
    private List<Integer> policyHidden = List.of(64, 64);
    private List<Integer> valueHidden = List.of(64, 64);
    private boolean orthoInit = true;
    private double adamEpsilon = 1e-5;
    private boolean normalizeObservations = true;
    private double clipObs = 10.0;
    private double normEpsilon = 1e-8;
    private long seed;

    private Builder() {}

    /**
     * Sets the learning rate.
     *
     * @param v Adam learning rate
     * @return this
     */
    public Builder optLearningRate(double v) {
      learningRate = v;
      return this;
    }

    /**
     * Sets the rollout length per environment.
     *
     * @param v steps
     * @return this
     */
    public Builder optNSteps(int v) {
      nSteps = v;
      return this;
    }

    /**
     * Sets the minibatch size.
     *
     * @param v samples
     * @return this
     */
    public Builder optBatchSize(int v) {
      batchSize = v;
      return this;
    }

    /**
     * Sets the epochs per update.
     *
     * @param v epochs
     * @return this
     */
    public Builder optNEpochs(int v) {
      nEpochs = v;
      return this;
    }

    /**
     * Sets the discount factor.
     *
     * @param v γ
     * @return this
     */
    public Builder optGamma(double v) {
      gamma = v;
      return this;
    }

    /**
     * Sets GAE's λ.
     *
     * @param v λ
     * @return this
     */
    public Builder optGaeLambda(double v) {
      gaeLambda = v;
      return this;
    }

    /**
     * Sets the clip range.
     *
     * @param v ε
     * @return this
     */
    public Builder optClipRange(double v) {
      clipRange = v;
      return this;
    }

    /**
     * Sets the entropy coefficient.
     *
     * @param v coefficient
     * @return this
     */
    public Builder optEntCoef(double v) {
      entCoef = v;
      return this;
    }

    /**
     * Sets the value-loss coefficient.
     *
     * @param v coefficient
     * @return this
     */
    public Builder optVfCoef(double v) {
      vfCoef = v;
      return this;
    }

    /**
     * Sets the gradient-norm clip.
     *
     * @param v max global norm
     * @return this
     */
    public Builder optMaxGradNorm(double v) {
      maxGradNorm = v;
      return this;
    }

    /**
     * Sets the KL early stop.
     *
     * @param v target KL, or null for none
     * @return this
     */
    public Builder optTargetKl(Double v) {
      targetKl = v;
      return this;
    }

    /**
     * Sets per-minibatch advantage normalization.
     *
     * @param v whether to normalize
     * @return this
     */
    public Builder optNormalizeAdvantage(boolean v) {
      normalizeAdvantage = v;
      return this;
    }

    /**
     * Sets the number of environments.
     *
     * @param v environments
     * @return this
     */
    public Builder optNEnvs(int v) {
      nEnvs = v;
      return this;
    }

    /**
     * Sets the policy MLP's hidden widths.
     *
     * @param v widths
     * @return this
     */
    public Builder optPolicyHidden(List<Integer> v) {
      policyHidden = v;
      return this;
    }

    /**
     * Sets the value MLP's hidden widths.
     *
     * @param v widths
     * @return this
     */
    public Builder optValueHidden(List<Integer> v) {
      valueHidden = v;
      return this;
    }

    /**
     * Sets orthogonal initialization.
     *
     * @param v whether to use it (otherwise DJL's default initializers)
     * @return this
     */
    public Builder optOrthoInit(boolean v) {
      orthoInit = v;
      return this;
    }

    /**
     * Sets Adam's ε.
     *
     * @param v ε
     * @return this
     */
    public Builder optAdamEpsilon(double v) {
      adamEpsilon = v;
      return this;
    }

    /**
     * Sets observation normalization.
     *
     * @param v whether to normalize observations
     * @return this
     */
    public Builder optNormalizeObservations(boolean v) {
      normalizeObservations = v;
      return this;
    }

    /**
     * Sets the clip of normalized observations.
     *
     * @param v bound
     * @return this
     */
    public Builder optClipObs(double v) {
      clipObs = v;
      return this;
    }

    /**
     * Sets the normalization's variance epsilon.
     *
     * @param v ε
     * @return this
     */
    public Builder optNormEpsilon(double v) {
      normEpsilon = v;
      return this;
    }

    /**
     * Sets the seed.
     *
     * @param v seed
     * @return this
     */
    public Builder optSeed(long v) {
      seed = v;
      return this;
    }

    /**
     * Builds and validates.
     *
     * @return the configuration
     * @throws IllegalArgumentException naming the first invalid field
     */
    public PpoConfig build() {
      return new PpoConfig(
          learningRate,
          nSteps,
          batchSize,
          nEpochs,
          gamma,
          gaeLambda,
          clipRange,
          entCoef,
          vfCoef,
          maxGradNorm,
          targetKl,
          normalizeAdvantage,
          nEnvs,
          policyHidden,
          valueHidden,
          orthoInit,
          adamEpsilon,
          normalizeObservations,
          clipObs,
          normEpsilon,
          seed);
    }
  }
}
