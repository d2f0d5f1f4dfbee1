package org.mmlab.rl.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mmlab.rl.env.ActionQuotes;
import org.mmlab.rl.env.ActionSpace;
import org.mmlab.rl.env.Observations;
import org.mmlab.rl.predictor.Predictor;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.sim.core.Rng;
import org.mmlab.strategy.MarketContext;
import org.mmlab.strategy.QuoteDecision;
import org.mmlab.strategy.Strategy;
import org.mmlab.strategy.StrategyRegistry;

/**
 * A trained policy behind the {@link Strategy} interface, so it runs in the backtester, in training
 * evaluation and in the live service exactly as the classic market makers do.
 *
 * <p>Each decision builds the observation from the context as the environment does ({@link
 * Observations#fill}), asks the policy for an action (argmax by default, or a draw seeded by {@link
 * #reset(long)}), and quotes it as the environment does ({@link ActionQuotes#apply}): the same
 * policy on the same market gives the same quotes as in training, except near the inventory limit:
 * there each side's size is cut to the room left ({@link ActionQuotes#capToInventory}), because a
 * deployed market maker must never breach the limit, whereas training ends the episode instead.
 *
 * <p>With a predictor, the strategy feeds it every top-of-book change ({@link #onTopOfBook}) and
 * its score is the 14th observation, as in training.
 *
 * <p>Registry parameters ({@link #register}): {@code rl} takes {@code model} (bundle path,
 * required), {@code predictor} (predictor bundle path, for a policy trained with one) and {@code
 * deterministic} ({@code true}); {@code rl-ensemble} takes {@code models} (comma-separated bundle
 * paths) and {@code deterministic}.
 */
public final class RlStrategy implements Strategy {
  /** Registry name. */
  public static final String NAME = "rl";

  private final Policy policy;
  private final Predictor predictor;
  private final boolean deterministic;
  private final Rng rng = new Rng(0);
  private final float[] observation;
  private final int[] action;

  /**
   * Creates the strategy.
   *
   * @param policy the policy (owned by the caller)
   * @param deterministic argmax actions; otherwise sampled
   */
  public RlStrategy(Policy policy, boolean deterministic) {
    this(policy, null, deterministic);
  }

  /**
   * Creates the strategy with a predictor.
   *
   * @param policy the policy (owned by the caller), reading 14 values when {@code predictor} is
   *     given
   * @param predictor the predictor (owned by this strategy from now on), or null
   * @param deterministic argmax actions; otherwise sampled
   */
  public RlStrategy(Policy policy, Predictor predictor, boolean deterministic) {
    checkSpaces(policy, predictor != null);
    this.policy = policy;
    this.predictor = predictor;
    this.deterministic = deterministic;
    this.observation = new float[Observations.size(predictor != null)];
    this.action = new int[ActionSpace.dimensions()];
  }

  /** Checks that a policy reads the market maker's observation and acts in its action space. */
  static void checkSpaces(Policy policy) {
    checkSpaces(policy, false);
  }

  static void checkSpaces(Policy policy, boolean withPredictor) {
    int size = Observations.size(withPredictor);
    if (policy.observationSize() != size || !Arrays.equals(policy.actionNvec(), ActionSpace.NVEC)) {
      throw new IllegalArgumentException(
          "policy does not fit the market-making spaces: it reads "
              + policy.observationSize()
              + " inputs (expected "
              + size
              + ") and acts in MultiDiscrete"
              + Arrays.toString(policy.actionNvec())
              + " (expected MultiDiscrete"
              + Arrays.toString(ActionSpace.NVEC)
              + ")");
    }
  }

  /**
   * Loads a bundle into a strategy.
   *
   * @param bundle the {@code .zip}
   * @param deterministic argmax actions; otherwise sampled
   * @return the strategy
   * @throws IOException when the bundle is missing or does not fit
   */
  public static RlStrategy load(Path bundle, boolean deterministic) throws IOException {
    return new RlStrategy(Policy.load(bundle), deterministic);
  }

