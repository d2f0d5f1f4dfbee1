package org.mmlab.rl.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.sim.core.Rng;

class PolicyTest {
  static PolicyBundle bundle;
  static float[][] observations;

  @BeforeAll
  static void setUp() {
    bundle = TestBundles.trained(5);
    MarketMakingEnv env = new MarketMakingEnv(TestBundles.env(50, 50));
    observations = new float[40][];
    float[] obs = env.reset(17);
    Rng rng = new Rng(1);
    for (int t = 0; t < observations.length; t++) {
      observations[t] = obs.clone();
      MarketMakingEnv.Step s =
          env.step(new int[] {rng.nextInt(11), rng.nextInt(11), rng.nextInt(10)});
      obs = s.terminated || s.truncated ? env.reset(t) : s.observation;
    }
  }

  /** The plain-array forward computes DJL's forward (to float rounding). */
  @Test
  void plainArrayForwardEqualsDjlForward() throws Exception {
    NetworkSpec spec = bundle.metadata().network();
    try (Policy policy = bundle.policy();
        NDManager m = NDManager.newBaseManager()) {
      SequentialBlock policyNet = PolicyNetworks.policyBlock(spec);
      SequentialBlock valueNet = PolicyNetworks.valueBlock(spec);
      PolicyNetworks.load(policyNet, m, 13, bundle.policyParams());
      PolicyNetworks.load(valueNet, m, 13, bundle.valueParams());
      ParameterStore ps = new ParameterStore(m, false);
      int n = observations.length;
      float[] batch = new float[n * 13];
      float[] normalized = new float[13];
      for (int i = 0; i < n; i++) {
        policy.normalize(observations[i], normalized);
        System.arraycopy(normalized, 0, batch, i * 13, 13);
      }
      float[] djlLogits =
          policyNet
              .forward(ps, new NDList(m.create(batch, new Shape(n, 13))), false)
              .head()
              .toFloatArray();
      float[] djlValues =
          valueNet
              .forward(ps, new NDList(m.create(batch, new Shape(n, 13))), false)
              .head()
              .toFloatArray();
      float[] logits = new float[32];
      int[] nvec = {11, 11, 10};
      for (int i = 0; i < n; i++) {
        policy.logits(observations[i], logits);
        for (int j = 0; j < 32; j++) {
          assertThat(logits[j]).isCloseTo(djlLogits[i * 32 + j], within(2e-6f));
        }
        assertThat(policy.value(observations[i]))
            .isCloseTo(djlValues[i], within(2e-5 * Math.max(1, Math.abs(djlValues[i]))));
        int[] action = policy.act(observations[i], true, null);
        for (int d = 0, off = 0; d < 3; off += nvec[d], d++) {
          assertThat(action[d]).isEqualTo(Categorical.argmax(djlLogits, i * 32 + off, nvec[d]));
        }
      }
    }
  }

  @Test
  void probabilitiesAndSampling() {
    try (Policy policy = bundle.policy()) {
      float[][] probs = {new float[11], new float[11], new float[10]};
      policy.probabilities(observations[3], probs);
      for (float[] head : probs) {
        double sum = 0;
        for (float p : head) {
          sum += p;
          assertThat(p).isBetween(0f, 1f);
        }
        assertThat(sum).isCloseTo(1.0, within(1e-6));
      }
      // Deterministic = the most probable choice of each head.
      int[] mode = policy.act(observations[3], true, null);
      for (int d = 0; d < 3; d++) {
        for (float p : probs[d]) {
          assertThat(probs[d][mode[d]]).isGreaterThanOrEqualTo(p);
        }
      }
      // Sampling follows the probabilities and is reproducible from the seed.
      int draws = 20_000;
      int[] counts = new int[10];
      Rng rng = new Rng(9);
      int[] first = policy.act(observations[3], false, new Rng(77));
      for (int i = 0; i < draws; i++) {
        counts[policy.act(observations[3], false, rng)[2]]++;
      }
      for (int i = 0; i < 10; i++) {
        assertThat(counts[i] / (double) draws).isCloseTo(probs[2][i], within(0.015));
      }
      assertThat(policy.act(observations[3], false, new Rng(77))).containsExactly(first);
    }
  }

  @Test
  void closedPolicyFailsFast() {
    Policy policy = bundle.policy();
    policy.close();
    assertThatThrownBy(() -> policy.act(observations[0], true, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("policy is closed");
  }

  @Test
  void rejectsAnObservationOfTheWrongSize() {
    try (Policy policy = bundle.policy()) {
      assertThatThrownBy(() -> policy.act(new float[12], true, null))
          .hasMessage("observation has 12 values, expected 13");
    }
  }
}
