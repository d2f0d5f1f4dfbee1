package org.mmlab.sim.binance;

import java.util.Arrays;
import org.mmlab.lob.Side;

/**
 * One message of a Binance capture, decoded into a reusable cursor: {@link BinanceReader} fills the
 * same instance for every line, so its contents are valid until the next {@link
 * BinanceReader#next()}. Prices are ticks and quantities lots of the reader's instrument.
 *
 * <p>What is set depends on {@link #type()}:
 *
 * <ul>
 *   <li>{@link BinanceMessageType#DEPTH_SNAPSHOT}: {@link #finalUpdateId()} (the {@code
 *       lastUpdateId}), bid and ask levels.
 *   <li>{@link BinanceMessageType#DEPTH_UPDATE}: {@link #firstUpdateId()} ({@code U}), {@link
 *       #finalUpdateId()} ({@code u}), {@link #previousUpdateId()} ({@code pu}, futures only), bid
 *       and ask levels (absolute sizes; 0 removes the level).
 *   <li>{@link BinanceMessageType#TRADE}: {@link #price()}, {@link #size()}, {@link #aggressor()},
 *       {@link #tradeId()}, {@link #isMarketTrade()}.
 *   <li>{@link BinanceMessageType#BOOK_TICKER}: the best bid as bid level 0, the best ask as ask
 *       level 0, and {@link #finalUpdateId()} ({@code u}).
 *   <li>{@link BinanceMessageType#MARK_PRICE}: {@link #price()}, the mark price rounded to the
 *       nearest tick.
 * </ul>
 *
 * Times: {@link #receiveTimeNanos()} is the capture's local receive time (every line has one);
 * {@link #eventTimeMillis()} ({@code E}) and {@link #transactionTimeMillis()} ({@code T}) are the
 * exchange's, in milliseconds, or -1 when the message has none (spot book tickers and the spot
 * snapshot carry no exchange time).
 */
public final class BinanceMessage {
  BinanceMessageType type;
  long receiveTimeNanos;
  long eventTimeMillis = -1;
  long transactionTimeMillis = -1;
  long firstUpdateId = -1;
  long finalUpdateId = -1;
  long previousUpdateId = -1;
  long[] bidPrices = new long[64];
  long[] bidSizes = new long[64];
  long[] askPrices = new long[64];
  long[] askSizes = new long[64];
  int bidCount;
  int askCount;
  long price;
  long size;
  Side aggressor = Side.BID;
  long tradeId = -1;
  boolean marketTrade = true;
  boolean deferred;
  String fileName = "";
  long line;

  /** Creates an empty cursor. */
  public BinanceMessage() {}

  /** Clears every field before a new line is decoded. */
  void clear() {
    type = null;
    receiveTimeNanos = 0;
    eventTimeMillis = -1;
    transactionTimeMillis = -1;
    firstUpdateId = -1;
    finalUpdateId = -1;
    previousUpdateId = -1;
    bidCount = 0;
    askCount = 0;
    price = 0;
    size = 0;
    aggressor = Side.BID;
    tradeId = -1;
    marketTrade = true;
    deferred = false;
  }

  /**
   * Copies another message (the reader keeps updates that arrive before the snapshot this way).
   *
   * @param o the source
   */
  void copyFrom(BinanceMessage o) {
    type = o.type;
    receiveTimeNanos = o.receiveTimeNanos;
    eventTimeMillis = o.eventTimeMillis;
    transactionTimeMillis = o.transactionTimeMillis;
    firstUpdateId = o.firstUpdateId;
    finalUpdateId = o.finalUpdateId;
    previousUpdateId = o.previousUpdateId;
    ensureBids(o.bidCount);
    ensureAsks(o.askCount);
    System.arraycopy(o.bidPrices, 0, bidPrices, 0, o.bidCount);
    System.arraycopy(o.bidSizes, 0, bidSizes, 0, o.bidCount);
    System.arraycopy(o.askPrices, 0, askPrices, 0, o.askCount);
    System.arraycopy(o.askSizes, 0, askSizes, 0, o.askCount);
    bidCount = o.bidCount;
    askCount = o.askCount;
    price = o.price;
    size = o.size;
    aggressor = o.aggressor;
    tradeId = o.tradeId;
    marketTrade = o.marketTrade;
    deferred = o.deferred;
    fileName = o.fileName;
    line = o.line;
  }

  void ensureBids(int n) {
    if (n > bidPrices.length) {
      int cap = Math.max(n, bidPrices.length * 2);
      bidPrices = Arrays.copyOf(bidPrices, cap);
      bidSizes = Arrays.copyOf(bidSizes, cap);
    }
  }

