package org.mmlab.service.marketdata.exchange;

import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.mmlab.api.CancelReason;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.CancelAllCommand;
import org.mmlab.api.exchange.CancelCommand;
import org.mmlab.api.exchange.ClientPosition;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeCommand;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.OpenOrder;
import org.mmlab.api.exchange.QuoteCommand;
import org.mmlab.api.exchange.QuoteSide;
import org.mmlab.api.exchange.SessionState;
import org.mmlab.api.exchange.SubmitCommand;
import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.Heartbeat;
import org.mmlab.api.marketdata.PriceLevel;
import org.mmlab.api.marketdata.Trade;
import org.mmlab.api.simulation.SimulationState;
import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.lob.CommandType;
import org.mmlab.lob.LimitOrderBook;
import org.mmlab.lob.OrderBook;
import org.mmlab.lob.OrderBookListener;
import org.mmlab.lob.RejectReason;
import org.mmlab.sim.Fees;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.Market;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.MarketListener;
import org.mmlab.sim.SimulatedMarket;
import org.mmlab.sim.core.LatencyModel;
import org.mmlab.sim.market.EngineMarket;

/**
 * The live exchange: one market model running on its own thread in wall-clock time, with many
 * clients trading on the same book.
 *
 * <p><b>Threading.</b> Everything that touches the market runs on one thread, the exchange thread:
 * it advances the market to the simulated time that the wall clock and the speed factor give
 * ({@link ExchangeClock}), executes client commands from a queue (each one at the current simulated
 * time, with no simulated latency: the network is the latency now), and publishes what happened.
 * Other threads only post tasks and read volatile statistics; nothing on the exchange thread ever
 * waits for a consumer ({@link Subscriber}s refuse instead of blocking, and are dropped).
 *
 * <p><b>Two ways to trade on a market.</b> On a market whose exchange is the matching engine
 * ({@link EngineMarket}: {@code zi}, {@code hawkes}) each client's orders go straight into the
 * engine with the client's own owner id, so clients trade with the model's flow <em>and with each
 * other</em>, with self-trade prevention per client; events come from the engine's listener. The
 * other markets ({@code as}, {@code lobster:}, {@code binance:}) are models of an exchange that
 * only their single agent can trade on: there the clients share the agent's order-entry API (zero
 * simulated latency, so each command executes at once), their orders trade with the model but not
 * with each other, and a quote resize is a cancel and a new order.
 *
 * <p><b>Streams.</b> Market data: one {@code seq} for the whole stream; a new subscriber first gets
 * a snapshot of the published book carrying the current seq, then every later message. Book
 * messages are the levels that changed since the last published book (levels beyond the configured
 * depth are not published). Gateway sessions: a {@link SessionState} then one {@link EventBatch}
 * per command and per background step that touched a client order or moved the top of the book.
 */
public final class ExchangeCore implements AutoCloseable {
  /** Close reason given to a subscriber that could not keep up. */
  public static final String SLOW_CONSUMER = "slow consumer";

  /** Close reason given to every subscriber when the exchange stops. */
  public static final String SHUTDOWN = "exchange shutting down";

  /** Close reason given to gateway sessions when the market is rebuilt (they resync). */
  public static final String MARKET_RESET = "market reset";

  private static final System.Logger LOG = System.getLogger(ExchangeCore.class.getName());
  private static final int MAX_TASKS_PER_STEP = 512;
  private static final long FIRST_OWNER = 2; // EngineMarket.AGENT is 1; flow owners are > 2^40

  /**
   * How the exchange runs.
   *
   * @param market the market spec to start with
   * @param seed the model's seed
   * @param speed simulated seconds per wall second
   * @param autoStart whether the clock starts running at once
   * @param bookLevels levels per side published on the market-data stream
   * @param heartbeatNanos wall-clock interval between heartbeats
   * @param tickNanos longest wall-clock wait between two advances of the market
   * @param journalDir directory of the journal, or null to run without one
   * @param journalSyncNanos longest wall-clock time journal records of the background market stay
   *     unsynced (records that a gateway session will see are synced before it sees them)
   * @param journalSnapshotRecords journal records after which a snapshot of the exchange starts a
   *     new segment, bounding recovery (0: never; markets that cannot be snapshotted replay from
   *     their base)
   */
  public record Settings(
      String market,
      long seed,
      double speed,
      boolean autoStart,
      int bookLevels,
      long heartbeatNanos,
      long tickNanos,
      Path journalDir,
      long journalSyncNanos,
      long journalSnapshotRecords) {
    /**
     * Settings with a journal that takes no snapshots.
     *
     * @param market the market spec to start with
     * @param seed the model's seed
     * @param speed simulated seconds per wall second
     * @param autoStart whether the clock starts running at once
     * @param bookLevels levels per side published on the market-data stream
     * @param heartbeatNanos wall-clock interval between heartbeats
     * @param tickNanos longest wall-clock wait between two advances of the market
     * @param journalDir directory of the journal, or null to run without one
     * @param journalSyncNanos longest wall-clock time background records stay unsynced
     */
    public Settings(
        String market,
        long seed,
        double speed,
        boolean autoStart,
        int bookLevels,
        long heartbeatNanos,
        long tickNanos,
        Path journalDir,
        long journalSyncNanos) {
      this(
          market,
          seed,
          speed,
          autoStart,
          bookLevels,
          heartbeatNanos,
          tickNanos,
          journalDir,
          journalSyncNanos,
          0);
    }

    /**
     * Settings without a journal.
     *
     * @param market the market spec to start with
     * @param seed the model's seed
     * @param speed simulated seconds per wall second
     * @param autoStart whether the clock starts running at once
     * @param bookLevels levels per side published on the market-data stream
     * @param heartbeatNanos wall-clock interval between heartbeats
     * @param tickNanos longest wall-clock wait between two advances of the market
     */
    public Settings(
        String market,
        long seed,
        double speed,
        boolean autoStart,
        int bookLevels,
        long heartbeatNanos,
        long tickNanos) {
      this(market, seed, speed, autoStart, bookLevels, heartbeatNanos, tickNanos, null, 0, 0);
    }

    /** Validates the fields. */
    public Settings {
      if (journalDir != null && journalSyncNanos <= 0) {
        throw new IllegalArgumentException("journal sync interval must be positive");
      }
      if (journalSnapshotRecords < 0) {
        throw new IllegalArgumentException(
            "journal snapshot interval must be 0 (never) or positive: " + journalSnapshotRecords);
      }
      if (!(speed > 0) || speed > 10_000) {
        throw new IllegalArgumentException("speed must be in (0, 10000]: " + speed);
      }
      if (bookLevels < 1 || bookLevels > 10_000) {
        throw new IllegalArgumentException("book levels must be in [1, 10000]: " + bookLevels);
      }
      if (heartbeatNanos <= 0 || tickNanos <= 0) {
        throw new IllegalArgumentException("heartbeat and tick intervals must be positive");
      }
    }
  }

