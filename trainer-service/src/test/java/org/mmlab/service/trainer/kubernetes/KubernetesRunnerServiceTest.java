package org.mmlab.service.trainer.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mmlab.service.trainer.jobs.JobState;
import org.mmlab.service.trainer.jobs.JobView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/**
 * The whole service with {@code mmlab.trainer.kubernetes.enabled=true}, its client configured the
 * way a kubeconfig-less process finds it (the {@code kubernetes.master} system property), against
 * fabric8's mock API server: submit, status, list and cancel over REST.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// A shared 2-core machine under load can take more than the default 5 s per answer.
@AutoConfigureWebTestClient(timeout = "60s")
class KubernetesRunnerServiceTest {
  static final KubernetesMockServer SERVER =
      new KubernetesMockServer(
          new Context(),
          new MockWebServer(),
          new HashMap<>(),
          new KubernetesCrudDispatcher(),
          false);
  static final Path MODELS;

  static {
    SERVER.init();
    System.setProperty("kubernetes.master", SERVER.url("/"));
    System.setProperty("kubernetes.auth.tryKubeConfig", "false");
    System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    try {
      MODELS = Files.createTempDirectory("mmlab-trainer-k8s");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("mmlab.trainer.models-dir", MODELS::toString);
    registry.add("mmlab.trainer.kubernetes.enabled", () -> "true");
    registry.add("mmlab.trainer.kubernetes.namespace", () -> "mmlab");
    registry.add("mmlab.trainer.kubernetes.image", () -> "mmlab/trainer-service:0.1.0");
    registry.add("mmlab.trainer.kubernetes.memory-limit", () -> "4Gi");
  }

  @AfterAll
  static void stop() throws IOException {
    System.clearProperty("kubernetes.master");
    System.clearProperty("kubernetes.auth.tryKubeConfig");
    System.clearProperty("kubernetes.auth.tryServiceAccount");
    SERVER.destroy();
    FileSystemUtils.deleteRecursively(MODELS);
  }

  @Autowired WebTestClient web;

  @Autowired KubernetesClient client;

  @Test
  void aKubernetesJobGoesThroughTheRestApi() {
    JobView submitted =
        web.post()
            .uri("/api/v1/jobs")
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"savePath\":\"k8s/run\",\"episodes\":3,\"steps\":100,\"seed\":7,"
                    + "\"runner\":\"kubernetes\"}")
            .exchange()
            .expectStatus()
            .isAccepted()
            .expectBody(JobView.class)
            .returnResult()
            .getResponseBody();
    assertThat(submitted.runner()).isEqualTo("kubernetes");
    assertThat(submitted.state()).isEqualTo(JobState.QUEUED);
    assertThat(submitted.totalTimesteps()).isEqualTo(300);
    assertThat(submitted.savePath()).isEqualTo("/models/k8s/run.zip");

    Job job = client.batch().v1().jobs().inNamespace("mmlab").withName(submitted.id()).get();
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("mmlab/trainer-service:0.1.0");
    assertThat(
            job.getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getResources()
                .getLimits()
                .get("memory")
                .toString())
        .isEqualTo("4Gi");
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs())
        .containsExactly(
            "train",
            "--save-path=/models/k8s/run.zip",
            "--episodes=3",
            "--steps=100",
            "--seed=7",
            "--no-progress");

    web.get()
        .uri("/api/v1/jobs/{id}", submitted.id())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("QUEUED")
        .jsonPath("$.runner")
        .isEqualTo("kubernetes");
    List<JobView> all =
        web.get()
            .uri("/api/v1/jobs")
            .exchange()
            .expectBody(new ParameterizedTypeReference<List<JobView>>() {})
            .returnResult()
            .getResponseBody();
    assertThat(all).extracting(JobView::id).contains(submitted.id());

    web.delete()
        .uri("/api/v1/jobs/{id}", submitted.id())
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("CANCELLED");
    assertThat(client.batch().v1().jobs().inNamespace("mmlab").withName(submitted.id()).get())
        .isNull();
    web.get()
        .uri("/api/v1/jobs/{id}", submitted.id())
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("JOB_NOT_FOUND");
  }

  @Test
  void localJobsStillTrainLocally() {
    web.post()
        .uri("/api/v1/jobs")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"savePath\":\"local\",\"market\":\"moon\"}")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("INVALID_TRAINING_SPEC");
    assertThat(client.batch().v1().jobs().inAnyNamespace().list().getItems())
        .noneMatch(
            j -> j.getMetadata().getAnnotations().get("mmlab.org/save-path").equals("local.zip"));
  }
}
