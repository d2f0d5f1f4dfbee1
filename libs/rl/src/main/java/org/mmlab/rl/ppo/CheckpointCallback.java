package org.mmlab.rl.ppo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saves the model every {@code saveFreq} timesteps as {@code DIR/PREFIX_TIMESTEPS_steps.zip}, as
 * Stable-Baselines3's {@code CheckpointCallback} (the normalization statistics travel inside the
 * bundle). Saves at the end of the first iteration at or past each multiple of {@code saveFreq}.
 */
public final class CheckpointCallback implements TrainingCallback {
  private final Path dir;
  private final long saveFreq;
  private final String prefix;
  private final List<Path> saved = new ArrayList<>();
  private Ppo model;
  private long next;

  /**
   * Creates the callback.
   *
   * @param dir directory of the checkpoints
   * @param saveFreq timesteps between checkpoints, positive
   * @param prefix file name prefix, e.g. {@code rl_model}
   */
  public CheckpointCallback(Path dir, long saveFreq, String prefix) {
    if (saveFreq <= 0) {
      throw new IllegalArgumentException("saveFreq must be positive: " + saveFreq);
    }
    this.dir = dir;
    this.saveFreq = saveFreq;
    this.prefix = prefix;
  }

  @Override
  public void onTrainingStart(Ppo model, long targetTimesteps) {
    this.model = model;
    this.next = (model.numTimesteps() / saveFreq + 1) * saveFreq;
  }

  @Override
  public boolean onRolloutEnd(RolloutStats stats) {
    if (stats.timesteps() >= next) {
      while (next <= stats.timesteps()) {
        next += saveFreq;
      }
      Path path = dir.resolve(prefix + "_" + stats.timesteps() + "_steps.zip");
      try {
        model.save(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      saved.add(path);
    }
    return true;
  }

  /**
   * The checkpoints written.
   *
   * @return their paths, in order
   */
  public List<Path> saved() {
    return List.copyOf(saved);
  }
}
