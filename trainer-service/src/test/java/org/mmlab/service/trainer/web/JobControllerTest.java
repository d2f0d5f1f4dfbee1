package org.mmlab.service.trainer.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.mmlab.service.trainer.jobs.JobState;
import org.mmlab.service.trainer.jobs.JobView;
import org.mmlab.service.trainer.jobs.TrainingJobs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Validation and problem details of the job API, without training. */
@WebFluxTest(controllers = JobController.class)
class JobControllerTest {
  @Autowired WebTestClient web;

  @MockitoBean TrainingJobs jobs;

  private WebTestClient.ResponseSpec post(String json) {
    return web.post()
        .uri("/api/v1/jobs")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange();
  }

  @Test
  void missingSavePathAndBadRangesAreValidationProblems() {
    post("{\"episodes\":0,\"nEnvs\":0}")
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("VALIDATION_FAILED")
        .jsonPath("$.errors[?(@.field == 'savePath')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'episodes')]")
        .exists()
        .jsonPath("$.errors[?(@.field == 'nEnvs')]")
        .exists();
  }

  @Test
  void anUnknownRunnerIsAValidationProblem() {
    post("{\"savePath\":\"a\",\"runner\":\"slurm\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("VALIDATION_FAILED")
        .jsonPath("$.errors[?(@.field == 'runner')]")
        .exists();
  }

  @Test
  void aDisabledRunnerIsItsOwnProblem() {
    when(jobs.submit(any()))
        .thenThrow(
            new ProblemException(
                ProblemCode.RUNNER_NOT_ENABLED, "runner kubernetes is not enabled"));
    post("{\"savePath\":\"a\",\"runner\":\"kubernetes\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("RUNNER_NOT_ENABLED");
  }

  @Test
  void malformedJsonIsAProblem() {
    post("{not json")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("MALFORMED_REQUEST");
  }

  @Test
  void aRefusedSpecKeepsItsCodeAndMessage() {
    when(jobs.submit(any()))
        .thenThrow(
            new ProblemException(ProblemCode.INVALID_TRAINING_SPEC, "unknown market 'moon'"));
    post("{\"savePath\":\"a\",\"market\":\"moon\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("INVALID_TRAINING_SPEC")
        .jsonPath("$.type")
        .isEqualTo("urn:mmlab:problem:invalid-training-spec")
        .jsonPath("$.detail")
        .isEqualTo("unknown market 'moon'");
  }

  @Test
  void unknownJobIs404() {
    when(jobs.status("nope"))
        .thenThrow(new ProblemException(ProblemCode.JOB_NOT_FOUND, "no job nope"));
    web.get()
        .uri("/api/v1/jobs/nope")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("JOB_NOT_FOUND");
  }

  @Test
  void acceptedJobIs202WithLocation() {
    when(jobs.submit(any()))
        .thenReturn(
            new JobView(
                "j1",
                JobState.QUEUED,
                "local",
                "/m/a.zip",
                0,
                1000,
                0,
                0,
                null,
                null,
                null,
                null,
                Instant.now(),
                null,
                null));
    post("{\"savePath\":\"a\"}")
        .expectStatus()
        .isAccepted()
        .expectHeader()
        .location("/api/v1/jobs/j1")
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("QUEUED");
  }
}
