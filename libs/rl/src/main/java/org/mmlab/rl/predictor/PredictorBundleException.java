package org.mmlab.rl.predictor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A predictor bundle that cannot be used, every reason in one line: {@code invalid predictor bundle
 * PATH: reason; reason}.
 */
public final class PredictorBundleException extends IOException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /**
   * Creates the exception.
   *
   * @param path the bundle
   * @param problems the reasons, at least one
   * @param cause the first underlying exception, or null
   */
  public PredictorBundleException(Path path, List<String> problems, Throwable cause) {
    super("invalid predictor bundle " + path + ": " + String.join("; ", problems), cause);
    this.problems = List.copyOf(problems);
  }

  /**
   * The reasons.
   *
   * @return one per problem
   */
  public List<String> problems() {
    return problems;
  }
}
