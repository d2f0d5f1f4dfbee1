package org.mmlab.sim;

import java.nio.ByteBuffer;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.core.EventQueue;
import org.mmlab.sim.core.LatencyModel;
import org.mmlab.sim.core.Rng;

/**
 * The event loop every simulated market shares: one time-ordered {@link EventQueue} for the model's
 * events and the agent's commands (which reach the exchange after the order-entry latency, in the
 * order sent), and an {@link AgentFeed} that carries market data and execution reports back after
 * the market-data latency. Subclasses supply the exchange: what a model event does and how an agent
 * command is executed.
 */
public abstract class SimulatedMarket implements Market {
  /** Event kind of the model's own events; subclasses use kinds from this value up. */
  protected static final int KIND_MODEL = 16;

  private static final int KIND_AGENT_COMMAND = 1;

  /** Command code: new order. */
  protected static final byte CMD_SUBMIT = 1;

  /** Command code: cancel. */
  protected static final byte CMD_CANCEL = 2;

  /** Command code: replace. */
  protected static final byte CMD_REPLACE = 3;

  private static final OrderType[] ORDER_TYPES = OrderType.values();

  /** The one time-ordered queue. */
  protected final EventQueue queue = new EventQueue(1024);

  /** The episode's generator; every random draw of the market comes from it. */
  protected final Rng rng = new Rng(0);

  /** The wire back to the agent. */
  protected final AgentFeed feed;

  private final String spec;
  private final Instrument instrument;
  private final LatencyModel entryLatency;

  /** Fees applied to the agent's fills. */
  protected final Fees fees;

  private MarketListener listener = new MarketListener() {};
  private long now;
  private long eventsProcessed;

  private byte[] cmdType = new byte[64];
  private long[] cmdId = new long[64];
  private long[] cmdPrice = new long[64];
  private long[] cmdSize = new long[64];
  private byte[] cmdSide = new byte[64];
  private byte[] cmdOrderType = new byte[64];
  private int cmdHead;
  private int cmdCount;
  private long lastCommandArrival;

  /**
   * Creates the loop.
   *
   * @param spec the spec string the market was built from
   * @param instrument what is traded
   * @param conditions latencies, fees and book depth published to the agent
   */
  protected SimulatedMarket(String spec, Instrument instrument, MarketConditions conditions) {
    this.spec = spec;
    this.instrument = instrument;
    this.entryLatency = conditions.orderEntryLatency();
    this.fees = conditions.fees();
    this.feed = new AgentFeed(conditions.bookLevels(), conditions.marketDataLatency(), rng);
  }

  @Override
  public final String spec() {
    return spec;
  }

  @Override
  public final Instrument instrument() {
    return instrument;
  }

  @Override
  public final void setListener(MarketListener listener) {
    this.listener = listener;
  }

  @Override
  public final long now() {
    return now;
  }

  @Override
  public boolean exhausted() {
    return false;
  }

  @Override
  public final void reset(long seed) {
    rng.reseed(seed);
    queue.clear();
    feed.clear();
    cmdHead = 0;
    cmdCount = 0;
    now = 0;
    lastCommandArrival = 0;
    long start = startModel();
    // Let the model reach its starting state before the agent's clock starts.
    while (queue.peekTime() <= start) {
      queue.pop();
      now = queue.time();
      onModelEvent(queue.kind(), queue.arg0(), queue.arg1());
    }
    now = start;
    lastCommandArrival = start;
    feed.clear();
    feed.nextWithoutLatency();
    publishBook();
  }

  /**
   * Clears the exchange and schedules the model's first events; called by {@link #reset} after the
   * loop's own state is cleared and the generator reseeded.
   *
   * @return the simulated time at which the agent starts (model events up to it run first)
   */
  protected abstract long startModel();

  /**
   * Handles one of the model's events at its time.
   *
   * @param kind the event kind ({@code >= KIND_MODEL})
   * @param arg0 first argument
   * @param arg1 second argument
   */
  protected abstract void onModelEvent(int kind, long arg0, long arg1);

