package org.mmlab.service.trainer.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.mmlab.service.trainer.jobs.JobState;
import org.mmlab.service.trainer.jobs.JobView;
import org.mmlab.service.trainer.jobs.SubmitJobRequest;

/** The Kubernetes runner against fabric8's mock API server (CRUD mode: it stores what it gets). */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesJobRunnerTest {
  static final String NS = "training";

  KubernetesClient client;

  @TempDir Path models;

  KubernetesJobRunner runner;

  static KubernetesRunnerProperties properties(String cpuRequest, String cpuLimit) {
    return new KubernetesRunnerProperties(
        true,
        NS,
        "registry.example/mmlab/trainer-service:1.2",
        "Always",
        "mmlab-models",
        "/models",
        cpuRequest,
        "2Gi",
        cpuLimit,
        "3Gi",
        0,
        3600,
        10001,
        "trainer-runs");
  }

  @BeforeEach
  void setUp() {
    runner = new KubernetesJobRunner(client, properties("1", "2"), models);
  }

  /** A tiny job: 2 episodes of 50 steps on the Hawkes market, seed 3. */
  static SubmitJobRequest request(String savePath, String market, String initFrom) {
    return request(savePath, market, initFrom, null);
  }

  /** The same job, observing the predictor bundle at {@code predictorPath}. */
  static SubmitJobRequest request(
      String savePath, String market, String initFrom, String predictorPath) {
    return new SubmitJobRequest(
        savePath,
        2L,
        market,
        50,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        2,
        3L,
        initFrom,
        1e-4,
        64,
        32,
        1,
        null,
        null,
        null,
        null,
        null,
        null,
        100L,
        1,
        null,
        predictorPath,
        "kubernetes");
  }

  Job stored(String name) {
    return client.batch().v1().jobs().inNamespace(NS).withName(name).get();
  }

  void setStatus(String name, JobStatusBuilder status) {
    Job job = new JobBuilder(stored(name)).withStatus(status.build()).build();
    client.batch().v1().jobs().inNamespace(NS).resource(job).updateStatus();
  }

  @Test
  void aSubmittedJobIsTheOneShotCommandWithTheConfiguredPod() {
    JobView view = runner.submit(request("runs/hawkes", "hawkes", null));

    assertThat(view.id()).startsWith("mmlab-train-");
    assertThat(view.state()).isEqualTo(JobState.QUEUED);
    assertThat(view.runner()).isEqualTo("kubernetes");
    assertThat(view.savePath()).isEqualTo("/models/runs/hawkes.zip");
    assertThat(view.totalTimesteps()).isEqualTo(100);
    assertThat(view.submittedAt()).isNotNull();

    Job job = stored(view.id());
    assertThat(job.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/name", "mmlab-training")
        .containsEntry("app.kubernetes.io/component", "training")
        .containsEntry("app.kubernetes.io/part-of", "mmlab")
        .containsEntry("app.kubernetes.io/managed-by", "trainer-service");
    assertThat(job.getMetadata().getAnnotations())
        .containsEntry("mmlab.org/save-path", "runs/hawkes.zip")
        .containsEntry("mmlab.org/total-timesteps", "100");
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
    assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/managed-by", "trainer-service");

    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getServiceAccountName()).isEqualTo("trainer-runs");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(10001L);
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getVolumes())
        .anySatisfy(
            v -> {
              assertThat(v.getName()).isEqualTo("models");
              assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("mmlab-models");
            });

    assertThat(pod.getContainers()).hasSize(1);
    Container c = pod.getContainers().get(0);
    assertThat(c.getImage()).isEqualTo("registry.example/mmlab/trainer-service:1.2");
    assertThat(c.getImagePullPolicy()).isEqualTo("Always");
    assertThat(c.getArgs())
        .containsExactly(
            "train",
            "--save-path=/models/runs/hawkes.zip",
            "--episodes=2",
            "--market=hawkes",
            "--steps=50",
            "--n-envs=2",
            "--seed=3",
            "--learning-rate=1.0E-4",
            "--n-steps=64",
            "--batch-size=32",
            "--n-epochs=1",
            "--eval-freq=100",
            "--eval-episodes=1",
            "--no-progress");
    assertThat(c.getVolumeMounts())
        .extracting(VolumeMount::getName, VolumeMount::getMountPath)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("models", "/models"),
            org.assertj.core.groups.Tuple.tuple("tmp", "/tmp"));
    assertThat(c.getResources().getRequests())
        .isEqualTo(Map.of("cpu", new Quantity("1"), "memory", new Quantity("2Gi")));
    assertThat(c.getResources().getLimits())
        .isEqualTo(Map.of("cpu", new Quantity("2"), "memory", new Quantity("3Gi")));
    assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    // The check created the save directory in the trainer's models volume.
    assertThat(models.resolve("runs")).isDirectory();
  }

  @Test
  void initFromIsAPathInThePodAndMustExist() throws IOException {
    assertThatThrownBy(() -> runner.submit(request("ft", "zi", "base.zip")))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_TRAINING_SPEC));
    Files.writeString(models.resolve("base.zip"), "a bundle");
    JobView view = runner.submit(request("ft", "zi", "base.zip"));
    assertThat(stored(view.id()).getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .contains("--init-from=/models/base.zip", "--save-path=/models/ft.zip");
  }

  @Test
  void aMissingPredictorIsRefused() {
    SubmitJobRequest withPredictor = request("p", null, null, "pred.zip");
    assertThatThrownBy(() -> runner.submit(withPredictor))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ProblemCode.INVALID_TRAINING_SPEC);
              assertThat(e.getMessage()).startsWith("--predictor-path");
            });
    assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
  }

  @Test
  void aBadJobIsRefusedBeforeAnyJobIsCreated() {
    assertThatThrownBy(() -> runner.submit(request("a", "moon", null)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ProblemCode.INVALID_TRAINING_SPEC);
              assertThat(e.getMessage()).contains("moon");
            });
    assertThatThrownBy(() -> runner.submit(request("../escape", "zi", null)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.code()).isEqualTo(ProblemCode.PATH_OUTSIDE_MODELS_DIR));
    assertThat(client.batch().v1().jobs().inNamespace(NS).list().getItems()).isEmpty();
  }

  @Test
  void statusFollowsTheJobAndItsProgressCsv() throws IOException {
    JobView view = runner.submit(request("runs/p", "zi", null));
    String id = view.id();
    assertThat(runner.status(id).state()).isEqualTo(JobState.QUEUED);

    setStatus(id, new JobStatusBuilder().withActive(1).withStartTime("2026-01-01T00:00:00Z"));
    Files.writeString(
        models.resolve("runs/p_progress.csv"),
        "iteration,timesteps,episodes,ep_rew_mean,fps\n1,64,1,,900\n2,80,1,-1.5,1000.5\n");
    JobView running = runner.status(id);
    assertThat(running.state()).isEqualTo(JobState.RUNNING);
    assertThat(running.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(running.timesteps()).isEqualTo(80);
    assertThat(running.progress()).isEqualTo(0.8);
    assertThat(running.iteration()).isEqualTo(2);
    assertThat(running.episodeRewardMean()).isEqualTo(-1.5);
    assertThat(running.stepsPerSecond()).isEqualTo(1000.5);

    setStatus(
        id,
        new JobStatusBuilder()
            .withActive(0)
            .withSucceeded(1)
            .withStartTime("2026-01-01T00:00:00Z")
            .withCompletionTime("2026-01-01T00:05:00Z")
            .withConditions(
                new JobConditionBuilder().withType("Complete").withStatus("True").build()));
    JobView done = runner.status(id);
    assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.finishedAt()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));

    // Cancelling a finished job leaves it (and its Job object) as it is.
    assertThat(runner.cancel(id).state()).isEqualTo(JobState.SUCCEEDED);
    assertThat(stored(id)).isNotNull();
  }

  @Test
  void aFailedJobCarriesTheReason() {
    String id = runner.submit(request("f", "zi", null)).id();
    setStatus(
        id,
        new JobStatusBuilder()
            .withFailed(1)
            .withConditions(
                new JobConditionBuilder()
                    .withType("Failed")
                    .withStatus("True")
                    .withReason("BackoffLimitExceeded")
                    .withMessage("Job has reached the specified backoff limit")
                    .withLastTransitionTime("2026-01-01T00:01:00Z")
                    .build()));
    JobView failed = runner.status(id);
    assertThat(failed.state()).isEqualTo(JobState.FAILED);
    assertThat(failed.error())
        .isEqualTo("BackoffLimitExceeded: Job has reached the specified backoff limit");
    assertThat(failed.finishedAt()).isEqualTo(Instant.parse("2026-01-01T00:01:00Z"));
    assertThat(failed.timesteps()).isZero(); // no progress CSV was written
  }

  @Test
  void cancelDeletesTheJob() {
    String id = runner.submit(request("c", "zi", null)).id();
    setStatus(id, new JobStatusBuilder().withActive(1));
    assertThat(runner.status(id).state()).isEqualTo(JobState.RUNNING);

    JobView cancelled = runner.cancel(id);
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.finishedAt()).isNotNull();
    assertThat(stored(id)).isNull();
    assertThatThrownBy(() -> runner.status(id))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.JOB_NOT_FOUND));
  }

  @Test
  void listShowsOnlyTheRunnersOwnJobs() {
    String a = runner.submit(request("a", "zi", null)).id();
    String b = runner.submit(request("b", "zi", null)).id();
    // A Job the runner did not make (e.g. the training overlay's) is neither listed nor found.
    client
        .batch()
        .v1()
        .jobs()
        .inNamespace(NS)
        .resource(
            new JobBuilder()
                .withNewMetadata()
                .withName("mmlab-train-foreign")
                .addToLabels("app.kubernetes.io/name", "mmlab-training")
                .endMetadata()
                .build())
        .create();
    assertThat(runner.list()).extracting(JobView::id).containsExactlyInAnyOrder(a, b);
    assertThat(runner.owns(a)).isTrue();
    assertThat(runner.owns("0b7c7b0e-uuid")).isFalse();
    assertThatThrownBy(() -> runner.status("mmlab-train-foreign"))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.JOB_NOT_FOUND));
  }

  @Test
  void anUnreachableApiIsAProblemNotACrash() {
    try (KubernetesClient down =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:1")
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build()) {
      KubernetesJobRunner r = new KubernetesJobRunner(down, properties("1", "2"), models);
      assertThatThrownBy(() -> r.submit(request("x", "zi", null)))
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.code()).isEqualTo(ProblemCode.KUBERNETES_API_ERROR));
      assertThatThrownBy(() -> r.list())
          .isInstanceOfSatisfying(
              ProblemException.class,
              e -> assertThat(e.code()).isEqualTo(ProblemCode.KUBERNETES_API_ERROR));
    }
  }

  @Test
  void resourceSettingsAreCheckedAtStart() {
    assertThatThrownBy(() -> new KubernetesJobRunner(client, properties("lots", "2"), models))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mmlab.trainer.kubernetes.cpu-request: 'lots' is not a positive quantity");
    assertThatThrownBy(() -> new KubernetesJobRunner(client, properties("4", "2"), models))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mmlab.trainer.kubernetes.cpu-request 4 is above cpu-limit 2");
    assertThat(new KubernetesJobRunner(client, properties("500m", "2"), models).namespace())
        .isEqualTo(NS);
  }

  @Test
  void argumentsAreNeitherExpandedByKubernetesNorReadAsFiles() {
    List<String> args =
        TrainArgs.of(request("s", "lobster:$(HOME)/d.csv", null), "/models/s.zip", null, null);
    assertThat(args).contains("--market=lobster:$$(HOME)/d.csv");
  }
}
