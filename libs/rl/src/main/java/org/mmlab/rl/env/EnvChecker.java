package org.mmlab.rl.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mmlab.sim.core.Rng;

/**
 * Checks an environment the way Stable-Baselines3's {@code check_env} does, by running it: random
 * actions for a number of steps, then every observation's length and finiteness, every reward's
 * finiteness, the episode flags, and that two runs with the same seed produce identical
 * trajectories while another seed produces a different one.
 */
public final class EnvChecker {
  /** What a check found. */
  public record Report(long steps, long episodes, List<String> problems, double meanReward) {
    /**
     * Whether nothing was wrong.
     *
     * @return true when there are no problems
     */
    public boolean ok() {
      return problems.isEmpty();
    }
  }

  private EnvChecker() {}

  /**
   * Runs the checks.
   *
   * @param config the environment to check
   * @param steps random steps per run, positive
   * @param seed seed of the environment and of the random actions
   * @return the findings
   */
  public static Report check(EnvConfig config, int steps, long seed) {
    if (steps <= 0) {
      throw new IllegalArgumentException("steps must be positive: " + steps);
    }
    List<String> problems = new ArrayList<>();
    Trajectory a = run(config, steps, seed, problems);
    Trajectory b = run(config, steps, seed, new ArrayList<>());
    Trajectory c = run(config, steps, seed + 1, new ArrayList<>());
    if (a.hash != b.hash || !Arrays.equals(a.lastObservation, b.lastObservation)) {
      problems.add("two runs with seed " + seed + " differ: the environment is not reproducible");
    }
    if (a.hash == c.hash) {
      problems.add("seeds " + seed + " and " + (seed + 1) + " give identical runs: seed ignored");
    }
    return new Report(steps, a.episodes, List.copyOf(problems), a.rewardSum / steps);
  }

  private static final class Trajectory {
    long hash = 1;
    long episodes;
    double rewardSum;
    float[] lastObservation;
  }

  private static Trajectory run(EnvConfig config, int steps, long seed, List<String> problems) {
    MarketMakingEnv env = new MarketMakingEnv(config);
    Rng actions = new Rng(Rng.derive(seed, 99));
    Trajectory t = new Trajectory();
    float[] obs = env.reset(seed);
    checkObservation(obs, 0, problems, config.predictor() != null);
    int[] action = new int[ActionSpace.dimensions()];
    for (int i = 1; i <= steps && problems.size() < 20; i++) {
      for (int d = 0; d < action.length; d++) {
        action[d] = actions.nextInt(ActionSpace.NVEC[d]);
      }
      MarketMakingEnv.Step s = env.step(action);
      checkObservation(s.observation, i, problems, config.predictor() != null);
      if (!Double.isFinite(s.reward)) {
        problems.add("step " + i + ": reward is " + s.reward);
      }
      if (s.terminated && s.truncated) {
        problems.add("step " + i + ": both terminated and truncated");
      }
      t.rewardSum += s.reward;
      t.hash = 31 * t.hash + Double.hashCode(s.reward);
      t.hash = 31 * t.hash + Arrays.hashCode(s.observation);
      t.lastObservation = s.observation.clone();
      if (s.terminated || s.truncated) {
        t.episodes++;
        env.reset(Rng.derive(seed, t.episodes));
      }
    }
    return t;
  }

  private static void checkObservation(
      float[] obs, int step, List<String> problems, boolean withPredictor) {
    int expected = Observations.size(withPredictor);
    if (obs.length != expected) {
      problems.add(
          "step " + step + ": observation has " + obs.length + " values, expected " + expected);
      return;
    }
    for (int i = 0; i < obs.length; i++) {
      if (!Float.isFinite(obs[i])) {
        problems.add(
            "step "
                + step
                + ": observation "
                + MarketMakingEnv.observationNames(withPredictor).get(i)
                + " is "
                + obs[i]);
      }
    }
  }
}
