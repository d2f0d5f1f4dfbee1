package org.mmlab.service.marketdata.exchange;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mmlab.api.exchange.ExchangeCommand;
import org.mmlab.api.simulation.SimulationState;
import org.mmlab.service.marketdata.journal.JournalReader;
import org.mmlab.service.marketdata.journal.JournalWriter;

/**
 * The exchange's journal: its inputs (market advances, client commands, clock changes) and its
 * outputs (the event batches sent to the gateway), with a state hash at every sync point. The
 * market models are deterministic given their seed and the sequence of inputs, so replaying the
 * inputs from the journal's base record rebuilds the book, the orders and the positions exactly;
 * the hashes prove it. A market reset starts a new journal (the base carries the positions over).
 *
 * <p><b>Sync policy (group commit).</b> Records are buffered; at the end of each exchange-thread
 * step the journal is synced (a hash record, then {@code fsync}) if an event batch for the gateway
 * is waiting, and those batches are released only then. So every answer the gateway acknowledges
 * (2xx) and every fill it reports is durable first. Records of the background market alone are
 * synced at least every {@code journalSyncNanos}; after a crash the market resumes from the last
 * durable point, which public market data may have run ahead of by at most that interval.
 *
 * <p>Exchange thread only, except {@link #status()}.
 */
