package org.mmlab.rl.env;

import java.util.List;
import org.mmlab.rl.predictor.Predictor;
import org.mmlab.sim.Market;
import org.mmlab.sim.market.MarketFactory;
import org.mmlab.strategy.MarketContext;
import org.mmlab.strategy.QuoteDecision;
import org.mmlab.strategy.Strategy;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.backtest.TradingSession;
import org.mmlab.strategy.features.FeatureEngine;

/**
 * The market-making environment, with Gymnasium's contract: {@link #reset(long)} returns the first
 * observation; {@link #step(int[])} applies an action for one decision interval and reports
 * observation, reward, {@code terminated} (the inventory limit was breached: a real end) and {@code
 * truncated} (the episode's time limit: PPO bootstraps the value there).
 *
 * <p>Observation, {@value #OBSERVATION_SIZE} floats: the 12 microstructure features of {@link
 * FeatureEngine} in its order (mid, spread, relative spread, bid depth, ask depth, depth imbalance,
 * order-flow imbalance, 1 s return, 5 s return, realized volatility, average trade volume, mid
 * skew), then inventory / max inventory; with a predictor in the configuration, a 14th: the
 * predictor's score {@code P(up) − P(down)}, the predictor being fed every top-of-book change the
 * agent sees. Raw values: normalization by running statistics belongs to the learner and is saved
 * with its model.
 *
 * <p>Action: see {@link ActionSpace}. Reward: see {@link RewardFunction}.
 *
 * <p>After warm-up, a step allocates nothing.
 */
public final class MarketMakingEnv {
  /** Observation length without the predictor. */
  public static final int OBSERVATION_SIZE = FeatureEngine.COUNT + 1;

  /** Observation length with the predictor. */
  public static final int OBSERVATION_SIZE_WITH_PREDICTOR = OBSERVATION_SIZE + 1;

  private final EnvConfig config;
  private final TradingSession session;
  private final RewardFunction reward;
  private final QuoteDecision decision = new QuoteDecision();
  private final StepOutcome outcome = new StepOutcome();
  private final float[] observation;
  private final Predictor predictor;
  private double lastEquity;
  private double lastMid;
  private boolean done = true;

  /** Result of a step; reused, valid until the next step. */
  public static final class Step {
    /** The observation after the step (the env's own array: copy to keep). */
    public float[] observation;

    /** The reward. */
    public double reward;

    /** Whether the episode ended for real (inventory limit breached). */
    public boolean terminated;

    /** Whether the episode hit its time limit (or a replay ran out of data). */
    public boolean truncated;

    /** Net P&amp;L so far, ticks × lots (info). */
    public double equity;

    /** Inventory, lots (info). */
    public long inventory;

    /** Lots filled in this step (info). */
    public long filledLots;
  }

  private final Step step = new Step();

  /**
   * Creates an environment.
   *
   * @param config the configuration
   */
  public MarketMakingEnv(EnvConfig config) {
    this.config = config;
    BacktestConfig m = config.market();
    Market market = MarketFactory.create(m.marketSpec(), m.conditions());
    this.session =
        new TradingSession(
            market, m.features(), m.intervalNanos(), m.steps(), m.maxInventory(), false);
    this.reward = RewardFunction.byName(config.reward());
    this.observation = new float[config.observationSize()];
    this.predictor = config.predictor() == null ? null : config.predictor().predictor();
    if (predictor != null) {
      session.observe(new PredictorFeed(predictor));
    }
    step.observation = observation;
  }

  /**
   * The configuration.
   *
   * @return the configuration
   */
  public EnvConfig config() {
    return config;
  }

  /**
   * Names of the observation's components, in order (for model metadata).
   *
   * @return the names
   */
  public static List<String> observationNames() {
    return observationNames(false);
  }

  /**
   * Names of the observation's components, in order.
   *
   * @param withPredictor whether the predictor score is included
   * @return the names
   */
  public static List<String> observationNames(boolean withPredictor) {
    List<String> names = new java.util.ArrayList<>(FeatureEngine.names());
    names.add("inventory_ratio");
    if (withPredictor) {
      names.add(Observations.PREDICTOR_SCORE_NAME);
    }
    return List.copyOf(names);
  }

  /**
   * Observation length of this environment.
   *
   * @return 13, or 14 with the predictor
   */
  public int observationSize() {
    return observation.length;
  }

  /**
   * Starts an episode.
   *
   * @param seed the episode's seed
   * @return the first observation (the env's own array)
   */
  public float[] reset(long seed) {
    if (predictor != null) {
      // Before the session resets: the reset delivers the first book.
      predictor.reset();
    }
    session.reset(seed);
    lastEquity = session.equity();
    lastMid = session.markPrice();
    done = false;
    fillObservation();
    return observation;
  }

  /**
   * Applies an action for one decision interval.
   *
   * @param action {@code [bid offset, ask offset, size index]}
   * @return the step's result (reused)
   * @throws IllegalStateException when the episode is over (reset first)
   */
  public Step step(int[] action) {
    if (done) {
      throw new IllegalStateException("episode is over: call reset before step");
    }
    double mid = session.markPrice();
    long inventoryBefore = session.account().position();
    // The agent chooses its size freely; breaching the inventory limit ends the episode
    // (terminated), which is what it must learn to avoid.
    ActionQuotes.apply(action, mid, decision);
    session.quote(decision);
    session.advance();

    double equity = session.equity();
    double newMid = session.markPrice();
    outcome.spreadCapture = session.stepSpreadCapture();
    outcome.inventory = session.account().position();
    outcome.previousInventory = inventoryBefore;
    outcome.unrealizedPnl = Double.isNaN(newMid) ? 0 : session.account().unrealizedPnl(newMid);
    outcome.equityChange = equity - lastEquity;
    outcome.midChange = Double.isNaN(newMid) || Double.isNaN(lastMid) ? 0 : newMid - lastMid;
    outcome.filledLots = session.stepFilledLots();
    outcome.maxInventory = session.maxInventory();
    lastEquity = equity;
    lastMid = newMid;

    step.reward = reward.reward(outcome);
    step.terminated = session.inventoryBreached();
    step.truncated = !step.terminated && (session.truncated() || session.market().exhausted());
    step.equity = equity;
    step.inventory = outcome.inventory;
    step.filledLots = outcome.filledLots;
    done = step.terminated || step.truncated;
    if (done) {
      session.cancelQuotes();
    }
    fillObservation();
    return step;
  }

  private void fillObservation() {
    Observations.fill(session.context(), predictor, observation);
  }

  /**
   * The session underneath (for evaluation and tests).
   *
   * @return the session
   */
  public TradingSession session() {
    return session;
  }

  /** Hears the market between decisions for the predictor (the session's observer hook). */
  private static final class PredictorFeed implements Strategy {
    private final Predictor predictor;

    PredictorFeed(Predictor predictor) {
      this.predictor = predictor;
    }

    @Override
    public String name() {
      return "predictor-feed";
    }

    @Override
    public void reset(long seed) {
      predictor.reset();
    }

    @Override
    public void decide(MarketContext ctx, QuoteDecision out) {
      throw new IllegalStateException("the predictor feed only listens; the env decides");
    }

    @Override
    public void onTopOfBook(
        long timeNanos, long bidPrice, long bidSize, long askPrice, long askSize) {
      predictor.onTopOfBook(timeNanos, bidPrice, bidSize, askPrice, askSize);
    }
  }
}
