package org.mmlab.rl.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.rl.env.ActionSpace;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.env.Observations;
import tools.jackson.databind.node.ArrayNode;

class PolicyBundleTest {
  @TempDir static Path dir;
  static PolicyBundle bundle;
  static Path saved;

  @BeforeAll
  static void train() throws Exception {
    bundle = TestBundles.trained(21);
    saved = dir.resolve("policy.zip");
    bundle.save(saved);
  }

  @Test
  void roundTripGivesIdenticalProbabilities() throws Exception {
    PolicyBundle loaded = PolicyBundle.load(saved);
    assertThat(TestBundles.entries(saved).keySet())
        .containsExactly("metadata.json", "policy.params", "value.params");
    MarketMakingEnv env = new MarketMakingEnv(TestBundles.env(50, 50));
    float[] obs = env.reset(5).clone();
    try (Policy before = bundle.policy();
        Policy after = loaded.policy()) {
      for (int t = 0; t < 30; t++) {
        float[][] p1 = {new float[11], new float[11], new float[10]};
        float[][] p2 = {new float[11], new float[11], new float[10]};
        before.probabilities(obs, p1);
        after.probabilities(obs, p2);
        for (int d = 0; d < 3; d++) {
          assertThat(p2[d]).containsExactly(p1[d]);
        }
        assertThat(after.value(obs)).isEqualTo(before.value(obs));
        obs = env.step(before.act(obs, true, null)).observation.clone();
      }
    }
  }

  @Test
  void metadataDescribesEverything() throws Exception {
    BundleMetadata m = PolicyBundle.load(saved).metadata();
    assertThat(m.formatVersion()).isEqualTo(1);
    assertThat(m.algorithm()).isEqualTo("ppo");
    assertThat(m.observationNames()).isEqualTo(MarketMakingEnv.observationNames()).hasSize(13);
    assertThat(m.actionNvec()).containsExactly(11, 11, 10);
    assertThat(m.network().policyHidden()).containsExactly(64, 64);
    assertThat(m.network().activation()).isEqualTo("tanh");
    assertThat(m.normalization().enabled()).isTrue();
    assertThat(m.normalization().count()).isGreaterThan(256);
    assertThat(m.normalization().mean()[0]).isPositive(); // the mid price, thousands of ticks
    assertThat(m.hyperparameters())
        .containsEntry("learningRate", 3e-3)
        .containsEntry("nSteps", 64)
        .containsEntry("gamma", 0.99)
        .containsEntry("seed", 21);
    assertThat(m.market().marketSpec()).isEqualTo("zi");
    assertThat(m.market().reward()).isEqualTo("spread-inventory");
    assertThat(m.market().steps()).isEqualTo(50);
    assertThat(m.seed()).isEqualTo(21);
    assertThat(m.training().timesteps()).isEqualTo(256);
    assertThat(m.training().iterations()).isEqualTo(2);
    assertThat(m.training().finalRewardMean()).isNotNull();
    assertThat(m.training().wallTimeSeconds()).isPositive();
    assertThat(m.needsPredictor()).isFalse();
    assertThat(m.predictor()).isNull();
    assertThat(m.versions()).containsKey("djl");
  }

  @Test
  void missingFile() {
    Path p = dir.resolve("nope.zip");
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .isInstanceOf(PolicyBundleException.class)
        .hasMessage("invalid policy bundle " + p + ": file not found");
  }

  @Test
  void notAZip() throws Exception {
    Path p = Files.write(dir.resolve("garbage.zip"), "not a zip at all".getBytes());
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .isInstanceOf(PolicyBundleException.class)
        .hasMessageStartingWith("invalid policy bundle " + p + ": not a zip archive or corrupt");
  }

