package org.mmlab.service.marketdata.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.CancelCommand;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeCommand;
import org.mmlab.api.exchange.ExchangeMessage;
import org.mmlab.api.exchange.QuoteCommand;
import org.mmlab.api.exchange.QuoteSide;
import org.mmlab.api.exchange.SessionState;
import org.mmlab.api.exchange.SubmitCommand;
import org.mmlab.api.simulation.SimulationState;
import org.mmlab.service.marketdata.journal.JournalReader;
import org.mmlab.service.marketdata.journal.JournalWriter;
import org.mmlab.sim.market.MarketFactory;

/**
 * The journal rebuilds the exchange: a zi market trading with clients, journaled, then a new
 * exchange on the same directory reaches the same state hash (book, orders, positions).
 */
class ExchangeJournalTest {
  private static final long MS = 1_000_000L;
  @TempDir Path dir;
  private ExchangeCore core;
  private ExchangeCore recovered;

  @AfterEach
  void close() {
    if (core != null) {
      core.close();
    }
    if (recovered != null) {
      recovered.close();
    }
  }

  private ExchangeCore exchange(boolean autoStart) {
    return exchange(autoStart, 0, dir);
  }

  private static ExchangeCore exchange(boolean autoStart, long snapshotRecords, Path in) {
    ExchangeCore c =
        new ExchangeCore(
            MarketFactory::create,
            new ExchangeCore.Settings(
                "zi", 11, 50.0, autoStart, 50, 1_000 * MS, MS, in, 20 * MS, snapshotRecords),
            Recorder.JSON::writeValueAsString,
            nanos -> {});
    c.launch();
    return c;
  }

  /** Random limit orders, cancels and quotes around the mid from three clients. */
  private void trade(ExchangeCore c, long seed, int n) throws InterruptedException {
    Recorder<ExchangeMessage> s = new Recorder<>(ExchangeMessage.class);
    c.openSession(s);
    SessionState st = (SessionState) s.next();
    long mid = (st.bestBid() + st.bestAsk()) / 2;
    Random rnd = new Random(seed);
    String[] clients = {"a", "b", "c"};
    for (int i = 0; i < n; i++) {
      String client = clients[rnd.nextInt(3)];
      String ref = "r" + i;
      ExchangeCommand cmd =
          switch (rnd.nextInt(4)) {
            case 0 -> new CancelCommand(ref, client, 1 + rnd.nextInt(i + 1));
            case 1 ->
                new QuoteCommand(
                    ref,
                    client,
                    new QuoteSide(mid - 1 - rnd.nextInt(5), 1 + rnd.nextInt(5), "qb" + i),
                    new QuoteSide(mid + 1 + rnd.nextInt(5), 1 + rnd.nextInt(5), "qa" + i));
            default ->
                new SubmitCommand(
                    ref,
                    client,
                    "o" + i,
                    rnd.nextBoolean() ? Side.BUY : Side.SELL,
                    rnd.nextInt(10) == 0 ? OrderType.MARKET : OrderType.LIMIT,
                    mid + rnd.nextInt(21) - 10,
                    1 + rnd.nextInt(4));
          };
      c.execute(cmd);
      if (i % 50 == 49) {
        s.until(m -> m instanceof EventBatch b && ref.equals(b.ref()), Duration.ofSeconds(10));
        Thread.sleep(5); // the background flow moves between bursts
      }
    }
  }

