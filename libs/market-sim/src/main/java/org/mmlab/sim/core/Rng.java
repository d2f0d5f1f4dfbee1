package org.mmlab.sim.core;

import java.nio.ByteBuffer;

/**
 * Seeded pseudo-random numbers for simulations: SplitMix64 for the state and StrictMath for every
 * transcendental function, so a seed gives the same stream bit for bit on any JVM. Not thread-safe:
 * one per simulation.
 */
public final class Rng {
  private static final double DOUBLE_UNIT = 0x1.0p-53;
  private long state;
  private boolean haveSpareGaussian;
  private double spareGaussian;

  /**
   * Creates a generator.
   *
   * @param seed the seed
   */
  public Rng(long seed) {
    reseed(seed);
  }

  /**
   * Restarts the stream from a seed.
   *
   * @param seed the seed
   */
  public void reseed(long seed) {
    state = seed;
    haveSpareGaussian = false;
  }

  /**
   * Writes the generator's exact state (snapshots).
   *
   * @param out where to write it
   */
  public void saveState(ByteBuffer out) {
    out.putLong(state).put((byte) (haveSpareGaussian ? 1 : 0)).putDouble(spareGaussian);
  }

  /**
   * Restores a state written by {@link #saveState}: the stream continues bit for bit.
   *
   * @param in where to read it
   */
  public void restoreState(ByteBuffer in) {
    state = in.getLong();
    haveSpareGaussian = in.get() != 0;
    spareGaussian = in.getDouble();
  }

  /**
   * Derives an independent seed for a member (a vector env member, a sub-model) from a base seed,
   * so members never share streams.
   *
   * @param baseSeed the base seed
   * @param index the member's index
   * @return the member's seed
   */
  public static long derive(long baseSeed, long index) {
    return mix(baseSeed + 0x9E3779B97F4A7C15L * (index + 1));
  }

  /**
   * Next 64 random bits.
   *
   * @return a uniformly distributed long
   */
  public long nextLong() {
    state += 0x9E3779B97F4A7C15L;
    return mix(state);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Uniform double in [0, 1).
   *
   * @return the sample
   */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /**
   * Uniform int in [0, bound).
   *
   * @param bound exclusive upper bound, positive
   * @return the sample
   */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive: " + bound);
    }
    // Lemire's multiply-shift, with rejection to remove bias.
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x100000000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  /**
   * Exponential sample with the given rate.
   *
   * @param rate events per unit, positive
   * @return the waiting time in the rate's unit
   */
  public double nextExponential(double rate) {
    // 1 - u is in (0, 1], so the log is finite.
    return -StrictMath.log(1.0 - nextDouble()) / rate;
  }

  /**
   * Standard normal sample (Marsaglia polar method).
   *
   * @return the sample
   */
  public double nextGaussian() {
    if (haveSpareGaussian) {
      haveSpareGaussian = false;
      return spareGaussian;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * nextDouble() - 1;
      v = 2 * nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double mul = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    spareGaussian = v * mul;
    haveSpareGaussian = true;
    return u * mul;
  }

  /**
   * Geometric sample on {1, 2, ...} with success probability p.
   *
   * @param p success probability in (0, 1]
   * @return the number of trials up to and including the first success
   */
  public long nextGeometric(double p) {
    if (p >= 1) {
      return 1;
    }
    return 1 + (long) StrictMath.floor(StrictMath.log(1.0 - nextDouble()) / StrictMath.log1p(-p));
  }
}
