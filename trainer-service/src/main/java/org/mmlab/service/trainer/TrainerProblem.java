package org.mmlab.service.trainer;

import java.util.Locale;

/**
 * Stable {@code code}s of this service's RFC 9457 problem details (besides the shared {@link
 * org.mmlab.api.ProblemCode#VALIDATION_FAILED} and {@link
 * org.mmlab.api.ProblemCode#MALFORMED_REQUEST}).
 */
public enum TrainerProblem {
  /** The training spec is out of range, names an unknown market or reward, or cannot be saved. */
  INVALID_TRAINING_SPEC(400, "Invalid training spec"),
  /** A save path or init-from bundle outside the model store. */
  PATH_OUTSIDE_MODELS_DIR(400, "Path outside the models directory"),
  /** No job with that id. */
  JOB_NOT_FOUND(404, "Job not found");

  private final int status;
  private final String title;

  TrainerProblem(int status, String title) {
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
