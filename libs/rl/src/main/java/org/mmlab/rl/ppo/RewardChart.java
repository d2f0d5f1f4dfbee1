package org.mmlab.rl.ppo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the reward curve to a PNG with XChart (headless): the training episode reward mean ({@code
 * ep_rew_mean}) against timesteps, and, when an {@link EvalCallback} is attached, its mean
 * evaluation rewards. Written when training ends and, optionally, every {@code everyIterations}.
 */
public final class RewardChart implements TrainingCallback {
  private final Path file;
  private final int everyIterations;
  private final EvalCallback eval;
  private final List<Double> steps = new ArrayList<>();
  private final List<Double> rewards = new ArrayList<>();

  /**
   * Creates the chart callback.
   *
   * @param file the PNG
   * @param everyIterations also write every this many iterations; 0 = only at the end
   * @param eval evaluations to overlay, or null
   */
  public RewardChart(Path file, int everyIterations, EvalCallback eval) {
    this.file = file;
    this.everyIterations = everyIterations;
    this.eval = eval;
  }

  @Override
  public void onTrainingStart(Ppo model, long targetTimesteps) {
    steps.clear();
    rewards.clear();
  }

  @Override
  public boolean onRolloutEnd(RolloutStats stats) {
    if (!Double.isNaN(stats.episodeRewardMean())) {
      steps.add((double) stats.timesteps());
      rewards.add(stats.episodeRewardMean());
    }
    if (everyIterations > 0 && stats.iteration() % everyIterations == 0) {
      write();
    }
    return true;
  }

  @Override
  public void onTrainingEnd(long timesteps) {
    write();
  }

  /** Writes the PNG now. */
  public void write() {
    List<Double> evalSteps = new ArrayList<>();
    List<Double> evalRewards = new ArrayList<>();
    if (eval != null) {
      for (EvalCallback.Result r : eval.results()) {
        evalSteps.add((double) r.timesteps());
        evalRewards.add(r.meanReward());
      }
    }
    write(file, steps, rewards, evalSteps, evalRewards);
  }

  /**
   * Writes a reward chart.
   *
   * @param file the PNG
   * @param steps timesteps of the training points
   * @param rewards training episode reward means
   * @param evalSteps timesteps of the evaluations (may be empty)
   * @param evalRewards evaluation mean rewards
   */
  public static void write(
      Path file,
      List<Double> steps,
      List<Double> rewards,
      List<Double> evalSteps,
      List<Double> evalRewards) {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(500)
            .title("PPO reward")
            .xAxisTitle("timesteps")
            .yAxisTitle("episode reward")
            .build();
    chart.getStyler().setLegendVisible(true);
    if (!steps.isEmpty()) {
      XYSeries s = chart.addSeries("ep_rew_mean (training, last 100)", steps, rewards);
      s.setMarker(SeriesMarkers.NONE);
    }
    if (!evalSteps.isEmpty()) {
      XYSeries s = chart.addSeries("evaluation mean reward", evalSteps, evalRewards);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    if (steps.isEmpty() && evalSteps.isEmpty()) {
      chart.addSeries("no finished episode yet", List.of(0.0), List.of(0.0));
    }
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
