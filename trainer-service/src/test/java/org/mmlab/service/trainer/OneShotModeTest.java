package org.mmlab.service.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar trainer-service.jar train ...}: one job, an exit code, no web server. */
class OneShotModeTest {

  @Test
  void trainRunsOneJobAndReturnsZero(@TempDir Path dir) {
    String[] args = {
      "train",
      "--episodes",
      "4",
      "--steps",
      "50",
      "--n-steps",
      "64",
      "--batch-size",
      "32",
      "--n-epochs",
      "1",
      "--eval-freq",
      "100",
      "--eval-episodes",
      "1",
      "--no-progress",
      "--save-path",
      dir.resolve("one").toString()
    };
    assertThat(TrainerApplication.isOneShot(args)).isTrue();
    assertThat(TrainerApplication.trainOnce(args)).isZero();
    assertThat(Files.exists(dir.resolve("one.zip"))).isTrue();
    assertThat(Files.exists(dir.resolve("one_progress.csv"))).isTrue();
  }

  @Test
  void badArgumentsReturnNonZeroBeforeTraining(@TempDir Path dir) {
    Path save = dir.resolve("bad");
    assertThat(
            TrainerApplication.trainOnce(
                new String[] {"train", "--episodes", "0", "--save-path", save.toString()}))
        .isEqualTo(2);
    assertThat(TrainerApplication.trainOnce(new String[] {"train", "--episodes", "1"}))
        .isEqualTo(2);
    assertThat(
            TrainerApplication.trainOnce(
                new String[] {"train", "--market", "moon", "--save-path", save.toString()}))
        .isEqualTo(2);
    assertThat(Files.exists(dir.resolve("bad.zip"))).isFalse();
  }

  @Test
  void withoutTrainTheServerStarts() {
    assertThat(TrainerApplication.isOneShot(new String[0])).isFalse();
    assertThat(TrainerApplication.isOneShot(new String[] {"--server.port=0"})).isFalse();
  }
}
