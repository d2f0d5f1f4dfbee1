package org.mmlab.sim.binance;

/**
 * The Binance market a capture comes from, which fixes how depth updates chain by update id (see
 * Binance's "How to manage a local order book correctly" for each API). With {@code L} the
 * snapshot's {@code lastUpdateId}:
 *
 * <ul>
 *   <li>{@link #SPOT}: updates with {@code u <= L} are older than the snapshot and dropped; the
 *       first update applied has {@code U <= L + 1 <= u}; every later update has {@code U ==}
 *       previous {@code u + 1}.
 *   <li>{@link #USDM_FUTURES}: updates with {@code u < L} are dropped; the first update applied has
 *       {@code U <= L <= u}; every later update has {@code pu ==} previous {@code u} (futures
 *       update ids are not consecutive, so {@code U} is not checked against {@code u + 1}).
 * </ul>
 *
 * A capture is told apart by its depth updates: futures ones carry {@code pu}, spot ones do not.
 */
public enum BinanceVenue {
  /** Binance spot ({@code stream.binance.com}). */
  SPOT,
  /** Binance USD-M futures ({@code fstream.binance.com}). */
  USDM_FUTURES;

  /**
   * Whether an update is older than the snapshot and must be dropped.
   *
   * @param finalUpdateId the update's {@code u}
   * @param lastUpdateId the snapshot's {@code lastUpdateId}
   * @return true to drop it
   */
  public boolean isStale(long finalUpdateId, long lastUpdateId) {
    return this == SPOT ? finalUpdateId <= lastUpdateId : finalUpdateId < lastUpdateId;
  }

  /**
   * Whether the first update applied after the snapshot bridges it.
   *
   * @param firstUpdateId the update's {@code U}
   * @param finalUpdateId the update's {@code u}
   * @param lastUpdateId the snapshot's {@code lastUpdateId}
   * @return true when the update continues the snapshot
   */
  public boolean bridges(long firstUpdateId, long finalUpdateId, long lastUpdateId) {
    long id = this == SPOT ? lastUpdateId + 1 : lastUpdateId;
    return firstUpdateId <= id && id <= finalUpdateId;
  }
}
