package org.mmlab.rl.policy;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.SequentialBlock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.mmlab.rl.env.ActionSpace;
import org.mmlab.rl.env.Observations;
import org.mmlab.rl.predictor.PredictorBundle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trained policy on disk, {@code NAME.zip}:
 *
 * <pre>
 * metadata.json   {@link BundleMetadata}: format version, feature list, action space, network
 *                 shape, normalization statistics, hyperparameters, market, seed, training summary
 * policy.params   the policy MLP's parameters (DJL {@code Block.saveParameters})
 * value.params    the value MLP's parameters (DJL {@code Block.saveParameters})
 * </pre>
 *
 * <p>{@link #load} checks every field against this build and reports everything that does not fit
 * in one {@link PolicyBundleException}: missing file, not a zip or corrupt, wrong format version,
 * feature list mismatch, action space mismatch, inconsistent network or statistics, missing or
 * malformed parameters. A loaded bundle holds its networks as plain arrays ({@link DenseMlp}), so
 * {@link #policy()} is cheap and needs no native resources.
 */
public final class PolicyBundle {
  /** The format version this build writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** Entry of the metadata. */
  public static final String METADATA = "metadata.json";

  /** Entry of the policy parameters. */
  public static final String POLICY_PARAMS = "policy.params";

  /** Entry of the value parameters. */
  public static final String VALUE_PARAMS = "value.params";

  private static final long MAX_ENTRY_BYTES = 256L << 20;

  /** Fixed entry time, so equal contents give equal zip bytes. */
  private static final long ENTRY_TIME = 1_577_836_800_000L;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private final BundleMetadata metadata;
  private final byte[] policyParams;
  private final byte[] valueParams;
  private DenseMlp policyNet;
  private DenseMlp valueNet;

  /**
   * Assembles a bundle (the learner's save path).
   *
   * @param metadata the metadata
   * @param policyParams encoded policy parameters
   * @param valueParams encoded value parameters
   */
  public PolicyBundle(BundleMetadata metadata, byte[] policyParams, byte[] valueParams) {
    this.metadata = metadata;
    this.policyParams = policyParams.clone();
    this.valueParams = valueParams.clone();
  }

  /**
   * The JSON mapper of bundle metadata (Jackson 3).
   *
   * @return the shared mapper
   */
  public static ObjectMapper json() {
    return JSON;
  }

  /**
   * The metadata.
   *
   * @return the metadata
   */
  public BundleMetadata metadata() {
    return metadata;
  }

  /**
   * The encoded policy parameters.
   *
   * @return a copy
   */
  public byte[] policyParams() {
    return policyParams.clone();
  }

  /**
   * The encoded value parameters.
   *
   * @return a copy
   */
  public byte[] valueParams() {
    return valueParams.clone();
  }

  /**
   * A policy for inference.
   *
   * @return a new policy (each has its own scratch buffers)
   */
  public Policy policy() {
    decodeNetworks();
    return new Policy(metadata, policyNet.copy(), valueNet.copy());
  }

  /**
   * Writes the bundle (atomically: a temporary file in the same directory, then a move).
   *
   * @param path the {@code .zip} to write; parent directories are created
   * @throws IOException when writing fails
   */
  public void save(Path path) throws IOException {
    Path absolute = path.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW);
          ZipOutputStream zip = new ZipOutputStream(out)) {
        put(zip, METADATA, JSON.writeValueAsBytes(metadata));
        put(zip, POLICY_PARAMS, policyParams);
        put(zip, VALUE_PARAMS, valueParams);
      }
      Files.move(
          tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(ENTRY_TIME);
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }

  /**
   * Loads and checks a bundle against this build's observation and action space.
   *
   * @param path the {@code .zip}
   * @return the bundle
   * @throws PolicyBundleException naming everything that does not fit
   * @throws IOException when the file cannot be read
   */
  public static PolicyBundle load(Path path) throws IOException {
    return load(path, (PredictorBundle) null);
  }

  /**
   * Loads and checks a bundle for running with or without a predictor: a policy trained with a
   * predictor needs that very predictor (same SHA-256), and one trained without must get none. A
   * mismatch is one line ({@link PolicyBundleException#predictorMismatch()}).
   *
   * @param path the {@code .zip}
   * @param predictor the predictor the caller will feed, or null for none
   * @return the bundle
   * @throws PolicyBundleException naming everything that does not fit
   * @throws IOException when the file cannot be read
   */
  public static PolicyBundle load(Path path, PredictorBundle predictor) throws IOException {
    return load(path, Observations.names(predictor != null), ActionSpace.NVEC, predictor, true);
  }

  /**
   * Loads and checks a bundle.
   *
   * @param path the {@code .zip}
   * @param expectedFeatures the observation names the caller will feed
   * @param expectedNvec the action space the caller will execute
   * @return the bundle
   * @throws PolicyBundleException naming everything that does not fit
   * @throws IOException when the file cannot be read
   */
  public static PolicyBundle load(Path path, List<String> expectedFeatures, int[] expectedNvec)
      throws IOException {
    return load(path, expectedFeatures, expectedNvec, null, false);
  }

  /**
   * Loads and checks a bundle's own consistency only, with or without the predictor score (for
   * tools that inspect bundles without running them against a predictor).
   *
   * @param path the {@code .zip}
   * @return the bundle
   * @throws PolicyBundleException naming everything that does not fit
   * @throws IOException when the file cannot be read
   */
  public static PolicyBundle inspect(Path path) throws IOException {
    return load(path, null, ActionSpace.NVEC, null, false);
  }

  private static PolicyBundle load(
      Path path,
      List<String> expectedFeatures,
      int[] expectedNvec,
      PredictorBundle predictor,
      boolean checkPredictor)
      throws IOException {
    if (!Files.exists(path)) {
      throw new PolicyBundleException(
          path, List.of("file not found"), new NoSuchFileException(path.toString()));
    }
    if (Files.isDirectory(path)) {
      throw new PolicyBundleException(path, List.of("is a directory, not a .zip file"), null);
    }
    Map<String, byte[]> entries = readEntries(path);
    List<String> problems = new ArrayList<>();
    Throwable cause = null;
    byte[] metadataBytes = entries.get(METADATA);
    byte[] policyBytes = entries.get(POLICY_PARAMS);
    byte[] valueBytes = entries.get(VALUE_PARAMS);
    if (metadataBytes == null) {
      problems.add("missing " + METADATA);
    }
    if (policyBytes == null) {
      problems.add("missing parameters " + POLICY_PARAMS);
    }
    if (valueBytes == null) {
      problems.add("missing parameters " + VALUE_PARAMS);
    }
    BundleMetadata metadata = null;
    if (metadataBytes != null) {
      try {
        metadata = parseMetadata(metadataBytes, problems);
      } catch (JacksonException e) {
        problems.add(METADATA + " is not valid: " + firstLine(e.getOriginalMessage()));
        cause = e;
      }
    }
    if (metadata != null && checkPredictor) {
      String mismatch = predictorMismatch(metadata, predictor);
      if (mismatch != null) {
        throw new PolicyBundleException(path, List.of(mismatch), null, true);
      }
    }
    if (metadata != null) {
      List<String> expected =
          expectedFeatures != null
              ? expectedFeatures
              : Observations.names(metadata.needsPredictor());
      checkMetadata(
          metadata, expected, expectedNvec, problems, checkPredictor || expectedFeatures == null);
    }
    PolicyBundle bundle = null;
    if (problems.isEmpty()) {
      bundle = new PolicyBundle(metadata, policyBytes, valueBytes);
      try {
        bundle.decodeNetworks();
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        cause = e.getCause() != null ? e.getCause() : e;
      }
    }
    if (!problems.isEmpty()) {
      throw new PolicyBundleException(path, problems, cause);
    }
    return bundle;
  }

  private static Map<String, byte[]> readEntries(Path path) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    try (ZipFile zip = new ZipFile(path.toFile())) {
      var e = zip.entries();
      while (e.hasMoreElements()) {
        ZipEntry entry = e.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          entries.put(entry.getName(), BoundedRead.entry(in, entry.getName(), MAX_ENTRY_BYTES));
        }
      }
    } catch (ZipException e) {
      throw new PolicyBundleException(
          path, List.of("not a zip archive or corrupt (" + e.getMessage() + ")"), e);
    }
    return entries;
  }

  private static BundleMetadata parseMetadata(byte[] bytes, List<String> problems) {
    JsonNode root = JSON.readTree(bytes);
    if (root == null || !root.isObject()) {
      problems.add(METADATA + " is not a JSON object");
      return null;
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || !version.isIntegralNumber()) {
      problems.add(METADATA + " has no integer formatVersion");
      return null;
    }
    if (version.intValue() != FORMAT_VERSION) {
      problems.add(
          "wrong format version "
              + version.intValue()
              + ": this build reads format version "
              + FORMAT_VERSION);
      return null;
    }
    List<String> missing = new ArrayList<>();
    for (String field :
        List.of("observationNames", "actionNvec", "network", "normalization", "needsPredictor")) {
      if (root.get(field) == null || root.get(field).isNull()) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(METADATA + " lacks " + String.join(", ", missing));
      return null;
    }
    return JSON.treeToValue(root, BundleMetadata.class);
  }

  /** The one-line reason a policy cannot run with the given predictor, or null when it can. */
  private static String predictorMismatch(BundleMetadata m, PredictorBundle predictor) {
    Object recorded = m.predictor() == null ? null : m.predictor().get("sha256");
    Object where = m.predictor() == null ? null : m.predictor().get("path");
    if (m.needsPredictor() && predictor == null) {
      return "the policy was trained with the predictor score as its 14th observation (predictor "
          + where
          + ", sha256 "
          + shortHash(recorded)
          + "): run it with that predictor (--use-predictor --predictor-path "
          + where
          + ")";
    }
    if (!m.needsPredictor() && predictor != null) {
      return "the policy was trained without the predictor (13 observations): run it without"
          + " --use-predictor";
    }
    if (m.needsPredictor() && !predictor.sha256().equals(recorded)) {
      return "the policy was trained with predictor "
          + where
          + " (sha256 "
          + shortHash(recorded)
          + "), but the predictor given, "
          + predictor.path()
          + ", is a different one (sha256 "
          + shortHash(predictor.sha256())
          + ")";
    }
    return null;
  }

  private static String shortHash(Object sha) {
    String s = String.valueOf(sha);
    return s.length() > 12 ? s.substring(0, 12) + "…" : s;
  }

  private static void checkMetadata(
      BundleMetadata m,
      List<String> expectedFeatures,
      int[] expectedNvec,
      List<String> problems,
      boolean predictorAllowed) {
    List<String> names = m.observationNames();
    if (!names.equals(expectedFeatures)) {
      problems.add(featureMismatch(names, expectedFeatures));
    }
    List<Integer> nvec = NetworkSpec.toList(expectedNvec);
    if (!m.actionNvec().equals(nvec)) {
      problems.add(
          "action space mismatch: bundle has MultiDiscrete"
              + m.actionNvec()
              + ", this build acts in MultiDiscrete"
              + nvec);
    }
    NetworkSpec net = m.network();
    if (net.observationSize() != names.size()) {
      problems.add(
          "network input size "
              + net.observationSize()
              + " does not match the "
              + names.size()
              + " observation names");
    }
    if (!net.actionNvec().equals(m.actionNvec())) {
      problems.add(
          "network heads " + net.actionNvec() + " do not match the action space " + m.actionNvec());
    }
    if (m.normalization().size() != names.size()) {
      problems.add(
          "normalization statistics have "
              + m.normalization().size()
              + " components, the observation has "
              + names.size());
    }
    if (m.needsPredictor() && !predictorAllowed) {
      problems.add(
          "the policy needs the predictor score as its 14th observation; load it with its"
              + " predictor");
    }
    if (m.needsPredictor() && (m.predictor() == null || m.predictor().get("sha256") == null)) {
      problems.add("the policy needs the predictor but does not record which (predictor.sha256)");
    }
  }

  private static String featureMismatch(List<String> bundle, List<String> expected) {
    StringBuilder b =
        new StringBuilder("feature list mismatch: bundle has ")
            .append(bundle.size())
            .append(" features, this build provides ")
            .append(expected.size());
    int n = Math.min(bundle.size(), expected.size());
    for (int i = 0; i < n; i++) {
      if (!bundle.get(i).equals(expected.get(i))) {
        return b.append("; first difference at index ")
            .append(i)
            .append(": bundle '")
            .append(bundle.get(i))
            .append("', this build '")
            .append(expected.get(i))
            .append('\'')
            .toString();
      }
    }
    List<String> extra =
        bundle.size() > n ? bundle.subList(n, bundle.size()) : expected.subList(n, expected.size());
    return b.append(bundle.size() > n ? "; bundle also has " : "; bundle lacks ")
        .append(extra)
        .toString();
  }

  /** Decodes the parameters into plain-array networks, checking their shapes. */
  private synchronized void decodeNetworks() {
    if (policyNet != null) {
      return;
    }
    NetworkSpec spec = metadata.network();
    try (NDManager manager = NDManager.newBaseManager()) {
      policyNet = decode(spec, false, policyParams, manager);
      valueNet = decode(spec, true, valueParams, manager);
    }
  }

  private static DenseMlp decode(NetworkSpec spec, boolean value, byte[] bytes, NDManager m) {
    String entry = value ? VALUE_PARAMS : POLICY_PARAMS;
    SequentialBlock block =
        value ? PolicyNetworks.valueBlock(spec) : PolicyNetworks.policyBlock(spec);
    DenseMlp mlp;
    try {
      PolicyNetworks.load(block, m, spec.observationSize(), bytes);
      mlp = DenseMlp.fromBlock(block, spec.observationSize());
    } catch (MalformedModelException | RuntimeException e) {
      throw new IllegalArgumentException(
          entry
              + " does not fit the "
              + (value ? "value" : "policy")
              + " network "
              + spec.describe(value)
              + ": "
              + firstLine(e.getMessage()),
          e);
    }
    List<Integer> hidden = value ? spec.valueHidden() : spec.policyHidden();
    int[] expectedHidden = hidden.stream().mapToInt(Integer::intValue).toArray();
    int out = value ? 1 : spec.logitCount();
    if (!Arrays.equals(mlp.hiddenWidths(), expectedHidden) || mlp.outputSize() != out) {
      throw new IllegalArgumentException(
          entry
              + " does not fit the "
              + (value ? "value" : "policy")
              + " network "
              + spec.describe(value)
              + ": its layers are "
              + spec.observationSize()
              + "→"
              + Arrays.toString(mlp.hiddenWidths())
              + "→"
              + mlp.outputSize());
    }
    return mlp;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
