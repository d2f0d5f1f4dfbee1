package org.mmlab.rl.env;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VectorEnvTest {

  @Test
  void membersAutoResetAndKeepTheFinalObservation() {
    EnvConfig config = MarketMakingEnvTest.config("zi", 20, 1000, "spread-inventory");
    VectorEnv vec = new VectorEnv(config, 3, 42);
    int[][] actions = {{1, 1, 0}, {2, 2, 1}, {3, 3, 2}};
    for (int t = 1; t <= 20; t++) {
      vec.step(actions);
    }
    for (int i = 0; i < 3; i++) {
      assertThat(vec.truncated()[i]).isTrue();
      assertThat(vec.completedLength(i)).isEqualTo(20);
      // After auto-reset the member is at its new episode's first step.
      assertThat(vec.member(i).session().step()).isZero();
      assertThat(vec.finalObservation(i)).hasSize(13);
    }
    // Members see different markets.
    assertThat(vec.observations()[0][0]).isNotEqualTo(vec.observations()[1][0]);
  }

  @Test
  void wholeVectorIsReproducibleFromOneSeed() {
    EnvConfig config = MarketMakingEnvTest.config("zi", 30, 1000, "pnl");
    VectorEnv a = new VectorEnv(config, 2, 7);
    VectorEnv b = new VectorEnv(config, 2, 7);
    int[][] actions = {{1, 1, 0}, {0, 0, 3}};
    for (int t = 0; t < 75; t++) {
      a.step(actions);
      b.step(actions);
      assertThat(a.rewards()).containsExactly(b.rewards());
      assertThat(a.observations()[1]).containsExactly(b.observations()[1]);
    }
  }
}
