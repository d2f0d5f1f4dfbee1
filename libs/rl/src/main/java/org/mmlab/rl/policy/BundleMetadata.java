package org.mmlab.rl.policy;

import java.util.List;
import java.util.Map;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.sim.Fees;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.features.FeatureConfig;

/**
 * The {@code metadata.json} of a policy bundle: everything needed to run the policy and to know
 * where it came from.
 *
 * @param formatVersion bundle format version ({@link PolicyBundle#FORMAT_VERSION})
 * @param algorithm the learner, {@code "ppo"}
 * @param createdAt when the bundle was written, ISO-8601 UTC
 * @param observationNames the observation's components in order (the feature list)
 * @param actionNvec the action space, {@code MultiDiscrete(actionNvec)}
 * @param network the shape of the networks whose parameters the bundle holds
 * @param normalization observation-normalization statistics (frozen at save time)
 * @param hyperparameters every hyperparameter of the learner, by name
 * @param market the market and episode shape the policy was trained on
 * @param seed the training seed
 * @param training what the training did
 * @param needsPredictor whether the observation includes the predictor score
 * @param predictor the predictor it was trained with (path, name, sha256, horizon, dead band) when
 *     it needs one, else null
 * @param versions versions of the libraries that wrote the bundle (informational)
 */
public record BundleMetadata(
    int formatVersion,
    String algorithm,
    String createdAt,
    List<String> observationNames,
    List<Integer> actionNvec,
    NetworkSpec network,
    NormalizationStats normalization,
    Map<String, Object> hyperparameters,
    MarketInfo market,
    long seed,
    TrainingSummary training,
    boolean needsPredictor,
    Map<String, Object> predictor,
    Map<String, String> versions) {

  /**
   * The market a policy was trained on.
   *
   * @param marketSpec market spec, e.g. {@code zi}
   * @param reward reward function name
   * @param intervalNanos decision interval
   * @param steps decisions per episode
   * @param maxInventory inventory limit, lots
   * @param orderEntryLatency latency spec, agent to exchange
   * @param marketDataLatency latency spec, exchange to agent
   * @param fees maker and taker fees
   * @param bookLevels levels per side of the agent's book
   * @param features feature windows
   */
  public record MarketInfo(
      String marketSpec,
      String reward,
      long intervalNanos,
      int steps,
      long maxInventory,
      String orderEntryLatency,
      String marketDataLatency,
      Fees fees,
      int bookLevels,
      FeatureConfig features) {

    /**
     * Describes an environment configuration.
     *
     * @param env the configuration
     * @return its description
     */
    public static MarketInfo of(EnvConfig env) {
      BacktestConfig m = env.market();
      return new MarketInfo(
          m.marketSpec(),
          env.reward(),
          m.intervalNanos(),
          m.steps(),
          m.maxInventory(),
          m.conditions().orderEntryLatency().toString(),
          m.conditions().marketDataLatency().toString(),
          m.conditions().fees(),
          m.conditions().bookLevels(),
          m.features());
    }
  }

  /**
   * What a training run did.
   *
   * @param timesteps environment steps trained on
   * @param iterations rollouts (each followed by one PPO update)
   * @param finalRewardMean mean episode reward over the last 100 training episodes (null when none
   *     finished)
   * @param finalEpisodeLengthMean mean episode length over the same window (null when none)
   * @param bestEvalReward best mean evaluation reward, when evaluated (null otherwise)
   * @param wallTimeSeconds wall-clock time of training
   */
  public record TrainingSummary(
      long timesteps,
      int iterations,
      Double finalRewardMean,
      Double finalEpisodeLengthMean,
      Double bestEvalReward,
      double wallTimeSeconds) {}
}
