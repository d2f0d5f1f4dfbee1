package org.mmlab.service.trainer.jobs;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.mmlab.rl.ppo.RolloutStats;
import org.mmlab.rl.training.TrainingJob;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs training jobs one at a time on a single background thread; the rest wait in submission
 * order. Every job is checked completely ({@link TrainingJob#prepare}) before it is queued, so a
 * bad spec is refused at once instead of failing later.
 *
 * <p>Per running job, gauges {@code mmlab_training_timesteps}, {@code
 * mmlab_training_episode_reward} and {@code mmlab_training_steps_per_second}, tagged {@code job}.
 */
public final class JobService implements JobRunner, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobService.class);

  private final Path modelsDir;
  private final int maxFinishedJobs;
  private final MeterRegistry registry;
  private final ExecutorService executor;
  private final Map<String, Run> jobs = new LinkedHashMap<>(); // guarded by this

  /**
   * Creates the service and its training thread.
   *
   * @param modelsDir where bundles go; save paths are relative to it
   * @param maxFinishedJobs finished jobs remembered
   * @param registry where the training gauges go
   */
  public JobService(Path modelsDir, int maxFinishedJobs, MeterRegistry registry) {
    this.modelsDir = modelsDir.toAbsolutePath().normalize();
    this.maxFinishedJobs = maxFinishedJobs;
    this.registry = registry;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "trainer-job");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Checks and queues a job.
   *
   * @param request the job
   * @return its view, QUEUED
   * @throws ProblemException INVALID_TRAINING_SPEC or PATH_OUTSIDE_MODELS_DIR
   */
  @Override
  public JobView submit(SubmitJobRequest request) {
    TrainingJob job = request.prepare(modelsDir);
    Run run = new Run(UUID.randomUUID().toString(), job, Instant.now());
    synchronized (this) {
      jobs.put(run.id, run);
      forgetOldJobs();
    }
    executor.execute(() -> execute(run));
    LOG.info("job {} queued: {} timesteps to {}", run.id, job.totalTimesteps(), job.bundlePath());
    return run.view();
  }

  /**
   * Every remembered job, oldest first.
   *
   * @return the views
   */
  @Override
  public synchronized List<JobView> list() {
    return jobs.values().stream().map(Run::view).toList();
  }

  /**
   * A job's status.
   *
   * @param id the job id
   * @return its view
   * @throws ProblemException JOB_NOT_FOUND
   */
  @Override
  public JobView status(String id) {
    return find(id).view();
  }

  /**
   * Cancels a job: a queued one at once, a running one at its next environment step (its state
   * turns CANCELLED when training has stopped; nothing is saved). A finished job is left as is.
   *
   * @param id the job id
   * @return its view
   * @throws ProblemException JOB_NOT_FOUND
   */
  @Override
  public JobView cancel(String id) {
    Run run = find(id);
    synchronized (run) {
      run.job.cancel();
      if (run.state == JobState.QUEUED) {
        run.state = JobState.CANCELLED;
        run.finishedAt = Instant.now();
      }
    }
    LOG.info("job {} cancel requested", id);
    return run.view();
  }

  @Override
  public synchronized boolean owns(String id) {
    return jobs.containsKey(id);
  }

  private Run find(String id) {
    Run run;
    synchronized (this) {
      run = jobs.get(id);
    }
    if (run == null) {
      throw new ProblemException(ProblemCode.JOB_NOT_FOUND, "no job " + id);
    }
    return run;
  }

  private void execute(Run run) {
    synchronized (run) {
      if (run.state != JobState.QUEUED) {
        return;
      }
      run.state = JobState.RUNNING;
      run.startedAt = Instant.now();
    }
    registerMeters(run);
    LOG.info("job {} running", run.id);
    try {
      TrainingJob.Result result = run.job.run(null);
      synchronized (run) {
        run.bestEvalReward = result.bestEvalReward();
        run.state =
            result.outcome() == TrainingJob.Outcome.COMPLETED
                ? JobState.SUCCEEDED
                : JobState.CANCELLED;
        run.finishedAt = Instant.now();
      }
      LOG.info("job {} {} after {} timesteps", run.id, run.state, result.timesteps());
    } catch (Exception | LinkageError e) {
      synchronized (run) {
        run.error = e.getMessage() == null ? e.toString() : e.getMessage();
        run.state = JobState.FAILED;
        run.finishedAt = Instant.now();
      }
      LOG.warn("job {} failed", run.id, e);
    }
  }

  private void registerMeters(Run run) {
    gauge(run, "mmlab_training_timesteps", "Environment steps taken", r -> r.job.timesteps());
    gauge(
        run,
        "mmlab_training_episode_reward",
        "Mean episode reward of the last rollout (ep_rew_mean)",
        r -> stat(r, RolloutStats::episodeRewardMean));
    gauge(
        run,
        "mmlab_training_steps_per_second",
        "Environment steps per second",
        r -> stat(r, RolloutStats::stepsPerSecond));
  }

  private void gauge(Run run, String name, String description, ToDoubleFunction<Run> value) {
    run.meters.add(
        Gauge.builder(name, run, value)
            .description(description)
            .tag("job", run.id)
            .strongReference(true)
            .register(registry));
  }

  private static double stat(Run r, ToDoubleFunction<RolloutStats> f) {
    RolloutStats s = r.job.lastStats();
    return s == null ? Double.NaN : f.applyAsDouble(s);
  }

  private void forgetOldJobs() {
    long finished = jobs.values().stream().filter(r -> r.state().isFinal()).count();
    Iterator<Run> it = jobs.values().iterator();
    while (finished > maxFinishedJobs && it.hasNext()) {
      Run r = it.next();
      if (r.state().isFinal()) {
        it.remove();
        r.meters.forEach(registry::remove);
        finished--;
      }
    }
  }

  /** Cancels every job and waits (up to 30 s) for the running one to stop. */
  @Override
  public void close() {
    synchronized (this) {
      jobs.values().forEach(r -> r.job.cancel());
    }
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("training thread did not stop within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One job and its lifecycle. */
  private static final class Run {
    final String id;
    final TrainingJob job;
    final Instant submittedAt;
    final List<Meter> meters = new ArrayList<>();
    JobState state = JobState.QUEUED; // guarded by this
    Instant startedAt;
    Instant finishedAt;
    String error;
    double bestEvalReward = Double.NaN;

    Run(String id, TrainingJob job, Instant submittedAt) {
      this.id = id;
      this.job = job;
      this.submittedAt = submittedAt;
    }

    synchronized JobState state() {
      return state;
    }

    synchronized JobView view() {
      long t = job.timesteps();
      long total = job.totalTimesteps();
      RolloutStats s = job.lastStats();
      return new JobView(
          id,
          state,
          JobRunner.LOCAL,
          job.bundlePath().toString(),
          t,
          total,
          total == 0 ? 0 : Math.min(1.0, (double) t / total),
          s == null ? 0 : s.iteration(),
          s == null ? null : finite(s.episodeRewardMean()),
          s == null ? null : finite(s.stepsPerSecond()),
          finite(bestEvalReward),
          error,
          submittedAt,
          startedAt,
          finishedAt);
    }

    private static Double finite(double v) {
      return Double.isFinite(v) ? v : null;
    }
  }
}
