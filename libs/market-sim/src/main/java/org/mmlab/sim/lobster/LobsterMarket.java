package org.mmlab.sim.lobster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mmlab.lob.CancelReason;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.AgentOrders;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.PublishedLevels;
import org.mmlab.sim.SimulatedMarket;
import org.mmlab.sim.core.Durations;

/**
 * Replay of a LOBSTER day ({@code lobster:PATH}) in which the agent's orders queue FIFO behind the
 * real orders at their price. LOBSTER carries order ids, so the queue ahead of an agent order is
 * known exactly (up to the orders resting before 09:30, which the replay holds as one anonymous
 * order per level). The agent's orders never change the replayed book or its trades.
 *
 * <p><b>Spec.</b> {@code lobster:PATH} where PATH is a vendor zip ({@code
 * LOBSTER_SampleFile_AMZN_2012-06-21_5.zip}) or a {@code *_message_N.csv} file with its {@code
 * *_orderbook_N.csv} next to it; relative paths are resolved against the working directory.
 *
 * <p><b>Units.</b> One tick is one cent (NASDAQ's tick for stocks above $1; LOBSTER prices are
 * dollars × 10000, so a tick is 100 LOBSTER units) and one lot is one share, so fills are exact in
 * LOBSTER's sizes: {@code Instrument(SYMBOL, 0.01, 1)} with the symbol from the file name. The only
 * sub-cent prices in LOBSTER data are those of hidden executions (midpoint orders); their trade
 * prints are rounded to the tick toward the resting order's side (down for a hidden bid, up for a
 * hidden ask), while the fill rules below compare them exactly.
 *
 * <p><b>Time and episodes.</b> Simulated time is nanoseconds after midnight, as in the file. {@link
 * #reset(long)} starts the agent at a time drawn uniformly (to the nanosecond, from the seed) from
 * [open + 5 min, close − episode], open and close being the session bounds in the file names (09:30
 * and 16:00 for the LOBSTER samples) and episode the length the caller wants to fit (default {@link
 * #DEFAULT_EPISODE_NANOS}, 1000 s: starts in [09:35:00, 15:43:20]); the first five minutes are
 * skipped because the book still holds the pre-open orders as anonymous ones. The day is replayed
 * from its first row up to and including the start without the agent (about 50 ms for a full day).
 * The replay stays open between episodes: a reset to a start not earlier than the current position
 * continues from there, an earlier one rereads the file. Each message row is then one model event
 * at its time; only the next row is in the event queue. {@link #exhausted()} turns true once the
 * last row has been replayed; the market then stays frozen.
 *
 * <p><b>Market data.</b> After each row the agent gets the replayed book's top levels when they
 * changed: the file's visible levels only (N = 1 or 5, at most the conditions' book levels), in
 * ticks and shares. Executions (types 4 and 5) and cross trades (type 6) are printed at their price
 * and size with the aggressor opposite to the executed order's direction. Halts (type 7) are not
 * printed; while trading is halted (or only quoting) the agent's orders do not trade: a crossing
 * limit order rests without taking, IOC and market orders are cancelled, and new real orders do not
 * fill agent orders (rule 4).
 *
 * <p><b>Resting agent orders.</b> An agent order resting at price p on side s takes a sequence
 * number from {@link LobsterBook#reserveSequence()} when it rests, so it queues behind every real
 * order resting at p then, and every real order arriving later queues behind it. Its queue ahead,
 * {@link #queueAhead(long)}, is the real size at p with a smaller sequence ({@link
 * LobsterBook#sizeAheadOfSequence}); it shrinks as the orders ahead execute or cancel. The agent's
 * other orders at p are not counted in it, but they do take fills first. Fill rules, each a maker
 * fill at p with the maker fee:
 *
 * <ol>
 *   <li><b>Queue.</b> A visible execution (type 4) at p on side s takes the queue ahead first: of
 *       its size, the part that came from real orders ahead of the agent order (the drop of the
 *       queue ahead across the message) does not reach it; the rest does, and fills min(rest,
 *       remaining) — less what the agent's earlier orders at p took. So an execution of an order
 *       behind the agent (its sequence is larger) reached the agent first and fills it up to the
 *       executed size, and once nothing is ahead every execution at p fills it. The replayed real
 *       order still executes as the file says.
 *   <li><b>Trade-through.</b> An execution (type 4, or type 5 hidden) on side s at a price worse
 *       for the agent than p — for an agent bid, the execution of a buy order below p (a
 *       sell-initiated trade below the bid); for an agent ask, of a sell order above p — fills the
 *       order's whole remainder: by price priority the aggressor met p first.
 *   <li><b>Hidden executions at p</b> (type 5): displayed orders have priority over hidden ones at
 *       the same price, so one fills the agent order up to the executed size when no real size is
 *       ahead of it (as when the agent has improved the spread where a hidden order was); with real
 *       displayed size ahead that the file shows was not executed, it fills nothing.
 *   <li><b>Opposite best reaching p.</b> A new real limit order (type 1) on the other side at or
 *       through p — a sell order priced at or below an agent bid, a buy order at or above an agent
 *       ask — would have executed against the agent order in the real market: it fills min(its
 *       size, remaining), best-priced agent orders first, then by arrival.
 * </ol>
 *
 * Cross trades (auctions) and executions on the other side fill nothing. With one-level files (N =
 * 1) the messages only cover the best level, so the queue ahead of an order resting deeper is only
 * as good as the replay's reconciliation when its level comes back into view; prefer the N = 5
 * files.
 *
 * <p><b>Incoming agent orders</b> that reach the replayed opposite best: post-only ones are
 * rejected ({@link RejectReason#POST_ONLY_WOULD_CROSS}); limit, IOC and market orders take the
 * replayed visible levels (the file's N) from the best up to their limit price, each level's full
 * size at that moment, as taker, with the taker fee and a trade print per level. The take does not
 * deplete the replay (a known limitation of replays, as in hftbacktest): the liquidity the agent
 * took is still there for its next order and for the real flow. A limit remainder rests as above;
 * IOC and market remainders are cancelled ({@link CancelReason#IOC_REMAINDER}, {@link
 * CancelReason#MARKET_REMAINDER}). Agent maker fills are not printed (the real execution that
 * caused them is).
 *
 * <p><b>Commands</b> are validated as the engine does: price below 1 tick or above {@link
 * #MAX_PRICE_TICKS} ({@link RejectReason#BAD_PRICE}; ignored for market orders), size below 1
 * ({@link RejectReason#BAD_SIZE}), the id of a resting order ({@link
 * RejectReason#DUPLICATE_ORDER_ID}), cancel or replace of an id not resting ({@link
 * RejectReason#UNKNOWN_ORDER}). A replace to the same price with no more size keeps the sequence
 * number and so the queue place; any other replace re-enters the order as a limit order with a new
 * sequence number (it may trade).
 */
