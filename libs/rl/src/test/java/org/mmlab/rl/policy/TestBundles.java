package org.mmlab.rl.policy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.ppo.Ppo;
import org.mmlab.rl.ppo.PpoConfig;
import org.mmlab.sim.MarketConditions;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.features.FeatureConfig;
import tools.jackson.databind.node.ObjectNode;

/** Small trained bundles and ways to damage them. */
final class TestBundles {
  private TestBundles() {}

  static EnvConfig env(int steps, long maxInventory) {
    return new EnvConfig(
        new BacktestConfig(
            "zi",
            MarketConditions.DEFAULT,
            BacktestConfig.DEFAULT_INTERVAL,
            steps,
            maxInventory,
            FeatureConfig.defaults()),
        "spread-inventory");
  }

  /** A bundle after a few hundred steps of training (enough to move the statistics). */
  static PolicyBundle trained(long seed) {
    PpoConfig config =
        PpoConfig.builder()
            .optNEnvs(2)
            .optNSteps(64)
            .optBatchSize(64)
            .optNEpochs(2)
            .optLearningRate(3e-3)
            .optSeed(seed)
            .build();
    try (Ppo ppo = new Ppo(env(50, 50), config)) {
      ppo.learn(256, null);
      return ppo.bundle();
    }
  }

  static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        z.transferTo(b);
        out.put(e.getName(), b.toByteArray());
      }
    }
    return out;
  }

  static void write(Path zip, Map<String, byte[]> entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(zip);
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : entries.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
  }

  /** Copies a bundle with its metadata edited. */
  static Path withMetadata(Path src, Path dst, Consumer<ObjectNode> edit) throws IOException {
    Map<String, byte[]> entries = entries(src);
    ObjectNode root = (ObjectNode) PolicyBundle.json().readTree(entries.get("metadata.json"));
    edit.accept(root);
    entries.put("metadata.json", PolicyBundle.json().writeValueAsBytes(root));
    write(dst, entries);
    return dst;
  }
}