  @Test
  void aRestartedExchangeRecoversBookOrdersAndPositions() throws Exception {
    core = exchange(true);
    trade(core, 1, 600);
    core.stop().get(5, TimeUnit.SECONDS);
    long before = core.stateHashNow().get(5, TimeUnit.SECONDS);
    SessionState open = sessionState(core);
    assertThat(open.orders()).isNotEmpty();
    assertThat(open.positions()).hasSize(3);
    // Simulate a crash: the file is left as it is (stop synced it), the old exchange abandoned.
    recovered = exchange(true);
    assertThat(recovered.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(before);
    SessionState after = sessionState(recovered);
    assertThat(after.orders()).isEqualTo(open.orders());
    assertThat(after.positions()).isEqualTo(open.positions());
    JournalStatus.Recovery r = recovered.journalStatus().recovery();
    assertThat(r.checkpoints()).isPositive();
    assertThat(r.recordsAfterLastCheckpoint()).isZero();
    assertThat(r.lastCheckpointHash()).isEqualTo(before);
    // A stopped market stays stopped after recovery.
    assertThat(recovered.status().state()).isEqualTo(SimulationState.STOPPED);
  }

  @Test
  void recoveryAcrossAResetAndWhileRunningKeepsTheSyncedState() throws Exception {
    core = exchange(true);
    trade(core, 2, 200);
    core.reset(null, 99L, null).get(5, TimeUnit.SECONDS);
    trade(core, 3, 300);
    // Running: the state moves on, so compare at a durable point after the clock stops.
    core.stop().get(5, TimeUnit.SECONDS);
    long before = core.stateHashNow().get(5, TimeUnit.SECONDS);
    assertThat(core.journalStatus().durableHash()).isEqualTo(before);
    recovered = exchange(false);
    assertThat(recovered.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(before);
    assertThat(recovered.status().seed()).isEqualTo(99L);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 9, 13})
  void aTornLastRecordIsDroppedAndTheRestRecovered(int cut) throws Exception {
    core = exchange(true);
    trade(core, 4, 100);
    core.stop().get(5, TimeUnit.SECONDS);
    long before = core.stateHashNow().get(5, TimeUnit.SECONDS);
    core.close();
    core = null;
    Path file = dir.resolve(ExchangeJournal.FILE);
    long length = Files.size(file);
    // A half-written record after the last good one (a crash mid-append).
    byte[] torn = new byte[cut];
    new Random(cut).nextBytes(torn);
    torn[0] = 0; // a plausible length prefix
    Files.write(file, torn, StandardOpenOption.APPEND);
    recovered = exchange(false);
    assertThat(recovered.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(before);
    assertThat(recovered.journalStatus().recovery().tornBytes()).isEqualTo(cut);
    assertThat(recovered.journalStatus().recovery().validLength()).isEqualTo(length);
    recovered.close();
    recovered = null;
    // Appending resumed after the valid prefix: the torn bytes are gone.
    assertThat(Files.size(file)).isGreaterThanOrEqualTo(length);
    try (JournalReader r = new JournalReader(file)) {
      while (r.next()) {
        // read to the end
      }
      assertThat(r.tornBytes()).isZero();
    }
  }

  /**
   * Not a timed assertion: prints the command throughput of the exchange thread with and without
   * the journal (for the README), and checks that both runs answered every command.
   */
  @Test
  void journalOverheadIsMeasured() throws Exception {
    double[] rates = new double[4]; // warm-up, without, with, without
    for (int run = 0; run < 4; run++) {
      boolean journaled = run == 2;
      ExchangeCore c =
          new ExchangeCore(
              MarketFactory::create,
              new ExchangeCore.Settings(
                  "zi",
                  12,
                  1.0,
                  true,
                  50,
                  1_000 * MS,
                  MS,
                  journaled ? dir.resolve("overhead" + run) : null,
                  100 * MS),
              Recorder.JSON::writeValueAsString,
              nanos -> {});
      c.launch();
      try {
        Recorder<ExchangeMessage> s = new Recorder<>(ExchangeMessage.class, 1 << 20);
        c.openSession(s);
        SessionState st = (SessionState) s.next();
        long mid = (st.bestBid() + st.bestAsk()) / 2;
        int n = 20_000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
          boolean buy = (i & 1) == 0;
          c.execute(
              new SubmitCommand(
                  "r" + i,
                  "bench",
                  "b" + i,
                  buy ? Side.BUY : Side.SELL,
                  OrderType.LIMIT,
                  buy ? mid - 20 - i % 10 : mid + 20 + i % 10,
                  1));
        }
        String last = "r" + (n - 1);
        s.until(m -> m instanceof EventBatch b && last.equals(b.ref()), Duration.ofSeconds(120));
        rates[run] = n / ((System.nanoTime() - t0) / 1e9);
        if (journaled) {
          System.out.printf(
              "journal: %d syncs, %d records for %d commands%n",
              c.journalStatus().syncs(), c.journalStatus().recordsWritten(), n);
        }
      } finally {
        c.close();
      }
    }
    System.out.printf(
        "journal overhead: %.0f commands/s without the journal, %.0f with it, %.0f without%n",
        rates[1], rates[2], rates[3]);
    assertThat(rates).doesNotContain(0.0);
  }

  @Test
  void aCorruptRecordEndsTheValidPrefix() throws Exception {
    Path file = dir.resolve("j");
    try (JournalWriter w =
        JournalWriter.create(file, (byte) 'B', ByteBuffer.wrap(new byte[] {1}))) {
      for (int i = 0; i < 10; i++) {
        w.append((byte) 'A', ByteBuffer.allocate(8).putLong(0, i));
      }
      w.sync();
    }
    byte[] bytes = Files.readAllBytes(file);
    int fifth = 10 + 4 * 17; // base record (9 + 1), then 17-byte records
    bytes[fifth + 12] ^= 1; // one payload bit of the fifth record
    Files.write(file, bytes);
    try (JournalReader r = new JournalReader(file)) {
      int n = 0;
      while (r.next()) {
        n++;
      }
      assertThat(n).isEqualTo(5); // the base and four records
      assertThat(r.validLength()).isEqualTo(fifth);
      assertThat(r.tornBytes()).isEqualTo(bytes.length - fifth);
    }
  }

  @Test
  void aJournalWithoutABaseRecordIsRefused() throws Exception {
    Files.write(dir.resolve(ExchangeJournal.FILE), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> exchange(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no valid base record");
  }

  private static byte firstRecord(Path file) {
    try (JournalReader r = new JournalReader(file)) {
      return r.next() ? r.type() : 0;
    }
  }

  private static long records(Path file) {
    try (JournalReader r = new JournalReader(file)) {
      while (r.next()) {
        // count them
      }
      return r.records();
    }
  }

  /** Flips a bit inside the current segment's first record (its checksum no longer matches). */
  private void corruptFirstRecord() throws Exception {
    Path file = dir.resolve(ExchangeJournal.FILE);
    byte[] bytes = Files.readAllBytes(file);
    bytes[JournalWriter.HEADER + 20] ^= 0x10;
    Files.write(file, bytes);
  }

  @Test
  void snapshotsWhileTradingRecoverTheLiveStateFromTheLastSnapshotAndItsTail() throws Exception {
    core = exchange(true, 400, dir);
    trade(core, 5, 900);
    core.stop().get(5, TimeUnit.SECONDS);
    long before = core.stateHashNow().get(5, TimeUnit.SECONDS);
    SessionState open = sessionState(core);
    JournalStatus status = core.journalStatus();
    System.out.printf(
        "snapshots while trading: %d, last %d bytes, exchange thread paused %.2f ms (longest"
            + " %.2f ms)%n",
        status.snapshots(),
        status.lastSnapshotBytes(),
        status.lastSnapshotPauseMillis(),
        status.maxSnapshotPauseMillis());
    assertThat(status.snapshots()).isGreaterThanOrEqualTo(2);
    assertThat(status.lastSnapshotBytes()).isPositive();
    assertThat(status.durableHash()).isEqualTo(before);
    core.close();
    core = null;
    Path file = dir.resolve(ExchangeJournal.FILE);
    Path previous = dir.resolve(ExchangeJournal.PREVIOUS);
    assertThat(firstRecord(file)).isEqualTo(JournalCodec.SNAPSHOT);
    assertThat(firstRecord(previous)).isEqualTo(JournalCodec.SNAPSHOT);
    // Older segments are gone: the journal is the last two segments.
    try (var files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(ExchangeJournal.FILE, ExchangeJournal.PREVIOUS);
    }
    long inSegment = records(file);
    recovered = exchange(false);
    assertThat(recovered.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(before);
    SessionState after = sessionState(recovered);
    assertThat(after.orders()).isEqualTo(open.orders());
    assertThat(after.positions()).isEqualTo(open.positions());
    JournalStatus.Recovery r = recovered.journalStatus().recovery();
    assertThat(r.start()).isEqualTo("snapshot");
    assertThat(r.records()).isEqualTo(inSegment).isLessThan(400 + 600);
    assertThat(r.previousRecords()).isZero();
    // The market goes on from there exactly: trading on the recovered exchange is journaled and
    // recovered again.
    recovered.start(null).get(5, TimeUnit.SECONDS);
    trade(recovered, 6, 200);
    recovered.stop().get(5, TimeUnit.SECONDS);
    long later = recovered.stateHashNow().get(5, TimeUnit.SECONDS);
    recovered.close();
    recovered = exchange(false);
    assertThat(recovered.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(later);
  }

  @Test
  void aSnapshotAndItsTailGiveTheSameStateAsAFullReplayAndACorruptOneFallsBack() throws Exception {
    // A journal without snapshots.
    core = exchange(true, 0, dir);
    trade(core, 7, 300);
    core.stop().get(5, TimeUnit.SECONDS);
    core.close();
    core = null;
    Path file = dir.resolve(ExchangeJournal.FILE);
    long full = records(file);
    // Recovered (a full replay) with snapshots on: one command reaches a sync point, where the
    // snapshot is written; the base segment becomes the previous one.
    ExchangeCore snapshotting = exchange(false, 1, dir);
    try {
      assertThat(snapshotting.journalStatus().recovery().start()).isEqualTo("base");
      snapshotting.execute(new CancelCommand("snap", "a", 999_999_999L));
      long end = System.nanoTime() + 10_000 * MS;
      while (snapshotting.journalStatus().snapshots() == 0 && System.nanoTime() < end) {
        Thread.sleep(10);
      }
      assertThat(snapshotting.journalStatus().snapshots()).isEqualTo(1);
    } finally {
      snapshotting.close();
    }
    assertThat(firstRecord(dir.resolve(ExchangeJournal.PREVIOUS))).isEqualTo(JournalCodec.BASE);
    assertThat(firstRecord(file)).isEqualTo(JournalCodec.SNAPSHOT);
    // Trading goes on after the snapshot (its tail), then a crash.
    recovered = exchange(false, 0, dir);
    assertThat(recovered.journalStatus().recovery().start()).isEqualTo("snapshot");
    recovered.start(null).get(5, TimeUnit.SECONDS);
    trade(recovered, 9, 300);
    recovered.stop().get(5, TimeUnit.SECONDS);
    long live = recovered.stateHashNow().get(5, TimeUnit.SECONDS);
    recovered.close();
    recovered = null;

    // From the snapshot and its tail.
    ExchangeCore fromSnapshot = exchange(false, 0, dir);
    try {
      assertThat(fromSnapshot.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(live);
      assertThat(fromSnapshot.journalStatus().recovery().start()).isEqualTo("snapshot");
    } finally {
      fromSnapshot.close();
    }
    // The snapshot corrupt: a full replay of the base segment, then the same tail.
    corruptFirstRecord();
    recovered = exchange(false, 0, dir);
    assertThat(recovered.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(live);
    JournalStatus.Recovery r = recovered.journalStatus().recovery();
    assertThat(r.start()).startsWith("previous segment");
    assertThat(r.previousRecords()).isGreaterThan(full);
    assertThat(r.checkpoints()).isPositive();
  }

  @Test
  void aCorruptSnapshotWithoutAPreviousSegmentIsRefused() throws Exception {
    core = exchange(true, 200, dir);
    trade(core, 10, 300);
    core.stop().get(5, TimeUnit.SECONDS);
    core.close();
    core = null;
    assertThat(firstRecord(dir.resolve(ExchangeJournal.FILE))).isEqualTo(JournalCodec.SNAPSHOT);
    Files.delete(dir.resolve(ExchangeJournal.PREVIOUS));
    corruptFirstRecord();
    assertThatThrownBy(() -> exchange(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no valid base record");
  }

  @Test
  void aRotationCutShortIsFinishedAndATornNewSegmentIgnored() throws Exception {
    core = exchange(true, 300, dir);
    trade(core, 11, 400);
    core.stop().get(5, TimeUnit.SECONDS);
    long before = core.stateHashNow().get(5, TimeUnit.SECONDS);
    core.close();
    core = null;
    Path file = dir.resolve(ExchangeJournal.FILE);
    Path tmp = JournalWriter.tempFile(file);
    // A crash between the renames: the previous segment and the new one under its temporary name.
    Files.move(file, tmp);
    recovered = exchange(false);
    assertThat(recovered.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(before);
    assertThat(recovered.journalStatus().recovery().start()).isEqualTo("snapshot");
    recovered.close();
    recovered = null;
    // A crash while the new segment was being written: a torn temporary file, ignored.
    Files.write(tmp, new byte[] {0, 0, 1, 0, 7, 7});
    recovered = exchange(false);
    assertThat(recovered.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(before);
    assertThat(Files.exists(tmp)).isFalse();
  }

  /**
   * Not a timed assertion: prints the figures for the README (journal records, full replay time,
   * snapshot size and the exchange thread's pause writing it, recovery time from the snapshot), and
   * checks that both recoveries reach the same state.
   */
  @Test
  void recoveryWithASnapshotIsMeasured() throws Exception {
    Path full = dir.resolve("full");
    core = exchange(true, 0, full);
    trade(core, 12, 3_000);
    // The background market alone (about a thousand advances a second); longer for the README:
    // -Dmmlab.journal.measure-seconds=50
    Thread.sleep(1_000 * Long.getLong("mmlab.journal.measure-seconds", 3));
    core.stop().get(5, TimeUnit.SECONDS);
    long before = core.stateHashNow().get(5, TimeUnit.SECONDS);
    core.close();
    core = null;
    long records = records(full.resolve(ExchangeJournal.FILE));
    long bytes = Files.size(full.resolve(ExchangeJournal.FILE));
    long replayMillis = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) { // the first run warms the JIT
      Path copy = dir.resolve("replay" + run);
      Files.createDirectories(copy);
      Files.copy(full.resolve(ExchangeJournal.FILE), copy.resolve(ExchangeJournal.FILE));
      ExchangeCore c = exchange(false, run == 2 ? 1 : 0, copy);
      try {
        assertThat(c.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(before);
        replayMillis = Math.min(replayMillis, c.journalStatus().recovery().millis());
        if (run == 2) {
          // One command reaches a sync point: the snapshot is written there.
          c.execute(new CancelCommand("snap", "a", 999_999_999L));
          long end = System.nanoTime() + 10_000 * MS;
          while (c.journalStatus().snapshots() == 0 && System.nanoTime() < end) {
            Thread.sleep(10);
          }
          before = c.stateHashNow().get(5, TimeUnit.SECONDS);
        }
      } finally {
        if (run == 2) {
          JournalStatus st = c.journalStatus();
          assertThat(st.snapshots()).isEqualTo(1);
          System.out.printf(
              "snapshot: %d bytes, exchange thread paused %.2f ms to write it%n",
              st.lastSnapshotBytes(), st.lastSnapshotPauseMillis());
        }
        c.close();
      }
    }
    long snapshotMillis = Long.MAX_VALUE;
    for (int run = 0; run < 2; run++) {
      ExchangeCore c = exchange(false, 0, dir.resolve("replay2"));
      try {
        assertThat(c.stateHashNow().get(5, TimeUnit.SECONDS)).isEqualTo(before);
        assertThat(c.journalStatus().recovery().start()).isEqualTo("snapshot");
        snapshotMillis = Math.min(snapshotMillis, c.journalStatus().recovery().millis());
      } finally {
        c.close();
      }
    }
    System.out.printf(
        "recovery: journal of %d records (%d bytes): full replay %d ms; from a snapshot %d ms%n",
        records, bytes, replayMillis, snapshotMillis);
  }

  private static SessionState sessionState(ExchangeCore c) throws InterruptedException {
    Recorder<ExchangeMessage> s = new Recorder<>(ExchangeMessage.class);
    c.openSession(s);
    SessionState st = (SessionState) s.next();
    c.closeSession(s);
    return st;
  }
}
