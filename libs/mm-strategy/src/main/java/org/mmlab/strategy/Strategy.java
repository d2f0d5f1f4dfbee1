package org.mmlab.strategy;

import org.mmlab.lob.Side;

/**
 * A market-making strategy: the one interface that the backtester, RL training evaluation and the
 * live rl-strategy-service all run, so a strategy behaves identically everywhere.
 *
 * <h2>Driver contract</h2>
 *
 * <ol>
 *   <li>{@link #reset(long)} before each episode, with the episode's seed.
 *   <li>Market data, in event-time order, as it happens: {@link #onMarketTrade} for every trade
 *       (anyone's, including ours) <em>before</em> the book update it causes, and {@link
 *       #onTopOfBook} whenever the best bid or ask price or size changes. Strategies that do not
 *       estimate anything ignore both (default no-ops), so a driver may skip them for such
 *       strategies — but calling them is always correct.
 *   <li>{@link #decide} every decision interval with a refreshed {@link MarketContext}; the driver
 *       then replaces the resting quote with {@code out} (size 0 = cancel that side).
 *   <li>{@link #onFill} for each of our own fills, after the {@link #onMarketTrade} for it.
 * </ol>
 *
 * <p>All callbacks run on the driver's thread, per event or per decision: implementations must not
 * block, allocate or box on these paths. Prices are ticks, sizes lots, time nanoseconds.
 */
public interface Strategy {

  /**
   * The registry name, e.g. {@code "avellaneda-stoikov"}.
   *
   * @return the name
   */
  String name();

  /**
   * Starts a new episode: forgets all market state and reseeds any randomness, so the same seed and
   * event stream give the same quotes bit for bit.
   *
   * @param seed the episode seed
   */
  void reset(long seed);

  /**
   * Chooses the quotes for the next interval.
   *
   * @param ctx the market as of now, valid during the call only
   * @param out receives the quotes; every field is overwritten
   */
  void decide(MarketContext ctx, QuoteDecision out);

  /**
   * One of our own quotes traded.
   *
   * @param side {@link Side#BID} when our bid was hit, {@link Side#ASK} when our ask was lifted
   * @param price fill price, ticks
   * @param size filled lots
   * @param timeNanos fill time
   */
  default void onFill(Side side, long price, long size, long timeNanos) {}

  /**
   * A trade in the market (anyone's), delivered before the book change it causes so the book the
   * strategy last saw is the one the trade hit.
   *
   * @param timeNanos trade time
   * @param price trade price, ticks
   * @param size traded lots
   * @param buyerInitiated whether the aggressor was a buyer
   */
  default void onMarketTrade(long timeNanos, long price, long size, boolean buyerInitiated) {}

  /**
   * The best bid or ask changed.
   *
   * @param timeNanos event time
   * @param bidPrice best bid, ticks (meaningless when {@code bidSize == 0})
   * @param bidSize lots at the best bid; 0 = empty bid side
   * @param askPrice best ask, ticks (meaningless when {@code askSize == 0})
   * @param askSize lots at the best ask; 0 = empty ask side
   */
  default void onTopOfBook(
      long timeNanos, long bidPrice, long bidSize, long askPrice, long askSize) {}
}
