package org.mmlab.rl.ppo;

import org.mmlab.sim.core.Rng;

/**
 * One rollout of {@code nSteps} steps of {@code nEnvs} environments, in preallocated float arrays
 * laid out {@code [step][env]}, as Stable-Baselines3's {@code RolloutBuffer}: observations (already
 * normalized), actions, rewards (with the truncation bootstrap already added), episode starts,
 * value estimates and log-probabilities; then advantages and returns by GAE.
 *
 * <p>Minibatches ({@link #permutation}, {@link #gather}) index the buffer as SB3 does after {@code
 * swap_and_flatten}: sample {@code k} is environment {@code k / nSteps}, step {@code k % nSteps}.
 */
public final class RolloutBuffer {
  private final int nSteps;
  private final int nEnvs;
  private final int obsSize;
  private final int actionDims;
  private final float[] observations;
  private final int[] actions;
  private final float[] rewards;
  private final float[] episodeStarts;
  private final float[] values;
  private final float[] logProbs;
  private final float[] advantages;
  private final float[] returns;
  private final double[] lastGaeLam;
  private int pos;
  private boolean computed;

  /**
   * Allocates a buffer.
   *
   * @param nSteps steps per environment
   * @param nEnvs environments
   * @param obsSize observation size
   * @param actionDims action dimensions
   */
  public RolloutBuffer(int nSteps, int nEnvs, int obsSize, int actionDims) {
    if (nSteps <= 0 || nEnvs <= 0 || obsSize <= 0 || actionDims <= 0) {
      throw new IllegalArgumentException("buffer dimensions must be positive");
    }
    if ((long) nSteps * nEnvs * obsSize > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("rollout too large: " + nSteps + " × " + nEnvs);
    }
    this.nSteps = nSteps;
    this.nEnvs = nEnvs;
    this.obsSize = obsSize;
    this.actionDims = actionDims;
    int n = nSteps * nEnvs;
    observations = new float[n * obsSize];
    actions = new int[n * actionDims];
    rewards = new float[n];
    episodeStarts = new float[n];
    values = new float[n];
    logProbs = new float[n];
    advantages = new float[n];
    returns = new float[n];
    lastGaeLam = new double[nEnvs];
  }

  /** Empties the buffer for a new rollout. */
  public void reset() {
    pos = 0;
    computed = false;
  }

  /**
   * Whether every step was added.
   *
   * @return true when {@code nSteps} steps are in
   */
  public boolean full() {
    return pos == nSteps;
  }

  /**
   * Samples in the buffer, {@code nSteps × nEnvs}.
   *
   * @return the size
   */
  public int size() {
    return nSteps * nEnvs;
  }

  /**
   * Adds one step of every environment.
   *
   * @param obs the observations the actions were taken on, {@code [env][obsSize]} flattened
   * @param action the actions, {@code [env][dim]}
   * @param reward the rewards (truncated episodes: already {@code + γ·V(final observation)})
   * @param episodeStart whether each observation is the first of an episode
   * @param value value estimates of the observations
   * @param logProb log-probabilities of the actions
   */
  public void add(
      float[] obs,
      int[][] action,
      double[] reward,
      boolean[] episodeStart,
      float[] value,
      float[] logProb) {
    if (pos >= nSteps) {
      throw new IllegalStateException("rollout buffer is full");
    }
    int base = pos * nEnvs;
    System.arraycopy(obs, 0, observations, base * obsSize, nEnvs * obsSize);
    for (int e = 0; e < nEnvs; e++) {
      System.arraycopy(action[e], 0, actions, (base + e) * actionDims, actionDims);
      rewards[base + e] = (float) reward[e];
      episodeStarts[base + e] = episodeStart[e] ? 1f : 0f;
      values[base + e] = value[e];
      logProbs[base + e] = logProb[e];
    }
    pos++;
  }

