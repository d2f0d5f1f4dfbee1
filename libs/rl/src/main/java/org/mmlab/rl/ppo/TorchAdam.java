package org.mmlab.rl.ppo;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.optimizer.Optimizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam with {@code torch.optim.Adam}'s update, the optimizer Stable-Baselines3 uses:
 *
 * <pre>
 * m = β₁m + (1 − β₁)g;  v = β₂v + (1 − β₂)g²
 * w −= lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * <p>DJL's own {@code Adam} uses Kingma &amp; Ba's "ε̂" form, {@code w −= lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) ·
 * m / (√v + ε)}, which equals the above only with {@code ε̂ = ε·√(1 − β₂ᵗ)}. This optimizer runs
 * DJL's fused native Adam kernel with exactly that ε̂ per step, so the math is PyTorch's (rounding
 * aside). No weight decay, no gradient rescaling or clipping (PPO clips the global norm itself).
 */
public final class TorchAdam extends Optimizer {
  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final Map<String, Map<Device, NDArray>> means = new ConcurrentHashMap<>();
  private final Map<String, Map<Device, NDArray>> variances = new ConcurrentHashMap<>();

  private TorchAdam(Builder builder) {
    super(builder);
    this.learningRate = builder.learningRate;
    this.beta1 = builder.beta1;
    this.beta2 = builder.beta2;
    this.epsilon = builder.epsilon;
  }

  /**
   * A builder with PyTorch's defaults (lr 1e-3, β 0.9/0.999, ε 1e-8).
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    update(parameterId, weight, grad, 1f);
  }

  /**
   * One Adam step on {@code gradScale · grad}, the scaling fused into the update kernel (PPO's
   * global-norm clipping coefficient, so the gradients need no separate in-place multiply).
   *
   * @param parameterId the parameter's id (keys the moments and the step count)
   * @param weight the parameter, updated in place
   * @param grad its gradient (not modified)
   * @param gradScale factor applied to the gradient first
   */
  public void update(String parameterId, NDArray weight, NDArray grad, float gradScale) {
    int t = updateCount(parameterId);
    double biasCorrection1 = 1.0 - Math.pow(beta1, t);
    double biasCorrection2 = 1.0 - Math.pow(beta2, t);
    float stepSize = (float) (learningRate * Math.sqrt(biasCorrection2) / biasCorrection1);
    float epsilonHat = (float) (epsilon * Math.sqrt(biasCorrection2));
    NDList inputs =
        new NDList(
            weight,
            grad,
            withDefaultState(means, parameterId, weight.getDevice(), k -> weight.zerosLike()),
            withDefaultState(variances, parameterId, weight.getDevice(), k -> weight.zerosLike()));
    weight
        .getNDArrayInternal()
        .adamUpdate(
            inputs,
            new NDList(weight),
            (float) learningRate,
            stepSize,
            0f,
            rescaleGrad * gradScale,
            clipGrad,
            (float) beta1,
            (float) beta2,
            epsilonHat,
            true,
            false);
  }

  /** Builds a {@link TorchAdam}. */
  public static final class Builder extends OptimizerBuilder<Builder> {
    private double learningRate = 1e-3;
    private double beta1 = 0.9;
    private double beta2 = 0.999;
    private double epsilon = 1e-8;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the learning rate.
     *
     * @param v learning rate
     * @return this
     */
    public Builder optLearningRate(double v) {
      learningRate = v;
      return this;
    }

    /**
     * Sets β₁.
     *
     * @param v β₁
     * @return this
     */
    public Builder optBeta1(double v) {
      beta1 = v;
      return this;
    }

    /**
     * Sets β₂.
     *
     * @param v β₂
     * @return this
     */
    public Builder optBeta2(double v) {
      beta2 = v;
      return this;
    }

    /**
     * Sets ε.
     *
     * @param v ε
     * @return this
     */
    public Builder optEpsilon(double v) {
      epsilon = v;
      return this;
    }

    /**
     * Builds the optimizer.
     *
     * @return the optimizer
     */
    public TorchAdam build() {
      return new TorchAdam(this);
    }
  }
}
