package org.mmlab.lob;

/**
 * The mixing function behind {@link LimitOrderBook#stateHash()}, shared by every implementation so
 * that equal states give equal hashes. Order-sensitive: feeding the same values in another order
 * gives another hash.
 */
final class StateHash {
  /** Initial hash value. */
  static final long SEED = 0x6A09E667F3BCC909L;

  private StateHash() {}

  /** Folds one value into the running hash. */
  static long mix(long hash, long value) {
    long h = hash ^ (value * 0x9E3779B97F4A7C15L);
    return Long.rotateLeft(h, 27) * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
  }

  /** Final avalanche so that nearby states give unrelated hashes. */
  static long finish(long hash) {
    long h = hash;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    h *= 0xC4CEB9FE1A85EC53L;
    h ^= h >>> 33;
    return h;
  }
}
