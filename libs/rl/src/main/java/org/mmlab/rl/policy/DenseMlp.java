package org.mmlab.rl.policy;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.ArrayList;
import java.util.List;

/**
 * A tanh MLP on plain float arrays, copied from the parameters of a DJL {@link SequentialBlock}
 * built by {@link PolicyNetworks}: the fast path for single-observation inference (no JNI call, no
 * allocation), about ten times quicker than one DJL forward on such a tiny network.
 *
 * <p>The math is DJL's: each layer computes {@code y = W·x + b} with DJL's {@code (out, in)} weight
 * layout, hidden layers apply {@code tanh}. Sums are accumulated in double and rounded to float
 * once per unit (DJL/PyTorch accumulate in float with a blocked order), so results agree with DJL's
 * forward to float rounding (≈1e-6), which the tests check; {@link StrictMath#tanh} keeps the
 * output bit-reproducible on every JVM.
 *
 * <p>Not thread-safe: the scratch buffers are shared by the calls of one instance; use {@link
 * #copy()} per thread.
 */
public final class DenseMlp {
  private final int[] inputs;
  private final int[] outputs;
  private final float[][] weights;
  private final float[][] biases;
  private final float[][] scratch;

  /**
   * Creates an MLP from its layers.
   *
   * @param weights per layer, row-major {@code (out, in)}
   * @param biases per layer, {@code out}
   * @param inputSize width of the input
   */
  public DenseMlp(float[][] weights, float[][] biases, int inputSize) {
    if (weights.length == 0 || weights.length != biases.length) {
      throw new IllegalArgumentException("need one bias per weight matrix and at least one layer");
    }
    int layers = weights.length;
    this.inputs = new int[layers];
    this.outputs = new int[layers];
    this.weights = new float[layers][];
    this.biases = new float[layers][];
    this.scratch = new float[layers][];
    int in = inputSize;
    for (int l = 0; l < layers; l++) {
      int out = biases[l].length;
      if (weights[l].length != out * in) {
        throw new IllegalArgumentException(
            "layer "
                + l
                + ": weight has "
                + weights[l].length
                + " values, expected "
                + out
                + "×"
                + in);
      }
      inputs[l] = in;
      outputs[l] = out;
      this.weights[l] = weights[l].clone();
      this.biases[l] = biases[l].clone();
      scratch[l] = new float[out];
      in = out;
    }
  }

  /**
   * Copies the parameters of a block made by {@link PolicyNetworks}.
   *
   * @param block an initialized {@code Linear (tanh Linear)*} sequential block
   * @param inputSize its input width
   * @return the plain-array MLP
   * @throws IllegalArgumentException when the block has another structure or shapes
   */
  public static DenseMlp fromBlock(SequentialBlock block, int inputSize) {
    List<float[]> w = new ArrayList<>();
    List<float[]> b = new ArrayList<>();
    int in = inputSize;
    for (Block child : block.getChildren().values()) {
      if (!(child instanceof Linear)) {
        continue;
      }
      NDArray weight = parameter(child, "weight").getArray();
      NDArray bias = parameter(child, "bias").getArray();
      long[] shape = weight.getShape().getShape();
      if (shape.length != 2 || shape[1] != in || bias.getShape().size() != shape[0]) {
        throw new IllegalArgumentException(
            "layer "
                + w.size()
                + " has weight "
                + weight.getShape()
                + " and bias "
                + bias.getShape()
                + ", expected ("
                + "out, "
                + in
                + ") and (out)");
      }
      w.add(weight.toFloatArray());
      b.add(bias.toFloatArray());
      in = (int) shape[0];
    }
    return new DenseMlp(w.toArray(new float[0][]), b.toArray(new float[0][]), inputSize);
  }

  private static Parameter parameter(Block linear, String name) {
    Parameter p = linear.getDirectParameters().get(name);
    if (p == null || !p.isInitialized()) {
      throw new IllegalArgumentException("linear layer has no initialized " + name);
    }
    return p;
  }

  /**
   * A copy with its own scratch buffers (for another thread).
   *
   * @return the copy
   */
  public DenseMlp copy() {
    return new DenseMlp(weights, biases, inputs[0]);
  }

  /**
   * Input width.
   *
   * @return inputs
   */
  public int inputSize() {
    return inputs[0];
  }

  /**
   * Output width.
   *
   * @return outputs of the last layer
   */
  public int outputSize() {
    return outputs[outputs.length - 1];
  }

  /**
   * Number of linear layers.
   *
   * @return layers
   */
  public int layers() {
    return weights.length;
  }

  /**
   * Widths of the hidden layers.
   *
   * @return one entry per hidden layer
   */
  public int[] hiddenWidths() {
    int[] h = new int[outputs.length - 1];
    System.arraycopy(outputs, 0, h, 0, h.length);
    return h;
  }

  /**
   * The forward pass.
   *
   * @param x input, {@link #inputSize()} values
   * @param out receives {@link #outputSize()} values
   */
  public void forward(float[] x, float[] out) {
    float[] in = x;
    int last = weights.length - 1;
    for (int l = 0; l <= last; l++) {
      float[] y = l == last ? out : scratch[l];
      float[] w = weights[l];
      float[] b = biases[l];
      int n = inputs[l];
      for (int j = 0, row = 0; j < outputs[l]; j++, row += n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += (double) w[row + k] * in[k];
        }
        float z = (float) (s + b[j]);
        y[j] = l == last ? z : (float) StrictMath.tanh(z);
      }
      in = y;
    }
  }
}
