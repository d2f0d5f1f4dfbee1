package org.mmlab.rl.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import org.mmlab.sim.core.Rng;

/**
 * Orthogonal initialization as {@code torch.nn.init.orthogonal_} (Saxe et al. 2014), the
 * initializer Stable-Baselines3 applies to every linear layer of its policies: draw a standard
 * normal {@code rows × cols} matrix (transposed when {@code rows < cols}), take the Q of its QR
 * decomposition with the signs fixed so that {@code diag(R) > 0} (which makes Q unique), transpose
 * back and multiply by the gain.
 *
 * <p>DJL has no orthogonal initializer, so this one is a DJL {@link Initializer}. The normal draws
 * come from a seeded {@link Rng} (StrictMath), and the QR is modified Gram–Schmidt applied twice in
 * double, so the initial weights are bit-reproducible on every JVM and independent of the native
 * engine's random stream.
 */
public final class OrthogonalInitializer implements Initializer {
  private final double gain;
  private final Rng rng;

  /**
   * Creates the initializer.
   *
   * @param gain scale of the orthogonal matrix (SB3: √2 hidden, 0.01 policy head, 1 value head)
   * @param rng the normal draws (shared by all layers of a network, in initialization order)
   */
  public OrthogonalInitializer(double gain, Rng rng) {
    this.gain = gain;
    this.rng = rng;
  }

  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    if (shape.dimension() < 2) {
      throw new IllegalArgumentException("orthogonal init needs at least 2 dimensions: " + shape);
    }
    int rows = (int) shape.get(0);
    int cols = (int) (shape.size() / rows);
    return manager.create(matrix(rows, cols, gain, rng), shape).toType(dataType, false);
  }

  /**
   * A {@code rows × cols} matrix, row-major, with orthonormal rows or columns (whichever are
   * fewer), times {@code gain}.
   *
   * @param rows rows
   * @param cols columns
   * @param gain scale
   * @param rng normal draws
   * @return the values
   */
  public static float[] matrix(int rows, int cols, double gain, Rng rng) {
    // As torch: flattened = normal(rows, cols); if rows < cols, work on its transpose.
    double[][] a = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        a[i][j] = rng.nextGaussian();
      }
    }
    boolean transpose = rows < cols;
    int m = transpose ? cols : rows;
    int n = transpose ? rows : cols;
    // Columns of the m × n (m >= n) working matrix.
    double[][] q = new double[n][m];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        if (transpose) {
          q[i][j] = a[i][j];
        } else {
          q[j][i] = a[i][j];
        }
      }
    }
    // Modified Gram-Schmidt, twice for orthogonality to working precision; the Q it yields has
    // diag(R) > 0, the sign convention torch applies after its QR.
    for (int k = 0; k < n; k++) {
      for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j < k; j++) {
          double dot = dot(q[j], q[k]);
          for (int i = 0; i < m; i++) {
            q[k][i] -= dot * q[j][i];
          }
        }
      }
      double norm = Math.sqrt(dot(q[k], q[k]));
      for (int i = 0; i < m; i++) {
        q[k][i] /= norm;
      }
    }
    float[] out = new float[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double v = transpose ? q[i][j] : q[j][i];
        out[i * cols + j] = (float) (v * gain);
      }
    }
    return out;
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }
}
