package org.mmlab.rl.policy;

import java.util.List;

/**
 * The shape of an actor-critic network, as Stable-Baselines3's {@code MultiInputPolicy} with {@code
 * net_arch=dict(pi=[64, 64], vf=[64, 64])}: two separate MLPs on the normalized observation, the
 * policy MLP ending in one linear layer of {@code sum(actionNvec)} logits (split into one
 * categorical head per action dimension, as SB3's {@code MultiCategoricalDistribution}), the value
 * MLP ending in one linear unit.
 *
 * @param observationSize inputs
 * @param actionNvec choices per action dimension
 * @param policyHidden hidden layer widths of the policy MLP (may be empty: a linear policy)
 * @param valueHidden hidden layer widths of the value MLP (may be empty)
 * @param activation hidden activation; only {@code "tanh"} (SB3's default for PPO)
 */
public record NetworkSpec(
    int observationSize,
    List<Integer> actionNvec,
    List<Integer> policyHidden,
    List<Integer> valueHidden,
    String activation) {

  /** The only activation supported. */
  public static final String TANH = "tanh";

  /** Validates the shape; messages name the field. */
  public NetworkSpec {
    if (observationSize <= 0) {
      throw new IllegalArgumentException("observationSize must be positive: " + observationSize);
    }
    if (actionNvec == null || actionNvec.isEmpty()) {
      throw new IllegalArgumentException("actionNvec must have at least one dimension");
    }
    for (Integer n : actionNvec) {
      if (n == null || n < 1) {
        throw new IllegalArgumentException("actionNvec entries must be >= 1: " + actionNvec);
      }
    }
    policyHidden = checkWidths("policyHidden", policyHidden);
    valueHidden = checkWidths("valueHidden", valueHidden);
    actionNvec = List.copyOf(actionNvec);
    if (!TANH.equals(activation)) {
      throw new IllegalArgumentException(
          "activation must be \"" + TANH + "\", got \"" + activation + "\"");
    }
  }

  private static List<Integer> checkWidths(String field, List<Integer> widths) {
    if (widths == null) {
      throw new IllegalArgumentException(field + " is required (may be empty)");
    }
    for (Integer w : widths) {
      if (w == null || w < 1) {
        throw new IllegalArgumentException(field + " widths must be >= 1: " + widths);
      }
    }
    return List.copyOf(widths);
  }

  /**
   * The default of DESIGN.md: 64-64 tanh for both nets.
   *
   * @param observationSize inputs
   * @param actionNvec choices per action dimension
   * @return the spec
   */
  public static NetworkSpec defaults(int observationSize, int[] actionNvec) {
    return new NetworkSpec(
        observationSize, toList(actionNvec), List.of(64, 64), List.of(64, 64), TANH);
  }

  /**
   * Total number of logits, {@code sum(actionNvec)}.
   *
   * @return logits of the policy MLP's output layer
   */
  public int logitCount() {
    int n = 0;
    for (int v : actionNvec) {
      n += v;
    }
    return n;
  }

  /**
   * The action dimensions as an array.
   *
   * @return a fresh copy
   */
  public int[] nvec() {
    return actionNvec.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Readable layer widths, e.g. {@code 13→64→64→32}.
   *
   * @param value the value net instead of the policy net
   * @return the description
   */
  public String describe(boolean value) {
    StringBuilder b = new StringBuilder().append(observationSize);
    for (int w : value ? valueHidden : policyHidden) {
      b.append('→').append(w);
    }
    return b.append('→').append(value ? 1 : logitCount()).toString();
  }

  static List<Integer> toList(int[] values) {
    return java.util.Arrays.stream(values).boxed().toList();
  }
}
