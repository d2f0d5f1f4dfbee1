package org.mmlab.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The trainer image's one-shot mode (what compose's {@code train} profile and the Kubernetes Job
 * run): DJL's PyTorch engine loads from the jar into the image's writable cache, offline, and a
 * bundle is saved into {@code /models} as the non-root user.
 */
@Testcontainers(disabledWithoutDocker = true)
class TrainerImageIT {

  @Test
  void oneShotTrainingLoadsThePyTorchEngineAndSavesABundle() {
    try (GenericContainer<?> trainer =
        new GenericContainer<>(ServiceImages.image("trainer-service"))
            .withCommand(
                "train",
                "--no-progress",
                "--episodes=2",
                "--steps=100",
                "--n-steps=100",
                "--eval-freq=100",
                "--eval-episodes=1",
                "--save-path=/models/system-test")
            // One-shot: started means exited 0; the image's health check does not apply.
            .waitingFor(Wait.forLogMessage(".*", 1))
            .withStartupCheckStrategy(
                new OneShotStartupCheckStrategy().withTimeout(Duration.ofMinutes(5)))) {
      trainer.start();
      String logs = trainer.getLogs();
      assertThat(logs)
          .contains("Extracting pytorch/cpu/linux-x86_64/libtorch_cpu.so")
          .contains("Number of intra-op threads is 1")
          .contains("Model saved to /models/system-test.zip")
          .doesNotContain("Downloading");
    }
  }
}
