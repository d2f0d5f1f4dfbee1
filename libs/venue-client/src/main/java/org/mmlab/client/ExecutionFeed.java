package org.mmlab.client;

import org.mmlab.api.execution.ExecutionReport;

/**
 * The execution stream's state: delivers each report once, in seq order. A report past the next
 * expected seq in the middle of a connection is a gap: the caller reconnects with {@code ?fromSeq=}
 * the next expected seq, and the gateway replays what it kept. When the first report of such a
 * resumed connection is still not the expected one, replaying cannot help (the gateway's history no
 * longer reaches back, or its sequence restarted): the feed asks its {@link Resync} to read the
 * client's state afresh, then carries on from that report.
 *
 * <p>A report below the expected seq on a resumed connection is a replay of one already delivered
 * when the gateway produced it no later than the last delivered report (by {@link
 * ExecutionReport#time()}); produced later, it starts a new sequence: the gateway restarted. A
 * gateway that restarted and has sent nothing since cannot be told apart from a quiet one.
 */
final class ExecutionFeed {
  /** Reads the client's state afresh and hands it to the listener; throws when it cannot. */
  @FunctionalInterface
  interface Resync {
    void resync(long expectedSeq, long resumedSeq);
  }

  private final VenueListener listener;
  private final Resync resync;
  private volatile long lastSeq;
  private volatile ExecutionReport last;
  // Set when a connection opens with ?fromSeq=, cleared by its first report.
  private volatile boolean resuming;
  private volatile long resyncs;

  ExecutionFeed(VenueListener listener, Resync resync) {
    this.listener = listener;
    this.resync = resync;
  }

  /** A connection is being opened (from {@link #nextSeq()} when that is not 0). */
  void connecting() {
    resuming = lastSeq > 0;
  }

  /**
   * Delivers one report.
   *
   * @return false on a gap (reconnect from {@link #nextSeq()})
   * @throws RuntimeException when a needed resync failed (reconnect: it is tried again)
   */
  boolean accept(ExecutionReport r) {
    if (resuming) {
      long expected = lastSeq + 1;
      if (r.seq() < expected && !producedAfterLast(r)) {
        return true; // replayed twice; the resumed stream's first new report is still to come
      }
      if (r.seq() != expected) {
        // The gateway replays from the seq asked for when it still has it; it did not.
        resync.resync(expected, r.seq());
        resyncs++;
        lastSeq = r.seq() - 1;
      }
      resuming = false;
    }
    if (r.seq() <= lastSeq) {
      return true; // replayed twice
    }
    if (lastSeq > 0 && r.seq() != lastSeq + 1) {
      return false;
    }
    lastSeq = r.seq();
    last = r;
    listener.onExecution(r);
    return true;
  }

  private boolean producedAfterLast(ExecutionReport r) {
    ExecutionReport l = last;
    return l == null || (r.time() != null && l.time() != null && r.time().isAfter(l.time()));
  }

  /** The seq to resume from, 0 before the first report (the live stream). */
  long nextSeq() {
    return lastSeq == 0 ? 0 : lastSeq + 1;
  }

  long lastSeq() {
    return lastSeq;
  }

  /** Holes that a replay could not fill, each followed by a resync. */
  long resyncs() {
    return resyncs;
  }
}
