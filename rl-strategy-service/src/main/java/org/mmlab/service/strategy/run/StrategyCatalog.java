package org.mmlab.service.strategy.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.mmlab.rl.policy.EnsembleStrategy;
import org.mmlab.rl.policy.PolicyBundleException;
import org.mmlab.rl.policy.RlStrategy;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.strategy.Strategy;
import org.mmlab.strategy.StrategyRegistry;

/** Builds a {@link Strategy} from a start request: the same classes the backtester runs. */
public final class StrategyCatalog {
  /** The RL policy type. */
  public static final String RL = "rl";

  /** The ensemble-of-policies type. */
  public static final String ENSEMBLE = "ensemble";

  private static final String DETERMINISTIC = "deterministic";

  private final StrategyRegistry registry = StrategyRegistry.builtIn();

  /**
   * The types a start request may name.
   *
   * @return the types
   */
  public Set<String> types() {
    Set<String> t = new TreeSet<>(registry.names());
    t.add(RL);
    t.add(ENSEMBLE);
    return t;
  }

  /**
   * Parameters as strings.
   *
   * @param params the request's parameters, may be null
   * @return key → value text
   */
  static Map<String, String> strings(Map<String, Object> params) {
    Map<String, String> out = new LinkedHashMap<>();
    if (params != null) {
      params.forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
    }
    return out;
  }

  /**
   * Builds the strategy.
   *
   * @param request the request
   * @return a fresh strategy
   * @throws ProblemException for an unknown type, a missing model path, a bad bundle or bad
   *     parameters
   */
  public Strategy create(StartStrategyRequest request) {
    String type = request.type();
    Map<String, String> params = strings(request.params());
    boolean usePredictor = Boolean.TRUE.equals(request.usePredictor());
    if (!usePredictor && request.predictorPath() != null) {
      throw new ProblemException(
          ProblemCode.INVALID_PARAMS, "predictorPath needs usePredictor: true");
    }
    if (usePredictor && !RL.equals(type)) {
      throw new ProblemException(
          ProblemCode.INVALID_PARAMS,
          "usePredictor works with strategy type 'rl' only, not '" + type + "'");
    }
    if (RL.equals(type) || ENSEMBLE.equals(type)) {
      PredictorBundle predictor = usePredictor ? loadPredictor(request.predictorPath()) : null;
      return loadPolicy(type, request.modelPath(), params, predictor);
    }
    if (!registry.names().contains(type)) {
      throw new ProblemException(
          ProblemCode.UNKNOWN_STRATEGY_TYPE,
          "unknown strategy type '" + type + "'; known types: " + String.join(", ", types()));
    }
    try {
      return registry.create(type, params);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(ProblemCode.INVALID_PARAMS, e.getMessage());
    }
  }

  private static PredictorBundle loadPredictor(String path) {
    String p =
        path == null || path.isBlank() ? StartStrategyRequest.DEFAULT_PREDICTOR_PATH : path.trim();
    try {
      return PredictorBundle.load(Path.of(p));
    } catch (IOException | RuntimeException e) {
      throw new ProblemException(
          ProblemCode.INVALID_BUNDLE,
          "predictorPath: " + (e.getMessage() == null ? e : e.getMessage()));
    }
  }

  private static Strategy loadPolicy(
      String type, String modelPath, Map<String, String> params, PredictorBundle predictor) {
    if (modelPath == null || modelPath.isBlank()) {
      throw new ProblemException(
          ProblemCode.MODEL_PATH_REQUIRED, "strategy type '" + type + "' needs a modelPath");
    }
    boolean deterministic = true;
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (!DETERMINISTIC.equals(e.getKey())) {
        throw new ProblemException(
            ProblemCode.INVALID_PARAMS,
            "strategy '"
                + type
                + "': unknown parameter '"
                + e.getKey()
                + "'; known: deterministic");
      }
      String v = e.getValue();
      if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
        throw new ProblemException(
            ProblemCode.INVALID_PARAMS,
            "strategy '" + type + "': deterministic must be true or false, got '" + v + "'");
      }
      deterministic = Boolean.parseBoolean(v);
    }
    List<Path> paths = new ArrayList<>();
    for (String p : modelPath.split(",")) {
      if (p.isBlank()) {
        continue;
      }
      Path path = Path.of(p.trim());
      if (!Files.isRegularFile(path)) {
        throw new ProblemException(
            ProblemCode.INVALID_BUNDLE, "no policy bundle at '" + path + "'");
      }
      paths.add(path);
    }
    if (RL.equals(type) && paths.size() != 1) {
      throw new ProblemException(
          ProblemCode.INVALID_BUNDLE, "strategy 'rl' takes exactly one bundle");
    }
    try {
      return RL.equals(type)
          ? RlStrategy.load(paths.get(0), predictor, deterministic)
          : EnsembleStrategy.load(paths, deterministic);
    } catch (PolicyBundleException e) {
      throw new ProblemException(
          e.predictorMismatch() ? ProblemCode.PREDICTOR_MISMATCH : ProblemCode.INVALID_BUNDLE,
          "cannot load '" + modelPath + "': " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw new ProblemException(
          ProblemCode.INVALID_BUNDLE,
          "cannot load '" + modelPath + "': " + (e.getMessage() == null ? e : e.getMessage()));
    }
  }
}
