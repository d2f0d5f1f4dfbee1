package org.mmlab.service.marketdata.exchange;

/**
 * The exchange journal's state.
 *
 * @param file the journal file
 * @param durableLength bytes of the journal known durable (synced)
 * @param durableHash the state hash at that point (the last hash record)
 * @param recordsWritten records appended since start-up
 * @param syncs syncs since start-up
 * @param recovery what the start-up recovery found, or null when the journal started afresh
 * @param snapshotInterval records a segment holds before a snapshot starts the next (0: never)
 * @param snapshots snapshots written since start-up
 * @param lastSnapshotBytes size of the last snapshot record
 * @param lastSnapshotPauseMillis how long the last snapshot held the exchange thread (encoding,
 *     writing, fsync, renames)
 * @param maxSnapshotPauseMillis the longest such pause since start-up
 */
public record JournalStatus(
    String file,
    long durableLength,
    long durableHash,
    long recordsWritten,
    long syncs,
    Recovery recovery,
    long snapshotInterval,
    long snapshots,
    long lastSnapshotBytes,
    double lastSnapshotPauseMillis,
    double maxSnapshotPauseMillis) {

  /**
   * A recovery from the journal at start-up.
   *
   * @param records valid records of the current segment replayed (its base or snapshot included)
   * @param validLength bytes of valid records
   * @param tornBytes bytes after them, dropped (a write the crash cut short)
   * @param checkpoints hash records checked against the replayed state
   * @param lastCheckpointHash the last hash record's value
   * @param lastCheckpointEnd where the last hash record ends in the file
   * @param recordsAfterLastCheckpoint valid records after the last hash record
   * @param recoveredHash the state hash once recovered
   * @param millis how long the recovery took
   * @param start what the replay started from: {@code base} (the market's seed: start-up or reset),
   *     {@code snapshot}, or the previous segment when the snapshot was unreadable
   * @param previousRecords records of the previous segment replayed (only in that last case)
   */
  public record Recovery(
      long records,
      long validLength,
      long tornBytes,
      long checkpoints,
      long lastCheckpointHash,
      long lastCheckpointEnd,
      long recordsAfterLastCheckpoint,
      long recoveredHash,
      long millis,
      String start,
      long previousRecords) {}
}
