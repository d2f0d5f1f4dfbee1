package org.mmlab.service.strategy.run;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/**
 * {@code POST /api/v1/strategies}.
 *
 * @param type {@code rl}, {@code ensemble}, {@code symmetric}, {@code avellaneda-stoikov} or {@code
 *     glft}
 * @param modelPath the policy bundle ({@code .zip}) for {@code rl}; for {@code ensemble} the
 *     bundles separated by commas
 * @param params strategy parameters (e.g. {@code half_spread}, {@code size} for {@code symmetric});
 *     absent ones take their defaults. {@code rl} and {@code ensemble} take {@code deterministic}
 *     (default true).
 * @param apiKey the gateway API key to trade under, default the first key of the service's pool
 *     that no running strategy holds; a key a running strategy holds is refused (a key has one
 *     quote and one position)
 * @param usePredictor for {@code rl}: feed the predictor and observe its score (a policy trained
 *     with {@code --use-predictor} needs it); default false
 * @param predictorPath the predictor bundle for {@code usePredictor}, default {@value
 *     #DEFAULT_PREDICTOR_PATH}
 */
public record StartStrategyRequest(
    @NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String type,
    String modelPath,
    Map<String, Object> params,
    String apiKey,
    Boolean usePredictor,
    String predictorPath) {

  /** The predictor bundle {@code usePredictor} loads when no path is given. */
  public static final String DEFAULT_PREDICTOR_PATH = "models/predictor.zip";

  /**
   * A request without the predictor.
   *
   * @param type strategy type
   * @param modelPath policy bundle(s)
   * @param params parameters
   * @param apiKey gateway API key
   */
  public StartStrategyRequest(
      String type, String modelPath, Map<String, Object> params, String apiKey) {
    this(type, modelPath, params, apiKey, null, null);
  }
}
