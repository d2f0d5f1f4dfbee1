package org.mmlab.rl.ppo;

import java.util.List;

/**
 * Several callbacks as one, called in order; a stop request from any of them stops training (every
 * callback still sees the event, as SB3's {@code CallbackList}).
 */
public final class CallbackList implements TrainingCallback {
  private final List<TrainingCallback> callbacks;

  /**
   * Combines callbacks.
   *
   * @param callbacks the callbacks, in call order
   */
  public CallbackList(List<TrainingCallback> callbacks) {
    this.callbacks = List.copyOf(callbacks);
  }

  /**
   * Combines callbacks.
   *
   * @param callbacks the callbacks, in call order
   * @return the list
   */
  public static CallbackList of(TrainingCallback... callbacks) {
    return new CallbackList(List.of(callbacks));
  }

  /**
   * The callbacks.
   *
   * @return the callbacks
   */
  public List<TrainingCallback> callbacks() {
    return callbacks;
  }

  @Override
  public void onTrainingStart(Ppo model, long targetTimesteps) {
    for (TrainingCallback c : callbacks) {
      c.onTrainingStart(model, targetTimesteps);
    }
  }

  @Override
  public void onRolloutStart(long timesteps) {
    for (TrainingCallback c : callbacks) {
      c.onRolloutStart(timesteps);
    }
  }

  @Override
  public boolean onStep(long timesteps) {
    boolean go = true;
    for (TrainingCallback c : callbacks) {
      go = c.onStep(timesteps) && go;
    }
    return go;
  }

  @Override
  public boolean onRolloutEnd(RolloutStats stats) {
    boolean go = true;
    for (TrainingCallback c : callbacks) {
      go = c.onRolloutEnd(stats) && go;
    }
    return go;
  }

  @Override
  public void onTrainingEnd(long timesteps) {
    for (TrainingCallback c : callbacks) {
      c.onTrainingEnd(timesteps);
    }
  }
}
