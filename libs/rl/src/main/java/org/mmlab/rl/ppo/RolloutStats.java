package org.mmlab.rl.ppo;

import java.util.List;

/**
 * What one iteration (a rollout and the PPO update on it) logged, with Stable-Baselines3's
 * meanings: {@code rollout/ep_rew_mean}, {@code train/policy_gradient_loss}, {@code
 * train/approx_kl}, {@code time/fps}, ...
 *
 * @param iteration 1-based iteration number
 * @param timesteps environment steps so far (all environments)
 * @param episodes episodes finished so far
 * @param episodeRewardMean mean return of the last (up to) 100 finished episodes; NaN before any
 * @param episodeLengthMean their mean length; NaN before any
 * @param policyLoss mean clipped-surrogate loss over the update's minibatches
 * @param valueLoss mean value loss
 * @param entropyLoss mean entropy loss ({@code −entropy})
 * @param approxKl mean approximate KL divergence
 * @param clipFraction mean fraction of clipped ratios
 * @param explainedVariance of the rollout's values for its returns
 * @param loss the last minibatch's total loss
 * @param learningRate the learning rate
 * @param gradientSteps minibatch updates so far
 * @param stepsPerSecond environment steps per second since {@code learn} started (SB3's fps)
 * @param rolloutSeconds wall time of this rollout
 * @param updateSeconds wall time of this update
 * @param elapsedSeconds wall time since {@code learn} started
 */
public record RolloutStats(
    int iteration,
    long timesteps,
    long episodes,
    double episodeRewardMean,
    double episodeLengthMean,
    double policyLoss,
    double valueLoss,
    double entropyLoss,
    double approxKl,
    double clipFraction,
    double explainedVariance,
    double loss,
    double learningRate,
    long gradientSteps,
    double stepsPerSecond,
    double rolloutSeconds,
    double updateSeconds,
    double elapsedSeconds) {

  /** Column names, in record order (the CSV header). */
  public static final List<String> COLUMNS =
      List.of(
          "iteration",
          "timesteps",
          "episodes",
          "ep_rew_mean",
          "ep_len_mean",
          "policy_loss",
          "value_loss",
          "entropy_loss",
          "approx_kl",
          "clip_fraction",
          "explained_variance",
          "loss",
          "learning_rate",
          "gradient_steps",
          "fps",
          "rollout_seconds",
          "update_seconds",
          "elapsed_seconds");

  /**
   * The values as numbers, in {@link #COLUMNS} order.
   *
   * @return the row
   */
  public double[] values() {
    return new double[] {
      iteration,
      timesteps,
      episodes,
      episodeRewardMean,
      episodeLengthMean,
      policyLoss,
      valueLoss,
      entropyLoss,
      approxKl,
      clipFraction,
      explainedVariance,
      loss,
      learningRate,
      gradientSteps,
      stepsPerSecond,
      rolloutSeconds,
      updateSeconds,
      elapsedSeconds
    };
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "iter %d | steps %d | ep_rew_mean %.3f | ep_len_mean %.1f | pg %.4f | vf %.4f | ent %.4f"
            + " | kl %.5f | clip %.3f | ev %.3f | fps %.0f",
        iteration,
        timesteps,
        episodeRewardMean,
        episodeLengthMean,
        policyLoss,
        valueLoss,
        entropyLoss,
        approxKl,
        clipFraction,
        explainedVariance,
        stepsPerSecond);
  }
}
