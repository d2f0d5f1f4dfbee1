package org.mmlab.rl.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A policy bundle that cannot be used, with every reason in one message: {@code invalid policy
 * bundle PATH: reason; reason; ...}.
 */
public final class PolicyBundleException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The reasons (serializable copy). */
  private final List<String> problems;

  /** Whether the problem is the predictor: needed and missing, or a different one. */
  private final boolean predictorMismatch;

  /**
   * Creates the exception.
   *
   * @param path the bundle
   * @param problems what does not fit, at least one
   * @param cause the first underlying exception, or null
   */
  public PolicyBundleException(Path path, List<String> problems, Throwable cause) {
    this(path, problems, cause, false);
  }

  /**
   * Creates the exception.
   *
   * @param path the bundle
   * @param problems what does not fit, at least one
   * @param cause the first underlying exception, or null
   * @param predictorMismatch whether it is about the predictor
   */
  public PolicyBundleException(
      Path path, List<String> problems, Throwable cause, boolean predictorMismatch) {
    super(
        (predictorMismatch ? "policy bundle " : "invalid policy bundle ")
            + path
            + ": "
            + String.join("; ", problems),
        cause);
    this.problems = List.copyOf(problems);
    this.predictorMismatch = predictorMismatch;
  }

  /**
   * Whether the bundle is fine but needs a predictor that was not given (or was given without
   * needing one, or with a different one).
   *
   * @return true for a predictor mismatch
   */
  public boolean predictorMismatch() {
    return predictorMismatch;
  }

  /**
   * The reasons, one per problem found.
   *
   * @return the reasons
   */
  public List<String> problems() {
    return problems;
  }
}