final class ExchangeJournal implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ExchangeJournal.class.getName());

  /** The journal's file name inside its directory. */
  static final String FILE = "exchange.journal";

  private final Path file;
  private final long syncNanos;
  private ByteBuffer scratch = ByteBuffer.allocate(1 << 16);
  private JournalWriter writer;
  private boolean replaying;
  private long lastSync = System.nanoTime();
  private SimulationState journaledState;
  private double journaledSpeed;
  private volatile JournalStatus.Recovery recovery;
  private volatile long durableLength;
  private volatile long durableHash;
  private long length;

  ExchangeJournal(Path dir, long syncNanos) {
    this.file = dir.resolve(FILE);
    this.syncNanos = syncNanos;
  }

  boolean exists() {
    return Files.exists(file);
  }

  /** Whether records are being written (not replaying). */
  boolean active() {
    return writer != null && !replaying;
  }

  /** Starts a new journal from the exchange's current state (start-up or market reset). */
  void restart(ExchangeCore core) {
    ByteBuffer b = encode(core::writeBase);
    if (writer == null) {
      writer = JournalWriter.create(file, JournalCodec.BASE, b);
    } else {
      writer.restart(JournalCodec.BASE, b);
    }
    length = writer.bytes();
    journaledState = core.simulationState();
    journaledSpeed = core.clockSpeed();
    durableLength = length;
    durableHash = core.stateHash();
    lastSync = System.nanoTime();
  }

  private interface Encoder {
    void write(ByteBuffer b);
  }

  /** Encodes into the scratch buffer, growing it when a payload does not fit. */
  private ByteBuffer encode(Encoder e) {
    while (true) {
      scratch.clear();
      try {
        e.write(scratch);
        return scratch.flip();
      } catch (BufferOverflowException overflow) {
        scratch = ByteBuffer.allocate(scratch.capacity() * 2);
      }
    }
  }

  private void append(byte type, ByteBuffer payload) {
    long before = writer.bytes();
    writer.append(type, payload);
    length += writer.bytes() - before;
  }

  void advance(long target) {
    if (active()) {
      scratch.clear();
      append(JournalCodec.ADVANCE, scratch.putLong(target).flip());
    }
  }

  void command(ExchangeCommand command) {
    if (!active()) {
      return;
    }
    while (true) { // no lambda here: this is the order path
      scratch.clear();
      try {
        JournalCodec.putCommand(scratch, command);
        break;
      } catch (BufferOverflowException overflow) {
        scratch = ByteBuffer.allocate(scratch.capacity() * 2);
      }
    }
    append(JournalCodec.COMMAND, scratch.flip());
  }

  void clock(SimulationState state, double speed) {
    if (active() && (state != journaledState || speed != journaledSpeed)) {
      journaledState = state;
      journaledSpeed = speed;
      append(
          JournalCodec.CLOCK,
          encode(
              b -> {
                JournalCodec.putString(b, state.name());
                b.putDouble(speed);
              }));
    }
  }

  void batch(String json) {
    append(JournalCodec.BATCH, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Syncs when a gateway message waits, when forced, or when background records have waited the
   * sync interval.
   *
   * @return whether waiting messages may be released
   */
  boolean commit(ExchangeCore core, boolean force) {
    if (!active()) {
      return false;
    }
    long now = System.nanoTime();
    boolean held = core.holdsSessionMessages();
    if (!held && !force && !(writer.unsynced() && now - lastSync >= syncNanos)) {
      return false;
    }
    if (writer.unsynced()) {
      long hash = core.stateHash();
      scratch.clear();
      append(JournalCodec.HASH, scratch.putLong(hash).flip());
      writer.sync();
      durableLength = length;
      durableHash = hash;
    }
    lastSync = now;
    return true;
  }

  /**
   * Rebuilds the exchange from the journal: the base, then every input in order, checking the hash
   * at every sync point. A torn or corrupt tail (a crash mid-write) is cut off.
   *
   * @throws IllegalStateException when the journal has no base or the replay diverges from it
   */
  void recover(ExchangeCore core) {
    long t0 = System.nanoTime();
    long checkpoints = 0;
    long lastHash = 0;
    long lastHashEnd = 0;
    long afterLast = 0;
    long valid;
    long torn;
    long records;
    replaying = true;
    try (JournalReader r = new JournalReader(file)) {
      if (!r.next() || r.type() != JournalCodec.BASE) {
        throw new IllegalStateException(
            "journal " + file + " has no valid base record; move it away to start afresh");
      }
      core.applyBase(r.payload());
      while (r.next()) {
        ByteBuffer p = r.payload();
        afterLast++;
        switch (r.type()) {
          case JournalCodec.ADVANCE -> core.replayAdvance(p.getLong());
          case JournalCodec.COMMAND -> core.handle(JournalCodec.getCommand(p));
          case JournalCodec.CLOCK ->
              core.replayClock(SimulationState.valueOf(JournalCodec.getString(p)), p.getDouble());
          case JournalCodec.BATCH -> {
            // an output: replay produces it again
          }
          case JournalCodec.HASH -> {
            long want = p.getLong();
            long got = core.stateHash();
            if (want != got) {
              throw new IllegalStateException(
                  "journal "
                      + file
                      + " replay diverged at record "
                      + r.records()
                      + ": state hash "
                      + Long.toHexString(got)
                      + ", journaled "
                      + Long.toHexString(want));
            }
            checkpoints++;
            lastHash = want;
            lastHashEnd = r.validLength();
            afterLast = 0;
          }
          default ->
              throw new IllegalStateException(
                  "journal "
                      + file
                      + ": unknown record type "
                      + r.type()
                      + " at record "
                      + r.records());
        }
      }
      valid = r.validLength();
      torn = r.tornBytes();
      records = r.records();
    } finally {
      replaying = false;
    }
    writer = JournalWriter.append(file, valid);
    length = valid;
    journaledState = core.simulationState();
    journaledSpeed = core.clockSpeed();
    long hash = core.stateHash();
    durableLength = valid;
    durableHash = afterLast == 0 ? lastHash : hash;
    long millis = (System.nanoTime() - t0) / 1_000_000;
    recovery =
        new JournalStatus.Recovery(
            records, valid, torn, checkpoints, lastHash, lastHashEnd, afterLast, hash, millis);
    LOG.log(
        System.Logger.Level.INFO,
        "recovered the exchange from {0}: {1} records ({2} bytes, {3} torn bytes dropped) in {4}"
            + " ms, {5} checkpoints verified, state hash {6}",
        file,
        records,
        valid,
        torn,
        millis,
        checkpoints,
        Long.toHexString(hash));
  }

  /** What the journal holds and what the last recovery found (any thread). */
  JournalStatus status() {
    JournalWriter w = writer;
    return new JournalStatus(
        file.toString(),
        durableLength,
        durableHash,
        w == null ? 0 : w.records(),
        w == null ? 0 : w.syncs(),
        recovery);
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
