package org.mmlab.sim.lobster;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Replays a LOBSTER day into a {@link LobsterBook}, one message at a time.
 *
 * <p><b>Seeding.</b> Row k of the orderbook file is the state <em>after</em> message k. The book is
 * seeded with the state before message 1, derived from row 1 by undoing message 1 (see {@link
 * LobsterBook#seed(LobsterRow)}), with one synthetic order per level (ids of orders resting before
 * 09:30 are unknown). Message 1 is then applied like every other, so its order id is in the book
 * and row 1 is checked too.
 *
 * <p><b>Refresh.</b> The message file holds only events that touch the visible N levels, so a level
 * that enters the window from deeper in the book cannot be known from messages. After applying
 * message k, the replay takes from row k exactly those levels: on a side whose previous row showed
 * N levels, every level of row k priced worse than the previous row's worst. The book's own levels
 * in that zone which row k does not show are dropped; a level it shows is reconciled with what the
 * book knew there (see {@link LobsterBook}: equal keeps every order, more adds a synthetic order at
 * the back, fewer removes the single order matching the difference or trims from the back). Such a
 * row counts as {@link #refreshedRows() refreshed}. Levels beyond the window are kept as last seen;
 * when a side shows fewer than N levels, levels the book holds beyond it are dropped (nothing
 * exists there). Nothing else is ever taken from the orderbook file.
 *
 * <pre>{@code
 * try (LobsterReplay replay = LobsterReplay.open(zip)) {
 *   LobsterRow ev = replay.row();
 *   LobsterBook book = replay.book();
 *   while (replay.next()) {
 *     // ev: the message just applied; book: the state after it
 *   }
 * }
 * }</pre>
 */
public final class LobsterReplay implements AutoCloseable {
  private final LobsterReader reader;
  private final LobsterBook book;
  private final LobsterRow row;
  private long rows;
  private long refreshedRows;
  private boolean rowRefreshed;
  private boolean askFull;
  private boolean bidFull;
  private long askWorst;
  private long bidWorst;

  /**
   * Creates a replay over a reader, which it then owns (closing the replay closes it).
   *
   * @param reader a reader positioned before its first row
   * @param book the book to drive; cleared and seeded at the first row
   */
  public LobsterReplay(LobsterReader reader, LobsterBook book) {
    this.reader = reader;
    this.book = book;
    this.row = reader.row();
  }

  /**
   * Opens a LOBSTER zip.
   *
   * @param zip the vendor archive
   * @return a replay before its first message
   * @throws IOException as {@link LobsterReader#open(Path)}
   */
  public static LobsterReplay open(Path zip) throws IOException {
    return new LobsterReplay(LobsterReader.open(zip), new LobsterBook());
  }

  /**
   * Opens a message CSV and its orderbook CSV.
   *
   * @param messageCsv the message file
   * @param orderbookCsv the orderbook file
   * @return a replay before its first message
   * @throws IOException as {@link LobsterReader#open(Path, Path)}
   */
  public static LobsterReplay open(Path messageCsv, Path orderbookCsv) throws IOException {
    return new LobsterReplay(LobsterReader.open(messageCsv, orderbookCsv), new LobsterBook());
  }

  /**
   * Reads the next row and applies its message to the book (seeding it first at row 1), then takes
   * levels entering the window from deeper from the row.
   *
   * @return false after the last row
   * @throws IOException on a read error or a malformed row ({@link LobsterFormatException})
   */
  public boolean next() throws IOException {
    if (!reader.next()) {
      return false;
    }
    final LobsterRow r = row;
    final LobsterBook b = book;
    final int n = r.levels();
    final int da = r.depth(LobsterBook.ASK);
    final int db = r.depth(LobsterBook.BID);
    if (rows == 0) {
      b.seed(r);
      b.apply(r);
      rowRefreshed = false;
    } else {
      b.apply(r);
      rowRefreshed = b.refresh(r, da, askFull, askWorst, db, bidFull, bidWorst);
      if (rowRefreshed) {
        refreshedRows++;
      }
    }
    rows++;
    askFull = da == n;
    bidFull = db == n;
    askWorst = da == 0 ? LobsterRow.EMPTY_ASK_PRICE : r.askPrice[da - 1];
    bidWorst = db == 0 ? LobsterRow.EMPTY_BID_PRICE : r.bidPrice[db - 1];
    return true;
  }

  /**
   * The current row: the message just applied and the file's state after it. The same instance
   * throughout; overwritten by {@link #next()}.
   *
   * @return the current row
   */
  public LobsterRow row() {
    return row;
  }

  /**
   * The book, in the state after the current message.
   *
   * @return the replay book
   */
  public LobsterBook book() {
    return book;
  }

  /**
   * Levels per side of the files.
   *
   * @return N
   */
  public int levels() {
    return reader.levels();
  }

  /**
   * Rows replayed so far.
   *
   * @return row count
   */
  public long rows() {
    return rows;
  }

  /**
   * Rows at which at least one level was taken from the orderbook file.
   *
   * @return refreshed row count
   */
  public long refreshedRows() {
    return refreshedRows;
  }

  /**
   * Whether the current row took a level from the orderbook file.
   *
   * @return true if the current row was refreshed
   */
  public boolean rowRefreshed() {
    return rowRefreshed;
  }

  /**
   * The underlying reader (file names, level count).
   *
   * @return the reader
   */
  public LobsterReader reader() {
    return reader;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
