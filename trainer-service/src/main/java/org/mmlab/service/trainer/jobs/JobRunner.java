package org.mmlab.service.trainer.jobs;

import java.util.List;
import org.mmlab.api.ProblemException;

/** Where training jobs run: this process ({@link JobService}) or a cluster. */
public interface JobRunner {
  /** The runner of {@link JobService}. */
  String LOCAL = "local";

  /** The runner that makes each job a Kubernetes Job. */
  String KUBERNETES = "kubernetes";

  /**
   * Checks and starts (or queues) a job.
   *
   * @param request the job
   * @return its view
   * @throws ProblemException when the job is refused
   */
  JobView submit(SubmitJobRequest request);

  /**
   * A job's status.
   *
   * @param id the job id
   * @return its view
   * @throws ProblemException JOB_NOT_FOUND
   */
  JobView status(String id);

  /**
   * Cancels a job.
   *
   * @param id the job id
   * @return its view after the cancel request
   * @throws ProblemException JOB_NOT_FOUND
   */
  JobView cancel(String id);

  /**
   * Every job this runner knows, oldest first.
   *
   * @return the views
   */
  List<JobView> list();

  /**
   * Whether an id is one of this runner's (the runners' ids never collide).
   *
   * @param id a job id
   * @return true if {@link #status} should be asked about it
   */
  boolean owns(String id);
}
