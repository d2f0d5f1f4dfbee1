package org.mmlab.rl.ppo;

import org.mmlab.rl.env.ActionSpace;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.policy.Policy;
import org.mmlab.sim.core.Rng;

/**
 * Runs a policy for whole episodes of a fresh environment, as Stable-Baselines3's {@code
 * evaluate_policy}: episode {@code k} uses seed {@code Rng.derive(seed, k)}, so two policies
 * evaluated with the same seed meet exactly the same markets.
 */
public final class Evaluation {
  private Evaluation() {}

  /** Chooses an action from a raw observation. */
  @FunctionalInterface
  public interface Actor {
    /**
     * Chooses an action.
     *
     * @param observation raw observation (the environment's array: do not keep)
     * @param action receives the action
     */
    void act(float[] observation, int[] action);
  }

  /**
   * What an evaluation measured.
   *
   * @param episodeRewards total reward per episode
   * @param episodeLengths steps per episode
   * @param meanReward mean of the episode rewards
   * @param stdReward population standard deviation of the episode rewards (as numpy's std)
   * @param meanLength mean episode length
   * @param meanFinalEquity mean net P&amp;L at the end of the episodes, ticks × lots
   */
  public record Result(
      double[] episodeRewards,
      int[] episodeLengths,
      double meanReward,
      double stdReward,
      double meanLength,
      double meanFinalEquity) {}

  /**
   * Evaluates an actor.
   *
   * @param config the environment
   * @param actor the policy
   * @param episodes episodes, positive
   * @param seed base seed of the episodes
   * @return the measurements
   */
  public static Result evaluate(EnvConfig config, Actor actor, int episodes, long seed) {
    if (episodes <= 0) {
      throw new IllegalArgumentException("episodes must be positive: " + episodes);
    }
    MarketMakingEnv env = new MarketMakingEnv(config);
    double[] rewards = new double[episodes];
    int[] lengths = new int[episodes];
    double equity = 0;
    int[] action = new int[ActionSpace.dimensions()];
    for (int k = 0; k < episodes; k++) {
      float[] obs = env.reset(Rng.derive(seed, k));
      double total = 0;
      int steps = 0;
      while (true) {
        actor.act(obs, action);
        MarketMakingEnv.Step s = env.step(action);
        total += s.reward;
        steps++;
        obs = s.observation;
        if (s.terminated || s.truncated) {
          equity += s.equity;
          break;
        }
      }
      rewards[k] = total;
      lengths[k] = steps;
    }
    double mean = 0;
    double meanLength = 0;
    for (int k = 0; k < episodes; k++) {
      mean += rewards[k];
      meanLength += lengths[k];
    }
    mean /= episodes;
    meanLength /= episodes;
    double var = 0;
    for (double r : rewards) {
      var += (r - mean) * (r - mean);
    }
    return new Result(
        rewards, lengths, mean, Math.sqrt(var / episodes), meanLength, equity / episodes);
  }

  /**
   * A policy as an actor.
   *
   * @param policy the policy
   * @param deterministic argmax actions; otherwise drawn with a generator seeded by {@code seed}
   * @param seed the draws' seed
   * @return the actor
   */
  public static Actor of(Policy policy, boolean deterministic, long seed) {
    Rng rng = new Rng(seed);
    return (obs, action) -> policy.act(obs, deterministic, rng, action);
  }

  /**
   * The uniformly random policy: every dimension drawn uniformly.
   *
   * @param seed the draws' seed
   * @return the actor
   */
  public static Actor uniformRandom(long seed) {
    Rng rng = new Rng(seed);
    return (obs, action) -> {
      for (int d = 0; d < action.length; d++) {
        action[d] = rng.nextInt(ActionSpace.NVEC[d]);
      }
    };
  }
}