public final class LobsterMarket extends SimulatedMarket implements AutoCloseable {
  /** Default episode length that must fit between the start and the close: 1000 s. */
  public static final long DEFAULT_EPISODE_NANOS = 1000 * Durations.SECOND;

  /** Time after the open before which no episode starts: 5 min. */
  public static final long OPENING_SKIP_NANOS = 300 * Durations.SECOND;

  /** Largest agent price, ticks ($999,999.99, below LOBSTER's empty-ask sentinel). */
  public static final long MAX_PRICE_TICKS = 99_999_999L;

  /** LOBSTER price units per tick. */
  public static final long UNITS_PER_TICK = 100;

  /** Session open when the file name does not say: 09:30. */
  public static final long DEFAULT_OPEN_NANOS = 34_200 * Durations.SECOND;

  /** Session close when the file name does not say: 16:00. */
  public static final long DEFAULT_CLOSE_NANOS = 57_600 * Durations.SECOND;

  private static final int KIND_ROW = KIND_MODEL;
  private static final Pattern MESSAGE_NAME =
      Pattern.compile("(.+?)_(\\d{4}-\\d{2}-\\d{2})_(\\d+)_(\\d+)_message_(\\d+)\\.csv");
  private static final Pattern MESSAGE_FILE = Pattern.compile("(.*)_message_(\\d+)\\.csv");

  private final Path zip;
  private final Path messageCsv;
  private final Path orderbookCsv;
  private final int fileLevels;
  private final int shown;
  private final long sessionOpen;
  private final long sessionClose;
  private final long earliestStart;
  private final long latestStart;
  private final LobsterBook book = new LobsterBook();
  private final PublishedLevels published;

