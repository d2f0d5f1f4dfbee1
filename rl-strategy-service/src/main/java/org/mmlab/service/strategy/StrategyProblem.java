package org.mmlab.service.strategy;

import java.util.Locale;

/**
 * Stable {@code code}s of this service's RFC 9457 problem details (besides the shared {@link
 * org.mmlab.api.ProblemCode#VALIDATION_FAILED} and {@link
 * org.mmlab.api.ProblemCode#MALFORMED_REQUEST}).
 */
public enum StrategyProblem {
  /** {@code type} names no strategy this service runs. */
  UNKNOWN_STRATEGY_TYPE(400, "Unknown strategy type"),
  /** {@code rl} or {@code ensemble} without {@code modelPath}. */
  MODEL_PATH_REQUIRED(400, "Model path required"),
  /** The policy bundle is missing, unreadable or does not fit. */
  INVALID_BUNDLE(400, "Invalid policy bundle"),
  /** A strategy parameter is unknown or out of range. */
  INVALID_PARAMS(400, "Invalid strategy parameters"),
  /** No strategy with that id. */
  STRATEGY_NOT_FOUND(404, "Strategy not found");

  private final int status;
  private final String title;

  StrategyProblem(int status, String title) {
    this.status = status;
    this.title = title;
  }

  /**
   * The HTTP status.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * The short, stable title.
   *
   * @return the title
   */
  public String title() {
    return title;
  }

  /**
   * The problem's {@code type} URI.
   *
   * @return {@code urn:mmlab:problem:} and the code in kebab case
   */
  public String type() {
    return "urn:mmlab:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