  void ensureAsks(int n) {
    if (n > askPrices.length) {
      int cap = Math.max(n, askPrices.length * 2);
      askPrices = Arrays.copyOf(askPrices, cap);
      askSizes = Arrays.copyOf(askSizes, cap);
    }
  }

  /**
   * What the message is.
   *
   * @return the type
   */
  public BinanceMessageType type() {
    return type;
  }

  /**
   * The capture's local receive time, the number before the JSON on each line.
   *
   * @return nanoseconds since the Unix epoch (the capturing machine's clock)
   */
  public long receiveTimeNanos() {
    return receiveTimeNanos;
  }

  /**
   * The exchange's event time {@code E}.
   *
   * @return milliseconds since the Unix epoch, or -1 when absent
   */
  public long eventTimeMillis() {
    return eventTimeMillis;
  }

  /**
   * The exchange's transaction time {@code T} (trade time of a trade; matching-engine time of a
   * futures depth update).
   *
   * @return milliseconds since the Unix epoch, or -1 when absent
   */
  public long transactionTimeMillis() {
    return transactionTimeMillis;
  }

  /**
   * The exchange time at which the message's change happened: {@code T} when present (trades,
   * futures depth updates), else {@code E} (spot depth updates).
   *
   * @return milliseconds since the Unix epoch, or -1 when the message has neither
   */
  public long exchangeTimeMillis() {
    return transactionTimeMillis >= 0 ? transactionTimeMillis : eventTimeMillis;
  }

  /**
   * First update id {@code U} of a depth update.
   *
   * @return the id, or -1
   */
  public long firstUpdateId() {
    return firstUpdateId;
  }

  /**
   * Final update id: {@code u} of a depth update or book ticker, {@code lastUpdateId} of a
   * snapshot.
   *
   * @return the id, or -1
   */
  public long finalUpdateId() {
    return finalUpdateId;
  }

  /**
   * The previous update's final id {@code pu} (USD-M futures depth updates only).
   *
   * @return the id, or -1 when absent
   */
  public long previousUpdateId() {
    return previousUpdateId;
  }

  /**
   * Number of bid levels.
   *
   * @return count
   */
  public int bidCount() {
    return bidCount;
  }

  /**
   * Number of ask levels.
   *
   * @return count
   */
  public int askCount() {
    return askCount;
  }

  /**
   * Price of a bid level, in the order of the message.
   *
   * @param i index, below {@link #bidCount()}
   * @return ticks
   */
  public long bidPrice(int i) {
    return bidPrices[i];
  }

  /**
   * Size of a bid level.
   *
   * @param i index, below {@link #bidCount()}
   * @return lots; 0 removes the level
   */
  public long bidSize(int i) {
    return bidSizes[i];
  }

  /**
   * Price of an ask level, in the order of the message.
   *
   * @param i index, below {@link #askCount()}
   * @return ticks
   */
  public long askPrice(int i) {
    return askPrices[i];
  }

  /**
   * Size of an ask level.
   *
   * @param i index, below {@link #askCount()}
   * @return lots; 0 removes the level
   */
  public long askSize(int i) {
    return askSizes[i];
  }

  /**
   * Trade price, or the mark price of a mark price update.
   *
   * @return ticks
   */
  public long price() {
    return price;
  }

  /**
   * Traded quantity.
   *
   * @return lots
   */
  public long size() {
    return size;
  }

  /**
   * The taker's side of a trade: {@link Side#ASK} when the buyer was the maker ({@code m} true).
   *
   * @return the aggressor side
   */
  public Side aggressor() {
    return aggressor;
  }

  /**
   * Trade id {@code t}.
   *
   * @return the id, or -1
   */
  public long tradeId() {
    return tradeId;
  }

  /**
   * Whether a trade happened in the order book: true unless a futures trade says otherwise ({@code
   * X} other than {@code MARKET}: insurance fund or auto-deleveraging trades).
   *
   * @return true for an order book trade
   */
  public boolean isMarketTrade() {
    return marketTrade;
  }

  /**
   * Whether this depth update arrived before the snapshot and was held back until the snapshot it
   * continues (its {@link #receiveTimeNanos()} is then earlier than the snapshot's).
   *
   * @return true for a held-back update
   */
  public boolean isDeferred() {
    return deferred;
  }

  /**
   * Name of the file the message comes from.
   *
   * @return file name without directories
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Line of the message in its file.
   *
   * @return 1-based line number
   */
  public long line() {
    return line;
  }
}
