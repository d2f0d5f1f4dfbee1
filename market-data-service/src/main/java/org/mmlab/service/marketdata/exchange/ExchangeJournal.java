package org.mmlab.service.marketdata.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * <p><b>Segments and snapshots.</b> The journal file holds one segment: its first record is a base
 * (the market from its seed: at start-up and at each reset) or a snapshot (the exchange's whole
 * state, markets that support it: zi, hawkes), then the inputs since. Once a segment holds {@code
 * snapshotRecords} records, the exchange thread writes a snapshot at the next sync point: the
 * segment ends with a {@link JournalCodec#NEXT} record (the hash the snapshot starts from), the
 * snapshot is written to a temporary file and fsynced, the segment is renamed to {@link #PREVIOUS}
 * (replacing the one before it, which is deleted that way) and the temporary file renamed into
 * place. Recovery loads the snapshot and replays only what follows it. When the snapshot record is
 * unreadable (corrupt) or does not restore to its hash, recovery replays the previous segment from
 * its own base or snapshot, checks that it ends at the hash its {@code NEXT} record names, and
 * continues with the records after the bad snapshot.
 *
 * <p>Exchange thread only, except {@link #status()}.
 */
final class ExchangeJournal implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(ExchangeJournal.class.getName());

  /** The journal's file name inside its directory (the current segment). */
  static final String FILE = "exchange.journal";

  /** The previous segment's file name (kept for recovery from an unreadable snapshot). */
  static final String PREVIOUS = "exchange.journal.prev";

  private final Path file;
  private final Path previous;
  private final long syncNanos;
  private final long snapshotRecords;
  private ByteBuffer scratch = ByteBuffer.allocate(1 << 16);
  private final ByteBuffer next = ByteBuffer.allocate(9);
  private JournalWriter writer;
  private boolean replaying;
  private long lastSync = System.nanoTime();
  private SimulationState journaledState;
  private double journaledSpeed;
  private long segmentRecords;
  private boolean snapshotRefusedLogged;
  private volatile JournalStatus.Recovery recovery;
  private volatile long durableLength;
  private volatile long durableHash;
  private volatile long snapshots;
  private volatile long lastSnapshotBytes;
  private volatile long lastSnapshotNanos;
  private volatile long maxSnapshotNanos;

  // The replay's progress (recovery only).
  private long checkpoints;
  private long lastHash;
  private long lastHashEnd;
  private long afterLast;
  private byte nextType;

  /**
   * Opens the journal of a directory (nothing is read or written until {@link #recover} or {@link
   * #restart}).
   *
   * @param dir the directory
   * @param syncNanos longest time background records stay unsynced
   * @param snapshotRecords records a segment holds before a snapshot starts the next (0: never)
   */
  ExchangeJournal(Path dir, long syncNanos, long snapshotRecords) {
    this.file = dir.resolve(FILE);
    this.previous = dir.resolve(PREVIOUS);
    this.syncNanos = syncNanos;
    this.snapshotRecords = snapshotRecords;
  }

  /** Whether there is a journal to recover (a rotation cut short leaves only the previous one). */
  boolean exists() {
    return Files.exists(file) || Files.exists(previous);
  }

  /** Whether records are being written (not replaying). */
  boolean active() {
    return writer != null && !replaying;
  }

  /** Starts a new segment from the exchange's current state (start-up or market reset). */
  void restart(ExchangeCore core) {
    ByteBuffer b = encode(core::writeBase);
    if (writer == null) {
      writer = JournalWriter.create(file, JournalCodec.BASE, b);
    } else {
      writer.append(JournalCodec.NEXT, nextRecord(JournalCodec.BASE, core.stateHash()));
      writer.rotate(JournalCodec.BASE, b, previous);
    }
    segmentRecords = 1;
    snapshotRefusedLogged = false;
    journaledState = core.simulationState();
    journaledSpeed = core.clockSpeed();
    durableLength = writer.length();
    durableHash = core.stateHash();
    lastSync = System.nanoTime();
  }

  private ByteBuffer nextRecord(byte type, long hash) {
    next.clear();
    return next.put(type).putLong(hash).flip();
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
    writer.append(type, payload);
    segmentRecords++;
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
      durableLength = writer.length();
      durableHash = hash;
    }
    lastSync = now;
    return true;
  }

  /**
   * Writes a snapshot and starts a new segment from it when the segment is long enough, the journal
   * is synced and the market supports snapshots (called after the waiting messages were released,
   * so the pause delays only the next step).
   */
  void maybeSnapshot(ExchangeCore core) {
    if (!active()
        || snapshotRecords <= 0
        || segmentRecords < snapshotRecords
        || writer.unsynced()
        || !core.quiescent()) {
      return;
    }
    if (!core.canSnapshot()) {
      if (!snapshotRefusedLogged) {
        snapshotRefusedLogged = true;
        LOG.log(
            System.Logger.Level.INFO,
            "market {0} cannot be snapshotted: recovery replays its journal from the base (the"
                + " market''s start or last reset)",
            core.status() == null ? "" : core.status().market());
      }
      return;
    }
    long t0 = System.nanoTime();
    ByteBuffer b = encode(core::writeSnapshot);
    if (b.remaining() > JournalWriter.MAX_PAYLOAD) {
      LOG.log(
          System.Logger.Level.WARNING,
          "exchange snapshot of {0} bytes exceeds the record limit; trying again after {1} records",
          b.remaining(),
          snapshotRecords);
      segmentRecords = 0;
      return;
    }
    int bytes = b.remaining();
    long hash = core.stateHash();
    append(JournalCodec.NEXT, nextRecord(JournalCodec.SNAPSHOT, hash));
    writer.rotate(JournalCodec.SNAPSHOT, b, previous);
    segmentRecords = 1;
    durableLength = writer.length();
    durableHash = hash;
    lastSync = System.nanoTime();
    long pause = lastSync - t0;
    lastSnapshotBytes = bytes;
    lastSnapshotNanos = pause;
    maxSnapshotNanos = Math.max(maxSnapshotNanos, pause);
    snapshots++;
    LOG.log(
        System.Logger.Level.INFO,
        "exchange snapshot written: {0} bytes, state hash {1}, exchange thread paused {2} ms",
        bytes,
        Long.toHexString(hash),
        String.format("%.2f", pause / 1e6));
  }

  /**
   * Rebuilds the exchange from the journal: the segment's base or snapshot (or, when the snapshot
   * is unreadable, the previous segment), then every input in order, checking the hash at every
   * sync point. A torn or corrupt tail (a crash mid-write) is cut off.
   *
   * @throws IllegalStateException when the journal has no usable start or the replay diverges
   */
  void recover(ExchangeCore core) {
    long t0 = System.nanoTime();
    finishRotation();
    checkpoints = 0;
    lastHash = 0;
    lastHashEnd = 0;
    afterLast = 0;
    String start;
    long previousRecords = 0;
    long valid;
    long torn;
    long records;
    replaying = true;
    try (JournalReader r = new JournalReader(file)) {
      boolean first = r.next();
      if (first && r.type() == JournalCodec.BASE) {
        core.applyBase(r.payload());
        start = "base";
      } else if (first && r.type() == JournalCodec.SNAPSHOT && restored(core, r.payload())) {
        start = "snapshot";
      } else {
        if (!Files.exists(previous)) {
          throw new IllegalStateException(
              "journal " + file + " has no valid base record; move it away to start afresh");
        }
        if (!first && !r.skip()) {
          throw new IllegalStateException(
              "journal "
                  + file
                  + " starts with an unreadable record of no plausible length: the records after"
                  + " it cannot be found; move the journal away to start afresh");
        }
        LOG.log(
            System.Logger.Level.WARNING,
            "journal {0} starts with an unreadable snapshot; recovering from the previous segment"
                + " {1}",
            file,
            previous);
        previousRecords = replayPrevious(core);
        start = "previous segment (unreadable snapshot)";
        checkpoints = 0;
        afterLast = 0;
      }
      replay(r, core);
      valid = r.validLength();
      torn = r.tornBytes();
      records = r.records();
    } finally {
      replaying = false;
    }
    writer = JournalWriter.append(file, valid);
    segmentRecords = records;
    journaledState = core.simulationState();
    journaledSpeed = core.clockSpeed();
    long hash = core.stateHash();
    durableLength = valid;
    durableHash = afterLast == 0 && checkpoints > 0 ? lastHash : hash;
    long millis = (System.nanoTime() - t0) / 1_000_000;
    recovery =
        new JournalStatus.Recovery(
            records,
            valid,
            torn,
            checkpoints,
            lastHash,
            lastHashEnd,
            afterLast,
            hash,
            millis,
            start,
            previousRecords);
    LOG.log(
        System.Logger.Level.INFO,
        "recovered the exchange from {0} (from its {1}): {2} records ({3} bytes, {4} torn bytes"
            + " dropped) in {5} ms, {6} checkpoints verified, state hash {7}",
        file,
        start,
        records,
        valid,
        torn,
        millis,
        checkpoints,
        Long.toHexString(hash));
  }

  /** Applies a snapshot record; false (state discarded) when it does not restore. */
  private boolean restored(ExchangeCore core, ByteBuffer payload) {
    try {
      core.applySnapshot(payload);
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING, "journal " + file + ": the snapshot does not restore", e);
      core.discardRecovered();
      return false;
    }
  }

  /**
   * A rotation cut short by a crash between its two renames leaves the previous segment and the
   * complete new one (fsynced before the renames) under its temporary name: finish it. A temporary
   * file beside a journal is an unfinished new segment: the journal is complete without it.
   */
  private void finishRotation() {
    Path tmp = JournalWriter.tempFile(file);
    try {
      if (!Files.exists(file) && Files.exists(tmp)) {
        LOG.log(System.Logger.Level.WARNING, "finishing the journal rotation cut short: {0}", tmp);
        try {
          Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(tmp, file);
        }
      } else {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot finish the journal rotation of " + file, e);
    }
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          "journal "
              + file
              + " is missing but its previous segment "
              + previous
              + " is there; move that to "
              + file
              + " to recover from it");
    }
  }

  /** Replays the previous segment, which must end where the current one's snapshot started. */
  private long replayPrevious(ExchangeCore core) {
    try (JournalReader r = new JournalReader(previous)) {
      if (!r.next()) {
        throw new IllegalStateException(
            "previous journal segment " + previous + " has no valid first record");
      }
      if (r.type() == JournalCodec.BASE) {
        core.applyBase(r.payload());
      } else if (r.type() == JournalCodec.SNAPSHOT) {
        core.applySnapshot(r.payload());
      } else {
        throw new IllegalStateException(
            "previous journal segment " + previous + " starts with record type " + r.type());
      }
      nextType = 0;
      replay(r, core);
      if (nextType != JournalCodec.SNAPSHOT) {
        throw new IllegalStateException(
            "previous journal segment "
                + previous
                + " does not end with a snapshot hand-over; the current segment's first record is"
                + " unreadable, so the state between them is unknown");
      }
      return r.records();
    }
  }

  /** Replays records until the end of the valid prefix, checking every journaled hash. */
  private void replay(JournalReader r, ExchangeCore core) {
    while (r.next()) {
      ByteBuffer p = r.payload();
      afterLast++;
      nextType = 0;
      switch (r.type()) {
        case JournalCodec.ADVANCE -> core.replayAdvance(p.getLong());
        case JournalCodec.COMMAND -> core.handle(JournalCodec.getCommand(p));
        case JournalCodec.CLOCK ->
            core.replayClock(SimulationState.valueOf(JournalCodec.getString(p)), p.getDouble());
        case JournalCodec.BATCH -> {
          // an output: replay produces it again
        }
        case JournalCodec.HASH -> {
          check(p.getLong(), core, r, "state hash");
          checkpoints++;
          lastHash = core.stateHash();
          lastHashEnd = r.validLength();
          afterLast = 0;
        }
        case JournalCodec.NEXT -> {
          // The hand-over to the next segment (a rotation cut short leaves it inside a segment).
          byte type = p.get();
          long hash = p.getLong();
          if (type == JournalCodec.SNAPSHOT) {
            check(hash, core, r, "snapshot hand-over hash");
          }
          nextType = type;
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
  }

  private void check(long want, ExchangeCore core, JournalReader r, String what) {
    long got = core.stateHash();
    if (want != got) {
      throw new IllegalStateException(
          "journal "
              + file
              + " replay diverged at record "
              + r.records()
              + ": "
              + what
              + " "
              + Long.toHexString(got)
              + ", journaled "
              + Long.toHexString(want));
    }
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
        recovery,
        snapshotRecords,
        snapshots,
        lastSnapshotBytes,
        lastSnapshotNanos / 1e6,
        maxSnapshotNanos / 1e6);
  }

  @Override
  public void close() {
    if (writer != null) {
      writer.close();
    }
  }
}
