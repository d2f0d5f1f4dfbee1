package org.mmlab.rl.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mmlab.sim.core.Rng;

class RolloutBufferTest {
  private static final double G = 0.9;
  private static final double L = 0.8;

  /**
   * One environment, four steps: an episode truncated at step 1 (its reward already carries the
   * bootstrap 0.9 × V(final) = 0.9 × 3), a new episode from step 2, terminated at step 3.
   */
  private static RolloutBuffer oneEpisodeBoundaryEach(boolean lastDone, float lastValue) {
    RolloutBuffer buf = new RolloutBuffer(4, 1, 1, 1);
    float[] v = {1.0f, 2.0f, 0.5f, 1.5f};
    double[] r = {1.0, 2.0 + G * 3.0, 0.5, 1.0};
    boolean[] starts = {true, false, true, false};
    for (int t = 0; t < 4; t++) {
      buf.add(
          new float[] {t},
          new int[][] {{0}},
          new double[] {r[t]},
          new boolean[] {starts[t]},
          new float[] {v[t]},
          new float[] {0f});
    }
    buf.computeReturnsAndAdvantage(new float[] {lastValue}, new boolean[] {lastDone}, G, L);
    return buf;
  }

  @Test
  void gaeMatchesHandComputedValuesAcrossTruncationAndTermination() {
    RolloutBuffer buf = oneEpisodeBoundaryEach(true, 10f);
    // step 3, terminated: δ = 1 − 1.5 = −0.5 (no next value), A = −0.5
    // step 2: δ = 0.5 + 0.9·1.5 − 0.5 = 1.35, A = 1.35 + 0.72·(−0.5) = 0.99
    // step 1, truncated (bootstrap in the reward): δ = 4.7 − 2 = 2.7, A = 2.7 (episode cut)
    // step 0: δ = 1 + 0.9·2 − 1 = 1.8, A = 1.8 + 0.72·2.7 = 3.744
    assertThat(buf.advantages()[3]).isCloseTo(-0.5f, within(1e-6f));
    assertThat(buf.advantages()[2]).isCloseTo(0.99f, within(1e-6f));
    assertThat(buf.advantages()[1]).isCloseTo(2.7f, within(1e-6f));
    assertThat(buf.advantages()[0]).isCloseTo(3.744f, within(1e-6f));
    assertThat(buf.returns())
        .containsExactly(new float[] {4.744f, 4.7f, 1.49f, 1.0f}, within(1e-6f));
  }

  @Test
  void anUnfinishedLastStepBootstrapsFromTheLastValue() {
    RolloutBuffer buf = oneEpisodeBoundaryEach(false, 10f);
    // step 3: δ = 1 + 0.9·10 − 1.5 = 8.5; step 2: A = 1.35 + 0.72·8.5 = 7.47; steps 1, 0 as before
    assertThat(buf.advantages())
        .containsExactly(new float[] {3.744f, 2.7f, 7.47f, 8.5f}, within(1e-5f));
  }

  @Test
  void environmentsAreIndependentAndMinibatchesIndexLikeSb3() {
    RolloutBuffer buf = new RolloutBuffer(3, 2, 1, 1);
    for (int t = 0; t < 3; t++) {
      buf.add(
          new float[] {10 * t, 10 * t + 1},
          new int[][] {{t}, {t + 5}},
          new double[] {1, 0},
          new boolean[] {t == 0, t == 0},
          new float[] {0, 0},
          new float[] {0, 0});
    }
    buf.computeReturnsAndAdvantage(new float[] {0, 0}, new boolean[] {false, false}, 1.0, 1.0);
    // env 0 earns 1 per step with no discount: advantages 3, 2, 1; env 1 earns nothing
    assertThat(buf.advantages()).containsExactly(3, 0, 2, 0, 1, 0);
    // Sample k is env k / nSteps, step k % nSteps (SB3's swap_and_flatten).
    RolloutBuffer.Batch b = new RolloutBuffer.Batch(6, 1, 1);
    buf.gather(new int[] {0, 1, 2, 3, 4, 5}, 0, 6, b);
    assertThat(b.observations).containsExactly(0, 10, 20, 1, 11, 21);
    assertThat(b.actions).containsExactly(0, 1, 2, 5, 6, 7);
    assertThat(b.advantages).containsExactly(3, 2, 1, 0, 0, 0);
  }

  @Test
  void permutationIsAReproducibleShuffle() {
    RolloutBuffer buf = new RolloutBuffer(8, 2, 1, 1);
    int[] a = buf.permutation(new Rng(3));
    int[] b = buf.permutation(new Rng(3));
    assertThat(a)
        .containsExactly(b)
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    assertThat(a).isNotEqualTo(buf.permutation(new Rng(4)));
  }
}