  /**
   * Generalized advantage estimation (Schulman et al. 2016) exactly as SB3's {@code
   * compute_returns_and_advantage}: backwards over the steps,
   *
   * <pre>
   * δ_t = r_t + γ · V(s_{t+1}) · nonTerminal_{t+1} − V(s_t)
   * A_t = δ_t + γ · λ · nonTerminal_{t+1} · A_{t+1}
   * R_t = A_t + V(s_t)
   * </pre>
   *
   * where {@code nonTerminal_{t+1} = 1 − episodeStart_{t+1}} inside the rollout and {@code 1 −
   * done} after its last step, whose next value is {@code lastValues}. A truncated episode's
   * bootstrap is already in its last reward, so every episode end cuts the recursion.
   *
   * @param lastValues {@code V} of the observation after the last step, per environment
   * @param dones whether each environment's last step ended its episode
   * @param gamma γ
   * @param gaeLambda λ
   */
  public void computeReturnsAndAdvantage(
      float[] lastValues, boolean[] dones, double gamma, double gaeLambda) {
    if (!full()) {
      throw new IllegalStateException("rollout is not complete: " + pos + " of " + nSteps);
    }
    java.util.Arrays.fill(lastGaeLam, 0);
    for (int step = nSteps - 1; step >= 0; step--) {
      for (int e = 0; e < nEnvs; e++) {
        int i = step * nEnvs + e;
        double nextNonTerminal;
        double nextValue;
        if (step == nSteps - 1) {
          nextNonTerminal = dones[e] ? 0.0 : 1.0;
          nextValue = lastValues[e];
        } else {
          nextNonTerminal = 1.0 - episodeStarts[i + nEnvs];
          nextValue = values[i + nEnvs];
        }
        double delta = rewards[i] + gamma * nextValue * nextNonTerminal - values[i];
        lastGaeLam[e] = delta + gamma * gaeLambda * nextNonTerminal * lastGaeLam[e];
        advantages[i] = (float) lastGaeLam[e];
        returns[i] = advantages[i] + values[i];
      }
    }
    computed = true;
  }

  /**
   * A random order of the samples for one epoch (Fisher–Yates with the learner's generator, as
   * {@code np.random.permutation}).
   *
   * @param rng the generator
   * @return sample indices in {@code [0, size())}
   */
  public int[] permutation(Rng rng) {
    int n = size();
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** A minibatch's arrays, preallocated for the largest batch. */
  public static final class Batch {
    /** Samples in this batch. */
    public int size;

    /** Observations, {@code [size][obsSize]} flattened. */
    public final float[] observations;

    /** Actions, {@code [size][dims]} flattened. */
    public final int[] actions;

    /** Value estimates at collection. */
    public final float[] oldValues;

    /** Log-probabilities at collection. */
    public final float[] oldLogProbs;

    /** Advantages (raw, normalize per minibatch yourself). */
    public final float[] advantages;

    /** GAE returns. */
    public final float[] returns;

    /**
     * Allocates a batch.
     *
     * @param capacity the largest batch
     * @param obsSize observation size
     * @param actionDims action dimensions
     */
    public Batch(int capacity, int obsSize, int actionDims) {
      observations = new float[capacity * obsSize];
      actions = new int[capacity * actionDims];
      oldValues = new float[capacity];
      oldLogProbs = new float[capacity];
      advantages = new float[capacity];
      returns = new float[capacity];
    }
  }

  /**
   * Copies samples {@code order[from .. from + n)} into a batch.
   *
   * @param order sample indices (from {@link #permutation})
   * @param from first position in {@code order}
   * @param n samples
   * @param out the batch
   */
  public void gather(int[] order, int from, int n, Batch out) {
    if (!computed) {
      throw new IllegalStateException("compute returns and advantages first");
    }
    out.size = n;
    for (int b = 0; b < n; b++) {
      int k = order[from + b];
      int env = k / nSteps;
      int step = k % nSteps;
      int i = step * nEnvs + env;
      System.arraycopy(observations, i * obsSize, out.observations, b * obsSize, obsSize);
      System.arraycopy(actions, i * actionDims, out.actions, b * actionDims, actionDims);
      out.oldValues[b] = values[i];
      out.oldLogProbs[b] = logProbs[i];
      out.advantages[b] = advantages[i];
      out.returns[b] = returns[i];
    }
  }

  /**
   * Advantages, {@code [step][env]}.
   *
   * @return the live array
   */
  public float[] advantages() {
    return advantages;
  }

  /**
   * Returns, {@code [step][env]}.
   *
   * @return the live array
   */
  public float[] returns() {
    return returns;
  }

  /**
   * Value estimates, {@code [step][env]}.
   *
   * @return the live array
   */
  public float[] values() {
    return values;
  }

  /**
   * Rewards, {@code [step][env]}.
   *
   * @return the live array
   */
  public float[] rewards() {
    return rewards;
  }
}
