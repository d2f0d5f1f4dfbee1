package org.mmlab.sim.lobster;

import java.io.IOException;

/**
 * {@link LobsterReplay} split in two steps: {@link #read()} fetches the next row without touching
 * the book, {@link #apply()} then applies it exactly as {@link LobsterReplay#next()} does (seed at
 * row 1, message, levels entering the window from deeper). A simulator needs the split to schedule
 * a row at its time while the book still shows the state before it.
 *
 * <p>The apply step must stay identical to {@link LobsterReplay#next()}; {@code LobsterCursorTest}
 * checks the two against each other on the shared days.
 */
final class LobsterCursor implements AutoCloseable {
  private final LobsterReader reader;
  private final LobsterBook book;
  private final LobsterRow row;
  private boolean pending;
  private long applied;
  private long lastAppliedTime = Long.MIN_VALUE;
  private boolean askFull;
  private boolean bidFull;
  private long askWorst;
  private long bidWorst;

  /**
   * Creates a cursor over a reader, which it then owns.
   *
   * @param reader a reader positioned before its first row
   * @param book the book to drive; seeded at the first row
   */
  LobsterCursor(LobsterReader reader, LobsterBook book) {
    this.reader = reader;
    this.book = book;
    this.row = reader.row();
  }

  /**
   * Reads the next row into {@link #row()} without applying it.
   *
   * @return false at the end of the files
   * @throws IOException on a read error or a malformed row
   * @throws IllegalStateException when the row read last has not been applied
   */
  boolean read() throws IOException {
    if (pending) {
      throw new IllegalStateException("the row read last has not been applied");
    }
    pending = reader.next();
    return pending;
  }

  /**
   * Applies the row read last to the book (as {@link LobsterReplay#next()}).
   *
   * @throws IllegalStateException when no row is pending
   */
  void apply() {
    if (!pending) {
      throw new IllegalStateException("no row read");
    }
    pending = false;
    final LobsterRow r = row;
    final LobsterBook b = book;
    final int n = r.levels();
    final int da = r.depth(LobsterBook.ASK);
    final int db = r.depth(LobsterBook.BID);
    if (applied == 0) {
      b.seed(r);
      b.apply(r);
    } else {
      b.apply(r);
      b.refresh(r, da, askFull, askWorst, db, bidFull, bidWorst);
    }
    applied++;
    lastAppliedTime = r.timeNanos();
    askFull = da == n;
    bidFull = db == n;
    askWorst = da == 0 ? LobsterRow.EMPTY_ASK_PRICE : r.askPrice[da - 1];
    bidWorst = db == 0 ? LobsterRow.EMPTY_BID_PRICE : r.bidPrice[db - 1];
  }

  /**
   * Whether a row has been read and not applied yet.
   *
   * @return true between {@link #read()} returning true and {@link #apply()}
   */
  boolean pending() {
    return pending;
  }

  /**
   * The row read last (pending or applied); overwritten by {@link #read()}.
   *
   * @return the row cursor
   */
  LobsterRow row() {
    return row;
  }

  /**
   * The book, in the state after the last applied row.
   *
   * @return the book
   */
  LobsterBook book() {
    return book;
  }

  /**
   * Rows applied so far.
   *
   * @return count
   */
  long applied() {
    return applied;
  }

  /**
   * Time of the last applied row.
   *
   * @return nanoseconds after midnight, {@link Long#MIN_VALUE} before the first
   */
  long lastAppliedTime() {
    return lastAppliedTime;
  }

  /**
   * Levels per side of the files.
   *
   * @return N
   */
  int levels() {
    return reader.levels();
  }

  /** Closes the files; the book stays readable. */
  @Override
  public void close() throws IOException {
    pending = false;
    reader.close();
  }
}