  /** Builds a market from a spec ({@code MarketFactory::create} in production). */
  @FunctionalInterface
  public interface MarketBuilder {
    /**
     * Builds a market, not yet reset.
     *
     * @param spec the spec
     * @param conditions latencies, fees, published depth
     * @return the market
     * @throws IllegalArgumentException naming what is wrong with the spec
     */
    Market build(String spec, MarketConditions conditions);
  }

  private final MarketBuilder builder;
  private final Function<Object, String> encoder;
  private final LongConsumer commandLatency;
  private final Settings settings;
  private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  // ---------------- exchange-thread state ----------------
  private Market market;
  private OrderBook engine; // null for markets traded through the agent API
  private InstrumentInfo instrument;
  private String spec;
  private long seed;
  private final ExchangeClock clock;
  private SimulationState state;
  private final Map<String, ClientAccount> accounts = new LinkedHashMap<>();
  private final Map<Long, ClientAccount> accountsByOwner = new HashMap<>();
  private final Map<Long, ClientOrder> orders = new LinkedHashMap<>();
  private long nextOrderId = 1;
  private final List<ExchangeEvent> events = new ArrayList<>();
  private final List<Trade> trades = new ArrayList<>();
  private CancelReason cancelOverride;
  private boolean bookDirty;
  private final PublishedBook published;
  private final org.mmlab.sim.BookSnapshot agentBook;
  private final Fanout marketData = new Fanout();
  private final Fanout sessions = new Fanout();
  private final List<String> heldSession = new ArrayList<>();
  private long mdSeq;
  private long sessionSeq;
  private long sentBid = -1;
  private long sentAsk = -1;
  private boolean sentHalted;
  private long nextHeartbeat;
  private long eventsBase; // events of markets replaced by resets
  private long commands;
  private long rateWindowStart;
  private long rateWindowEvents;
  private final ExchangeJournal journal; // null without a journal

  // ---------------- statistics for other threads ----------------
  private volatile SimulationStatus status;
  private volatile long statEvents;
  private volatile long statBidDepth;
  private volatile long statAskDepth;
  private volatile long statSpread = -1;

  /**
   * Builds the exchange and its first market (reset with the seed, warmed up). The thread starts
   * with {@link #launch()}.
   *
   * @param builder builds markets from specs
   * @param settings how to run
   * @param encoder encodes every published message as JSON
   * @param commandLatency receives the nanoseconds each client command took on the exchange thread
   * @throws IllegalArgumentException when the market spec is invalid
   */
  public ExchangeCore(
      MarketBuilder builder,
      Settings settings,
      Function<Object, String> encoder,
      LongConsumer commandLatency) {
    this.builder = builder;
    this.settings = settings;
    this.encoder = encoder;
    this.commandLatency = commandLatency;
    this.clock = new ExchangeClock(settings.speed());
    this.published = new PublishedBook(settings.bookLevels());
    this.agentBook = new org.mmlab.sim.BookSnapshot(Math.min(100, settings.bookLevels()));
    this.journal =
        settings.journalDir() == null
            ? null
            : new ExchangeJournal(
                settings.journalDir(),
                settings.journalSyncNanos(),
                settings.journalSnapshotRecords());
    if (journal != null && journal.exists()) {
      journal.recover(this);
      resumeAfterRecovery();
    } else {
      install(buildMarket(settings.market()), settings.market(), settings.seed());
      state = SimulationState.STOPPED;
      if (settings.autoStart()) {
        clock.start(market.now(), System.nanoTime());
        state = SimulationState.RUNNING;
      }
      if (journal != null) {
        journal.restart(this);
      }
    }
    trades.clear(); // the warm-up's
    refreshBook();
    publishStats(System.nanoTime());
    thread = new Thread(this::run, "exchange");
    thread.setDaemon(true);
  }

