package org.mmlab.bench;

import java.util.concurrent.TimeUnit;
import org.mmlab.rl.env.EnvConfig;
import org.mmlab.rl.env.MarketMakingEnv;
import org.mmlab.rl.policy.Policy;
import org.mmlab.rl.ppo.Ppo;
import org.mmlab.rl.ppo.PpoConfig;
import org.mmlab.rl.ppo.RolloutBuffer;
import org.mmlab.sim.core.Rng;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PPO on DJL, one thread each way: one minibatch update (batch 64, 64-64 tanh policy and value
 * MLPs: forward, loss, backward, global-norm clip, Adam), one single-observation inference of a
 * policy on plain arrays ({@link Policy}, what strategies run) and through DJL ({@link
 * Ppo#predict}), and end-to-end training throughput (one iteration, a 2048-step rollout per
 * environment and its 10-epoch update, on {@code zi}) with 1 and 4 environments.
 *
 * <p>Run: {@code DJL_CACHE_DIR=target/djl-cache java -Dai.djl.offline=true
 * -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 -jar
 * benchmarks/target/benchmarks.jar PpoBenchmark -f 1 -wi 3 -i 5} (the fork gets the same flags).
 */
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Dai.djl.offline=true",
      "-Dai.djl.pytorch.num_threads=1",
      "-Dai.djl.pytorch.num_interop_threads=1"
    })
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PpoBenchmark {
  private static final int OBS = MarketMakingEnv.OBSERVATION_SIZE;

  /** A learner with a realistic minibatch and a policy snapshot. */
  @State(Scope.Thread)
  public static class Networks {
    Ppo ppo;
    RolloutBuffer.Batch batch;
    Policy policy;
    float[] observation;
    final int[] action = new int[3];

    /** Builds the learner, a minibatch of 64 normalized zi observations, and the policy. */
    @Setup(Level.Trial)
    public void setUp() {
      EnvConfig env = EnvConfig.defaults("zi");
      ppo = new Ppo(env, PpoConfig.builder().optSeed(1).build());
      MarketMakingEnv e = new MarketMakingEnv(env);
      Rng rng = new Rng(1);
      float[][] raw = new float[64][];
      float[] obs = e.reset(1);
      int[][] actions = new int[64][3];
      for (int i = 0; i < 64; i++) {
        raw[i] = obs.clone();
        actions[i] = new int[] {rng.nextInt(11), rng.nextInt(11), rng.nextInt(10)};
        MarketMakingEnv.Step s = e.step(actions[i]);
        obs = s.terminated || s.truncated ? e.reset(i) : s.observation;
      }
      ppo.normalizer().observe(raw, 64);
      batch = new RolloutBuffer.Batch(64, OBS, 3);
      batch.size = 64;
      double uniformLogProb = 2 * Math.log(1.0 / 11) + Math.log(1.0 / 10);
      for (int i = 0; i < 64; i++) {
        ppo.normalizer().normalize(raw[i], batch.observations, i * OBS);
        System.arraycopy(actions[i], 0, batch.actions, i * 3, 3);
        batch.oldLogProbs[i] = (float) uniformLogProb;
        batch.advantages[i] = (float) rng.nextGaussian();
        batch.returns[i] = (float) rng.nextGaussian();
      }
      policy = ppo.policy();
      observation = raw[10];
    }

    /** Releases the native parameters. */
    @TearDown(Level.Trial)
    public void tearDown() {
      policy.close();
      ppo.close();
    }
  }

  /** A learner with default hyperparameters on {@code zi}. */
  @State(Scope.Thread)
  public static class Training {
    /** Environments stepped together. */
    @Param({"1", "4"})
    public int nEnvs;

    Ppo ppo;

    /** Builds the learner. */
    @Setup(Level.Trial)
    public void setUp() {
      ppo = new Ppo(EnvConfig.defaults("zi"), PpoConfig.builder().optNEnvs(nEnvs).build());
    }

    /** Prints the iteration's environment steps per second. */
    @TearDown(Level.Iteration)
    public void report() {
      if (ppo.lastStats() != null) {
        System.out.printf(
            "  [%d env(s): %.0f env steps/s; rollout %.2f s, update %.2f s]%n",
            nEnvs,
            ppo.config().nSteps()
                * nEnvs
                / (ppo.lastStats().rolloutSeconds() + ppo.lastStats().updateSeconds()),
            ppo.lastStats().rolloutSeconds(),
            ppo.lastStats().updateSeconds());
      }
    }

    /** Releases the native parameters. */
    @TearDown(Level.Trial)
    public void tearDown() {
      ppo.close();
    }
  }

  /**
   * One minibatch gradient step, batch 64.
   *
   * @param n the learner
   * @return the step's statistics
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Object minibatchUpdate(Networks n) {
    return n.ppo.optimizeMinibatch(n.batch);
  }

  /**
   * One deterministic action for one raw observation: normalize, MLP on plain arrays, argmax.
   *
   * @param n the policy
   * @return the action
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int[] inference(Networks n) {
    n.policy.act(n.observation, true, null, n.action);
    return n.action;
  }

  /**
   * The same through DJL's forward ({@link Ppo#predict}), for comparison.
   *
   * @param n the learner
   * @return the action
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public int[] inferenceDjl(Networks n) {
    return n.ppo.predict(n.observation, true);
  }

  /**
   * One PPO iteration with defaults: a 2048-step rollout per environment and its update.
   *
   * @param t the learner
   * @return timesteps so far
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2)
  @Measurement(iterations = 4)
  public long trainingIteration(Training t) {
    t.ppo.learn((long) t.ppo.config().nSteps() * t.nEnvs, null);
    return t.ppo.numTimesteps();
  }
}
