package org.mmlab.sim.binance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.AgentOrders;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.PublishedLevels;
import org.mmlab.sim.SimulatedMarket;

/**
 * Replay of a Binance depth/trade capture ({@code binance:PATH}) with the agent's orders queued in
 * the replayed L2 book by estimate. The agent's orders never change the replayed book or trades.
 *
 * <p><b>Spec.</b> {@code binance:PATH} where PATH is one capture file ({@code .gz} or plain), a
 * directory (every {@code *.gz} file in it, in file-name order, each continuing the previous one:
 * {@code binance:../shared/data/binance/spot} replays the 8 and 9 August spot files as one
 * capture), or a comma-separated list of files in replay order. Paths are relative to the working
 * directory. The instrument (tick and lot) comes from {@link BinanceInstruments} for the venue and
 * symbol the first file shows.
 *
 * <p><b>Time.</b> Simulated time is the capture's local receive time in nanoseconds since the Unix
 * epoch (the number starting each line), not Binance's event time {@code E}: it is the only time
 * every line has (spot book tickers and the spot snapshot carry none), it has nanosecond
 * resolution, and it increases along the file, whereas {@code E} is in milliseconds and goes back
 * and forth between streams in file order. Binance's exchange times are still used by the queue
 * model to tell whether a trade is already reflected in the depth ({@link QueuePosition}).
 *
 * <p><b>Episodes.</b> {@link #reset(long)} reopens the capture, builds the book from the REST
 * snapshot and the depth updates that continue it (see {@link BinanceReader}) — the
 * <em>synchronisation time</em> {@code S} is the snapshot line's receive time — and then starts the
 * agent at {@code S + floor(U × W)} with {@code U} uniform in [0, 1) from the seed and {@code W =
 * max(0, E − S − episode)}, {@code E} the last receive time of the capture and {@code episode} the
 * length the caller wants to fit (constructor; by default half the capture after {@code S}, so an
 * episode starts in its first half). Data up to the start is replayed into the book without
 * reaching the agent. {@link #exhausted()} turns true once the last line has been replayed; the
 * market then stays frozen (no more book changes, trades or maker fills).
 *
 * <p><b>Market data.</b> Each depth update is applied to the book; the agent gets the top {@code
 * bookLevels} levels whenever they change, and every order book trade as a print (futures
 * insurance-fund and ADL trades are skipped). Book tickers and mark prices are not replayed (they
 * repeat what the depth says). Only the earliest unprocessed line is in the event queue.
 *
 * <p><b>Resting agent orders</b> queue by estimate, {@link QueuePosition}: they join behind the
 * level's visible size (and behind the agent's own earlier orders at that price); trades at their
 * price take the queue ahead first and then fill them; depth decreases not explained by trades are
 * cancellations taken from ahead in proportion ahead / (ahead + behind). An order fills completely
 * at its own price, as maker, when the market trades through it — a sell trade below a resting bid,
 * a buy trade above a resting ask — or when the replayed opposite best reaches its price (a best
 * ask at or below the bid: the move is detected when it happens, so an order placed while the book
 * already sits at its price waits until the book has moved away and back). Trades that the depth
 * had already shown when the order joined are not counted for it.
 *
 * <p><b>Incoming agent orders</b> that reach the replayed opposite best: post-only ones are
 * rejected ({@link RejectReason#POST_ONLY_WOULD_CROSS}); limit, IOC and market orders take the
 * replayed levels from the best up to their limit price, each level's full visible size at that
 * moment, as taker, printing a trade per level; the replay is not altered, so liquidity the agent
 * took is still there for its next order. A limit remainder rests as above; IOC and market
 * remainders are cancelled. A replace to the same price with no more size keeps the queue place;
 * any other replace cancels and enters the order again as a limit order (which may trade). Maker
 * and taker fees come from the market conditions.
 */
public final class BinanceMarket extends SimulatedMarket implements AutoCloseable {
  private static final int KIND_MESSAGE = KIND_MODEL;

  private final List<Path> files;
  private final long episodeNanos;
  private final BinanceBook book = new BinanceBook();
  private final PublishedLevels published;

  private BinanceReader reader;
  private BinanceMessage msg;
  private boolean ended;
  private long captureEnd = -1;
  private long syncTime;
  private long startTime;
  private long depthTime = Long.MIN_VALUE;
  private long replayedLines;

  // Trades the depth does not reflect yet: maker side, price, lots, exchange time.
  private byte[] rtSide = new byte[64];
  private long[] rtPrice = new long[64];
  private long[] rtQty = new long[64];
  private long[] rtTime = new long[64];
  private int rtCount;