  /**
   * Executes one agent command at the exchange, reporting through {@link #feed}.
   *
   * @param command {@link #CMD_SUBMIT}, {@link #CMD_CANCEL} or {@link #CMD_REPLACE}
   * @param orderId the agent's order id (already checked to be in range)
   * @param side side (submit only)
   * @param type order type (submit only)
   * @param price price in ticks (submit and replace)
   * @param size lots (submit and replace)
   */
  protected abstract void executeCommand(
      byte command, long orderId, Side side, OrderType type, long price, long size);

  /** Publishes the exchange's current visible book to the feed. */
  protected abstract void publishBook();

  /**
   * Whether the last event or command changed the visible book; the loop then publishes it.
   *
   * @return true to publish (implementations reset their flag)
   */
  protected abstract boolean takeBookChanged();

  @Override
  public final void advanceTo(long timeNanos) {
    if (timeNanos < now) {
      throw new IllegalArgumentException("time cannot go back: " + timeNanos + " < " + now);
    }
    while (true) {
      long tq = queue.peekTime();
      long tf = feed.peekTime();
      if (tq <= tf) {
        if (tq > timeNanos) {
          break;
        }
        queue.pop();
        now = tq;
        eventsProcessed++;
        if (queue.kind() == KIND_AGENT_COMMAND) {
          executeAgentCommand();
        } else {
          onModelEvent(queue.kind(), queue.arg0(), queue.arg1());
        }
        if (takeBookChanged()) {
          publishBook();
        }
      } else {
        if (tf > timeNanos) {
          break;
        }
        now = tf;
        feed.deliverOne(listener);
      }
    }
    now = timeNanos;
  }

  /**
   * Exchange events (model events and agent commands) processed since creation, warm-ups excluded:
   * the simulator's unit of work for throughput figures.
   *
   * @return the count
   */
  public final long eventsProcessed() {
    return eventsProcessed;
  }

  /**
   * Whether this market can write its exact state with {@link #saveState} (a snapshot) and resume
   * from it with {@link #restoreState}. Markets whose state lies outside the process (a replay's
   * file position and read-ahead) or that have not implemented it answer false.
   *
   * @return true when snapshots are supported
   */
  public boolean snapshots() {
    return false;
  }

  /**
   * Writes the market's exact state: clock, generator, event queue, commands and messages in
   * flight, and the model's own state. A market rebuilt from the same spec and given this state
   * with {@link #restoreState} continues exactly as this one would. Not for hot paths.
   *
   * @param out where to write (a {@link java.nio.BufferOverflowException} asks for a larger one)
   * @throws UnsupportedOperationException when {@link #snapshots()} is false
   */
  public final void saveState(ByteBuffer out) {
    if (!snapshots()) {
      throw new UnsupportedOperationException("market " + spec + " does not support snapshots");
    }
    out.putLong(now).putLong(eventsProcessed).putLong(lastCommandArrival);
    rng.saveState(out);
    queue.saveState(out);
    out.putInt(cmdCount);
    for (int k = 0; k < cmdCount; k++) {
      int i = (cmdHead + k) & (cmdType.length - 1);
      out.put(cmdType[i]).putLong(cmdId[i]).putLong(cmdPrice[i]).putLong(cmdSize[i]);
      out.put(cmdSide[i]).put(cmdOrderType[i]);
    }
    feed.saveState(out);
    saveModel(out);
  }

