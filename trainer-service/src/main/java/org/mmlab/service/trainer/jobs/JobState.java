package org.mmlab.service.trainer.jobs;

/** Where a training job is. */
public enum JobState {
  /** Waiting for the training thread. */
  QUEUED,
  /** Training. */
  RUNNING,
  /** Trained and saved. */
  SUCCEEDED,
  /** Stopped by an error; see {@code error}. */
  FAILED,
  /** Cancelled before or while running; nothing saved. */
  CANCELLED;

  /**
   * Whether the job is over.
   *
   * @return true for SUCCEEDED, FAILED and CANCELLED
   */
  public boolean isFinal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}
