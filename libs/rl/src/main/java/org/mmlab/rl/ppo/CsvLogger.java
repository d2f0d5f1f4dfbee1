package org.mmlab.rl.ppo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one CSV row of {@link RolloutStats} per iteration, as Stable-Baselines3's {@code
 * progress.csv}: the file is (re)created when training starts, each row flushed as it is written,
 * NaN written as an empty cell.
 */
public final class CsvLogger implements TrainingCallback {
  private final Path file;
  private BufferedWriter out;

  /**
   * Creates the logger.
   *
   * @param file the CSV file
   */
  public CsvLogger(Path file) {
    this.file = file;
  }

  /**
   * A logger writing {@code progress.csv} beside a model bundle.
   *
   * @param model the bundle path
   * @return the logger
   */
  public static CsvLogger besideModel(Path model) {
    Path dir = model.toAbsolutePath().getParent();
    return new CsvLogger(dir.resolve("progress.csv"));
  }

  /**
   * The CSV file.
   *
   * @return the path
   */
  public Path file() {
    return file;
  }

  @Override
  public void onTrainingStart(Ppo model, long targetTimesteps) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      out.write(String.join(",", RolloutStats.COLUMNS));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean onRolloutEnd(RolloutStats stats) {
    if (out == null) {
      return true;
    }
    StringBuilder row = new StringBuilder();
    double[] values = stats.values();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        row.append(',');
      }
      double v = values[i];
      if (Double.isNaN(v)) {
        continue;
      }
      row.append(
          v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
    }
    try {
      out.write(row.toString());
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return true;
  }

  @Override
  public void onTrainingEnd(long timesteps) {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        out = null;
      }
    }
  }
}