  /**
   * Restores a state written by {@link #saveState} on a market built from the same spec, in place
   * of {@link #reset}. The listener is not called for anything restored.
   *
   * @param in where to read
   * @throws UnsupportedOperationException when {@link #snapshots()} is false
   * @throws IllegalStateException when the state is malformed
   */
  public final void restoreState(ByteBuffer in) {
    if (!snapshots()) {
      throw new UnsupportedOperationException("market " + spec + " does not support snapshots");
    }
    now = in.getLong();
    eventsProcessed = in.getLong();
    lastCommandArrival = in.getLong();
    rng.restoreState(in);
    queue.restoreState(in);
    int n = in.getInt();
    if (n < 0 || n > in.remaining() / 27) {
      throw new IllegalStateException("market snapshot holds a bad command count: " + n);
    }
    cmdHead = 0;
    cmdCount = 0;
    for (int k = 0; k < n; k++) {
      if (cmdCount == cmdType.length) {
        growCommands();
      }
      cmdType[k] = in.get();
      cmdId[k] = in.getLong();
      cmdPrice[k] = in.getLong();
      cmdSize[k] = in.getLong();
      cmdSide[k] = in.get();
      cmdOrderType[k] = in.get();
      cmdCount++;
    }
    feed.restoreState(in);
    restoreModel(in);
  }

  /**
   * Writes the model's own state (after the loop's); markets that answer {@link #snapshots()} true
   * override it.
   *
   * @param out where to write
   */
  protected void saveModel(ByteBuffer out) {
    throw new UnsupportedOperationException("market " + spec + " does not support snapshots");
  }

  /**
   * Restores what {@link #saveModel} wrote.
   *
   * @param in where to read
   */
  protected void restoreModel(ByteBuffer in) {
    throw new UnsupportedOperationException("market " + spec + " does not support snapshots");
  }

  @Override
  public final void submit(long orderId, Side side, OrderType type, long price, long size) {
    int i = enqueue(CMD_SUBMIT, orderId, price, size);
    cmdSide[i] = (byte) side.ordinal();
    cmdOrderType[i] = (byte) type.ordinal();
  }

  @Override
  public final void cancel(long orderId) {
    enqueue(CMD_CANCEL, orderId, 0, 0);
  }

  @Override
  public final void replace(long orderId, long price, long size) {
    enqueue(CMD_REPLACE, orderId, price, size);
  }

  private int enqueue(byte type, long orderId, long price, long size) {
    if (cmdCount == cmdType.length) {
      growCommands();
    }
    int i = (cmdHead + cmdCount) & (cmdType.length - 1);
    cmdType[i] = type;
    cmdId[i] = orderId;
    cmdPrice[i] = price;
    cmdSize[i] = size;
    cmdSide[i] = 0;
    cmdOrderType[i] = 0;
    cmdCount++;
    // One connection: commands arrive in the order sent, whatever the sampled latency.
    long arrival = Math.max(lastCommandArrival, now + entryLatency.sample(rng));
    lastCommandArrival = arrival;
    queue.schedule(arrival, KIND_AGENT_COMMAND, 0, 0);
    return i;
  }

  private void executeAgentCommand() {
    int i = cmdHead;
    cmdHead = (cmdHead + 1) & (cmdType.length - 1);
    cmdCount--;
    long id = cmdId[i];
    if (id < 1 || id > MAX_AGENT_ORDER_ID) {
      feed.rejected(now, id, RejectReason.BAD_ORDER_ID);
      return;
    }
    executeCommand(
        cmdType[i],
        id,
        cmdSide[i] == 0 ? Side.BID : Side.ASK,
        ORDER_TYPES[cmdOrderType[i]],
        cmdPrice[i],
        cmdSize[i]);
  }

  private void growCommands() {
    int cap = cmdType.length;
    byte[] t = new byte[cap * 2];
    long[] id = new long[cap * 2];
    long[] p = new long[cap * 2];
    long[] s = new long[cap * 2];
    byte[] sd = new byte[cap * 2];
    byte[] ot = new byte[cap * 2];
    for (int k = 0; k < cmdCount; k++) {
      int from = (cmdHead + k) & (cap - 1);
      t[k] = cmdType[from];
      id[k] = cmdId[from];
      p[k] = cmdPrice[from];
      s[k] = cmdSize[from];
      sd[k] = cmdSide[from];
      ot[k] = cmdOrderType[from];
    }
    cmdType = t;
    cmdId = id;
    cmdPrice = p;
    cmdSize = s;
    cmdSide = sd;
    cmdOrderType = ot;
    cmdHead = 0;
  }
}
