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

  /**
   * Creates the exception.
   *
   * @param path the bundle
   * @param problems what does not fit, at least one
   * @param cause the first underlying exception, or null
   */
  public PolicyBundleException(Path path, List<String> problems, Throwable cause) {
    super("invalid policy bundle " + path + ": " + String.join("; ", problems), cause);
    this.problems = List.copyOf(problems);
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
