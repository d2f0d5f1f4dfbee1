package org.mmlab.rl.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.mmlab.sim.core.Rng;

/** The DJL pieces PPO relies on: orthogonal init, PyTorch's Adam, in-place gradient clipping. */
class OptimizationTest {

  @Test
  void orthogonalMatricesAreOrthonormalTimesTheGainAndReproducible() {
    for (int[] shape : new int[][] {{64, 13}, {64, 64}, {32, 64}, {1, 64}}) {
      int rows = shape[0];
      int cols = shape[1];
      double gain = 1.5;
      float[] w = OrthogonalInitializer.matrix(rows, cols, gain, new Rng(5));
      // The smaller side is orthonormal: WᵀW = g²I (tall) or WWᵀ = g²I (wide).
      boolean tall = rows >= cols;
      int k = tall ? cols : rows;
      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          double dot = 0;
          for (int i = 0; i < (tall ? rows : cols); i++) {
            dot +=
                tall
                    ? (double) w[i * cols + a] * w[i * cols + b]
                    : (double) w[a * cols + i] * w[b * cols + i];
          }
          assertThat(dot).isCloseTo(a == b ? gain * gain : 0, within(1e-5));
        }
      }
      assertThat(OrthogonalInitializer.matrix(rows, cols, gain, new Rng(5))).containsExactly(w);
    }
  }

  @Test
  void torchAdamTakesPyTorchsStepNotTheEpsilonHatOne() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {1f});
      NDArray g = m.create(new float[] {1e-5f});
      TorchAdam adam = TorchAdam.builder().optLearningRate(0.1).optEpsilon(1e-5).build();
      adam.update("w", w, g);
      // torch: m̂ = 1e-5, √v̂ = 1e-5 → step = lr · 1e-5 / (1e-5 + 1e-5) = lr / 2.
      // (DJL's ε̂ form would step lr · 0.306.)
      assertThat(w.getFloat(0)).isCloseTo(1f - 0.05f, within(1e-6f));
      adam.update("w", w, g);
      // Second step, same gradient: m̂ and √v̂ stay 1e-5 → another lr / 2.
      assertThat(w.getFloat(0)).isCloseTo(1f - 0.1f, within(1e-6f));
    }
  }

  @Test
  void scalingTheGradientViewScalesTheParametersGradient() {
    // PPO clips the global gradient norm in place through getGradient(): it must be a view.
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {1f, 2f});
      w.setRequiresGradient(true);
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(w.mul(3f).sum());
      }
      NDArray grad = w.getGradient();
      grad.muli(0.5f);
      grad.close();
      assertThat(w.getGradient().toFloatArray()).containsExactly(1.5f, 1.5f);
    }
  }
}
