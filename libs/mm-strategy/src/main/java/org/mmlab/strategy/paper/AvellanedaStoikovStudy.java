package org.mmlab.strategy.paper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Reruns the simulation study of Avellaneda &amp; Stoikov (2008), "High-frequency trading in a
 * limit order book", Quantitative Finance 8(3), section 4: the inventory strategy against a
 * symmetric strategy, for γ = 0.1, 0.01 and 0.5.
 *
 * <h2>The model (the paper's parameters)</h2>
 *
 * {@code s = 100, T = 1, σ = 2, dt = 0.005} (200 steps), {@code q0 = 0, k = 1.5, A = 140}. Each
 * step, at time {@code t}:
 *
 * <ol>
 *   <li>the agent quotes. Inventory strategy: reservation price {@code r = s − q·γ·σ²·(T − t)},
 *       spread {@code γ·σ²·(T − t) + (2/γ)·ln(1 + γ/k)}, bid and ask at {@code r ∓ spread/2}.
 *       Symmetric strategy: bid and ask at {@code s ∓ spread/2} with the constant spread {@code
 *       (2/γ)·ln(1 + γ/k)} — the value the paper's tables list as the average spread of both
 *       strategies (1.29, 1.33 and 1.15);
 *   <li>the mid moves {@code +σ√dt} or {@code −σ√dt} with probability 1/2 each;
 *   <li>the ask is lifted with probability {@code A·exp(−k·δa)·dt} and the bid hit with probability
 *       {@code A·exp(−k·δb)·dt}, independently, where {@code δ} is the quote's distance from the
 *       mid (a probability above 1 is a certain fill); a fill moves the inventory by one and the
 *       cash by the quote price.
 * </ol>
 *
 * The profit is {@code cash + q·s} at {@code T}. By default ({@link Discretization#standard()}) the
 * distances in step 3 are measured from the mid after the move of step 2, i.e. at the end of the
 * interval over which the quotes rest. This discretization choice matters at the ±1.5-profit level:
 * measuring from the mid before the move overstates every symmetric-strategy profit by 3–4 of the
 * paper's standard errors, while this ordering reproduces the three symmetric rows.
 *
 * <h2>What reproduces</h2>
 *
 * With 1000 simulations, every symmetric row and the inventory rows' profit means for γ = 0.1 and
 * 0.01 agree with the paper within sampling error. Two published figures do not follow from the
 * model as the paper states it (under any of the eight {@link Discretization}s: either ordering,
 * with or without the {@code γσ²(T−t)} term in the spread, probability λdt or 1 − e^(−λdt)): the
 * inventory strategy's profit for γ = 0.5 (published 33.92; the readings give 15–48, each at least
 * 30 standard errors away) and its final-inventory standard deviation for γ = 0.01 (published 4.70;
 * the model gives ≈ 5.3). The paper's qualitative finding — the inventory strategy has much lower
 * profit and inventory dispersion than the symmetric one, at a small cost in mean profit — holds in
 * every row.
 *
 * <p>Deterministic: simulation {@code i} draws from a {@link SplittableRandom} seeded from {@code
 * (seed, i)}, and both strategies see the same draws (same mid path; common random numbers).
 */
public final class AvellanedaStoikovStudy {
  /** The paper's risk aversions, in the order of its tables. */
  public static final List<Double> GAMMAS = List.of(0.1, 0.01, 0.5);

  /** Strategy label of the inventory (reservation-price) strategy. */
  public static final String INVENTORY = "inventory";

  /** Strategy label of the symmetric strategy. */
  public static final String SYMMETRIC = "symmetric";

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final Config config;
  private final Discretization discretization;

  /**
   * The model's constants.
   *
   * @param s0 initial mid, {@code > 0}
   * @param horizon T, {@code > 0}
   * @param sigma σ per √(time unit), {@code > 0}
   * @param dt time step, in (0, T]
   * @param k intensity decay, {@code > 0}
   * @param a intensity scale A, {@code > 0}
   */
  public record Config(double s0, double horizon, double sigma, double dt, double k, double a) {
    /** Validates; messages name the field. */
    public Config {
      positive("s0", s0);
      positive("horizon", horizon);
      positive("sigma", sigma);
      positive("dt", dt);
      positive("k", k);
      positive("a", a);
      if (dt > horizon) {
        throw new IllegalArgumentException("dt must be <= horizon, got " + dt);
      }
    }

    /**
     * The paper's values: s = 100, T = 1, σ = 2, dt = 0.005, k = 1.5, A = 140.
     *
     * @return the configuration of section 4
     */
    public static Config paper() {
      return new Config(100, 1, 2, 0.005, 1.5, 140);
    }

    /**
     * Number of steps {@code round(T / dt)}.
     *
     * @return steps per simulation
     */
    public int steps() {
      return (int) Math.round(horizon / dt);
    }

    private static void positive(String name, double v) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(name + " must be > 0, got " + v);
      }
    }
  }

  /**
   * How the paper's continuous model is put on the {@code dt} grid. The paper does not say; these
   * are the readings that matter for its figures, so the command can show each one.
   *
   * @param distanceAfterMove measure each quote's distance to the mid after the step's mid move
   *     (true, the default) or before it
   * @param inventorySpreadRiskTerm the inventory strategy's spread includes {@code γσ²(T − t)}
   *     (true, the paper's formula) or is the constant {@code (2/γ)·ln(1 + γ/k)} the paper
   *     tabulates
   * @param poissonFillProbability a side fills with probability {@code 1 − exp(−λ·dt)} (true) or
   *     {@code λ·dt} capped at 1 (false, the default: the paper's "probability λdt")
   */
  public record Discretization(
      boolean distanceAfterMove, boolean inventorySpreadRiskTerm, boolean poissonFillProbability) {
    /**
     * The default reading: distance after the move, the paper's full spread, probability λ·dt.
     *
     * @return the default discretization
     */
    public static Discretization standard() {
      return new Discretization(true, true, false);
    }

    /**
     * Every combination, the default first.
     *
     * @return the eight discretizations
     */
    public static List<Discretization> all() {
      List<Discretization> all = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        // Bit flips relative to the default, so index 0 is the default.
        all.add(new Discretization((i & 1) == 0, (i & 2) == 0, (i & 4) != 0));
      }
      return Collections.unmodifiableList(all);
    }

    /**
     * A one-line description for tables.
     *
     * @return e.g. {@code "distance after move, full spread, probability λdt"}
     */
    public String describe() {
      return (distanceAfterMove ? "distance after move" : "distance before move")
          + ", "
          + (inventorySpreadRiskTerm ? "full spread" : "constant spread")
          + ", "
          + (poissonFillProbability ? "probability 1-exp(-λdt)" : "probability λdt");
    }
  }

  /**
   * One row of a results table.
   *
   * @param gamma γ
   * @param strategy {@link #INVENTORY} or {@link #SYMMETRIC}
   * @param spread average quoted spread (over steps and simulations)
   * @param profitMean mean final profit
   * @param profitStd standard deviation of the final profit (sample, n − 1)
   * @param qMean mean final inventory
   * @param qStd standard deviation of the final inventory (sample, n − 1)
   */
  public record Row(
      double gamma,
      String strategy,
      double spread,
      double profitMean,
      double profitStd,
      double qMean,
      double qStd) {

    /**
     * As JSON.
     *
     * @return {@code gamma, strategy, spread, profit_mean, profit_std, q_mean, q_std}
     */
    public Map<String, Object> toJsonMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("gamma", gamma);
      m.put("strategy", strategy);
      m.put("spread", spread);
      m.put("profit_mean", profitMean);
      m.put("profit_std", profitStd);
      m.put("q_mean", qMean);
      m.put("q_std", qStd);
      return m;
    }
  }

  /** A study with the paper's constants. */
  public AvellanedaStoikovStudy() {
    this(Config.paper());
  }

  /**
   * A study with other constants.
   *
   * @param config the model's constants
   */
  public AvellanedaStoikovStudy(Config config) {
    this(config, Discretization.standard());
  }

  /**
   * A study with other constants and another discretization.
   *
   * @param config the model's constants
   * @param discretization how the model is put on the time grid
   */
  public AvellanedaStoikovStudy(Config config, Discretization discretization) {
    this.config = Objects.requireNonNull(config, "config");
    this.discretization = Objects.requireNonNull(discretization, "discretization");
  }

  /**
   * The discretization.
   *
   * @return how the model is put on the time grid
   */
  public Discretization discretization() {
    return discretization;
  }

  /**
   * The constants.
   *
   * @return the configuration
   */
  public Config config() {
    return config;
  }

  /**
   * The paper's tables (1000 simulations each), in the order {@link #run(int, long)} returns.
   *
   * @return six rows: for γ = 0.1, 0.01, 0.5, the inventory then the symmetric strategy
   */
  public static List<Row> published() {
    return List.of(
        new Row(0.1, INVENTORY, 1.29, 62.94, 5.89, 0.10, 2.80),
        new Row(0.1, SYMMETRIC, 1.29, 67.21, 13.43, -0.018, 8.66),
        new Row(0.01, INVENTORY, 1.33, 66.78, 8.76, -0.02, 4.70),
        new Row(0.01, SYMMETRIC, 1.33, 67.36, 13.40, -0.31, 8.65),
        new Row(0.5, INVENTORY, 1.15, 33.92, 4.72, -0.02, 1.88),
        new Row(0.5, SYMMETRIC, 1.15, 66.20, 14.53, 0.25, 8.69));
  }

  /**
   * Runs the whole study.
   *
   * @param simulations simulations per γ and strategy, {@code > 0}
   * @param seed base seed
   * @return six rows: for γ = 0.1, 0.01, 0.5, the inventory then the symmetric strategy
   */
  public List<Row> run(int simulations, long seed) {
    List<Row> rows = new ArrayList<>();
    for (double gamma : GAMMAS) {
      rows.addAll(run(gamma, simulations, seed));
    }
    return Collections.unmodifiableList(rows);
  }

  /**
   * Runs one γ.
   *
   * @param gamma risk aversion, {@code > 0}
   * @param simulations simulations per strategy, {@code > 0}
   * @param seed base seed
   * @return two rows: the inventory strategy, then the symmetric one
   */
  public List<Row> run(double gamma, int simulations, long seed) {
    if (simulations <= 0) {
      throw new IllegalArgumentException("simulations must be > 0, got " + simulations);
    }
    if (!(gamma > 0) || Double.isInfinite(gamma)) {
      throw new IllegalArgumentException("gamma must be > 0, got " + gamma);
    }
    Stats inventory = new Stats(simulations);
    Stats symmetric = new Stats(simulations);
    for (int i = 0; i < simulations; i++) {
      long simSeed = mix(seed + (i + 1L) * GOLDEN);
      simulate(gamma, true, new SplittableRandom(simSeed), inventory, i);
      simulate(gamma, false, new SplittableRandom(simSeed), symmetric, i);
    }
    return List.of(inventory.row(gamma, INVENTORY), symmetric.row(gamma, SYMMETRIC));
  }

  private void simulate(
      double gamma, boolean inventoryStrategy, SplittableRandom rng, Stats out, int index) {
    Config c = config;
    int steps = c.steps();
    double variance = c.sigma() * c.sigma();
    double move = c.sigma() * Math.sqrt(c.dt());
    double base = (2.0 / gamma) * Math.log1p(gamma / c.k());
    double s = c.s0();
    long q = 0;
    double cash = 0.0;
    double spreadSum = 0.0;
    for (int n = 0; n < steps; n++) {
      double tau = c.horizon() - n * c.dt();
      double bid;
      double ask;
      double spread;
      if (inventoryStrategy) {
        double risk = gamma * variance * tau;
        double r = s - q * risk;
        spread = discretization.inventorySpreadRiskTerm() ? risk + base : base;
        bid = r - spread / 2;
        ask = r + spread / 2;
      } else {
        spread = base;
        bid = s - spread / 2;
        ask = s + spread / 2;
      }
      spreadSum += spread;
      double step = rng.nextDouble() < 0.5 ? move : -move;
      // The mid the quotes' distances are measured from; see Discretization.
      double ref = discretization.distanceAfterMove() ? s + step : s;
      s += step;
      double pAsk = fillProbability(c.a() * Math.exp(-c.k() * (ask - ref)) * c.dt());
      double pBid = fillProbability(c.a() * Math.exp(-c.k() * (ref - bid)) * c.dt());
      if (rng.nextDouble() < pAsk) {
        q--;
        cash += ask;
      }
      if (rng.nextDouble() < pBid) {
        q++;
        cash -= bid;
      }
    }
    out.profit[index] = cash + q * s;
    out.q[index] = q;
    out.spread[index] = spreadSum / steps;
  }

  private double fillProbability(double intensityTimesDt) {
    return discretization.poissonFillProbability()
        ? -Math.expm1(-intensityTimesDt)
        : intensityTimesDt;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Final profit, inventory and average spread of every simulation of one strategy. */
  private static final class Stats {
    final double[] profit;
    final double[] q;
    final double[] spread;

    Stats(int n) {
      profit = new double[n];
      q = new double[n];
      spread = new double[n];
    }

    Row row(double gamma, String strategy) {
      return new Row(gamma, strategy, mean(spread), mean(profit), std(profit), mean(q), std(q));
    }

    private static double mean(double[] x) {
      double sum = 0;
      for (double v : x) {
        sum += v;
      }
      return sum / x.length;
    }

    private static double std(double[] x) {
      if (x.length < 2) {
        return 0.0;
      }
      double m = mean(x);
      double ss = 0;
      for (double v : x) {
        ss += (v - m) * (v - m);
      }
      return Math.sqrt(ss / (x.length - 1));
    }
  }
}