  // The agent's resting orders, in arrival order.
  private final AgentOrders<AgentOrder> orders =
      new AgentOrders<>(
          this, Long.MAX_VALUE, /* fifo= */ true, AgentOrder::new, this::crosses, this::place);

  private static final class AgentOrder extends AgentOrders.Order {
    long joinTime;
    boolean through;
    final QueuePosition queue = new QueuePosition();
  }

  /**
   * Creates the market.
   *
   * @param spec the spec string
   * @param files capture files in replay order, each continuing the previous one
   * @param instrument tick and lot of the capture
   * @param conditions latencies, fees and published depth
   * @param episodeNanos episode length that must fit after the start; 0 or less for half the
   *     capture after the synchronisation time
   * @throws IllegalArgumentException when there are no files or one does not exist
   */
  public BinanceMarket(
      String spec,
      List<Path> files,
      Instrument instrument,
      MarketConditions conditions,
      long episodeNanos) {
    super(spec, instrument, conditions);
    if (files.isEmpty()) {
      throw new IllegalArgumentException("market " + spec + ": no capture files");
    }
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new IllegalArgumentException("market " + spec + ": capture file not found: " + f);
      }
    }
    this.files = List.copyOf(files);
    this.episodeNanos = episodeNanos;
    int levels = conditions.bookLevels();
    this.published =
        new PublishedLevels(levels, (side, px, sz) -> book.depth(side, levels, px, sz));
  }

  /**
   * Builds the market for a spec {@code binance:PATH} (see the class comment for PATH).
   *
   * @param spec the spec
   * @param conditions latencies, fees and published depth
   * @return the market, not yet reset
   * @throws IllegalArgumentException one line naming what is wrong
   */
  public static BinanceMarket create(String spec, MarketConditions conditions) {
    String prefix = "binance:";
    if (spec == null || !spec.startsWith(prefix) || spec.length() == prefix.length()) {
      throw new IllegalArgumentException("expected binance:PATH, got " + spec);
    }
    List<Path> files = resolve(spec.substring(prefix.length()));
    BinanceCaptureInfo info;
    try {
      info = BinanceCaptureInfo.probe(files.get(0));
    } catch (IOException e) {
      throw new IllegalArgumentException("market " + spec + ": " + e.getMessage());
    }
    return new BinanceMarket(spec, files, BinanceInstruments.of(info), conditions, 0);
  }

  /**
   * The capture files a PATH names: a file, a directory (its {@code *.gz} files by name) or a
   * comma-separated list of files.
   *
   * @param path the PATH part of the spec
   * @return the files in replay order
   * @throws IllegalArgumentException when something named does not exist or a directory holds no
   *     {@code .gz} file
   */
  public static List<Path> resolve(String path) {
    List<Path> out = new ArrayList<>();
    for (String part : path.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      Path f = Path.of(p);
      if (Files.isDirectory(f)) {
        try (Stream<Path> s = Files.list(f)) {
          List<Path> gz =
              s.filter(x -> Files.isRegularFile(x) && x.getFileName().toString().endsWith(".gz"))
                  .sorted(
                      (a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                  .toList();
          if (gz.isEmpty()) {
            throw new IllegalArgumentException("no .gz capture files in directory " + f);
          }
          out.addAll(gz);
        } catch (IOException e) {
          throw new IllegalArgumentException("cannot list " + f + ": " + e.getMessage());
        }
      } else if (Files.isRegularFile(f)) {
        out.add(f);
      } else {
        throw new IllegalArgumentException("Binance capture not found: " + f.toAbsolutePath());
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no Binance capture files in \"" + path + "\"");
    }
    return out;
  }

  /**
   * The capture files replayed.
   *
   * @return the files in order
   */
  public List<Path> files() {
    return files;
  }

  /**
   * The replayed book (tests and diagnostics; the agent sees it only through the feed).
   *
   * @return the book
   */
  public BinanceBook book() {
    return book;
  }

  /**
   * Receive time of the snapshot line of the current episode.
   *
   * @return nanoseconds since the epoch
   */
  public long syncTimeNanos() {
    return syncTime;
  }

  /**
   * Time the agent started at in the current episode.
   *
   * @return nanoseconds since the epoch
   */
  public long startTimeNanos() {
    return startTime;
  }

  /**
   * Last receive time of the capture (known after the first reset).
   *
   * @return nanoseconds since the epoch, or -1 before the first reset
   */
  public long captureEndNanos() {
    return captureEnd;
  }

  /**
   * Capture lines (depth updates and trades) replayed in the current episode, before and after the
   * start.
   *
   * @return count
   */
  public long replayedLines() {
    return replayedLines;
  }

  /**
   * The estimated queue ahead of one of the agent's resting orders.
   *
   * @param orderId the agent's id
   * @return lots, or -1 when the order is not resting
   */
  public long queueAhead(long orderId) {
    int i = orders.find(orderId);
    return i < 0 ? -1 : orders.get(i).queue.ahead();
  }

  @Override
  public boolean exhausted() {
    return ended;
  }

  /** Closes the capture file. */
  @Override
  public void close() {
    if (reader != null) {
      reader.close();
      reader = null;
    }
  }

  @Override
  protected long startModel() {
    close();
    book.clear();
    orders.clear();
    rtCount = 0;
    ended = false;
    depthTime = Long.MIN_VALUE;
    published.reset();
    replayedLines = 0;
    try {
      if (captureEnd < 0) {
        captureEnd = BinanceCaptureInfo.lastReceiveTimeNanos(files.get(files.size() - 1));
      }
      reader = BinanceReader.open(instrument(), files);
      msg = reader.message();
      boolean synced = false;
      boolean have;
      while (true) {
        have = reader.next();
        if (!have) {
          break;
        }
        if (msg.type == BinanceMessageType.DEPTH_SNAPSHOT) {
          book.apply(msg);
          synced = true;
          syncTime = msg.receiveTimeNanos;
        } else if (msg.type == BinanceMessageType.DEPTH_UPDATE && msg.deferred) {
          applyQuietly();
        } else if (synced && isReplayed()) {
          break;
        }
      }
      if (!synced) {
        throw new IllegalStateException(
            "market " + spec() + ": the capture has no depth snapshot to start the book from");
      }
      long span = Math.max(0, captureEnd - syncTime);
      long episode = episodeNanos > 0 ? episodeNanos : span / 2;
      long window = Math.max(0, span - episode);
      startTime = syncTime + (window > 0 ? Math.floorMod(rng.nextLong(), window + 1) : 0);
      while (have && msg.receiveTimeNanos <= startTime) {
        applyQuietly();
        have = nextReplayed();
      }
      if (have) {
        queue.schedule(msg.receiveTimeNanos, KIND_MESSAGE, 0, 0);
      } else {
        ended = true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    return startTime;
  }

  private boolean isReplayed() {
    BinanceMessageType t = msg.type;
    return t == BinanceMessageType.DEPTH_UPDATE
        || (t == BinanceMessageType.TRADE && msg.marketTrade);
  }

  /** Reads up to the next depth update or book trade; false (and closes) at the end. */
  private boolean nextReplayed() throws IOException {
    while (reader.next()) {
      if (isReplayed()) {
        return true;
      }
    }
    ended = true;
    close();
    return false;
  }

  /**
   * Applies a line before the agent starts: depth to the book; a trade only to the trades the depth
   * does not show yet.
   */
  private void applyQuietly() {
    replayedLines++;
    long t = msg.exchangeTimeMillis();
    if (msg.type == BinanceMessageType.DEPTH_UPDATE) {
      book.apply(msg);
      if (t > depthTime) {
        depthTime = t;
      }
      dropReflectedTrades();
    } else if (t > depthTime) {
      rememberTrade(msg.aggressor.opposite(), msg.price, msg.size, t);
    }
  }

  @Override
  protected void onModelEvent(int kind, long arg0, long arg1) {
    replayedLines++;
    if (msg.type == BinanceMessageType.DEPTH_UPDATE) {
      onDepth();
    } else {
      onTrade();
    }
    try {
      if (nextReplayed()) {
        queue.schedule(Math.max(msg.receiveTimeNanos, now()), KIND_MESSAGE, 0, 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  private void onDepth() {
    BinanceMessage m = msg;
    long t = m.exchangeTimeMillis();
    for (int i = 0; i < m.bidCount; i++) {
      long p = m.bidPrices[i];
      long s = m.bidSizes[i];
      long prev = book.set(Side.BID, p, s);
      if (orders.size() > 0 && prev != s) {
        levelChanged(Side.BID, p, prev, s, t);
      }
    }
    for (int i = 0; i < m.askCount; i++) {
      long p = m.askPrices[i];
      long s = m.askSizes[i];
      long prev = book.set(Side.ASK, p, s);
      if (orders.size() > 0 && prev != s) {
        levelChanged(Side.ASK, p, prev, s, t);
      }
    }
    if (t > depthTime) {
      depthTime = t;
    }
    dropReflectedTrades();
    for (int i = 0; i < orders.size(); i++) {
      orders.get(i).queue.onDepthUpdate(depthTime);
    }
    checkThrough();
    published.detectChange();
  }

  private void levelChanged(Side side, long price, long prev, long next, long t) {
    for (int i = 0; i < orders.size(); i++) {
      AgentOrder o = orders.get(i);
      if (o.side() == side && o.price() == price) {
        o.queue.onLevelChange(prev, next, t);
      }
    }
  }

  /** Fills every order the opposite best has just reached. */
  private void checkThrough() {
    int i = 0;
    while (i < orders.size()) {
      AgentOrder o = orders.get(i);
      boolean through = crosses(o.side(), o.price());
      if (through && !o.through) {
        // A full fill removes the order; the next one moves into slot i.
        orders.fillMaker(i, o.remaining());
        continue;
      }
      o.through = through;
      i++;
    }
  }

  private boolean crosses(Side side, long price) {
    return side == Side.BID ? book.bestAsk() <= price : book.bestBid() >= price;
  }

  private void onTrade() {
    BinanceMessage m = msg;
    long p = m.price;
    long q = m.size;
    long t = m.exchangeTimeMillis();
    Side aggressor = m.aggressor;
    feed.trade(now(), p, q, aggressor);
    Side maker = aggressor.opposite();
    if (t > depthTime) {
      rememberTrade(maker, p, q, t);
    }
    int i = 0;
    while (i < orders.size()) {
      AgentOrder o = orders.get(i);
      if (o.side() != maker || t <= o.joinTime) {
        i++;
        continue;
      }
      long fill = 0;
      if (maker == Side.BID ? p < o.price() : p > o.price()) {
        fill = o.remaining();
      } else if (p == o.price()) {
        fill = Math.min(o.remaining(), o.queue.onTrade(q, t, depthTime));
      }
      if (fill > 0 && !orders.fillMaker(i, fill)) {
        // Filled completely: the next order is now at i.
        continue;
      }
      i++;
    }
  }

  private void rememberTrade(Side maker, long price, long qty, long t) {
    if (rtCount == rtPrice.length) {
      int cap = rtCount * 2;
      rtSide = Arrays.copyOf(rtSide, cap);
      rtPrice = Arrays.copyOf(rtPrice, cap);
      rtQty = Arrays.copyOf(rtQty, cap);
      rtTime = Arrays.copyOf(rtTime, cap);
    }
    rtSide[rtCount] = (byte) maker.ordinal();
    rtPrice[rtCount] = price;
    rtQty[rtCount] = qty;
    rtTime[rtCount] = t;
    rtCount++;
  }

  private void dropReflectedTrades() {
    int k = 0;
    for (int i = 0; i < rtCount; i++) {
      if (rtTime[i] > depthTime) {
        rtSide[k] = rtSide[i];
        rtPrice[k] = rtPrice[i];
        rtQty[k] = rtQty[i];
        rtTime[k] = rtTime[i];
        k++;
      }
    }
    rtCount = k;
  }

  @Override
  protected void publishBook() {
    published.publish(feed, now());
  }

  @Override
  protected boolean takeBookChanged() {
    return published.takeChanged();
  }

  @Override
  protected void executeCommand(
      byte command, long id, Side side, OrderType type, long price, long size) {
    orders.execute(command, id, side, type, price, size);
  }

  private void place(long id, Side side, OrderType type, long price, long size) {
    boolean buy = side == Side.BID;
    long left = size;
    if (type == OrderType.MARKET || crosses(side, price)) {
      Side opp = side.opposite();
      int n = book.levels(opp);
      for (int i = 0; i < n && left > 0; i++) {
        long lp = book.price(opp, i);
        if (type != OrderType.MARKET && (buy ? lp > price : lp < price)) {
          break;
        }
        long take = Math.min(left, book.sizeAt(opp, i));
        left -= take;
        orders.fillTaker(id, side, lp, take, left);
      }
    }
    if (orders.remainderRests(id, type, left)) {
      rest(id, side, price, left);
    }
  }

  private void rest(long id, Side side, long price, long size) {
    long visibleAhead = book.size(side, price);
    for (int i = 0; i < orders.size(); i++) {
      AgentOrder other = orders.get(i);
      if (other.side() == side && other.price() == price) {
        visibleAhead += other.remaining();
      }
    }
    long unreflected = 0;
    long unreflectedTime = Long.MIN_VALUE;
    byte s = (byte) side.ordinal();
    for (int i = 0; i < rtCount; i++) {
      if (rtSide[i] == s && rtPrice[i] == price) {
        unreflected += rtQty[i];
        unreflectedTime = Math.max(unreflectedTime, rtTime[i]);
      }
    }
    AgentOrder o = orders.add(id, side, price, size);
    o.joinTime = depthTime;
    o.through = crosses(side, price);
    o.queue.join(visibleAhead, unreflected, unreflectedTime, depthTime);
  }
}
