package org.mmlab.service.trainer.jobs;

import java.util.ArrayList;
import java.util.List;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;

/**
 * The job API's entry: a job runs locally unless it asks for {@code "runner": "kubernetes"}, and an
 * id goes to the runner that owns it. Without a Kubernetes runner (the default) every call is the
 * local {@link JobService}'s.
 */
public final class TrainingJobs {
  private final JobService local;
  private final JobRunner kubernetes;

  /**
   * Creates the entry.
   *
   * @param local the in-process runner
   * @param kubernetes the Kubernetes runner, or null when it is not enabled
   */
  public TrainingJobs(JobService local, JobRunner kubernetes) {
    this.local = local;
    this.kubernetes = kubernetes;
  }

  /**
   * Submits a job to the runner it names.
   *
   * @param request the job
   * @return its view
   * @throws ProblemException RUNNER_NOT_ENABLED for kubernetes while it is off, or the runner's
   */
  public JobView submit(SubmitJobRequest request) {
    if (!request.onKubernetes()) {
      return local.submit(request);
    }
    if (kubernetes == null) {
      throw new ProblemException(
          ProblemCode.RUNNER_NOT_ENABLED,
          "runner kubernetes is not enabled on this trainer (mmlab.trainer.kubernetes.enabled)");
    }
    return kubernetes.submit(request);
  }

  /**
   * A job's status.
   *
   * @param id the job id
   * @return its view
   * @throws ProblemException JOB_NOT_FOUND
   */
  public JobView status(String id) {
    return runnerOf(id).status(id);
  }

  /**
   * Cancels a job.
   *
   * @param id the job id
   * @return its view
   * @throws ProblemException JOB_NOT_FOUND
   */
  public JobView cancel(String id) {
    return runnerOf(id).cancel(id);
  }

  /**
   * Every job: the local ones, then the cluster's.
   *
   * @return the views
   */
  public List<JobView> list() {
    if (kubernetes == null) {
      return local.list();
    }
    List<JobView> all = new ArrayList<>(local.list());
    all.addAll(kubernetes.list());
    return all;
  }

  private JobRunner runnerOf(String id) {
    return kubernetes != null && kubernetes.owns(id) ? kubernetes : local;
  }
}