  /** Starts the exchange thread. */
  public void launch() {
    thread.start();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    // No interrupt unless it hangs: an interrupt closes the journal's file channel mid-write.
    inbox.add(() -> {});
    try {
      thread.join(5_000);
      if (thread.isAlive()) {
        thread.interrupt();
        thread.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    marketData.closeAll(SHUTDOWN);
    sessions.closeAll(SHUTDOWN);
    if (journal != null) {
      journal.close();
    }
    closeMarket(market);
  }

  // =====================================================================================
  // The API for other threads
  // =====================================================================================

  /**
   * Subscribes to market data: the subscriber gets a snapshot, then every later message.
   *
   * @param s the subscriber
   */
  public void subscribeMarketData(Subscriber s) {
    if (!post(() -> marketData.add(s, encoder.apply(snapshot(mdSeq))))) {
      s.close(SHUTDOWN);
    }
  }

  /**
   * Ends a market-data subscription (the subscriber is not closed by this).
   *
   * @param s the subscriber
   */
  public void unsubscribeMarketData(Subscriber s) {
    post(() -> marketData.remove(s));
  }

  /**
   * Opens a gateway session: the subscriber gets a {@link SessionState}, then every event batch.
   *
   * @param s the session's outbound side
   */
  public void openSession(Subscriber s) {
    if (!post(() -> sessions.add(s, encoder.apply(sessionState())))) {
      s.close(SHUTDOWN);
    }
  }

  /**
   * Closes a gateway session (the subscriber is not closed by this).
   *
   * @param s the session's outbound side
   */
  public void closeSession(Subscriber s) {
    post(() -> sessions.remove(s));
  }

  /**
   * Queues a client command; its outcome goes to every session as a batch with the command's ref.
   *
   * @param command the command
   */
  public void execute(ExchangeCommand command) {
    post(() -> handle(command));
  }

  /**
   * Starts (or resumes) the clock, optionally at a new speed. A finished replay stays finished.
   *
   * @param speed new speed, or null to keep it
   * @return the status after the change
   */
  public CompletableFuture<SimulationStatus> start(Double speed) {
    return control(
        () -> {
          long wall = System.nanoTime();
          if (speed != null) {
            clock.setSpeed(checkSpeed(speed), market.now(), wall);
          }
          if (state == SimulationState.STOPPED) {
            clock.start(market.now(), wall);
            state = SimulationState.RUNNING;
          }
        });
  }

  /**
   * Stops the clock: the book freezes and new orders are refused until a start.
   *
   * @return the status after the change
   */
  public CompletableFuture<SimulationStatus> stop() {
    return control(
        () -> {
          if (state == SimulationState.RUNNING) {
            advance();
            clock.stop();
            state = SimulationState.STOPPED;
          }
        });
  }

  /**
   * Rebuilds the market: every open client order is cancelled ({@code MARKET_RESET}), the new
   * market is reset with the seed and warmed up, subscribers get a new snapshot in-stream, and
   * gateway sessions are closed so that they resynchronise. The clock keeps running if it was (a
   * finished replay starts running again). Positions are kept.
   *
   * @param newSpec market spec, or null to keep it
   * @param newSeed seed, or null to keep it
   * @param speed speed, or null to keep it
   * @return the status after the reset
   * @throws IllegalArgumentException at once when the spec is invalid (built on the caller's
   *     thread)
   */
  public CompletableFuture<SimulationStatus> reset(String newSpec, Long newSeed, Double speed) {
    SimulationStatus now = status;
    String s = newSpec == null || newSpec.isBlank() ? now.market() : newSpec.trim();
    long sd = newSeed == null ? now.seed() : newSeed;
    if (speed != null) {
      checkSpeed(speed);
    }
    Market built = buildMarket(s);
    return control(
        () -> {
          advance();
          flush(null);
          commit(true);
          cancelOverride = CancelReason.MARKET_RESET;
          for (ClientOrder o : List.copyOf(orders.values())) {
            events.add(
                new ExchangeEvent.Cancelled(o.clientId, o.orderId, o.remaining, cancelOverride));
            remove(o);
          }
          cancelOverride = null;
          Market old = market;
          install(built, s, sd);
          closeMarket(old);
          long wall = System.nanoTime();
          if (speed != null) {
            clock.setSpeed(speed, market.now(), wall);
          }
          if (state != SimulationState.STOPPED) {
            clock.start(market.now(), wall);
            state = SimulationState.RUNNING;
          }
          trades.clear();
          published.clear();
          refreshBook();
          marketData.publish(encoder.apply(snapshot(++mdSeq)));
          flush(null);
          if (journal != null) {
            journal.restart(this); // the new market's journal starts here
          }
          commit(true);
          sessions.closeAll(MARKET_RESET);
        });
  }

  /**
   * The exchange's state, as of the exchange thread's last step.
   *
   * @return the status
   */
  public SimulationStatus status() {
    return status;
  }

  /**
   * Exchange events (model events and client commands) since the exchange started.
   *
   * @return the count
   */
  public long eventsTotal() {
    return statEvents;
  }

  /**
   * Best ask minus best bid in ticks.
   *
   * @return the spread, or -1 when one side is empty
   */
  public long spreadTicks() {
    return statSpread;
  }

  /**
   * Total published resting size on a side.
   *
   * @param side the side
   * @return lots
   */
  public long depthLots(Side side) {
    return side == Side.BUY ? statBidDepth : statAskDepth;
  }

  /**
   * Market-data subscribers dropped for being too slow, since the start.
   *
   * @return the count
   */
  public long droppedSubscribers() {
    return marketData.dropped() + sessions.dropped();
  }

  /** Queues a task for the exchange thread; after {@link #close()} it is dropped (false). */
  private boolean post(Runnable task) {
    if (closed) {
      return false;
    }
    inbox.add(task);
    return true;
  }

  private CompletableFuture<SimulationStatus> control(Runnable change) {
    CompletableFuture<SimulationStatus> f = new CompletableFuture<>();
    boolean queued =
        post(
            () -> {
              try {
                change.run();
                journalClock();
                commit(true);
                publishStats(System.nanoTime());
                f.complete(status);
              } catch (RuntimeException e) {
                f.completeExceptionally(e);
              }
            });
    if (!queued) {
      f.completeExceptionally(new IllegalStateException("exchange closed"));
    }
    return f;
  }

  private static double checkSpeed(double speed) {
    if (!(speed > 0) || speed > 10_000) {
      throw new IllegalArgumentException("speed must be in (0, 10000]: " + speed);
    }
    return speed;
  }

  // =====================================================================================
  // The exchange thread
  // =====================================================================================

  private void run() {
    nextHeartbeat = System.nanoTime() + settings.heartbeatNanos();
    while (!closed) {
      Runnable task;
      try {
        task = inbox.poll(settings.tickNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        break;
      }
      try {
        advance();
        flush(null);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "exchange step failed", e);
      }
      // At most a batch of tasks per step, so that a steady stream of commands cannot postpone
      // the market's advance, the heartbeats or the journal's sync (which releases the answers).
      int ran = 0;
      while (task != null) {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.log(Level.ERROR, "exchange task failed", e);
        }
        task = ++ran < MAX_TASKS_PER_STEP ? inbox.poll() : null;
      }
      try {
        long wall = System.nanoTime();
        if (wall >= nextHeartbeat) {
          nextHeartbeat = wall + settings.heartbeatNanos();
          marketData.publish(
              encoder.apply(
                  new Heartbeat(++mdSeq, market.now(), state == SimulationState.RUNNING)));
        }
        publishStats(wall);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "exchange step failed", e);
      }
      commit(false);
    }
  }

