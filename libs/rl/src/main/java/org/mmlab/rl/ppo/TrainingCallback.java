package org.mmlab.rl.ppo;

/**
 * Hooks into {@link Ppo#learn}, shaped as Stable-Baselines3's {@code BaseCallback}. Every hook has
 * a no-op default; the boolean ones stop training when they return false.
 *
 * <p>Order: {@link #onTrainingStart}, then per iteration {@link #onRolloutStart}, {@link #onStep}
 * after every vector-environment step, {@link #onRolloutEnd} once the rollout <em>and the PPO
 * update on it</em> are done (so its {@link RolloutStats} carry the losses; SB3 calls its {@code
 * on_rollout_end} before the update), and finally {@link #onTrainingEnd}, always.
 */
public interface TrainingCallback {

  /**
   * Training starts.
   *
   * @param model the learner
   * @param targetTimesteps the step count at which training will stop
   */
  default void onTrainingStart(Ppo model, long targetTimesteps) {}

  /**
   * A rollout starts.
   *
   * @param timesteps steps so far
   */
  default void onRolloutStart(long timesteps) {}

  /**
   * One step of every environment was taken.
   *
   * @param timesteps steps so far
   * @return false to stop at once (the partial rollout is not trained on)
   */
  default boolean onStep(long timesteps) {
    return true;
  }

  /**
   * A rollout and its update are done.
   *
   * @param stats what the iteration logged
   * @return false to stop training
   */
  default boolean onRolloutEnd(RolloutStats stats) {
    return true;
  }

  /**
   * Training ended (normally, stopped by a callback, or by an exception).
   *
   * @param timesteps steps so far
   */
  default void onTrainingEnd(long timesteps) {}

  /**
   * A callback that does nothing.
   *
   * @return the callback
   */
  static TrainingCallback none() {
    return new TrainingCallback() {};
  }
}
