package org.mmlab.rl.training;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one PPO training run needs, with the option names and defaults of {@code ./mmlab
 * train}. Range checks happen in {@link TrainingJob#prepare}, before any training starts.
 *
 * @param market market spec: zi, zi:PARAMS.json, hawkes, as, lobster:PATH or binance:PATH
 * @param steps decisions per episode
 * @param interval decision interval of simulated time, e.g. {@code 1s}
 * @param maxInventory inventory limit in lots
 * @param latency order-entry latency spec
 * @param mdLatency market-data latency spec
 * @param makerFee maker fee as a fraction of notional
 * @param takerFee taker fee as a fraction of notional
 * @param episodes episodes of training ({@code episodes × steps} timesteps)
 * @param reward reward function name
 * @param nEnvs parallel environments
 * @param seed seed of everything
 * @param initFrom bundle to fine-tune, or null to start from scratch
 * @param savePath where to save the bundle ({@code .zip} is added when missing)
 * @param learningRate PPO learning rate
 * @param nSteps steps per environment per rollout
 * @param batchSize minibatch size
 * @param nEpochs epochs per update
 * @param gamma discount
 * @param gaeLambda GAE lambda
 * @param clipRange PPO clip range
 * @param entCoef entropy coefficient
 * @param vfCoef value coefficient
 * @param maxGradNorm gradient clipping norm
 * @param evalFreq evaluate every this many timesteps
 * @param evalEpisodes held-out episodes per evaluation
 * @param patience stop after this many evaluations without improvement; 0 never stops early
 * @param predictorPath predictor bundle whose score is the 14th observation, or null for none
 */
public record TrainingSpec(
    String market,
    int steps,
    String interval,
    long maxInventory,
    String latency,
    String mdLatency,
    double makerFee,
    double takerFee,
    long episodes,
    String reward,
    int nEnvs,
    long seed,
    Path initFrom,
    Path savePath,
    double learningRate,
    int nSteps,
    int batchSize,
    int nEpochs,
    double gamma,
    double gaeLambda,
    double clipRange,
    double entCoef,
    double vfCoef,
    double maxGradNorm,
    long evalFreq,
    int evalEpisodes,
    int patience,
    Path predictorPath) {

  /** Null checks only; ranges are checked by {@link TrainingJob#prepare}. */
  public TrainingSpec {
    Objects.requireNonNull(market, "market");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(mdLatency, "mdLatency");
    Objects.requireNonNull(reward, "reward");
    Objects.requireNonNull(savePath, "savePath");
  }

  /**
   * A builder with the defaults of {@code ./mmlab train}.
   *
   * @param savePath where to save the bundle
   * @return the builder
   */
  public static Builder builder(Path savePath) {
    return new Builder(savePath);
  }

  /** Builds a {@link TrainingSpec}; every setter is optional. */
  public static final class Builder {
    private String market = "zi";
    private int steps = 1000;
    private String interval = "1s";
    private long maxInventory = 50;
    private String latency = "1ms";
    private String mdLatency = "1ms";
    private double makerFee;
    private double takerFee;
    private long episodes = 1000;
    private String reward = "pnl-inventory";
    private int nEnvs = 1;
    private long seed = 1;
    private Path initFrom;
    private final Path savePath;
    private double learningRate = 3e-4;
    private int nSteps = 2048;
    private int batchSize = 64;
    private int nEpochs = 10;
    private double gamma = 0.99;
    private double gaeLambda = 0.95;
    private double clipRange = 0.2;
    private double entCoef = 0.01;
    private double vfCoef = 0.5;
    private double maxGradNorm = 0.5;
    private long evalFreq = 50_000;
    private int evalEpisodes = 5;
    private int patience;
    private Path predictorPath;

    private Builder(Path savePath) {
      this.savePath = Objects.requireNonNull(savePath, "savePath");
    }

    /**
     * @param v market spec
     * @return this builder
     */
    public Builder market(String v) {
      market = v;
      return this;
    }

    /**
     * @param v decisions per episode
     * @return this builder
     */
    public Builder steps(int v) {
      steps = v;
      return this;
    }

    /**
     * @param v decision interval, e.g. {@code 1s}
     * @return this builder
     */
    public Builder interval(String v) {
      interval = v;
      return this;
    }

    /**
     * @param v inventory limit in lots
     * @return this builder
     */
    public Builder maxInventory(long v) {
      maxInventory = v;
      return this;
    }

    /**
     * @param v order-entry latency spec
     * @return this builder
     */
    public Builder latency(String v) {
      latency = v;
      return this;
    }

    /**
     * @param v market-data latency spec
     * @return this builder
     */
    public Builder mdLatency(String v) {
      mdLatency = v;
      return this;
    }

    /**
     * @param v maker fee rate
     * @return this builder
     */
    public Builder makerFee(double v) {
      makerFee = v;
      return this;
    }

    /**
     * @param v taker fee rate
     * @return this builder
     */
    public Builder takerFee(double v) {
      takerFee = v;
      return this;
    }

    /**
     * @param v episodes of training
     * @return this builder
     */
    public Builder episodes(long v) {
      episodes = v;
      return this;
    }

    /**
     * @param v reward function name
     * @return this builder
     */
    public Builder reward(String v) {
      reward = v;
      return this;
    }

    /**
     * @param v parallel environments
     * @return this builder
     */
    public Builder nEnvs(int v) {
      nEnvs = v;
      return this;
    }

    /**
     * @param v seed
     * @return this builder
     */
    public Builder seed(long v) {
      seed = v;
      return this;
    }

    /**
     * @param v bundle to fine-tune, or null
     * @return this builder
     */
    public Builder initFrom(Path v) {
      initFrom = v;
      return this;
    }

    /**
     * @param v learning rate
     * @return this builder
     */
    public Builder learningRate(double v) {
      learningRate = v;
      return this;
    }

    /**
     * @param v steps per environment per rollout
     * @return this builder
     */
    public Builder nSteps(int v) {
      nSteps = v;
      return this;
    }

    /**
     * @param v minibatch size
     * @return this builder
     */
    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    /**
     * @param v epochs per update
     * @return this builder
     */
    public Builder nEpochs(int v) {
      nEpochs = v;
      return this;
    }

    /**
     * @param v discount
     * @return this builder
     */
    public Builder gamma(double v) {
      gamma = v;
      return this;
    }

    /**
     * @param v GAE lambda
     * @return this builder
     */
    public Builder gaeLambda(double v) {
      gaeLambda = v;
      return this;
    }

    /**
     * @param v clip range
     * @return this builder
     */
    public Builder clipRange(double v) {
      clipRange = v;
      return this;
    }

    /**
     * @param v entropy coefficient
     * @return this builder
     */
    public Builder entCoef(double v) {
      entCoef = v;
      return this;
    }

    /**
     * @param v value coefficient
     * @return this builder
     */
    public Builder vfCoef(double v) {
      vfCoef = v;
      return this;
    }

    /**
     * @param v gradient clipping norm
     * @return this builder
     */
    public Builder maxGradNorm(double v) {
      maxGradNorm = v;
      return this;
    }

    /**
     * @param v evaluation frequency in timesteps
     * @return this builder
     */
    public Builder evalFreq(long v) {
      evalFreq = v;
      return this;
    }

    /**
     * @param v episodes per evaluation
     * @return this builder
     */
    public Builder evalEpisodes(int v) {
      evalEpisodes = v;
      return this;
    }

    /**
     * @param v evaluations without improvement before stopping; 0 never
     * @return this builder
     */
    public Builder patience(int v) {
      patience = v;
      return this;
    }

    /**
     * @param v predictor bundle for the 14th observation, or null for none
     * @return this builder
     */
    public Builder predictorPath(Path v) {
      predictorPath = v;
      return this;
    }

    /**
     * The spec.
     *
     * @return the spec
     */
    public TrainingSpec build() {
      return new TrainingSpec(
          market,
          steps,
          interval,
          maxInventory,
          latency,
          mdLatency,
          makerFee,
          takerFee,
          episodes,
          reward,
          nEnvs,
          seed,
          initFrom,
          savePath,
          learningRate,
          nSteps,
          batchSize,
          nEpochs,
          gamma,
          gaeLambda,
          clipRange,
          entCoef,
          vfCoef,
          maxGradNorm,
          evalFreq,
          evalEpisodes,
          patience,
          predictorPath);
    }
  }
}