  private LobsterCursor cursor;
  private boolean readerOpen;
  private boolean ended;
  private long startTime;
  private long opens;

  // The agent's resting orders in sequence (arrival) order.
  private final AgentOrders<AgentOrder> orders =
      new AgentOrders<>(
          this, MAX_PRICE_TICKS, /* fifo= */ true, AgentOrder::new, this::crosses, this::place);

  private static final class AgentOrder extends AgentOrders.Order {
    int dir;
    long units;
    long seq;
    long aheadBefore;
  }

  /** The files of a day and what their names say. */
  private record Day(
      Path zip, Path message, Path orderbook, String symbol, int levels, long open, long close) {}

  private LobsterMarket(
      String spec,
      Day day,
      MarketConditions conditions,
      long earliestStartNanos,
      long latestStartNanos) {
    super(spec, instrument(day.symbol()), conditions);
    if (latestStartNanos < earliestStartNanos) {
      throw new IllegalArgumentException(
          "latest start " + latestStartNanos + " is before the earliest " + earliestStartNanos);
    }
    this.zip = day.zip();
    this.messageCsv = day.message();
    this.orderbookCsv = day.orderbook();
    this.fileLevels = day.levels();
    this.sessionOpen = day.open();
    this.sessionClose = day.close();
    this.earliestStart = earliestStartNanos;
    this.latestStart = latestStartNanos;
    this.shown = Math.min(fileLevels, conditions.bookLevels());
    this.published = new PublishedLevels(shown, this::top);
  }

  /**
   * Builds the market for a spec {@code lobster:PATH} with the default episode length.
   *
   * @param spec the spec
   * @param conditions latencies, fees and published depth
   * @return the market, not yet reset
   * @throws IllegalArgumentException one line naming what is wrong
   */
  public static LobsterMarket create(String spec, MarketConditions conditions) {
    String prefix = "lobster:";
    if (spec == null || !spec.startsWith(prefix) || spec.length() == prefix.length()) {
      throw new IllegalArgumentException("expected lobster:PATH, got " + spec);
    }
    return open(spec, Path.of(spec.substring(prefix.length())), conditions, DEFAULT_EPISODE_NANOS);
  }

  /**
   * Opens a day whose episodes start in [open + 5 min, close − episode] (just open + 5 min when the
   * episode does not fit).
   *
   * @param spec the spec string to report
   * @param path a LOBSTER zip or {@code *_message_N.csv} file
   * @param conditions latencies, fees and published depth
   * @param episodeNanos episode length that must fit before the close
   * @return the market, not yet reset
   * @throws IllegalArgumentException when the files are missing or unreadable
   */
  public static LobsterMarket open(
      String spec, Path path, MarketConditions conditions, long episodeNanos) {
    Day day = probe(path);
    long earliest = day.open() + OPENING_SKIP_NANOS;
    long latest = Math.max(earliest, day.close() - Math.max(0, episodeNanos));
    return new LobsterMarket(spec, day, conditions, earliest, latest);
  }

  /**
   * Opens a day whose episodes start at a time drawn uniformly from [earliest, latest] (both equal:
   * a fixed start).
   *
   * @param spec the spec string to report
   * @param path a LOBSTER zip or {@code *_message_N.csv} file
   * @param conditions latencies, fees and published depth
   * @param earliestStartNanos earliest start, nanoseconds after midnight
   * @param latestStartNanos latest start
   * @return the market, not yet reset
   * @throws IllegalArgumentException when the files are missing or unreadable, or latest &lt;
   *     earliest
   */
  public static LobsterMarket open(
      String spec,
      Path path,
      MarketConditions conditions,
      long earliestStartNanos,
      long latestStartNanos) {
    return new LobsterMarket(spec, probe(path), conditions, earliestStartNanos, latestStartNanos);
  }

  private static Instrument instrument(String symbol) {
    return new Instrument(symbol, new BigDecimal("0.01"), BigDecimal.ONE);
  }

