package org.mmlab.rl.predictor;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.mmlab.rl.policy.BoundedRead;
import org.mmlab.rl.policy.DenseMlp;
import org.mmlab.rl.policy.PolicyBundle;
import org.mmlab.rl.policy.PolicyNetworks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A trained predictor on disk, {@code NAME.zip}:
 *
 * <pre>
 * metadata.json      {@link PredictorMetadata}: kind "predictor", format version, feature list,
 *                    horizon, dead band, class weights, normalization, network, training summary
 * predictor.params   the classifier's parameters (DJL {@code Block.saveParameters})
 * </pre>
 *
 * <p>{@link #load} checks every field against this build and names everything that does not fit in
 * one {@link PredictorBundleException}. A bundle is identified by the SHA-256 of its file ({@link
 * #sha256()}), which a policy trained with it records, so a policy never runs with a predictor
 * other than its own.
 */
public final class PredictorBundle {
  /** The format version this build writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** Entry of the metadata. */
  public static final String METADATA = "metadata.json";

  /** Entry of the parameters. */
  public static final String PARAMS = "predictor.params";

  /** The activation this build runs. */
  public static final String TANH = "tanh";

  private static final long MAX_ENTRY_BYTES = 64L << 20;
  private static final long ENTRY_TIME = 1_577_836_800_000L;

  private final PredictorMetadata metadata;
  private final byte[] params;
  private final DenseMlp net;
  private final Path path;
  private final String sha256;

  private PredictorBundle(
      PredictorMetadata metadata, byte[] params, DenseMlp net, Path path, String sha256) {
    this.metadata = metadata;
    this.params = params;
    this.net = net;
    this.path = path;
    this.sha256 = sha256;
  }

  /**
   * Assembles a bundle in memory (the trainer's output), decoding the parameters.
   *
   * @param metadata the metadata
   * @param params the encoded parameters
   * @return the bundle, not yet saved ({@link #sha256()} is that of its zip bytes)
   */
  public static PredictorBundle of(PredictorMetadata metadata, byte[] params) {
    DenseMlp net = decode(metadata.network(), params);
    return new PredictorBundle(
        metadata, params.clone(), net, null, hex(sha(zipBytes(metadata, params))));
  }

  /**
   * The metadata.
   *
   * @return the metadata
   */
  public PredictorMetadata metadata() {
    return metadata;
  }

  /**
   * Where the bundle was loaded from or saved to.
   *
   * @return the path, or null for a bundle only in memory
   */
  public Path path() {
    return path;
  }

  /**
   * SHA-256 of the bundle's zip bytes, lowercase hex: the predictor's identity.
   *
   * @return 64 hex digits
   */
  public String sha256() {
    return sha256;
  }

  /**
   * A predictor for inference (own history and scratch buffers).
   *
   * @return a new predictor
   */
  public Predictor predictor() {
    return new Predictor(metadata, net.copy());
  }

  /**
   * What a policy bundle records about the predictor it was trained with.
   *
   * @return path, name, SHA-256, horizon and dead band
   */
  public Map<String, Object> reference() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", path == null ? null : path.toString());
    m.put("name", path == null ? null : path.getFileName().toString());
    m.put("sha256", sha256);
    m.put("horizon", metadata.horizon());
    m.put("horizonUnit", metadata.horizonUnit());
    m.put("deadBand", metadata.deadBand());
    return m;
  }

  /**
   * Writes the bundle atomically (temporary file, then a move).
   *
   * @param target the {@code .zip}; parent directories are created
   * @return the saved bundle (with its path)
   * @throws IOException when writing fails
   */
  public PredictorBundle save(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    byte[] bytes = zipBytes(metadata, params);
    try {
      try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW)) {
        out.write(bytes);
      }
      Files.move(
          tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
    return new PredictorBundle(metadata, params, net, target, hex(sha(bytes)));
  }

  private static byte[] zipBytes(PredictorMetadata metadata, byte[] params) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      put(zip, METADATA, PolicyBundle.json().writeValueAsBytes(metadata));
      put(zip, PARAMS, params);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory zip failed", e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(ENTRY_TIME);
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }

  /**
   * Whether a zip's {@code metadata.json} declares a predictor (for tools that take either kind).
   *
   * @param metadataJson the parsed metadata
   * @return true for {@code "kind": "predictor"}
   */
  public static boolean isPredictor(JsonNode metadataJson) {
    JsonNode kind = metadataJson == null ? null : metadataJson.get("kind");
    return kind != null && KIND_TEXT.equals(kind.asString());
  }

  private static final String KIND_TEXT = PredictorMetadata.KIND;

  /**
   * Loads and checks a bundle.
   *
   * @param path the {@code .zip}
   * @return the bundle
   * @throws PredictorBundleException naming everything that does not fit
   * @throws IOException when the file cannot be read
   */
  public static PredictorBundle load(Path path) throws IOException {
    if (!Files.exists(path)) {
      throw new PredictorBundleException(
          path, List.of("file not found"), new NoSuchFileException(path.toString()));
    }
    if (Files.isDirectory(path)) {
      throw new PredictorBundleException(path, List.of("is a directory, not a .zip file"), null);
    }
    byte[] file = Files.readAllBytes(path);
    Map<String, byte[]> entries = readEntries(path, file);
    List<String> problems = new ArrayList<>();
    byte[] metaBytes = entries.get(METADATA);
    byte[] params = entries.get(PARAMS);
    if (metaBytes == null) {
      problems.add("missing " + METADATA);
    }
    if (params == null) {
      problems.add("missing parameters " + PARAMS);
    }
    PredictorMetadata m = null;
    Throwable cause = null;
    if (metaBytes != null) {
      try {
        m = parse(metaBytes, problems);
      } catch (JacksonException e) {
        problems.add(METADATA + " is not valid: " + firstLine(e.getOriginalMessage()));
        cause = e;
      }
    }
    if (m != null) {
      check(m, problems);
    }
    DenseMlp net = null;
    if (problems.isEmpty()) {
      try {
        net = decode(m.network(), params);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
        cause = e;
      }
    }
    if (!problems.isEmpty()) {
      throw new PredictorBundleException(path, problems, cause);
    }
    return new PredictorBundle(m, params, net, path, hex(sha(file)));
  }

  private static Map<String, byte[]> readEntries(Path path, byte[] file) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(file))) {
      boolean any = false;
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        any = true;
        if (!e.isDirectory()) {
          entries.put(e.getName(), BoundedRead.entry(zip, e.getName(), MAX_ENTRY_BYTES));
        }
      }
      if (!any) {
        throw new ZipException("no entries");
      }
    } catch (ZipException e) {
      throw new PredictorBundleException(
          path, List.of("not a zip archive or corrupt (" + e.getMessage() + ")"), e);
    }
    return entries;
  }

  private static PredictorMetadata parse(byte[] bytes, List<String> problems) {
    JsonNode root = PolicyBundle.json().readTree(bytes);
    if (root == null || !root.isObject()) {
      problems.add(METADATA + " is not a JSON object");
      return null;
    }
    if (!isPredictor(root)) {
      problems.add(
          "not a predictor bundle ("
              + METADATA
              + " has no \"kind\": \"predictor\"; a policy bundle goes to --model-path)");
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
        List.of(
            "featureNames",
            "classes",
            "horizon",
            "deadBand",
            "classWeights",
            "normalization",
            "network")) {
      if (root.get(field) == null || root.get(field).isNull()) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      problems.add(METADATA + " lacks " + String.join(", ", missing));
      return null;
    }
    return PolicyBundle.json().treeToValue(root, PredictorMetadata.class);
  }

  private static void check(PredictorMetadata m, List<String> problems) {
    if (!PredictorInput.names().equals(m.featureNames())) {
      problems.add(
          "feature list mismatch: bundle has "
              + m.featureNames()
              + ", this build computes "
              + PredictorInput.names());
    }
    if (!Labels.names().equals(m.classes())) {
      problems.add("classes " + m.classes() + " are not " + Labels.names());
    }
    if (!"events".equals(m.horizonUnit())) {
      problems.add("horizon unit '" + m.horizonUnit() + "' is not events");
    }
    if (m.horizon() <= 0) {
      problems.add("horizon must be > 0, got " + m.horizon());
    }
    if (!(m.deadBand() >= 0) || Double.isInfinite(m.deadBand())) {
      problems.add("dead band must be finite and >= 0, got " + m.deadBand());
    }
    if (m.classWeights() == null || m.classWeights().length != Labels.CLASSES) {
      problems.add("classWeights must have " + Labels.CLASSES + " values");
    }
    PredictorMetadata.Normalization n = m.normalization();
    int size = PredictorInput.SIZE;
    if (n.mean() == null || n.std() == null || n.mean().length != size || n.std().length != size) {
      problems.add("normalization must have " + size + " means and standard deviations");
    } else {
      for (int i = 0; i < size; i++) {
        if (!(n.std()[i] > 0) || !Double.isFinite(n.mean()[i]) || !Double.isFinite(n.std()[i])) {
          problems.add("normalization of input " + i + " is not finite with std > 0");
          break;
        }
      }
    }
    if (!(n.clip() > 0)) {
      problems.add("normalization clip must be > 0, got " + n.clip());
    }
    PredictorMetadata.Network net = m.network();
    if (net.inputSize() != size) {
      problems.add("network input size " + net.inputSize() + " is not " + size);
    }
    if (net.outputs() != Labels.CLASSES) {
      problems.add("network outputs " + net.outputs() + " are not " + Labels.CLASSES);
    }
    if (!TANH.equals(net.activation())) {
      problems.add("activation '" + net.activation() + "' is not " + TANH);
    }
    if (net.hidden() == null || net.hidden().stream().anyMatch(h -> h == null || h <= 0)) {
      problems.add("hidden widths must be positive, got " + net.hidden());
    }
  }

  /**
   * The classifier block of a network shape.
   *
   * @param net the shape
   * @return an uninitialized block
   */
  static SequentialBlock block(PredictorMetadata.Network net) {
    SequentialBlock block = new SequentialBlock();
    for (int width : net.hidden()) {
      block.add(Linear.builder().setUnits(width).build());
      block.add(Activation.tanhBlock());
    }
    block.add(Linear.builder().setUnits(net.outputs()).build());
    return block;
  }

  private static DenseMlp decode(PredictorMetadata.Network net, byte[] params) {
    SequentialBlock block = block(net);
    DenseMlp mlp;
    try (NDManager manager = NDManager.newBaseManager()) {
      PolicyNetworks.load(block, manager, net.inputSize(), params);
      mlp = DenseMlp.fromBlock(block, net.inputSize());
    } catch (MalformedModelException | RuntimeException e) {
      throw new IllegalArgumentException(
          PARAMS + " does not fit the network " + describe(net) + ": " + firstLine(e.getMessage()),
          e);
    }
    int[] hidden = net.hidden().stream().mapToInt(Integer::intValue).toArray();
    if (!Arrays.equals(mlp.hiddenWidths(), hidden) || mlp.outputSize() != net.outputs()) {
      throw new IllegalArgumentException(
          PARAMS
              + " does not fit the network "
              + describe(net)
              + ": its layers are "
              + net.inputSize()
              + "→"
              + Arrays.toString(mlp.hiddenWidths())
              + "→"
              + mlp.outputSize());
    }
    return mlp;
  }

  private static String describe(PredictorMetadata.Network net) {
    return net.inputSize() + "→" + net.hidden() + "→" + net.outputs();
  }

  private static byte[] sha(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
