package org.mmlab.rl.policy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mmlab.rl.env.ActionQuotes;
import org.mmlab.rl.env.ActionSpace;
import org.mmlab.rl.env.Observations;
import org.mmlab.sim.core.Rng;
import org.mmlab.strategy.MarketContext;
import org.mmlab.strategy.QuoteDecision;
import org.mmlab.strategy.Strategy;

/**
 * Several policies voting through their action probabilities: per action dimension, the members'
 * probabilities are averaged and the action is the argmax of the average (or a draw from it when
 * not deterministic). All members must share the feature list, the action space and the predictor
 * requirement; each keeps its own normalization statistics.
 */
public final class EnsembleStrategy implements Strategy {
  /** Registry name. */
  public static final String NAME = "rl-ensemble";

  private final List<Policy> members;
  private final boolean deterministic;
  private final Rng rng = new Rng(0);
  private final float[] observation = new float[Observations.SIZE];
  private final int[] action = new int[ActionSpace.dimensions()];
  private final float[][] memberProbs;
  private final double[][] mean;

  /**
   * Creates the ensemble.
   *
   * @param members the policies, at least one (owned by the caller)
   * @param deterministic argmax of the averaged probabilities; otherwise sampled
   * @throws IllegalArgumentException naming the member that does not match the first
   */
  public EnsembleStrategy(List<Policy> members, boolean deterministic) {
    this(members, null, deterministic);
  }

  private EnsembleStrategy(List<Policy> members, List<Path> paths, boolean deterministic) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs at least one policy");
    }
    Policy first = members.get(0);
    List<String> problems = new ArrayList<>();
    for (int i = 1; i < members.size(); i++) {
      BundleMetadata a = first.metadata();
      BundleMetadata b = members.get(i).metadata();
      String who = "member " + i + (paths == null ? "" : " (" + paths.get(i) + ")");
      String ref = "member 0" + (paths == null ? "" : " (" + paths.get(0) + ")");
      if (!a.observationNames().equals(b.observationNames())) {
        problems.add(
            who
                + " has feature list "
                + b.observationNames()
                + " but "
                + ref
                + " has "
                + a.observationNames());
      }
      if (!a.actionNvec().equals(b.actionNvec())) {
        problems.add(
            who
                + " acts in MultiDiscrete"
                + b.actionNvec()
                + " but "
                + ref
                + " in MultiDiscrete"
                + a.actionNvec());
      }
      if (a.needsPredictor() != b.needsPredictor()) {
        problems.add(
            who
                + (b.needsPredictor() ? " needs" : " does not need")
                + " the predictor but "
                + ref
                + (a.needsPredictor() ? " does" : " does not"));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          "ensemble members do not share spaces: " + String.join("; ", problems));
    }
    RlStrategy.checkSpaces(first);
    this.members = List.copyOf(members);
    this.deterministic = deterministic;
    int[] nvec = first.actionNvec();
    this.memberProbs = new float[nvec.length][];
    this.mean = new double[nvec.length][];
    for (int d = 0; d < nvec.length; d++) {
      memberProbs[d] = new float[nvec[d]];
      mean[d] = new double[nvec[d]];
    }
  }

  /**
   * Loads bundles into an ensemble.
   *
   * @param bundles the {@code .zip} files
   * @param deterministic argmax of the averaged probabilities; otherwise sampled
   * @return the strategy
   * @throws IOException when a bundle is missing or does not fit
   * @throws IllegalArgumentException when the members do not share spaces
   */
  public static EnsembleStrategy load(List<Path> bundles, boolean deterministic)
      throws IOException {
    List<Policy> policies = new ArrayList<>();
    for (Path p : bundles) {
      policies.add(Policy.load(p));
    }
    return new EnsembleStrategy(policies, bundles, deterministic);
  }

  /**
   * The averaged probabilities of an observation.
   *
   * @param observation raw observation
   * @param out {@code out[d][i]}: mean probability of choice {@code i} in dimension {@code d}
   */
  public void probabilities(float[] observation, double[][] out) {
    for (double[] row : out) {
      Arrays.fill(row, 0);
    }
    for (Policy p : members) {
      p.probabilities(observation, memberProbs);
      for (int d = 0; d < out.length; d++) {
        for (int i = 0; i < out[d].length; i++) {
          out[d][i] += memberProbs[d][i];
        }
      }
    }
    for (double[] row : out) {
      for (int i = 0; i < row.length; i++) {
        row[i] /= members.size();
      }
    }
  }

  /**
   * Chooses an action from the averaged probabilities.
   *
   * @param observation raw observation
   * @param action receives the action
   */
  public void act(float[] observation, int[] action) {
    probabilities(observation, mean);
    for (int d = 0; d < mean.length; d++) {
      action[d] =
          deterministic
              ? Categorical.argmax(mean[d], mean[d].length)
              : Categorical.sample(mean[d], mean[d].length, rng);
    }
  }

  /**
   * The members.
   *
   * @return the policies
   */
  public List<Policy> members() {
    return members;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void reset(long seed) {
    rng.reseed(seed);
  }

  @Override
  public void decide(MarketContext ctx, QuoteDecision out) {
    Observations.fill(ctx, observation);
    act(observation, action);
    ActionQuotes.apply(action, ActionQuotes.mid(ctx), out);
    ActionQuotes.capToInventory(ctx.inventory(), ctx.maxInventory(), out);
  }
}
