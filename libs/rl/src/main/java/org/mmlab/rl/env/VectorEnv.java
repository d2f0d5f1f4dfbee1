package org.mmlab.rl.env;

import org.mmlab.sim.core.Rng;

/**
 * N environments stepped together, with auto-reset as Stable-Baselines3's {@code VecEnv}: when a
 * member's episode ends, its final observation is kept in {@link #finalObservation(int)} (so a
 * truncated episode can be bootstrapped) and the member is reset at once, its next observation
 * being the new episode's first.
 *
 * <p>Seeding: member {@code i}'s {@code k}-th episode uses {@code derive(derive(seed, i), k)}, so
 * members never share a market stream and the whole vector is reproducible from one seed.
 *
 * <p>Results live in arrays owned by the vector env, overwritten by each {@link #step}; nothing is
 * allocated per step.
 */
public final class VectorEnv {
  private final MarketMakingEnv[] envs;
  private final long[] memberSeeds;
  private final long[] episodes;
  private final float[][] observations;
  private final float[][] finalObservations;
  private final double[] rewards;
  private final boolean[] terminated;
  private final boolean[] truncated;
  private final double[] episodeReturn;
  private final int[] episodeLength;
  private final double[] completedReturn;
  private final int[] completedLength;
  private final double[] completedEquity;

  /**
   * Creates and resets N environments.
   *
   * @param config every member's configuration
   * @param n number of members, positive
   * @param seed base seed
   */
  public VectorEnv(EnvConfig config, int n, long seed) {
    if (n <= 0) {
      throw new IllegalArgumentException("number of environments must be positive: " + n);
    }
    envs = new MarketMakingEnv[n];
    memberSeeds = new long[n];
    episodes = new long[n];
    observations = new float[n][config.observationSize()];
    finalObservations = new float[n][config.observationSize()];
    rewards = new double[n];
    terminated = new boolean[n];
    truncated = new boolean[n];
    episodeReturn = new double[n];
    episodeLength = new int[n];
    completedReturn = new double[n];
    completedLength = new int[n];
    completedEquity = new double[n];
    for (int i = 0; i < n; i++) {
      envs[i] = new MarketMakingEnv(config);
      memberSeeds[i] = Rng.derive(seed, i);
    }
    for (int i = 0; i < n; i++) {
      resetMember(i);
    }
  }

  private void resetMember(int i) {
    float[] first = envs[i].reset(Rng.derive(memberSeeds[i], episodes[i]++));
    System.arraycopy(first, 0, observations[i], 0, first.length);
    episodeReturn[i] = 0;
    episodeLength[i] = 0;
  }

  /**
   * Number of members.
   *
   * @return N
   */
  public int size() {
    return envs.length;
  }

  /**
   * Steps every member with its action; finished members are reset.
   *
   * @param actions one action per member
   */
  public void step(int[][] actions) {
    if (actions.length != envs.length) {
      throw new IllegalArgumentException("need " + envs.length + " actions, got " + actions.length);
    }
    for (int i = 0; i < envs.length; i++) {
      MarketMakingEnv.Step s = envs[i].step(actions[i]);
      rewards[i] = s.reward;
      terminated[i] = s.terminated;
      truncated[i] = s.truncated;
      episodeReturn[i] += s.reward;
      episodeLength[i]++;
      if (s.terminated || s.truncated) {
        System.arraycopy(s.observation, 0, finalObservations[i], 0, s.observation.length);
        completedReturn[i] = episodeReturn[i];
        completedLength[i] = episodeLength[i];
        completedEquity[i] = s.equity;
        resetMember(i);
      } else {
        System.arraycopy(s.observation, 0, observations[i], 0, s.observation.length);
      }
    }
  }

  /**
   * Current observations (after auto-reset for finished members).
   *
   * @return [member][feature], owned by the vector env
   */
  public float[][] observations() {
    return observations;
  }

  /**
   * The last observation of the episode member {@code i} just finished.
   *
   * @param i member index
   * @return valid when {@link #done(int)} was true at the last step
   */
  public float[] finalObservation(int i) {
    return finalObservations[i];
  }

  /**
   * Rewards of the last step.
   *
   * @return one per member
   */
  public double[] rewards() {
    return rewards;
  }

  /**
   * Terminated flags of the last step.
   *
   * @return one per member
   */
  public boolean[] terminated() {
    return terminated;
  }

  /**
   * Truncated flags of the last step.
   *
   * @return one per member
   */
  public boolean[] truncated() {
    return truncated;
  }

  /**
   * Whether member {@code i}'s episode ended at the last step.
   *
   * @param i member index
   * @return terminated or truncated
   */
  public boolean done(int i) {
    return terminated[i] || truncated[i];
  }

  /**
   * Total reward of the episode member {@code i} just finished.
   *
   * @param i member index
   * @return valid when {@link #done(int)}
   */
  public double completedReturn(int i) {
    return completedReturn[i];
  }

  /**
   * Length of the episode member {@code i} just finished.
   *
   * @param i member index
   * @return steps, valid when {@link #done(int)}
   */
  public int completedLength(int i) {
    return completedLength[i];
  }

  /**
   * Final net P&amp;L of the episode member {@code i} just finished.
   *
   * @param i member index
   * @return ticks × lots, valid when {@link #done(int)}
   */
  public double completedEquity(int i) {
    return completedEquity[i];
  }

  /**
   * A member, for inspection.
   *
   * @param i member index
   * @return the environment
   */
  public MarketMakingEnv member(int i) {
    return envs[i];
  }
}
