package org.mmlab.rl.predictor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.rl.policy.PolicyBundle;
import tools.jackson.databind.node.ObjectNode;

class PredictorBundleTest {
  private static PredictorBundle trained;

  @TempDir Path dir;

  @BeforeAll
  static void train() {
    trained = TestPredictors.small(1);
  }

  @Test
  void roundTripKeepsMetadataPredictionsAndHash() throws Exception {
    Path p = dir.resolve("p.zip");
    PredictorBundle saved = trained.save(p);
    PredictorBundle loaded = PredictorBundle.load(p);
    assertThat(loaded.sha256()).isEqualTo(saved.sha256()).hasSize(64);
    assertThat(loaded.sha256()).isEqualTo(trained.sha256());
    assertThat(loaded.metadata().featureNames()).isEqualTo(PredictorInput.names());
    assertThat(loaded.metadata().horizon()).isEqualTo(5);
    assertThat(loaded.metadata().normalization().mean())
        .containsExactly(trained.metadata().normalization().mean());
    assertThat(loaded.metadata().training().test().model().macroF1())
        .isEqualTo(trained.metadata().training().test().model().macroF1());
    float[] x = new float[PredictorInput.SIZE];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(i);
    }
    double[] a = new double[3];
    double[] b = new double[3];
    trained.predictor().probabilities(x, a);
    loaded.predictor().probabilities(x, b);
    assertThat(b).containsExactly(a);
    assertThat(a[0] + a[1] + a[2]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(loaded.reference()).containsEntry("sha256", loaded.sha256());
  }

  @Test
  void missingFileNotAZipAndWrongKindAreOneLine() throws Exception {
    assertThatThrownBy(() -> PredictorBundle.load(dir.resolve("none.zip")))
        .isInstanceOf(PredictorBundleException.class)
        .hasMessageEndingWith("none.zip: file not found");
    Path text = dir.resolve("text.zip");
    Files.writeString(text, "hello");
    assertThatThrownBy(() -> PredictorBundle.load(text))
        .hasMessageContaining("not a zip archive or corrupt");
    Path policy = dir.resolve("policy.zip");
    write(policy, "{\"formatVersion\":1,\"algorithm\":\"ppo\"}");
    assertThatThrownBy(() -> PredictorBundle.load(policy))
        .hasMessageContaining("not a predictor bundle");
  }

  @Test
  void wrongVersionAndBadFieldsAreNamed() throws Exception {
    Path p = dir.resolve("p.zip");
    trained.save(p);
    ObjectNode meta =
        (ObjectNode) PolicyBundle.json().valueToTree(PredictorBundle.load(p).metadata());
    meta.put("formatVersion", 9);
    Path v9 = dir.resolve("v9.zip");
    write(v9, meta.toString());
    assertThatThrownBy(() -> PredictorBundle.load(v9))
        .hasMessageContaining("wrong format version 9: this build reads format version 1");
    meta.put("formatVersion", 1);
    meta.put("horizon", 0);
    meta.putArray("featureNames").add("mid_price");
    Path bad = dir.resolve("bad.zip");
    write(bad, meta.toString());
    assertThatThrownBy(() -> PredictorBundle.load(bad))
        .hasMessageContaining("feature list mismatch")
        .hasMessageContaining("horizon must be > 0, got 0")
        .hasMessageContaining("missing parameters predictor.params");
  }

  private static void write(Path p, String metadata) throws Exception {
    try (OutputStream out = Files.newOutputStream(p);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(PredictorBundle.METADATA));
      zip.write(metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
  }
}
