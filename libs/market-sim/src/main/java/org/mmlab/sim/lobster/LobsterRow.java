package org.mmlab.sim.lobster;

/**
 * One row of a LOBSTER day: the message (event) and the orderbook file's state after it. A mutable
 * cursor: {@link LobsterReader#next()} overwrites it in place, so copy what you keep.
 *
 * <p>Levels are 0-based here ({@code 0} = best); the files call them 1..N. Empty levels hold {@link
 * #EMPTY_ASK_PRICE} / {@link #EMPTY_BID_PRICE} with size 0, as in the file.
 */
public final class LobsterRow {
  /** Price LOBSTER writes for an empty ask level. */
  public static final long EMPTY_ASK_PRICE = 9_999_999_999L;

  /** Price LOBSTER writes for an empty bid level. */
  public static final long EMPTY_BID_PRICE = -9_999_999_999L;

  /** Direction of a buy order (bid side). */
  public static final int BUY = 1;

  /** Direction of a sell order (ask side). */
  public static final int SELL = -1;

  final long[] askPrice;
  final long[] askSize;
  final long[] bidPrice;
  final long[] bidSize;
  long line;
  long timeNanos;
  int type;
  long orderId;
  long size;
  long price;
  int direction;

  /**
   * Creates an empty row for a file pair of {@code levels} levels.
   *
   * @param levels number of levels per side in the orderbook file (N)
   */
  public LobsterRow(int levels) {
    if (levels < 1) {
      throw new IllegalArgumentException("levels must be >= 1, got " + levels);
    }
    askPrice = new long[levels];
    askSize = new long[levels];
    bidPrice = new long[levels];
    bidSize = new long[levels];
  }

  /**
   * Sets the message part; for tests and for feeding a book from another source.
   *
   * @param line 1-based row number
   * @param timeNanos nanoseconds after midnight
   * @param type {@link LobsterMessageType} 1..7
   * @param orderId order id
   * @param size shares
   * @param price dollars &times; 10000
   * @param direction {@link #BUY} or {@link #SELL}
   * @return this row
   */
  public LobsterRow message(
      long line, long timeNanos, int type, long orderId, long size, long price, int direction) {
    this.line = line;
    this.timeNanos = timeNanos;
    this.type = type;
    this.orderId = orderId;
    this.size = size;
    this.price = price;
    this.direction = direction;
    return this;
  }

  /**
   * Sets one level of the orderbook part; for tests and for feeding a book from another source.
   *
   * @param level 0-based level
   * @param askPrice ask price, or {@link #EMPTY_ASK_PRICE}
   * @param askSize ask size
   * @param bidPrice bid price, or {@link #EMPTY_BID_PRICE}
   * @param bidSize bid size
   * @return this row
   */
  public LobsterRow level(int level, long askPrice, long askSize, long bidPrice, long bidSize) {
    this.askPrice[level] = askPrice;
    this.askSize[level] = askSize;
    this.bidPrice[level] = bidPrice;
    this.bidSize[level] = bidSize;
    return this;
  }

  /**
   * Returns the row number.
   *
   * @return 1-based row (line) number, the same in both files
   */
  public long line() {
    return line;
  }

  /**
   * Returns the event time.
   *
   * @return nanoseconds after midnight
   */
  public long timeNanos() {
    return timeNanos;
  }

  /**
   * Returns the event type.
   *
   * @return {@link LobsterMessageType} 1..7
   */
  public int type() {
    return type;
  }

  /**
   * Returns the order id.
   *
   * @return LOBSTER order reference number (0 for hidden executions and halts)
   */
  public long orderId() {
    return orderId;
  }

  /**
   * Returns the size.
   *
   * @return shares (added, cancelled, deleted or executed); 0 for halts
   */
  public long size() {
    return size;
  }

  /**
   * Returns the price.
   *
   * @return dollars &times; 10000; for halts -1, 0 or 1
   */
  public long price() {
    return price;
  }

  /**
   * Returns the direction of the order the event concerns.
   *
   * @return {@link #BUY} (bid side) or {@link #SELL} (ask side)
   */
  public int direction() {
    return direction;
  }

  /**
   * Returns the number of levels per side.
   *
   * @return N
   */
  public int levels() {
    return askPrice.length;
  }

  /**
   * Returns an ask price of the orderbook file's state after this message.
   *
   * @param level 0-based level
   * @return price, or {@link #EMPTY_ASK_PRICE}
   */
  public long askPrice(int level) {
    return askPrice[level];
  }

  /**
   * Returns an ask size of the orderbook file's state after this message.
   *
   * @param level 0-based level
   * @return shares (0 for an empty level)
   */
  public long askSize(int level) {
    return askSize[level];
  }

  /**
   * Returns a bid price of the orderbook file's state after this message.
   *
   * @param level 0-based level
   * @return price, or {@link #EMPTY_BID_PRICE}
   */
  public long bidPrice(int level) {
    return bidPrice[level];
  }

  /**
   * Returns a bid size of the orderbook file's state after this message.
   *
   * @param level 0-based level
   * @return shares (0 for an empty level)
   */
  public long bidSize(int level) {
    return bidSize[level];
  }

  /**
   * Returns a price of one side.
   *
   * @param side {@link #BUY} for bids, {@link #SELL} for asks
   * @param level 0-based level
   * @return price or the side's empty-level sentinel
   */
  public long price(int side, int level) {
    return side == BUY ? bidPrice[level] : askPrice[level];
  }

  /**
   * Returns a size of one side.
   *
   * @param side {@link #BUY} for bids, {@link #SELL} for asks
   * @param level 0-based level
   * @return shares
   */
  public long size(int side, int level) {
    return side == BUY ? bidSize[level] : askSize[level];
  }

  /**
   * Number of non-empty levels on one side of the file's state.
   *
   * @param side {@link #BUY} for bids, {@link #SELL} for asks
   * @return 0..N
   */
  public int depth(int side) {
    long[] px = side == BUY ? bidPrice : askPrice;
    long empty = side == BUY ? EMPTY_BID_PRICE : EMPTY_ASK_PRICE;
    int n = 0;
    while (n < px.length && px[n] != empty) {
      n++;
    }
    return n;
  }

  /**
   * Formats a nanosecond time of day as seconds with 9 decimals, as LOBSTER writes it.
   *
   * @param nanos nanoseconds after midnight
   * @return e.g. {@code 34200.189607670}
   */
  public static String formatTime(long nanos) {
    String frac = Long.toString(1_000_000_000L + nanos % 1_000_000_000L).substring(1);
    return (nanos / 1_000_000_000L) + "." + frac;
  }

  /**
   * The message part, for diagnostics.
   *
   * @return e.g. {@code row 2 t=34200.189607670 new id=11885113 size=21 price=2238100 dir=1}
   */
  public String messageString() {
    return "row "
        + line
        + " t="
        + formatTime(timeNanos)
        + " "
        + LobsterMessageType.name(type)
        + " id="
        + orderId
        + " size="
        + size
        + " price="
        + price
        + " dir="
        + direction;
  }

  /**
   * The orderbook part as {@code ask p x s, ... | bid p x s, ...}, for diagnostics.
   *
   * @return the file's window
   */
  public String windowString() {
    StringBuilder sb = new StringBuilder();
    sb.append("ask");
    for (int i = 0; i < askPrice.length; i++) {
      sb.append(' ').append(askPrice[i]).append('x').append(askSize[i]);
    }
    sb.append(" | bid");
    for (int i = 0; i < bidPrice.length; i++) {
      sb.append(' ').append(bidPrice[i]).append('x').append(bidSize[i]);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return messageString() + " :: " + windowString();
  }
}