  private static Day probe(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("LOBSTER data not found: " + path.toAbsolutePath());
    }
    String name = path.getFileName().toString();
    Path zipPath = null;
    Path msgPath = null;
    Path obPath = null;
    if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
      zipPath = path;
    } else {
      Matcher m = MESSAGE_FILE.matcher(name);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "expected a LOBSTER zip or a *_message_N.csv file, got " + path);
      }
      msgPath = path;
      obPath = path.resolveSibling(m.group(1) + "_orderbook_" + m.group(2) + ".csv");
      if (!Files.isRegularFile(obPath)) {
        throw new IllegalArgumentException(
            "LOBSTER orderbook file not found next to " + name + ": " + obPath.toAbsolutePath());
      }
    }
    try (LobsterReader r =
        zipPath != null ? LobsterReader.open(zipPath) : LobsterReader.open(msgPath, obPath)) {
      String msgName = r.messageFileName();
      Matcher m = MESSAGE_NAME.matcher(msgName);
      String symbol;
      long open = DEFAULT_OPEN_NANOS;
      long close = DEFAULT_CLOSE_NANOS;
      if (m.matches()) {
        symbol = m.group(1);
        open = Long.parseLong(m.group(3)) * Durations.MILLISECOND;
        close = Long.parseLong(m.group(4)) * Durations.MILLISECOND;
      } else {
        int u = msgName.indexOf('_');
        symbol = u > 0 ? msgName.substring(0, u) : msgName;
      }
      return new Day(zipPath, msgPath, obPath, symbol, r.levels(), open, close);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read LOBSTER data " + path + ": " + e.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  /**
   * The replayed book (tests and diagnostics; the agent sees it only through the feed). Prices are
   * LOBSTER units, sizes shares. Do not modify it.
   *
   * @return the book
   */
  public LobsterBook book() {
    return book;
  }

  /**
   * Levels per side of the files.
   *
   * @return N
   */
  public int fileLevels() {
    return fileLevels;
  }

  /**
   * Session open from the file name.
   *
   * @return nanoseconds after midnight
   */
  public long sessionOpenNanos() {
    return sessionOpen;
  }

  /**
   * Session close from the file name.
   *
   * @return nanoseconds after midnight
   */
  public long sessionCloseNanos() {
    return sessionClose;
  }

  /**
   * Earliest episode start.
   *
   * @return nanoseconds after midnight
   */
  public long earliestStartNanos() {
    return earliestStart;
  }

  /**
   * Latest episode start.
   *
   * @return nanoseconds after midnight
   */
  public long latestStartNanos() {
    return latestStart;
  }

  /**
   * Time the agent started at in the current episode.
   *
   * @return nanoseconds after midnight
   */
  public long startTimeNanos() {
    return startTime;
  }

  /**
   * Rows of the file replayed into the book since it was last read from the beginning.
   *
   * @return count
   */
  public long replayedRows() {
    return cursor == null ? 0 : cursor.applied();
  }

  /**
   * How many times the files were read from the beginning (a reset to an earlier start rereads
   * them).
   *
   * @return count
   */
  public long fileOpens() {
    return opens;
  }

  /**
   * Real shares queued ahead of one of the agent's resting orders at its price.
   *
   * @param orderId the agent's id
   * @return shares, or -1 when the order is not resting
   */
  public long queueAhead(long orderId) {
    int i = orders.find(orderId);
    if (i < 0) {
      return -1;
    }
    AgentOrder o = orders.get(i);
    return book.sizeAheadOfSequence(o.dir, o.units, o.seq);
  }

  /**
   * Open size of one of the agent's resting orders.
   *
   * @param orderId the agent's id
   * @return lots, or 0 when the order is not resting
   */
  public long restingSize(long orderId) {
    int i = orders.find(orderId);
    return i < 0 ? 0 : orders.get(i).remaining();
  }

  /**
   * The agent's resting orders.
   *
   * @return count
   */
  public int restingOrders() {
    return orders.size();
  }

  @Override
  public boolean exhausted() {
    return ended;
  }

  /** Closes the files (a later reset reopens them). */
  @Override
  public void close() {
    closeReader();
    cursor = null;
    ended = false;
  }

  private void closeReader() {
    if (cursor != null && readerOpen) {
      readerOpen = false;
      try {
        cursor.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The replay

  @Override
  protected long startModel() {
    orders.clear();
    published.reset();
    long window = latestStart - earliestStart;
    long start = earliestStart + (window > 0 ? Math.floorMod(rng.nextLong(), window + 1) : 0);
    startTime = start;
    try {
      if (cursor == null || cursor.lastAppliedTime() > start) {
        reopen();
      }
      while (!ended && cursor.row().timeNanos() <= start) {
        cursor.apply();
        advanceReader();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    if (!ended) {
      queue.schedule(cursor.row().timeNanos(), KIND_ROW, 0, 0);
    }
    return start;
  }

  private void reopen() throws IOException {
    closeReader();
    cursor = null;
    LobsterReader reader =
        zip != null ? LobsterReader.open(zip) : LobsterReader.open(messageCsv, orderbookCsv);
    cursor = new LobsterCursor(reader, book);
    readerOpen = true;
    opens++;
    book.clear();
    ended = false;
    advanceReader();
  }

  /** Reads the next row; at the end marks the replay ended and closes the files. */
  private void advanceReader() throws IOException {
    if (!cursor.read()) {
      ended = true;
      closeReader();
    }
  }

  @Override
  protected void onModelEvent(int kind, long arg0, long arg1) {
    final LobsterRow r = cursor.row();
    final int type = r.type();
    final int dir = r.direction();
    final long units = r.price();
    final long size = r.size();
    final boolean agent = orders.size() > 0;
    if (agent && type == LobsterMessageType.EXECUTE) {
      for (int i = 0; i < orders.size(); i++) {
        AgentOrder o = orders.get(i);
        if (o.dir == dir && o.units == units) {
          o.aheadBefore = book.sizeAheadOfSequence(dir, units, o.seq);
        }
      }
    }
    cursor.apply();
    switch (type) {
      case LobsterMessageType.EXECUTE:
        if (agent) {
          queueFills(dir, units, size);
          tradeThrough(dir, units);
        }
        print(dir, units, size);
        break;
      case LobsterMessageType.EXECUTE_HIDDEN:
        if (agent) {
          hiddenFills(dir, units, size);
          tradeThrough(dir, units);
        }
        print(dir, units, size);
        break;
      case LobsterMessageType.CROSS:
        print(dir, units, size);
        break;
      case LobsterMessageType.NEW:
        if (agent && book.tradingState() == LobsterBook.TRADING) {
          incomingFills(dir, units, size);
        }
        break;
      default:
        break;
    }
    published.detectChange();
    long t = r.timeNanos();
    try {
      advanceReader();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    if (!ended) {
      queue.schedule(Math.max(cursor.row().timeNanos(), t), KIND_ROW, 0, 0);
    }
  }

  /** Prints an execution; the aggressor is opposite to the executed order. */
  private void print(int dir, long units, long size) {
    if (size <= 0) {
      return;
    }
    boolean makerBid = dir == LobsterBook.BID;
    long ticks = makerBid ? floorTicks(units) : ceilTicks(units);
    feed.trade(now(), Math.max(1, ticks), size, makerBid ? Side.ASK : Side.BID);
  }

  /** Rule 1: a visible execution at the agent's price reaches it past the real queue ahead. */
  private void queueFills(int dir, long units, long size) {
    long takenByAgent = 0;
    int i = 0;
    while (i < orders.size()) {
      AgentOrder o = orders.get(i);
      if (o.dir != dir || o.units != units) {
        i++;
        continue;
      }
      long consumedAhead = o.aheadBefore - book.sizeAheadOfSequence(dir, units, o.seq);
      long reach = size - Math.max(0, consumedAhead) - takenByAgent;
      if (reach <= 0) {
        i++;
        continue;
      }
      long fill = Math.min(reach, o.remaining());
      takenByAgent += fill;
      if (orders.fillMaker(i, fill)) {
        i++;
      }
    }
  }

  /** Rule 3: a hidden execution at the agent's price fills it when nothing real is ahead. */
  private void hiddenFills(int dir, long units, long size) {
    long left = size;
    int i = 0;
    while (i < orders.size() && left > 0) {
      AgentOrder o = orders.get(i);
      if (o.dir != dir || o.units != units || book.sizeAheadOfSequence(dir, units, o.seq) > 0) {
        i++;
        continue;
      }
      long fill = Math.min(left, o.remaining());
      left -= fill;
      if (orders.fillMaker(i, fill)) {
        i++;
      }
    }
  }

  /** Rule 2: an execution at a worse price than the agent's fills it completely. */
  private void tradeThrough(int dir, long units) {
    int i = 0;
    while (i < orders.size()) {
      AgentOrder o = orders.get(i);
      boolean through =
          o.dir == dir && (dir == LobsterBook.BID ? o.units > units : o.units < units);
      if (!through || !orders.fillMaker(i, o.remaining())) {
        i++;
      }
    }
  }

  /** Rule 4: a new real order on the other side at or through agent prices trades with them. */
  private void incomingFills(int dir, long units, long size) {
    int agentDir = -dir;
    long left = size;
    while (left > 0) {
      int best = -1;
      long bestUnits = 0;
      for (int i = 0; i < orders.size(); i++) {
        AgentOrder o = orders.get(i);
        if (o.dir != agentDir
            || (agentDir == LobsterBook.BID ? o.units < units : o.units > units)) {
          continue;
        }
        if (best < 0 || (agentDir == LobsterBook.BID ? o.units > bestUnits : o.units < bestUnits)) {
          best = i;
          bestUnits = o.units;
        }
      }
      if (best < 0) {
        return;
      }
      long fill = Math.min(left, orders.get(best).remaining());
      left -= fill;
      orders.fillMaker(best, fill);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Market data

  /** The replayed book's visible levels of one side in ticks, best first. */
  private int top(Side s, long[] px, long[] sz) {
    boolean bid = s == Side.BID;
    int side = bid ? LobsterBook.BID : LobsterBook.ASK;
    long empty = bid ? LobsterRow.EMPTY_BID_PRICE : LobsterRow.EMPTY_ASK_PRICE;
    int n = 0;
    for (int l = 0; l < shown; l++) {
      long p = book.price(side, l);
      if (p == empty) {
        break;
      }
      px[n] = bid ? floorTicks(p) : ceilTicks(p);
      sz[n] = book.size(side, l);
      n++;
    }
    return n;
  }

  @Override
  protected void publishBook() {
    published.publish(feed, now());
  }

  @Override
  protected boolean takeBookChanged() {
    return published.takeChanged();
  }

  private static long floorTicks(long units) {
    return Math.floorDiv(units, UNITS_PER_TICK);
  }

  private static long ceilTicks(long units) {
    return -Math.floorDiv(-units, UNITS_PER_TICK);
  }

  // ---------------------------------------------------------------------------------------------
  // Agent commands

  @Override
  protected void executeCommand(
      byte command, long id, Side side, OrderType type, long price, long size) {
    orders.execute(command, id, side, type, price, size);
  }

  /** Whether a limit price reaches the replayed opposite best. */
  private boolean crosses(Side side, long price) {
    long units = price * UNITS_PER_TICK;
    return side == Side.BID ? units >= book.bestAsk() : units <= book.bestBid();
  }

  private void place(long id, Side side, OrderType type, long price, long size) {
    boolean buy = side == Side.BID;
    boolean market = type == OrderType.MARKET;
    long left = size;
    if (book.tradingState() == LobsterBook.TRADING && (market || crosses(side, price))) {
      int opp = buy ? LobsterBook.ASK : LobsterBook.BID;
      long empty = buy ? LobsterRow.EMPTY_ASK_PRICE : LobsterRow.EMPTY_BID_PRICE;
      long limit = market ? 0 : price * UNITS_PER_TICK;
      for (int l = 0; l < fileLevels && left > 0; l++) {
        long lp = book.price(opp, l);
        if (lp == empty || (!market && (buy ? lp > limit : lp < limit))) {
          break;
        }
        long take = Math.min(left, book.size(opp, l));
        if (take <= 0) {
          continue;
        }
        long tp = buy ? ceilTicks(lp) : floorTicks(lp);
        left -= take;
        orders.fillTaker(id, side, tp, take, left);
      }
    }
    if (orders.remainderRests(id, type, left)) {
      rest(id, side, price, left);
    }
  }

  private void rest(long id, Side side, long price, long size) {
    AgentOrder o = orders.add(id, side, price, size);
    o.dir = side == Side.BID ? LobsterBook.BID : LobsterBook.ASK;
    o.units = price * UNITS_PER_TICK;
    o.seq = book.reserveSequence();
    o.aheadBefore = 0;
  }
}
