package org.mmlab.service.trainer.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.mmlab.service.trainer.jobs.JobView;
import org.mmlab.service.trainer.jobs.SubmitJobRequest;
import org.mmlab.service.trainer.jobs.TrainingJobs;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code /api/v1/jobs}: submit, list, status, cancel. */
@RestController
@RequestMapping(JobController.PATH)
class JobController {
  static final String PATH = "/api/v1/jobs";

  private final TrainingJobs jobs;

  JobController(TrainingJobs jobs) {
    this.jobs = jobs;
  }

  @PostMapping
  @Operation(
      summary = "Submit a training job",
      description =
          "The options of ./mmlab train in camel case; only savePath (relative to the models"
              + " directory) is required. The job is checked completely, then queued: one job"
              + " trains at a time. With \"runner\": \"kubernetes\" (when enabled) it becomes a"
              + " Kubernetes Job of its own instead. 202 with the job; 400 problem detail for bad"
              + " input, 502 KUBERNETES_API_ERROR when the cluster refuses it.")
  Mono<ResponseEntity<JobView>> submit(@Valid @RequestBody SubmitJobRequest request) {
    // Checking builds the market once (it may read a data file): off the event loop.
    return Mono.fromCallable(() -> jobs.submit(request))
        .subscribeOn(Schedulers.boundedElastic())
        .map(v -> ResponseEntity.accepted().location(URI.create(PATH + "/" + v.id())).body(v));
  }

  @GetMapping
  @Operation(summary = "Every remembered job, oldest first")
  Mono<List<JobView>> list() {
    // Kubernetes jobs are read from the cluster's API (blocking): off the event loop, like all.
    return Mono.fromCallable(jobs::list).subscribeOn(Schedulers.boundedElastic());
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "A job's state and progress",
      description =
          "state QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED; timesteps done and"
              + " total, ep_rew_mean and steps/s of the last rollout (for a Kubernetes job: from"
              + " the Job's status and the run's progress CSV in the models volume).")
  Mono<JobView> status(@PathVariable String id) {
    return Mono.fromCallable(() -> jobs.status(id)).subscribeOn(Schedulers.boundedElastic());
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Cancel a job",
      description =
          "A queued job is cancelled at once; a running one stops at its next step and turns"
              + " CANCELLED (nothing saved); a Kubernetes job's Job is deleted. 202 with the job.")
  Mono<ResponseEntity<JobView>> cancel(@PathVariable String id) {
    return Mono.fromCallable(() -> ResponseEntity.accepted().body(jobs.cancel(id)))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