  /**
   * Loads a bundle into a strategy that runs with a predictor (or explicitly without one).
   *
   * @param bundle the policy {@code .zip}
   * @param predictor the predictor bundle, or null for none
   * @param deterministic argmax actions; otherwise sampled
   * @return the strategy
   * @throws IOException when the bundle is missing, does not fit, or needs another predictor
   */
  public static RlStrategy load(Path bundle, PredictorBundle predictor, boolean deterministic)
      throws IOException {
    return new RlStrategy(
        Policy.load(bundle, predictor),
        predictor == null ? null : predictor.predictor(),
        deterministic);
  }

  /**
   * Registers {@code rl} and {@code rl-ensemble}.
   *
   * @param registry the registry
   * @return the registry
   */
  public static StrategyRegistry register(StrategyRegistry registry) {
    Map<String, String> single = new LinkedHashMap<>();
    single.put("model", "");
    single.put("predictor", "");
    single.put("deterministic", "true");
    registry.register(
        NAME,
        p -> {
          check(NAME, p, single.keySet());
          String model = p.get("model");
          if (model == null || model.isBlank()) {
            throw new IllegalArgumentException(
                "parameter 'model' (policy bundle path) is required");
          }
          String predictorPath = p.get("predictor");
          PredictorBundle predictor = null;
          if (predictorPath != null && !predictorPath.isBlank()) {
            try {
              predictor = PredictorBundle.load(Path.of(predictorPath.trim()));
            } catch (IOException e) {
              throw new IllegalArgumentException("parameter 'predictor': " + e.getMessage(), e);
            }
          }
          try {
            return load(Path.of(model.trim()), predictor, bool(p, "deterministic"));
          } catch (IOException e) {
            throw new IllegalArgumentException("parameter 'model': " + e.getMessage(), e);
          }
        },
        single);
    Map<String, String> ensemble = new LinkedHashMap<>();
    ensemble.put("models", "");
    ensemble.put("deterministic", "true");
    registry.register(
        EnsembleStrategy.NAME,
        p -> {
          check(EnsembleStrategy.NAME, p, ensemble.keySet());
          String models = p.get("models");
          if (models == null || models.isBlank()) {
            throw new IllegalArgumentException(
                "parameter 'models' (comma-separated policy bundle paths) is required");
          }
          List<Path> paths = new ArrayList<>();
          for (String s : models.split(",")) {
            if (!s.isBlank()) {
              paths.add(Path.of(s.trim()));
            }
          }
          try {
            return EnsembleStrategy.load(paths, bool(p, "deterministic"));
          } catch (IOException e) {
            throw new IllegalArgumentException("parameter 'models': " + e.getMessage(), e);
          } catch (UncheckedIOException e) {
            throw new IllegalArgumentException("parameter 'models': " + e.getMessage(), e);
          }
        },
        ensemble);
    return registry;
  }

  private static void check(String strategy, Map<String, String> p, Set<String> known) {
    for (String key : p.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "unknown parameter '"
                + key
                + "' for strategy '"
                + strategy
                + "'; known parameters: "
                + String.join(", ", known));
      }
    }
  }

  private static boolean bool(Map<String, String> p, String key) {
    String v = p.getOrDefault(key, "true").trim();
    if (v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(
        "parameter '" + key + "' must be true or false, got '" + v + "'");
  }

  /**
   * The policy.
   *
   * @return the policy
   */
  public Policy policy() {
    return policy;
  }

  /**
   * The action of the last decision.
   *
   * @return {@code [bid offset, ask offset, size index]} (a copy)
   */
  public int[] lastAction() {
    return action.clone();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The predictor, if the policy observes one.
   *
   * @return the predictor or null
   */
  public Predictor predictor() {
    return predictor;
  }

  @Override
  public void reset(long seed) {
    rng.reseed(seed);
    if (predictor != null) {
      predictor.reset();
    }
  }

  @Override
  public void onTopOfBook(
      long timeNanos, long bidPrice, long bidSize, long askPrice, long askSize) {
    if (predictor != null) {
      predictor.onTopOfBook(timeNanos, bidPrice, bidSize, askPrice, askSize);
    }
  }

  @Override
  public void decide(MarketContext ctx, QuoteDecision out) {
    Observations.fill(ctx, predictor, observation);
    policy.act(observation, deterministic, rng, action);
    ActionQuotes.apply(action, ActionQuotes.mid(ctx), out);
    ActionQuotes.capToInventory(ctx.inventory(), ctx.maxInventory(), out);
  }
}
