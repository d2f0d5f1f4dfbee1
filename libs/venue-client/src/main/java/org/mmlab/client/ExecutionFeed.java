package org.mmlab.client;

import org.mmlab.api.execution.ExecutionReport;

/**
 * The execution stream's state: delivers each report once, in seq order. A report past the next
 * expected seq is a gap: the caller reconnects with {@code ?fromSeq=} the next expected seq.
 */
final class ExecutionFeed {
  private final VenueListener listener;
  private volatile long lastSeq;

  ExecutionFeed(VenueListener listener) {
    this.listener = listener;
  }

  /**
   * Delivers one report.
   *
   * @return false on a gap (reconnect from {@link #nextSeq()})
   */
  boolean accept(ExecutionReport r) {
    if (r.seq() <= lastSeq) {
      return true; // replayed twice
    }
    if (lastSeq > 0 && r.seq() != lastSeq + 1) {
      return false;
    }
    lastSeq = r.seq();
    listener.onExecution(r);
    return true;
  }

  /** The seq to resume from, 0 before the first report (the live stream). */
  long nextSeq() {
    return lastSeq == 0 ? 0 : lastSeq + 1;
  }

  long lastSeq() {
    return lastSeq;
  }
}
