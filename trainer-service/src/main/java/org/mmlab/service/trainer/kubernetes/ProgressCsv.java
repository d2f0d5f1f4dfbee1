package org.mmlab.service.trainer.kubernetes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * The last row of a run's {@code NAME_progress.csv} (one row per rollout, written by the training
 * pod into the models volume): how far a Kubernetes job is, read from the trainer's own mount of
 * that volume.
 *
 * @param iteration rollouts done
 * @param timesteps environment steps taken
 * @param episodeRewardMean {@code ep_rew_mean}, or NaN before any episode ended
 * @param stepsPerSecond {@code fps}, or NaN
 */
record ProgressCsv(int iteration, long timesteps, double episodeRewardMean, double stepsPerSecond) {

  /**
   * Reads a progress file, if it belongs to the run.
   *
   * @param file {@code NAME_progress.csv}
   * @param notBefore when the run started: an older file is a previous run's
   * @return the last row, or null when the file is missing, older, empty or unreadable
   */
  static ProgressCsv read(Path file, Instant notBefore) {
    try {
      if (!Files.isRegularFile(file)
          || (notBefore != null
              && Files.getLastModifiedTime(file).toInstant().isBefore(notBefore))) {
        return null;
      }
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() < 2) {
        return null;
      }
      List<String> header = Arrays.asList(lines.get(0).split(",", -1));
      String last = lines.get(lines.size() - 1);
      if (last.isBlank()) {
        last = lines.get(lines.size() - 2);
      }
      String[] row = last.split(",", -1);
      if (row.length != header.size()) {
        return null; // a row being written
      }
      return new ProgressCsv(
          (int) number(row, header, "iteration"),
          (long) number(row, header, "timesteps"),
          number(row, header, "ep_rew_mean"),
          number(row, header, "fps"));
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  private static double number(String[] row, List<String> header, String column) {
    int i = header.indexOf(column);
    if (i < 0 || row[i].isEmpty()) {
      return Double.NaN;
    }
    return Double.parseDouble(row[i]);
  }
}
