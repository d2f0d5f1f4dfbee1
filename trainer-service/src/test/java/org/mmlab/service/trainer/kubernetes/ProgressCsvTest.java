package org.mmlab.service.trainer.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.rl.ppo.CsvLogger;
import org.mmlab.rl.ppo.RolloutStats;

/** Progress is read from the file the training's own CsvLogger writes. */
class ProgressCsvTest {
  @TempDir Path dir;

  static RolloutStats stats(int iteration, long timesteps, double reward, double fps) {
    return new RolloutStats(
        iteration, timesteps, 3, reward, 50, -0.1, 0.2, -1.0, 0.01, 0.1, 0.5, 0.3, 3e-4, 10, fps,
        1.0, 0.5, 2.0);
  }

  @Test
  void theLastRolloutOfTheRealLogIsRead() {
    Path file = dir.resolve("run_progress.csv");
    CsvLogger log = new CsvLogger(file);
    Instant before = Instant.now().minusSeconds(5);
    log.onTrainingStart(null, 1000);
    assertThat(ProgressCsv.read(file, before)).as("header only").isNull();
    log.onRolloutEnd(stats(1, 128, Double.NaN, 900.0));
    log.onRolloutEnd(stats(2, 256, -2.25, 1234.5));
    log.onTrainingEnd(256);

    ProgressCsv p = ProgressCsv.read(file, before);
    assertThat(p).isEqualTo(new ProgressCsv(2, 256, -2.25, 1234.5));
  }

  @Test
  void aPreviousRunsFileOrNoFileIsNoProgress() throws Exception {
    Path file = dir.resolve("old_progress.csv");
    assertThat(ProgressCsv.read(file, null)).isNull();
    Files.writeString(file, String.join(",", RolloutStats.COLUMNS) + "\n" + "1,64\n");
    assertThat(ProgressCsv.read(file, null)).as("a row being written").isNull();
    CsvLogger log = new CsvLogger(file);
    log.onTrainingStart(null, 100);
    log.onRolloutEnd(stats(1, 64, 1.0, 10.0));
    log.onTrainingEnd(64);
    assertThat(ProgressCsv.read(file, null)).isNotNull();
    assertThat(ProgressCsv.read(file, Instant.now().plusSeconds(60)))
        .as("older than the Job")
        .isNull();
  }
}