  /**
   * Makes the journal durable up to here when a session message waits for it (or the background's
   * records have waited long enough), then releases the waiting messages. A failing journal stops
   * the exchange: acknowledging what cannot be recovered would break the guarantee.
   */
  private void commit(boolean force) {
    if (journal == null) {
      return;
    }
    try {
      if (journal.commit(this, force)) {
        for (int i = 0; i < heldSession.size(); i++) {
          sessions.publish(heldSession.get(i));
        }
        heldSession.clear();
        journal.maybeSnapshot(this);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "journal failed; the exchange stops", e);
      closed = true;
      sessions.closeAll(SHUTDOWN);
    }
  }

  /** Whether session messages wait for a sync. */
  boolean holdsSessionMessages() {
    return !heldSession.isEmpty();
  }

  /** Journals the clock's state when it changed since the last journaled one. */
  private void journalClock() {
    if (journal != null) {
      journal.clock(state, clock.speed());
    }
  }

  /** Runs the market up to the clock's target time. */
  private void advance() {
    if (state != SimulationState.RUNNING) {
      return;
    }
    advanceTo(clock.target(market.now(), System.nanoTime()));
  }

  /** Runs the market up to a simulated time (journaled: replay calls this with the same times). */
  void advanceTo(long target) {
    if (target > market.now()) {
      if (journal != null) {
        journal.advance(target);
      }
      try {
        market.advanceTo(target);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "market " + spec + " failed; stopping it", e);
        finish();
        return;
      }
    }
    if (market.exhausted()) {
      finish();
    }
  }

  private void finish() {
    clock.stop();
    state = SimulationState.FINISHED;
    journalClock();
  }

  private boolean halted() {
    return state != SimulationState.RUNNING;
  }

  // ---- commands ----

  void handle(ExchangeCommand command) {
    long t0 = System.nanoTime();
    if (journal != null) {
      journal.command(command);
    }
    commands++;
    if (command instanceof SubmitCommand c) {
      submit(c);
    } else if (command instanceof CancelCommand c) {
      cancel(c);
    } else if (command instanceof QuoteCommand c) {
      quote(c);
    } else if (command instanceof CancelAllCommand c) {
      cancelAll(c);
    }
    flush(command.ref());
    commandLatency.accept(System.nanoTime() - t0);
  }

  private ClientAccount account(String clientId) {
    ClientAccount a = accounts.get(clientId);
    if (a == null) {
      a = new ClientAccount(clientId, FIRST_OWNER + accounts.size());
      accounts.put(clientId, a);
      accountsByOwner.put(a.owner, a);
    }
    return a;
  }

  private void reject(
      String clientId, long orderId, String clientOrderId, ProblemCode code, String why) {
    events.add(new ExchangeEvent.Rejected(clientId, orderId, clientOrderId, code, why));
  }

  private void submit(SubmitCommand c) {
    ClientAccount a = account(c.clientId());
    if (halted()) {
      reject(a.clientId, 0, c.clientOrderId(), ProblemCode.MARKET_HALTED, "simulation " + state);
      return;
    }
    String invalid = invalid(c.side(), c.type(), c.price(), c.size());
    if (invalid != null) {
      reject(a.clientId, 0, c.clientOrderId(), ProblemCode.EXCHANGE_REJECTED, invalid);
      return;
    }
    send(a, c.clientOrderId(), c.side(), c.type(), c.price(), c.size(), false);
  }

  private static String invalid(Side side, OrderType type, long price, long size) {
    if (side == null || type == null) {
      return "side and type are required";
    }
    if (size <= 0) {
      return "size must be positive";
    }
    if (type != OrderType.MARKET
        && (price < LimitOrderBook.MIN_PRICE || price > LimitOrderBook.MAX_PRICE)) {
      return "price out of range";
    }
    return null;
  }

  /** Sends a validated new order to the market; its events arrive through the listeners. */
  private ClientOrder send(
      ClientAccount a,
      String clientOrderId,
      Side side,
      OrderType type,
      long price,
      long size,
      boolean quote) {
    long id = nextOrderId++;
    long px = type == OrderType.MARKET ? LimitOrderBook.MARKET_PRICE : price;
    ClientOrder o = new ClientOrder(a.clientId, id, clientOrderId, side, type, px, size, quote);
    orders.put(id, o);
    if (quote) {
      if (side == Side.BUY) {
        a.quoteBid = id;
      } else {
        a.quoteAsk = id;
      }
    }
    if (engine != null) {
      engine.submit(id, a.owner, lobSide(side), lobType(type), px, size);
    } else {
      market.submit(id, lobSide(side), lobType(type), px, size);
      market.advanceTo(market.now());
    }
    return o;
  }

  private void cancel(CancelCommand c) {
    ClientOrder o = orders.get(c.orderId());
    if (o == null || !o.clientId.equals(c.clientId())) {
      reject(
          c.clientId(),
          c.orderId(),
          null,
          o == null ? ProblemCode.ORDER_NOT_OPEN : ProblemCode.ORDER_NOT_FOUND,
          "order " + c.orderId() + " is not open");
      return;
    }
    cancelOrder(o);
  }

  private void cancelOrder(ClientOrder o) {
    if (engine != null) {
      engine.cancel(o.orderId);
    } else {
      market.cancel(o.orderId);
      market.advanceTo(market.now());
    }
  }

  private void cancelAll(CancelAllCommand c) {
    cancelOverride = c.reason() == null ? CancelReason.USER : c.reason();
    try {
      for (ClientOrder o : List.copyOf(orders.values())) {
        if (c.clientId() == null || c.clientId().equals(o.clientId)) {
          cancelOrder(o);
        }
      }
    } finally {
      cancelOverride = null;
    }
  }

  private void quote(QuoteCommand c) {
    ClientAccount a = account(c.clientId());
    ClientOrder bid = orders.get(a.quoteBid);
    ClientOrder ask = orders.get(a.quoteAsk);
    // Phase 1: cancel what goes (a moved side is cancelled before its new order is sent, so a
    // quote can move through its own old price).
    boolean bidNew = quoteCancel(bid, c.bid());
    boolean askNew = quoteCancel(ask, c.ask());
    // Phase 2: resize in place what stays at its price.
    if (!bidNew && c.bid() != null) {
      bidNew = quoteResize(a, bid, c.bid());
    }
    if (!askNew && c.ask() != null) {
      askNew = quoteResize(a, ask, c.ask());
    }
    // Phase 3: new post-only orders.
    if (bidNew) {
      quoteSend(a, Side.BUY, c.bid());
    }
    if (askNew) {
      quoteSend(a, Side.SELL, c.ask());
    }
  }

  /** Cancels a quote side that is removed or moves; returns whether the side needs a new order. */
  private boolean quoteCancel(ClientOrder current, QuoteSide wanted) {
    if (current == null) {
      return wanted != null;
    }
    if (wanted == null) {
      cancelOrder(current);
      return false;
    }
    if (wanted.price() != current.price) {
      cancelOverride = CancelReason.QUOTE_REPLACED;
      try {
        cancelOrder(current);
      } finally {
        cancelOverride = null;
      }
      return true;
    }
    return false;
  }

  /** Resizes a quote side staying at its price; returns whether it needs a new order instead. */
  private boolean quoteResize(ClientAccount a, ClientOrder current, QuoteSide wanted) {
    if (wanted.size() == current.remaining) {
      return false; // unchanged: keeps its queue place
    }
    if (wanted.size() <= 0) {
      reject(
          a.clientId,
          current.orderId,
          current.clientOrderId,
          ProblemCode.EXCHANGE_REJECTED,
          "size must be positive");
      return false;
    }
    if (halted() && wanted.size() > current.remaining) {
      reject(
          a.clientId,
          current.orderId,
          current.clientOrderId,
          ProblemCode.MARKET_HALTED,
          "simulation " + state);
      return false;
    }
    if (engine != null) {
      engine.replace(current.orderId, current.price, wanted.size());
      return false;
    }
    // A model market has no replace for many clients: cancel and send anew.
    cancelOverride = CancelReason.QUOTE_REPLACED;
    try {
      cancelOrder(current);
    } finally {
      cancelOverride = null;
    }
    return true;
  }

  private void quoteSend(ClientAccount a, Side side, QuoteSide wanted) {
    if (halted()) {
      reject(
          a.clientId, 0, wanted.clientOrderId(), ProblemCode.MARKET_HALTED, "simulation " + state);
      return;
    }
    String invalid = invalid(side, OrderType.POST_ONLY, wanted.price(), wanted.size());
    if (invalid != null) {
      reject(a.clientId, 0, wanted.clientOrderId(), ProblemCode.EXCHANGE_REJECTED, invalid);
      return;
    }
    send(a, wanted.clientOrderId(), side, OrderType.POST_ONLY, wanted.price(), wanted.size(), true);
  }

  // ---- order events (from either listener) ----

  private void accepted(ClientOrder o) {
    events.add(
        new ExchangeEvent.Accepted(
            o.clientId, o.orderId, o.clientOrderId, o.side, o.type, o.price, o.size, o.quote));
  }

  private void rejected(ClientOrder o, RejectReason reason, boolean submit) {
    ProblemCode code =
        switch (reason) {
          case POST_ONLY_WOULD_CROSS -> ProblemCode.POST_ONLY_WOULD_CROSS;
          case UNKNOWN_ORDER -> ProblemCode.ORDER_NOT_OPEN;
          default -> ProblemCode.EXCHANGE_REJECTED;
        };
    events.add(
        new ExchangeEvent.Rejected(o.clientId, o.orderId, o.clientOrderId, code, reason.name()));
    if (submit) {
      remove(o);
    }
  }

  private void filled(
      ClientOrder o, Side side, long price, long size, long remaining, boolean maker) {
    ClientAccount a = accounts.get(o.clientId);
    a.fill(side, price, size);
    o.filled += size;
    o.remaining = remaining;
    events.add(
        new ExchangeEvent.Filled(
            o.clientId, o.orderId, side, price, size, remaining, maker, a.view()));
    if (remaining <= 0) {
      remove(o);
    }
  }

  private void cancelled(ClientOrder o, long size, org.mmlab.lob.CancelReason reason) {
    CancelReason r = cancelOverride != null ? cancelOverride : CancelReason.valueOf(reason.name());
    o.remaining -= size;
    events.add(new ExchangeEvent.Cancelled(o.clientId, o.orderId, size, r));
    if (o.remaining <= 0) {
      remove(o);
    }
  }

  private void remove(ClientOrder o) {
    orders.remove(o.orderId);
    if (o.quote) {
      ClientAccount a = accounts.get(o.clientId);
      if (a.quoteBid == o.orderId) {
        a.quoteBid = 0;
      }
      if (a.quoteAsk == o.orderId) {
        a.quoteAsk = 0;
      }
    }
  }

  private void publicTrade(long price, long size, org.mmlab.lob.Side aggressor) {
    trades.add(
        new Trade(
            0, market.now(), instrument.price(price), instrument.size(size), apiSide(aggressor)));
  }

  /** Events from the matching engine (markets on the engine). */
  private final class EngineEvents implements OrderBookListener {
    private ClientOrder client(long orderId, long owner) {
      return accountsByOwner.containsKey(owner) ? orders.get(orderId) : null;
    }

    @Override
    public void onAccepted(
        long orderId,
        long owner,
        org.mmlab.lob.Side side,
        org.mmlab.lob.OrderType type,
        long price,
        long size) {
      ClientOrder o = client(orderId, owner);
      if (o != null) {
        accepted(o);
      }
    }

    @Override
    public void onRejected(CommandType command, long orderId, long owner, RejectReason reason) {
      // Client ids never reach the flow's range, and a rejected cancel names no owner.
      ClientOrder o = orderId <= Market.MAX_AGENT_ORDER_ID ? orders.get(orderId) : null;
      if (o != null) {
        rejected(o, reason, command == CommandType.SUBMIT);
      }
    }

    @Override
    public void onTrade(
        long makerOrderId,
        long takerOrderId,
        long makerOwner,
        long takerOwner,
        long price,
        long size,
        org.mmlab.lob.Side aggressorSide,
        long makerRemaining,
        long takerRemaining) {
      publicTrade(price, size, aggressorSide);
      ClientOrder maker = client(makerOrderId, makerOwner);
      if (maker != null) {
        filled(maker, maker.side, price, size, makerRemaining, true);
      }
      ClientOrder taker = client(takerOrderId, takerOwner);
      if (taker != null) {
        filled(taker, taker.side, price, size, takerRemaining, false);
      }
    }

    @Override
    public void onCancelled(
        long orderId,
        long owner,
        org.mmlab.lob.Side side,
        long price,
        long cancelledSize,
        org.mmlab.lob.CancelReason reason) {
      ClientOrder o = client(orderId, owner);
      if (o != null) {
        cancelled(o, cancelledSize, reason);
      }
    }

    @Override
    public void onReplaced(
        long orderId,
        long owner,
        org.mmlab.lob.Side side,
        long oldPrice,
        long oldSize,
        long newPrice,
        long newSize,
        boolean priorityKept) {
      ClientOrder o = client(orderId, owner);
      if (o != null) {
        o.price = newPrice;
        o.remaining = newSize;
        o.size = o.filled + newSize;
        events.add(
            new ExchangeEvent.Replaced(o.clientId, orderId, newPrice, newSize, priorityKept));
      }
    }

    @Override
    public void onLevelChanged(org.mmlab.lob.Side side, long price, long totalSize) {
      bookDirty = true;
    }
  }

  /** Market data and the shared agent's reports (markets traded through the agent API). */
  private final class AgentEvents implements MarketListener {
    @Override
    public void onBook(long timeNanos, org.mmlab.sim.BookSnapshot book) {
      if (engine == null) {
        agentBook.copyFrom(book);
        bookDirty = true;
      }
    }

    @Override
    public void onTrade(long timeNanos, long price, long size, org.mmlab.lob.Side aggressor) {
      if (engine == null) {
        publicTrade(price, size, aggressor);
      }
    }

    @Override
    public void onAccepted(long timeNanos, long orderId) {
      ClientOrder o = engine == null ? orders.get(orderId) : null;
      if (o != null) {
        accepted(o);
      }
    }

    @Override
    public void onRejected(long timeNanos, long orderId, RejectReason reason) {
      ClientOrder o = engine == null ? orders.get(orderId) : null;
      if (o != null) {
        rejected(o, reason, reason != RejectReason.UNKNOWN_ORDER);
      }
    }

    @Override
    public void onCancelled(
        long timeNanos, long orderId, long cancelledSize, org.mmlab.lob.CancelReason reason) {
      ClientOrder o = engine == null ? orders.get(orderId) : null;
      if (o != null) {
        cancelled(o, cancelledSize, reason);
      }
    }

    @Override
    public void onFill(
        long timeNanos,
        long orderId,
        org.mmlab.lob.Side side,
        long price,
        long size,
        long remaining,
        boolean maker,
        double fee) {
      ClientOrder o = engine == null ? orders.get(orderId) : null;
      if (o != null) {
        filled(o, apiSide(side), price, size, remaining, maker);
      }
    }
  }

  // ---- publishing ----

  /** Publishes pending trades and book changes, then the batch of client events. */
  private void flush(String ref) {
    for (Trade t : trades) {
      marketData.publish(
          encoder.apply(new Trade(++mdSeq, t.simTime(), t.price(), t.size(), t.aggressor())));
    }
    trades.clear();
    if (bookDirty) {
      List<PriceLevel> bids = new ArrayList<>();
      List<PriceLevel> asks = new ArrayList<>();
      diffBook(bids, asks);
      if (!bids.isEmpty() || !asks.isEmpty()) {
        marketData.publish(encoder.apply(new BookUpdate(++mdSeq, market.now(), bids, asks)));
      }
    }
    long bb = published.bestBid();
    long ba = published.bestAsk();
    boolean halted = halted();
    if (ref != null
        || !events.isEmpty()
        || bb != sentBid
        || ba != sentAsk
        || halted != sentHalted) {
      if (journal != null && journal.active()) {
        // The batch waits for its journal record to be durable (see commit).
        String batch =
            encoder.apply(
                new EventBatch(
                    ++sessionSeq, ref, market.now(), halted, bb, ba, List.copyOf(events)));
        journal.batch(batch);
        if (!sessions.isEmpty()) {
          heldSession.add(batch);
        }
      } else if (!sessions.isEmpty()) {
        sessions.publish(
            encoder.apply(
                new EventBatch(
                    ++sessionSeq, ref, market.now(), halted, bb, ba, List.copyOf(events))));
      }
      events.clear();
      sentBid = bb;
      sentAsk = ba;
      sentHalted = halted;
    }
  }

  /** Reads the market's current book into the published book, collecting the changed levels. */
  private void diffBook(List<PriceLevel> bids, List<PriceLevel> asks) {
    bookDirty = false;
    int n = published.maxLevels();
    int nb;
    int na;
    if (engine != null) {
      nb =
          engine.depth(
              org.mmlab.lob.Side.BID, n, published.nextBidPrices(), published.nextBidSizes());
      na =
          engine.depth(
              org.mmlab.lob.Side.ASK, n, published.nextAskPrices(), published.nextAskSizes());
    } else {
      nb = Math.min(n, agentBook.bidLevels());
      na = Math.min(n, agentBook.askLevels());
      System.arraycopy(agentBook.bidPrices(), 0, published.nextBidPrices(), 0, nb);
      System.arraycopy(agentBook.bidSizes(), 0, published.nextBidSizes(), 0, nb);
      System.arraycopy(agentBook.askPrices(), 0, published.nextAskPrices(), 0, na);
      System.arraycopy(agentBook.askSizes(), 0, published.nextAskSizes(), 0, na);
    }
    published.diff(nb, na, instrument, bids, asks);
  }

  /** Makes the published book the market's current one without publishing the change. */
  private void refreshBook() {
    bookDirty = true;
    diffBook(new ArrayList<>(), new ArrayList<>());
  }

  private BookSnapshot snapshot(long seq) {
    return new BookSnapshot(
        seq,
        market.now(),
        spec,
        instrument,
        published.bidLevels(instrument),
        published.askLevels(instrument));
  }

  private SessionState sessionState() {
    List<OpenOrder> open = new ArrayList<>(orders.size());
    for (ClientOrder o : orders.values()) {
      open.add(o.view());
    }
    List<ClientPosition> positions = new ArrayList<>(accounts.size());
    for (ClientAccount a : accounts.values()) {
      positions.add(a.view());
    }
    return new SessionState(
        sessionSeq,
        market.now(),
        instrument,
        halted(),
        published.bestBid(),
        published.bestAsk(),
        open,
        positions);
  }

  private void publishStats(long wall) {
    long marketEvents = market instanceof SimulatedMarket sm ? sm.eventsProcessed() : 0;
    long total = eventsBase + marketEvents + commands;
    statEvents = total;
    long bb = published.bestBid();
    long ba = published.bestAsk();
    statSpread = bb > 0 && ba > 0 ? ba - bb : -1;
    statBidDepth = published.bidDepth();
    statAskDepth = published.askDepth();
    double rate = status == null ? 0 : status.eventsPerSecond();
    if (rateWindowStart == 0) {
      rateWindowStart = wall;
      rateWindowEvents = total;
    } else if (wall - rateWindowStart >= 1_000_000_000L) {
      rate = (total - rateWindowEvents) * 1e9 / (wall - rateWindowStart);
      rateWindowStart = wall;
      rateWindowEvents = total;
    }
    status =
        new SimulationStatus(
            state,
            spec,
            seed,
            clock.speed(),
            instrument,
            market.now(),
            total,
            rate,
            bb > 0 ? instrument.price(bb) : null,
            ba > 0 ? instrument.price(ba) : null,
            marketData.size(),
            sessions.size());
  }

  // ---- the journal's view ----

  SimulationState simulationState() {
    return state;
  }

  double clockSpeed() {
    return clock.speed();
  }

  /**
   * A hash of everything the journal must restore: the engine's book (orders, priorities), the
   * market's time, and every client order and account. (Not the clock's state: start-up settings
   * may hold a recovered market still.)
   */
  long stateHash() {
    long h = 0x6d6d6c6162L;
    h = mix(h, engine != null ? engine.stateHash() : 0);
    h = mix(h, market.now());
    h = mix(h, nextOrderId);
    for (ClientOrder o : orders.values()) {
      h = mix(h, o.orderId);
      h = mix(h, o.price);
      h = mix(h, o.remaining);
      h = mix(h, o.filled);
    }
    for (ClientAccount a : accounts.values()) {
      h = mix(h, a.owner);
      h = mix(h, a.position);
      h = mix(h, a.cash);
      h = mix(h, a.quoteBid);
      h = mix(h, a.quoteAsk);
    }
    return h;
  }

  private static long mix(long h, long v) {
    long x = (h ^ v) * 0x9E3779B97F4A7C15L;
    return x ^ (x >>> 31);
  }

  /** Writes what base and snapshot records start with: the format, the market and the clock. */
  private void writeMarketHeader(ByteBuffer b) {
    b.putInt(JournalCodec.VERSION);
    JournalCodec.putString(b, spec);
    b.putLong(seed);
    b.putDouble(clock.speed());
    JournalCodec.putString(b, state.name());
  }

  /** What {@link #writeMarketHeader} wrote. */
  private record MarketHeader(String spec, long seed, double speed, SimulationState state) {
    static MarketHeader read(ByteBuffer b, String record) {
      int version = b.getInt();
      if (version != JournalCodec.VERSION) {
        throw new IllegalStateException(record + " version " + version + " is not supported");
      }
      String spec = JournalCodec.getString(b);
      long seed = b.getLong();
      double speed = b.getDouble();
      return new MarketHeader(
          spec, seed, speed, SimulationState.valueOf(JournalCodec.getString(b)));
    }
  }

  /** Writes the journal's base record: the market to build and the accounts to start with. */
  void writeBase(ByteBuffer b) {
    writeMarketHeader(b);
    b.putLong(nextOrderId);
    b.putInt(accounts.size());
    for (ClientAccount a : accounts.values()) {
      a.write(b);
    }
  }

  /** Rebuilds the market and the accounts from a base record (recovery). */
  void applyBase(ByteBuffer b) {
    MarketHeader h = MarketHeader.read(b, "journal base");
    nextOrderId = b.getLong();
    int n = b.getInt();
    for (int i = 0; i < n; i++) {
      ClientAccount a = ClientAccount.read(b);
      accounts.put(a.clientId, a);
      accountsByOwner.put(a.owner, a);
    }
    install(buildMarket(h.spec()), h.spec(), h.seed());
    state = h.state();
    clock.setSpeed(h.speed(), market.now(), System.nanoTime());
  }

  /** Whether the market can be snapshotted (zi, hawkes); the others recover by full replay. */
  boolean canSnapshot() {
    return market instanceof SimulatedMarket sm && sm.snapshots();
  }

  /** Whether nothing is half-done between two steps (no pending events, trades or messages). */
  boolean quiescent() {
    return events.isEmpty() && trades.isEmpty() && heldSession.isEmpty() && cancelOverride == null;
  }

  /**
   * Writes a snapshot record: everything {@link #applySnapshot} needs to resume exactly (the
   * market's own state, the client accounts and orders, sequence numbers and the clock), then the
   * state hash it must restore to.
   */
  void writeSnapshot(ByteBuffer b) {
    writeMarketHeader(b);
    b.putLong(nextOrderId).putLong(mdSeq).putLong(sessionSeq);
    b.putLong(sentBid).putLong(sentAsk).put((byte) (sentHalted ? 1 : 0));
    b.putLong(eventsBase).putLong(commands);
    b.putInt(accounts.size());
    for (ClientAccount a : accounts.values()) {
      a.write(b);
      b.putLong(a.quoteBid).putLong(a.quoteAsk);
    }
    b.putInt(orders.size());
    for (ClientOrder o : orders.values()) {
      JournalCodec.putString(b, o.clientId);
      b.putLong(o.orderId);
      JournalCodec.putString(b, o.clientOrderId);
      JournalCodec.putString(b, o.side.name());
      JournalCodec.putString(b, o.type.name());
      b.put((byte) (o.quote ? 1 : 0));
      b.putLong(o.price).putLong(o.size).putLong(o.filled).putLong(o.remaining);
    }
    ((SimulatedMarket) market).saveState(b);
    b.putLong(stateHash());
  }

  /**
   * Restores the exchange from a snapshot record (recovery).
   *
   * @throws IllegalStateException when the record is malformed or does not restore to its hash (the
   *     caller then discards what was restored: {@link #discardRecovered})
   */
  void applySnapshot(ByteBuffer b) {
    MarketHeader h = MarketHeader.read(b, "journal snapshot");
    nextOrderId = b.getLong();
    mdSeq = b.getLong();
    sessionSeq = b.getLong();
    sentBid = b.getLong();
    sentAsk = b.getLong();
    sentHalted = b.get() != 0;
    eventsBase = b.getLong();
    commands = b.getLong();
    int n = b.getInt();
    for (int k = 0; k < n; k++) {
      ClientAccount a = ClientAccount.read(b);
      a.quoteBid = b.getLong();
      a.quoteAsk = b.getLong();
      accounts.put(a.clientId, a);
      accountsByOwner.put(a.owner, a);
    }
    n = b.getInt();
    for (int k = 0; k < n; k++) {
      String client = JournalCodec.getString(b);
      long id = b.getLong();
      String coid = JournalCodec.getString(b);
      Side side = Side.valueOf(JournalCodec.getString(b));
      OrderType type = OrderType.valueOf(JournalCodec.getString(b));
      boolean quote = b.get() != 0;
      ClientOrder o = new ClientOrder(client, id, coid, side, type, b.getLong(), 0, quote);
      o.size = b.getLong();
      o.filled = b.getLong();
      o.remaining = b.getLong();
      orders.put(id, o);
    }
    Market m = buildMarket(h.spec());
    if (!(m instanceof SimulatedMarket sm) || !sm.snapshots()) {
      closeMarket(m);
      throw new IllegalStateException("market " + h.spec() + " cannot be restored from a snapshot");
    }
    try {
      sm.restoreState(b); // before the exchange listens: restoring reports nothing
    } catch (RuntimeException e) {
      closeMarket(m);
      throw e;
    }
    attach(m, h.spec(), h.seed());
    state = h.state();
    clock.setSpeed(h.speed(), market.now(), System.nanoTime());
    long want = b.getLong();
    long got = stateHash();
    if (want != got) {
      throw new IllegalStateException(
          "journal snapshot restores to state hash "
              + Long.toHexString(got)
              + ", not its journaled "
              + Long.toHexString(want));
    }
  }

  /** Forgets a partly restored state (a snapshot that did not restore) before another attempt. */
  void discardRecovered() {
    if (market != null) {
      closeMarket(market);
    }
    market = null;
    engine = null;
    accounts.clear();
    accountsByOwner.clear();
    orders.clear();
    nextOrderId = 1;
    mdSeq = 0;
    sessionSeq = 0;
    sentBid = -1;
    sentAsk = -1;
    sentHalted = false;
    eventsBase = 0;
    commands = 0;
  }

  /** Replays a journaled advance as the exchange loop made it (advance, then publish). */
  void replayAdvance(long target) {
    advanceTo(target);
    flush(null);
  }

  /** Replays a journaled clock change. */
  void replayClock(SimulationState st, double speed) {
    state = st;
    clock.setSpeed(speed, market.now(), System.nanoTime());
  }

  /** After a recovery: the clock runs again if it ran before the crash and start-up allows it. */
  private void resumeAfterRecovery() {
    long wall = System.nanoTime();
    if (state == SimulationState.RUNNING) {
      if (settings.autoStart()) {
        clock.start(market.now(), wall);
      } else {
        clock.stop();
        state = SimulationState.STOPPED;
        journalClock();
      }
    } else {
      clock.stop();
    }
  }

  /**
   * The journal's state, or null without a journal.
   *
   * @return the status
   */
  public JournalStatus journalStatus() {
    return journal == null ? null : journal.status();
  }

  /**
   * The exchange's state hash (book, market time, client orders and accounts), computed on the
   * exchange thread: equal hashes mean equal states.
   *
   * @return the hash
   */
  public CompletableFuture<Long> stateHashNow() {
    CompletableFuture<Long> f = new CompletableFuture<>();
    if (!post(() -> f.complete(stateHash()))) {
      f.completeExceptionally(new IllegalStateException("exchange closed"));
    }
    return f;
  }

  // ---- markets ----

  private Market buildMarket(String s) {
    MarketConditions conditions =
        new MarketConditions(
            LatencyModel.constant(0),
            LatencyModel.constant(0),
            Fees.NONE,
            Math.min(100, settings.bookLevels()));
    return builder.build(s, conditions);
  }

  private void install(Market m, String s, long sd) {
    if (market instanceof SimulatedMarket sm) {
      eventsBase += sm.eventsProcessed();
    }
    attach(m, s, sd);
    m.reset(sd);
    // Deliver the book the agent API holds at the start (markets traded through it publish their
    // book only through the listener).
    m.advanceTo(m.now());
    bookDirty = true;
  }

  /** Makes a market the exchange's and listens to it (its state is reset or restored after). */
  private void attach(Market m, String s, long sd) {
    market = m;
    spec = s;
    seed = sd;
    Instrument i = m.instrument();
    instrument = new InstrumentInfo(i.symbol(), i.tickSize(), i.lotSize());
    agentBook.clear();
    m.setListener(new AgentEvents());
    if (m instanceof EngineMarket em) {
      engine = em.book();
      engine.addListener(new EngineEvents());
    } else {
      engine = null;
    }
  }

  private static void closeMarket(Market m) {
    if (m instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "closing market failed", e);
      }
    }
  }

  private static org.mmlab.lob.Side lobSide(Side side) {
    return side == Side.BUY ? org.mmlab.lob.Side.BID : org.mmlab.lob.Side.ASK;
  }

  private static Side apiSide(org.mmlab.lob.Side side) {
    return side == org.mmlab.lob.Side.BID ? Side.BUY : Side.SELL;
  }

  private static org.mmlab.lob.OrderType lobType(OrderType type) {
    return org.mmlab.lob.OrderType.valueOf(type.name());
  }
}
