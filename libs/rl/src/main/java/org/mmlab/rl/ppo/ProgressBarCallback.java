package org.mmlab.rl.ppo;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A console progress bar of the timesteps, with the latest episode reward mean as its extra message
 * (SB3's {@code progress_bar=True}).
 */
public final class ProgressBarCallback implements TrainingCallback {
  private ProgressBar bar;
  private long start;

  @Override
  public void onTrainingStart(Ppo model, long targetTimesteps) {
    start = model.numTimesteps();
    bar =
        new ProgressBarBuilder()
            .setTaskName("PPO")
            .setInitialMax(targetTimesteps - start)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" steps", 1)
            .build();
  }

  @Override
  public boolean onStep(long timesteps) {
    if (bar != null) {
      bar.stepTo(timesteps - start);
    }
    return true;
  }

  @Override
  public boolean onRolloutEnd(RolloutStats stats) {
    if (bar != null) {
      bar.setExtraMessage(
          String.format(java.util.Locale.ROOT, " ep_rew_mean %.2f", stats.episodeRewardMean()));
    }
    return true;
  }

  @Override
  public void onTrainingEnd(long timesteps) {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
