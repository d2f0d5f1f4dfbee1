package org.mmlab.rl.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmlab.rl.env.EnvConfig;
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
  void theFusedGradientScaleEqualsScalingTheGradientFirst() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1f, -2f, 0.5f});
      NDArray b = a.duplicate();
      NDArray g = m.create(new float[] {0.3f, -4f, 2f});
      TorchAdam fused = TorchAdam.builder().optLearningRate(0.1).optEpsilon(1e-5).build();
      TorchAdam plain = TorchAdam.builder().optLearningRate(0.1).optEpsilon(1e-5).build();
      for (int t = 0; t < 3; t++) {
        fused.update("w", a, g, 0.25f);
        plain.update("w", b, g.mul(0.25f));
      }
      assertThat(a.toFloatArray()).containsExactly(b.toFloatArray());
      assertThat(g.toFloatArray()).containsExactly(0.3f, -4f, 2f);
    }
  }

  @Test
  void flatAdamClipsTheGlobalNormAndStepsAsTorchAdamPerParameter() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w1 = m.create(new float[] {1f, -2f, 0.5f, 3f}, new Shape(2, 2));
      NDArray w2 = m.create(new float[] {0.25f, -1f});
      NDArray r1 = w1.duplicate();
      NDArray r2 = w2.duplicate();
      NDArray g1 = m.create(new float[] {0.3f, -4f, 2f, 0f}, new Shape(2, 2));
      NDArray g2 = m.create(new float[] {1f, 2f});
      // ‖g‖ = √(0.09 + 16 + 4 + 0 + 1 + 4) = √25.09; max norm 0.5 → clip = 0.5 / (√25.09 + 1e-6).
      float clip = (float) (0.5 / (Math.sqrt(25.09) + 1e-6));
      FlatAdam flat = new FlatAdam(m, new long[] {4, 2}, 0.1, 0.9, 0.999, 1e-5);
      TorchAdam reference = TorchAdam.builder().optLearningRate(0.1).optEpsilon(1e-5).build();
      // Equal up to rounding: the reference runs DJL's kernel with the ε̂ form of the update.
      for (int t = 0; t < 3; t++) {
        try (NDManager step = m.newSubManager()) {
          float norm = flat.step(step, new NDArray[] {w1, w2}, new NDArray[] {g1, g2}, 0.5);
          assertThat(norm).isCloseTo((float) Math.sqrt(25.09), within(1e-5f));
        }
        reference.update("w1", r1, g1.mul(clip));
        reference.update("w2", r2, g2.mul(clip));
      }
      float[] a = w1.toFloatArray();
      float[] b = r1.toFloatArray();
      for (int i = 0; i < a.length; i++) {
        assertThat(a[i]).isCloseTo(b[i], within(1e-5f));
      }
      assertThat(w1.toFloatArray()).isNotEqualTo(new float[] {1f, -2f, 0.5f, 3f});
      assertThat(w2.toFloatArray()[0]).isCloseTo(r2.toFloatArray()[0], within(1e-5f));
      assertThat(w2.toFloatArray()[1]).isCloseTo(r2.toFloatArray()[1], within(1e-5f));
      assertThat(g1.toFloatArray()).containsExactly(0.3f, -4f, 2f, 0f);
    }
  }

  @Test
  void aMinibatchStepLeavesNoGradientToAccumulate() {
    // torch's optimizer.zero_grad(): PyTorch adds each backward into .grad and DJL's collector
    // does not reset it, so without the reset every step would carry all earlier gradients.
    EnvConfig env = PpoTest.shortEpisodes(50);
    try (Ppo ppo = new Ppo(env, PpoTest.small(3))) {
      RolloutBuffer.Batch batch = new RolloutBuffer.Batch(8, env.observationSize(), 3);
      batch.size = 8;
      Rng rng = new Rng(5);
      for (int i = 0; i < 8; i++) {
        for (int k = 0; k < env.observationSize(); k++) {
          batch.observations[i * env.observationSize() + k] = (float) rng.nextGaussian();
        }
        batch.actions[i * 3] = rng.nextInt(11);
        batch.actions[i * 3 + 1] = rng.nextInt(11);
        batch.actions[i * 3 + 2] = rng.nextInt(10);
        batch.oldLogProbs[i] = -7f;
        batch.advantages[i] = (float) rng.nextGaussian();
        batch.returns[i] = (float) rng.nextGaussian();
      }
      assertThat(ppo.optimizeMinibatch(batch).stepped()).isTrue();
      List<Parameter> params = new ArrayList<>(ppo.policyNet().getParameters().values());
      params.addAll(ppo.valueNet().getParameters().values());
      for (Parameter p : params) {
        try (NDArray grad = p.getArray().getGradient()) {
          assertThat(grad.abs().max().getFloat()).as(p.getName()).isZero();
        }
      }
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
