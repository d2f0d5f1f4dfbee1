package org.mmlab.service.trainer.kubernetes;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobList;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.ScalableResource;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.mmlab.rl.training.TrainingJob;
import org.mmlab.service.trainer.jobs.JobRunner;
import org.mmlab.service.trainer.jobs.JobState;
import org.mmlab.service.trainer.jobs.JobView;
import org.mmlab.service.trainer.jobs.SubmitJobRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each job as a batch/v1 Job of its own ({@link JobManifest}) in one namespace. The request is
 * checked completely first, as a local job is, against the trainer's models directory, which is the
 * same volume the pods mount. Nothing is kept in memory: status comes from the Job object (and the
 * run's progress CSV in the models volume), so it survives a restart of the trainer; cancel deletes
 * the Job and its pod.
 */
public final class KubernetesJobRunner implements JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesJobRunner.class);

  /** Every Job this runner makes is named so; local ids are UUIDs and never start with it. */
  static final String NAME_PREFIX = "mmlab-train-";

  /** The bundle's path relative to the models directory. */
  static final String SAVE_PATH = "mmlab.org/save-path";

  /** {@code episodes × steps}. */
  static final String TOTAL_TIMESTEPS = "mmlab.org/total-timesteps";

  private final KubernetesClient client;
  private final String namespace;
  private final Path modelsDir;
  private final String mountPath;
  private final JobManifest manifest;

  /**
   * Creates the runner.
   *
   * @param client the cluster's API
   * @param properties the runner's settings
   * @param modelsDir the trainer's models directory (the models volume)
   * @throws IllegalArgumentException naming a setting that is wrong
   */
  public KubernetesJobRunner(
      KubernetesClient client, KubernetesRunnerProperties properties, Path modelsDir) {
    this.client = client;
    String ns = properties.namespace();
    if (ns == null || ns.isBlank()) {
      ns = client.getNamespace();
    }
    this.namespace = ns == null ? "default" : ns;
    this.modelsDir = modelsDir.toAbsolutePath().normalize();
    this.mountPath = properties.modelsMountPath();
    this.manifest = new JobManifest(properties);
  }

  /**
   * The namespace the Jobs go to.
   *
   * @return its name
   */
  public String namespace() {
    return namespace;
  }

  @Override
  public JobView submit(SubmitJobRequest request) {
    TrainingJob checked = request.prepare(modelsDir);
    String savePath = relative(checked.bundlePath());
    String initFrom =
        request.initFrom() == null
            ? null
            : relative(SubmitJobRequest.inside(modelsDir, "initFrom", request.initFrom()));
    String predictor =
        request.predictorPath() == null
            ? null
            : relative(
                SubmitJobRequest.inside(modelsDir, "predictorPath", request.predictorPath()));
    String name = NAME_PREFIX + UUID.randomUUID().toString().substring(0, 8);
    Job job =
        manifest.build(
            name,
            namespace,
            TrainArgs.of(
                request,
                inPod(savePath),
                initFrom == null ? null : inPod(initFrom),
                predictor == null ? null : inPod(predictor)),
            Map.of(SAVE_PATH, savePath, TOTAL_TIMESTEPS, Long.toString(checked.totalTimesteps())));
    Job created = api(() -> jobs().resource(job).create());
    LOG.info("job {} created in namespace {}: {}", name, namespace, inPod(savePath));
    return view(created);
  }

  @Override
  public JobView status(String id) {
    return view(find(id));
  }

  /**
   * Deletes the Job and its pod (training stops at once; the pod's partial files stay). A finished
   * Job is left as is.
   */
  @Override
  public JobView cancel(String id) {
    JobView view = view(find(id));
    if (view.state().isFinal()) {
      return view;
    }
    api(() -> jobs().withName(id).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete());
    LOG.info("job {} deleted (cancelled)", id);
    Instant now = Instant.now();
    return new JobView(
        view.id(),
        JobState.CANCELLED,
        view.runner(),
        view.savePath(),
        view.timesteps(),
        view.totalTimesteps(),
        view.progress(),
        view.iteration(),
        view.episodeRewardMean(),
        view.stepsPerSecond(),
        view.bestEvalReward(),
        null,
        view.submittedAt(),
        view.startedAt(),
        now);
  }

  @Override
  public List<JobView> list() {
    JobList list = api(() -> jobs().withLabel(JobManifest.MANAGED_BY, JobManifest.MANAGER).list());
    List<Job> items = new ArrayList<>(list.getItems());
    items.sort(Comparator.comparing(j -> String.valueOf(j.getMetadata().getCreationTimestamp())));
    List<JobView> views = new ArrayList<>(items.size());
    for (Job j : items) {
      views.add(view(j));
    }
    return views;
  }

  @Override
  public boolean owns(String id) {
    return id.startsWith(NAME_PREFIX);
  }

  private Job find(String id) {
    Job job = api(() -> jobs().withName(id).get());
    Map<String, String> labels = job == null ? null : job.getMetadata().getLabels();
    if (labels == null || !JobManifest.MANAGER.equals(labels.get(JobManifest.MANAGED_BY))) {
      throw new ProblemException(
          ProblemCode.JOB_NOT_FOUND, "no job " + id + " in namespace " + namespace);
    }
    return job;
  }

  /** A Job's view: its state from the status, its progress from the run's CSV. */
  JobView view(Job job) {
    Map<String, String> annotations =
        job.getMetadata().getAnnotations() == null ? Map.of() : job.getMetadata().getAnnotations();
    String savePath = annotations.get(SAVE_PATH);
    long total = Long.parseLong(annotations.getOrDefault(TOTAL_TIMESTEPS, "0"));
    JobStatus status = job.getStatus();
    JobState state = JobState.QUEUED;
    String error = null;
    Instant finishedAt = null;
    if (job.getMetadata().getDeletionTimestamp() != null) {
      state = JobState.CANCELLED;
    } else if (status != null) {
      JobCondition done = condition(status, "Complete");
      JobCondition failed = condition(status, "Failed");
      if (done != null) {
        state = JobState.SUCCEEDED;
        finishedAt = time(status.getCompletionTime());
      } else if (failed != null) {
        state = JobState.FAILED;
        error = failed.getReason() + ": " + failed.getMessage();
        finishedAt = time(failed.getLastTransitionTime());
      } else if (status.getActive() != null && status.getActive() > 0) {
        state = JobState.RUNNING;
      }
    }
    Instant submittedAt = time(job.getMetadata().getCreationTimestamp());
    ProgressCsv progress =
        state == JobState.QUEUED || savePath == null
            ? null
            : ProgressCsv.read(progressFile(savePath), submittedAt);
    long timesteps = progress == null ? 0 : progress.timesteps();
    return new JobView(
        job.getMetadata().getName(),
        state,
        KUBERNETES,
        savePath == null ? null : inPod(savePath),
        timesteps,
        total,
        total == 0 ? 0 : Math.min(1.0, (double) timesteps / total),
        progress == null ? 0 : progress.iteration(),
        progress == null ? null : finite(progress.episodeRewardMean()),
        progress == null ? null : finite(progress.stepsPerSecond()),
        null,
        error,
        submittedAt,
        status == null ? null : time(status.getStartTime()),
        finishedAt);
  }

  private static JobCondition condition(JobStatus status, String type) {
    for (JobCondition c : status.getConditions()) {
      if (type.equals(c.getType()) && "True".equals(c.getStatus())) {
        return c;
      }
    }
    return null;
  }

  private Path progressFile(String savePath) {
    Path bundle = modelsDir.resolve(savePath);
    String base = bundle.getFileName().toString().replaceFirst("\\.zip$", "");
    return bundle.resolveSibling(base + "_progress.csv");
  }

  private String relative(Path inside) {
    return modelsDir.relativize(inside.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private String inPod(String relative) {
    return mountPath + "/" + relative;
  }

  private NonNamespaceOperation<Job, JobList, ScalableResource<Job>> jobs() {
    return client.batch().v1().jobs().inNamespace(namespace);
  }

  private static <T> T api(Supplier<T> call) {
    try {
      return call.get();
    } catch (KubernetesClientException e) {
      throw new ProblemException(
          ProblemCode.KUBERNETES_API_ERROR,
          "Kubernetes API: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
  }

  private static Instant time(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
