package org.mmlab.service.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mmlab.service.trainer.jobs.JobState;
import org.mmlab.service.trainer.jobs.JobView;
import org.mmlab.service.trainer.models.ModelView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/** The service in this JVM: tiny jobs over HTTP, the model store, metrics and cancellation. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// A shared 2-core machine under load can take more than the default 5 s per answer.
@AutoConfigureWebTestClient(timeout = "60s")
@AutoConfigureMetrics
class TrainerServiceTest {
  static final Path MODELS;

  static {
    try {
      MODELS = Files.createTempDirectory("mmlab-trainer-models");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("mmlab.trainer.models-dir", MODELS::toString);
    // As k8s/base's ConfigMap sets it: the paths of the Deployments' probes.
    registry.add("management.endpoint.health.probes.enabled", () -> "true");
  }

  @AfterAll
  static void deleteModels() throws IOException {
    FileSystemUtils.deleteRecursively(MODELS);
  }

  @Autowired WebTestClient web;

  @Autowired ApplicationContext context;

  static String tinyJob(String savePath, long episodes) {
    return """
        {"savePath":"%s","episodes":%d,"steps":50,"nSteps":64,"batchSize":32,"nEpochs":1,
         "evalFreq":100,"evalEpisodes":1,"seed":3}"""
        .formatted(savePath, episodes);
  }

  JobView submit(String json) {
    return web.post()
        .uri("/api/v1/jobs")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody(JobView.class)
        .returnResult()
        .getResponseBody();
  }

  JobView status(String id) {
    return web.get()
        .uri("/api/v1/jobs/{id}", id)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(JobView.class)
        .returnResult()
        .getResponseBody();
  }

  JobView await(String id, Predicate<JobView> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JobView v = status(id);
    while (!condition.test(v)) {
      assertThat(System.nanoTime()).as("job %s stuck at %s", id, v).isLessThan(deadline);
      Thread.sleep(50);
      v = status(id);
    }
    return v;
  }

  @Test
  void tinyJobTrainsIsListedInTheModelStoreAndHasMetrics() throws Exception {
    JobView queued = submit(tinyJob("runs/tiny", 4));
    assertThat(queued.totalTimesteps()).isEqualTo(200);

    JobView done = await(queued.id(), v -> v.state().isFinal());
    assertThat(done.state()).as(done.error()).isEqualTo(JobState.SUCCEEDED);
    assertThat(done.timesteps()).isGreaterThanOrEqualTo(200);
    assertThat(done.progress()).isEqualTo(1.0);
    assertThat(done.stepsPerSecond()).isPositive();
    assertThat(done.finishedAt()).isNotNull();
    assertThat(Files.exists(MODELS.resolve("runs/tiny.zip"))).isTrue();

    assertThat(
            web.get()
                .uri("/api/v1/jobs")
                .exchange()
                .expectBody(new ParameterizedTypeReference<List<JobView>>() {})
                .returnResult()
                .getResponseBody())
        .extracting(JobView::id)
        .contains(queued.id());

    List<ModelView> models =
        web.get()
            .uri("/api/v1/models")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(new ParameterizedTypeReference<List<ModelView>>() {})
            .returnResult()
            .getResponseBody();
    ModelView tiny =
        models.stream().filter(m -> m.path().equals("runs/tiny.zip")).findFirst().orElseThrow();
    assertThat(tiny.error()).isNull();
    assertThat(tiny.metadata().get("formatVersion").asInt()).isEqualTo(1);

    String prometheus =
        web.get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    String tag = "job=\"" + queued.id() + "\"";
    assertThat(prometheus.lines())
        .anyMatch(l -> l.startsWith("mmlab_training_timesteps{") && l.contains(tag))
        .anyMatch(l -> l.startsWith("mmlab_training_episode_reward{") && l.contains(tag))
        .anyMatch(l -> l.startsWith("mmlab_training_steps_per_second{") && l.contains(tag));

    web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    web.get()
        .uri("/v3/api-docs")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.paths['/api/v1/jobs']")
        .exists()
        .jsonPath("$.paths['/api/v1/models']")
        .exists();
  }

  @Test
  void runningAndQueuedJobsCanBeCancelled() throws Exception {
    JobView running = submit(tinyJob("runs/long", 1_000_000));
    JobView queued = submit(tinyJob("runs/queued", 4));
    await(running.id(), v -> v.state() == JobState.RUNNING && v.timesteps() > 0);
    assertThat(status(queued.id()).state()).isEqualTo(JobState.QUEUED);

    web.delete()
        .uri("/api/v1/jobs/{id}", queued.id())
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("CANCELLED");
    web.delete().uri("/api/v1/jobs/{id}", running.id()).exchange().expectStatus().isAccepted();

    JobView cancelled = await(running.id(), v -> v.state().isFinal());
    assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
    assertThat(cancelled.timesteps()).isLessThan(cancelled.totalTimesteps());
    assertThat(Files.exists(MODELS.resolve("runs/long.zip"))).isFalse();
    assertThat(status(queued.id()).state()).isEqualTo(JobState.CANCELLED);
    assertThat(Files.exists(MODELS.resolve("runs/queued.zip"))).isFalse();
  }

  @Test
  void kubernetesProbePathsAnswer() {
    for (String probe : List.of("liveness", "readiness")) {
      web.get()
          .uri("/actuator/health/" + probe)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.status")
          .isEqualTo("UP");
    }
  }

  @Test
  void theKubernetesRunnerIsOffByDefault() {
    assertThat(context.getBeanNamesForType(KubernetesClient.class)).isEmpty();
    web.post()
        .uri("/api/v1/jobs")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"savePath\":\"k\",\"runner\":\"kubernetes\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("RUNNER_NOT_ENABLED");
    assertThat(Files.exists(MODELS.resolve("k.zip"))).isFalse();
  }

  @Test
  void badSpecsAreRefusedBeforeQueueing() {
    web.post()
        .uri("/api/v1/jobs")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"savePath\":\"x\",\"market\":\"moon\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("INVALID_TRAINING_SPEC");
    web.post()
        .uri("/api/v1/jobs")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"savePath\":\"x\",\"latency\":\"fast\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("INVALID_TRAINING_SPEC")
        .jsonPath("$.detail")
        .value(d -> assertThat(d.toString()).startsWith("--latency"));
    web.post()
        .uri("/api/v1/jobs")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"savePath\":\"../escape\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("PATH_OUTSIDE_MODELS_DIR");
    web.get()
        .uri("/api/v1/jobs/no-such-job")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("JOB_NOT_FOUND");
  }
}
