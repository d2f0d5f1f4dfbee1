package org.mmlab.rl.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * {@code clip_grad_norm_} followed by {@code torch.optim.Adam}'s step over all of a model's
 * parameters at once, on one flat gradient vector:
 *
 * <pre>
 * g = clip · concat(grads), clip = min(1, maxNorm / (‖g‖₂ + 1e-6))
 * m = β₁m + (1 − β₁)g;  v = β₂v + (1 − β₂)g²
 * w −= lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 * </pre>
 *
 * <p>The same math as {@link TorchAdam} per parameter (rounding aside), but each PyTorch op costs a
 * few microseconds of dispatch however small its tensor, so a dozen element-wise ops on one vector
 * of all parameters beat a dozen ops on each of a dozen small tensors. The moments live in the
 * manager given at construction; temporaries in the caller's per-step manager.
 */
final class FlatAdam {
  private final double learningRate;
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final long[] splits;
  private final NDArray mean;
  private final NDArray variance;
  private int t;

  /**
   * Creates the optimizer state for parameters of the given sizes.
   *
   * @param manager owns the moments (lives as long as the parameters)
   * @param sizes element count of each parameter, in the order of every {@link #step}
   * @param learningRate lr
   * @param beta1 β₁
   * @param beta2 β₂
   * @param epsilon ε, added to {@code √v̂} as PyTorch does
   */
  FlatAdam(
      NDManager manager,
      long[] sizes,
      double learningRate,
      double beta1,
      double beta2,
      double epsilon) {
    this.learningRate = learningRate;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.splits = new long[sizes.length - 1];
    long total = sizes[0];
    for (int i = 1; i < sizes.length; i++) {
      splits[i - 1] = total;
      total += sizes[i];
    }
    this.mean = manager.zeros(new Shape(total), DataType.FLOAT32);
    this.variance = manager.zeros(new Shape(total), DataType.FLOAT32);
  }

  /**
   * Clips the global gradient norm and takes one Adam step, in place on the weights. Grad mode must
   * be off on this thread (in-place updates of leaves).
   *
   * @param m the per-step manager for temporaries
   * @param weights the parameters
   * @param grads their gradients (not modified)
   * @param maxGradNorm the clipping threshold
   * @return the global gradient norm before clipping
   */
  float step(NDManager m, NDArray[] weights, NDArray[] grads, double maxGradNorm) {
    NDList flat = new NDList(grads.length);
    for (NDArray g : grads) {
      flat.add(g.reshape(-1));
    }
    NDArray g = NDArrays.concat(flat);
    g.attach(m);
    float totalNorm = g.norm().getFloat();
    float clipCoef = (float) maxGradNorm / (totalNorm + 1e-6f);
    if (clipCoef < 1f) {
      g.muli(clipCoef);
    }
    t++;
    double bc1 = 1.0 - Math.pow(beta1, t);
    double bc2 = 1.0 - Math.pow(beta2, t);
    mean.muli((float) beta1).addi(g.mul((float) (1 - beta1)));
    variance.muli((float) beta2).addi(g.square().muli((float) (1 - beta2)));
    NDArray denom = variance.sqrt();
    denom.attach(m); // results land in the first operand's manager: keep them per step
    denom.divi((float) Math.sqrt(bc2)).addi((float) epsilon);
    NDArray update = mean.div(denom);
    update.attach(m);
    update.muli((float) (learningRate / bc1));
    NDList parts = update.split(splits);
    for (int i = 0; i < weights.length; i++) {
      weights[i].subi(parts.get(i).reshape(weights[i].getShape()));
    }
    return totalNorm;
  }
}