  @Test
  void truncatedZipIsCorrupt() throws Exception {
    byte[] full = Files.readAllBytes(saved);
    Path p = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(full, full.length / 2));
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .hasMessageContaining("not a zip archive or corrupt");
  }

  @Test
  void wrongFormatVersion() throws Exception {
    Path p = TestBundles.withMetadata(saved, dir.resolve("v2.zip"), m -> m.put("formatVersion", 2));
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .hasMessage(
            "invalid policy bundle "
                + p
                + ": wrong format version 2: this build reads format version 1");
  }

  @Test
  void featureListMismatch() throws Exception {
    Path p =
        TestBundles.withMetadata(
            saved,
            dir.resolve("features.zip"),
            m -> ((ArrayNode) m.get("observationNames")).set(3, "bid_depth_10"));
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .hasMessage(
            "invalid policy bundle "
                + p
                + ": feature list mismatch: bundle has 13 features, this build provides 13;"
                + " first difference at index 3: bundle 'bid_depth_10', this build 'bid_depth'");
  }

  @Test
  void featureListWithThePredictor() throws Exception {
    Path p =
        TestBundles.withMetadata(
            saved,
            dir.resolve("predictor.zip"),
            m -> {
              ((ArrayNode) m.get("observationNames")).add("predictor_score");
              m.put("needsPredictor", true);
            });
    // Without a predictor the one problem is the missing predictor, in one line.
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .isInstanceOfSatisfying(
            PolicyBundleException.class, e -> assertThat(e.predictorMismatch()).isTrue())
        .hasMessageContaining("trained with the predictor score as its 14th observation");
    // Checked for running without one, the feature list does not fit either.
    assertThatThrownBy(() -> PolicyBundle.load(p, Observations.names(), ActionSpace.NVEC))
        .hasMessageContaining(
            "feature list mismatch: bundle has 14 features, this build provides 13;"
                + " bundle also has [predictor_score]")
        .hasMessageContaining("the policy needs the predictor score");
  }

  @Test
  void actionSpaceMismatch() throws Exception {
    Path p =
        TestBundles.withMetadata(
            saved, dir.resolve("actions.zip"), m -> ((ArrayNode) m.get("actionNvec")).set(2, 5));
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .hasMessageContaining(
            "action space mismatch: bundle has MultiDiscrete[11, 11, 5],"
                + " this build acts in MultiDiscrete[11, 11, 10]");
  }

  @Test
  void missingParametersAndEveryOtherProblemInOneMessage() throws Exception {
    Map<String, byte[]> entries = TestBundles.entries(saved);
    entries.remove("value.params");
    Path noValue = dir.resolve("novalue.zip");
    TestBundles.write(noValue, entries);
    Path p =
        TestBundles.withMetadata(
            noValue,
            dir.resolve("several.zip"),
            m -> ((ArrayNode) m.get("observationNames")).remove(12));
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .isInstanceOfSatisfying(
            PolicyBundleException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "missing parameters value.params",
                        "feature list mismatch: bundle has 12 features, this build provides 13;"
                            + " bundle lacks [inventory_ratio]",
                        "network input size 13 does not match the 12 observation names",
                        "normalization statistics have 13 components, the observation has 12"));
  }

  @Test
  void malformedParameters() throws Exception {
    Map<String, byte[]> entries = TestBundles.entries(saved);
    byte[] params = entries.get("policy.params");
    entries.put("policy.params", Arrays.copyOf(params, params.length / 3));
    Path p = dir.resolve("badparams.zip");
    TestBundles.write(p, entries);
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .hasMessageStartingWith(
            "invalid policy bundle "
                + p
                + ": policy.params does not fit the policy network"
                + " 13→64→64→32: ");
  }

  @Test
  void parametersOfAnotherShape() throws Exception {
    Path p =
        TestBundles.withMetadata(
            saved,
            dir.resolve("shape.zip"),
            m -> ((ArrayNode) m.get("network").get("policyHidden")).set(1, 32));
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .hasMessageContaining("policy.params does not fit the policy network 13→64→32→32");
  }

  @Test
  void metadataThatIsNotJson() throws Exception {
    Map<String, byte[]> entries = TestBundles.entries(saved);
    entries.put("metadata.json", "{ not json".getBytes());
    Path p = dir.resolve("badjson.zip");
    TestBundles.write(p, entries);
    assertThatThrownBy(() -> PolicyBundle.load(p))
        .hasMessageStartingWith("invalid policy bundle " + p + ": metadata.json is not valid: ");
  }
}
