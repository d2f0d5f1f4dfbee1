package org.mmlab.sim.lobster;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Streaming reader of a LOBSTER message/orderbook file pair, straight from the vendor zip or from
 * the two CSV files.
 *
 * <p>Both files are read side by side through large byte buffers and parsed in place into one
 * reusable {@link LobsterRow}; nothing is allocated per row and no day is ever held in memory.
 * Malformed input stops with a {@link LobsterFormatException} naming the file, the 1-based line and
 * the field. Not thread-safe.
 *
 * <pre>{@code
 * try (LobsterReader reader = LobsterReader.open(Path.of("LOBSTER_SampleFile_AMZN_2012-06-21_5.zip"))) {
 *   LobsterRow row = reader.row();
 *   while (reader.next()) {
 *     long t = row.timeNanos(); // ... row.type(), row.price(), row.askPrice(0) ...
 *   }
 * }
 * }</pre>
 */
public final class LobsterReader implements AutoCloseable {
  private static final Pattern MESSAGE = Pattern.compile("(.*)_message_(\\d+)\\.csv");
  private static final Pattern ORDERBOOK = Pattern.compile("(.*)_orderbook_(\\d+)\\.csv");
  private static final String[] MESSAGE_FIELDS = {
    "time", "type", "order id", "size", "price", "direction"
  };
  private static final int BUFFER = 1 << 20;
  private static final int CHUNK = 1 << 18;
  private static final int CHUNKS = 4;

  private final CsvInput msg;
  private final CsvInput book;
  private final Closeable owner;
  private final LobsterRow row;
  private final int levels;
  private long rows;

  private LobsterReader(
      InputStream message,
      String messageName,
      InputStream orderbook,
      String orderbookName,
      Closeable owner)
      throws IOException {
    this.owner = owner;
    this.msg = new CsvInput(message, messageName, MESSAGE_FIELDS, BUFFER);
    int n = levelsFromNames(messageName, orderbookName);
    CsvInput ob = new CsvInput(orderbook, orderbookName, new String[] {"ask price 1"}, BUFFER);
    if (n == 0) {
      int fields = ob.peekFieldCount();
      if (fields % 4 != 0) {
        throw new LobsterFormatException(
            orderbookName,
            1,
            null,
            fields
                + " fields is not a multiple of 4 (ask price, ask size, bid price, bid size per"
                + " level)");
      }
      n = Math.max(1, fields / 4);
    }
    this.levels = n;
    this.book = ob.fields(orderbookFieldNames(n));
    this.row = new LobsterRow(n);
  }

  /**
   * Opens a LOBSTER zip archive and finds the {@code *_message_N.csv} and {@code *_orderbook_N.csv}
   * entries in it by name.
   *
   * @param zip path of the vendor archive
   * @return a reader positioned before the first row
   * @throws NoSuchFileException if the archive does not exist
   * @throws IOException if it is not a zip or lacks exactly one message and one orderbook file
   */
  public static LobsterReader open(Path zip) throws IOException {
    requireFile(zip);
    ZipFile zf;
    try {
      zf = new ZipFile(zip.toFile());
    } catch (ZipException e) {
      throw new IOException(zip.getFileName() + ": not a zip archive (" + e.getMessage() + ")");
    }
    InputStream[] in = null;
    try {
      ZipEntry m = find(zf, zip, MESSAGE, "message");
      ZipEntry o = find(zf, zip, ORDERBOOK, "orderbook");
      levelsFromNames(baseName(m.getName()), baseName(o.getName()));
      // Inflate both entries on a background thread while the caller parses.
      in =
          ReadAhead.open(
              new InputStream[] {zf.getInputStream(m), zf.getInputStream(o)},
              zip.getFileName().toString(),
              CHUNK,
              CHUNKS);
      return new LobsterReader(in[0], baseName(m.getName()), in[1], baseName(o.getName()), zf);
    } catch (IOException | RuntimeException e) {
      if (in != null) {
        // Stop the reading thread before the archive goes.
        closeAfterFailure(in[0], e);
        closeAfterFailure(in[1], e);
      }
      closeAfterFailure(zf, e);
      throw e;
    }
  }

  /**
   * Reads a message stream and its orderbook stream (for data that is neither a zip nor files). The
   * reader closes both streams, also when this method fails. N is taken from the names or, failing
   * that, from the orderbook's first row.
   *
   * @param message the message file's bytes
   * @param messageName its name, for N and for error messages
   * @param orderbook the orderbook file's bytes
   * @param orderbookName its name, for N and for error messages
   * @return a reader positioned before the first row
   * @throws IOException if the names do not belong together or the first row is unreadable
   */
  public static LobsterReader open(
      InputStream message, String messageName, InputStream orderbook, String orderbookName)
      throws IOException {
    try {
      return new LobsterReader(message, messageName, orderbook, orderbookName, null);
    } catch (IOException | RuntimeException e) {
      closeAfterFailure(message, e);
      closeAfterFailure(orderbook, e);
      throw e;
    }
  }

  /**
   * Opens a message CSV and its orderbook CSV. N is taken from the names ({@code _orderbook_5.csv})
   * or, failing that, from the orderbook's first row.
   *
   * @param messageCsv the {@code *_message_N.csv} file
   * @param orderbookCsv the {@code *_orderbook_N.csv} file
   * @return a reader positioned before the first row
   * @throws NoSuchFileException if either file does not exist
   * @throws IOException if the names do not belong together
   */
  public static LobsterReader open(Path messageCsv, Path orderbookCsv) throws IOException {
    requireFile(messageCsv);
    requireFile(orderbookCsv);
    InputStream m = Files.newInputStream(messageCsv);
    InputStream o = null;
    try {
      o = Files.newInputStream(orderbookCsv);
      return new LobsterReader(
          m, messageCsv.getFileName().toString(), o, orderbookCsv.getFileName().toString(), null);
    } catch (IOException | RuntimeException e) {
      if (o != null) {
        closeAfterFailure(o, e);
      }
      closeAfterFailure(m, e);
      throw e;
    }
  }

  /**
   * Reads the next row of both files into {@link #row()}.
   *
   * @return false after the last row
   * @throws LobsterFormatException on a malformed row or when one file has more rows than the other
   * @throws IOException on a read error
   */
  public boolean next() throws IOException {
    final CsvInput m = msg;
    final CsvInput o = book;
    boolean hasM = m.startLine();
    boolean hasO = o.startLine();
    if (!hasM || !hasO) {
      if (hasM) {
        throw new LobsterFormatException(
            o.fileName(),
            m.line(),
            null,
            "missing row: the orderbook file ends after "
                + (m.line() - 1)
                + " rows but the message file goes on");
      }
      if (hasO) {
        throw new LobsterFormatException(
            m.fileName(),
            o.line(),
            null,
            "missing row: the message file ends after "
                + (o.line() - 1)
                + " rows but the orderbook file goes on");
      }
      return false;
    }
    final LobsterRow r = row;
    if (!fastMessage(m, r)) {
      slowMessage(m, r);
    }
    r.line = m.line();
    if (!fastOrderbook(o, r)) {
      slowOrderbook(o, r);
    }
    rows++;
    return true;
  }

  private static final long[] POW10 = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  /**
   * Parses a well-formed message line in one pass, eight bytes at a time; false leaves anything
   * unusual (and every error) to {@link #slowMessage}.
   */
  private static boolean fastMessage(CsvInput m, LobsterRow r) {
    final byte[] b = m.buffer();
    int start = m.lineStart();
    m.startDelimiters();
    // time: seconds[.fraction]
    int e = m.nextDelimiter();
    long sec = Swar.digits(b, start, e - start);
    if (sec < 0 || e - start > 6) {
      return false;
    }
    long frac = 0;
    if (b[e] == '.') {
      int dot = e;
      e = m.nextDelimiter();
      int nf = e - dot - 1;
      if (nf > 9) {
        return false;
      }
      frac = Swar.digits(b, dot + 1, nf);
      if (frac < 0) {
        return false;
      }
      frac *= POW10[9 - nf];
    }
    if (b[e] != ',') {
      return false;
    }
    start = e + 1;
    e = m.nextDelimiter();
    int type = b[start] - '0';
    if (e != start + 1 || type < 1 || type > 6 || b[e] != ',') {
      return false;
    }
    start = e + 1;
    e = m.nextDelimiter();
    long id = Swar.digits(b, start, e - start);
    if (id < 0 || b[e] != ',') {
      return false;
    }
    start = e + 1;
    e = m.nextDelimiter();
    long size = Swar.digits(b, start, e - start);
    if (size <= 0 || b[e] != ',') {
      return false;
    }
    start = e + 1;
    e = m.nextDelimiter();
    long price = Swar.digits(b, start, e - start);
    if (price <= 0 || b[e] != ',') {
      return false;
    }
    start = e + 1;
    e = m.nextDelimiter();
    int dir;
    if (e == start + 1 && b[start] == '1') {
      dir = 1;
    } else if (e == start && b[start] == '-') {
      e = m.nextDelimiter();
      if (e != start + 2 || b[start + 1] != '1') {
        return false;
      }
      dir = -1;
    } else {
      return false;
    }
    if (b[e] != '\n' || !m.endLineAt(e)) {
      return false;
    }
    r.timeNanos = sec * 1_000_000_000L + frac;
    r.type = type;
    r.orderId = id;
    r.size = size;
    r.price = price;
    r.direction = dir;
    return true;
  }

  /** Parses and validates a message line field by field; throws on the first fault. */
  private static void slowMessage(CsvInput m, LobsterRow r) throws IOException {
    m.rewind();
    if (m.lineEmpty()) {
      throw m.lineError("empty line (expected 6 fields)");
    }
    r.timeNanos = m.timeNanos(0);
    long type = m.integer(1);
    if (type < 1 || type > 7) {
      throw m.invalid(1, "is not a LOBSTER event type (1..7)");
    }
    long id = m.integer(2);
    if (id < 0) {
      throw m.invalid(2, "is not a non-negative integer");
    }
    long size = m.integer(3);
    if (type == LobsterMessageType.HALT ? size < 0 : size <= 0) {
      throw m.invalid(3, "is not a positive integer");
    }
    long price = m.integer(4);
    if (type != LobsterMessageType.HALT && price <= 0) {
      throw m.invalid(4, "is not a positive price");
    }
    long dir = m.integer(5);
    if (dir != 1 && dir != -1) {
      throw m.invalid(5, "is not a direction (1 or -1)");
    }
    m.endLine();
    r.type = (int) type;
    r.orderId = id;
    r.size = size;
    r.price = price;
    r.direction = (int) dir;
  }

  /**
   * Parses a well-formed orderbook line in one pass, eight bytes at a time; false leaves anything
   * unusual (and every error) to {@link #slowOrderbook}.
   */
  private boolean fastOrderbook(CsvInput o, LobsterRow r) {
    final byte[] b = o.buffer();
    int start = o.lineStart();
    o.startDelimiters();
    final long[] ap = r.askPrice;
    final long[] as = r.askSize;
    final long[] bp = r.bidPrice;
    final long[] bs = r.bidSize;
    final int n = levels;
    int e = start;
    for (int lv = 0; lv < n; lv++) {
      e = o.nextDelimiter();
      long a = Swar.digits(b, start, e - start);
      if (a <= 0 || b[e] != ',') {
        return false;
      }
      start = e + 1;
      e = o.nextDelimiter();
      long asz = Swar.digits(b, start, e - start);
      if (asz < 0 || b[e] != ',') {
        return false;
      }
      start = e + 1;
      e = o.nextDelimiter();
      long bid;
      if (e == start && b[start] == '-') {
        e = o.nextDelimiter();
        bid = Swar.digits(b, start + 1, e - start - 1);
        if (bid <= 0) {
          return false;
        }
        bid = -bid;
      } else {
        bid = Swar.digits(b, start, e - start);
        if (bid <= 0) {
          return false;
        }
      }
      if (b[e] != ',') {
        return false;
      }
      start = e + 1;
      e = o.nextDelimiter();
      long bsz = Swar.digits(b, start, e - start);
      if (bsz < 0 || b[e] != (lv + 1 < n ? ',' : '\n')) {
        return false;
      }
      start = e + 1;
      if (a == LobsterRow.EMPTY_ASK_PRICE ? asz != 0 : asz == 0) {
        return false;
      }
      if (bid == LobsterRow.EMPTY_BID_PRICE ? bsz != 0 : (bid <= 0 || bsz == 0)) {
        return false;
      }
      ap[lv] = a;
      as[lv] = asz;
      bp[lv] = bid;
      bs[lv] = bsz;
    }
    return o.endLineAt(e);
  }

  /** Parses and validates an orderbook line field by field; throws on the first fault. */
  private void slowOrderbook(CsvInput o, LobsterRow r) throws IOException {
    o.rewind();
    if (o.lineEmpty()) {
      throw o.lineError("empty line (expected " + (4 * levels) + " fields)");
    }
    final long[] ap = r.askPrice;
    final long[] as = r.askSize;
    final long[] bp = r.bidPrice;
    final long[] bs = r.bidSize;
    for (int i = 0, f = 0; i < levels; i++, f += 4) {
      long a = o.integer(f);
      if (a <= 0) {
        throw o.invalid(f, "is not a positive price");
      }
      ap[i] = a;
      as[i] = levelSize(o, f + 1, a == LobsterRow.EMPTY_ASK_PRICE);
      long b = o.integer(f + 2);
      if (b <= 0 && b != LobsterRow.EMPTY_BID_PRICE) {
        throw o.invalid(f + 2, "is not a positive price");
      }
      bp[i] = b;
      bs[i] = levelSize(o, f + 3, b == LobsterRow.EMPTY_BID_PRICE);
    }
    o.endLine();
  }

  private static long levelSize(CsvInput o, int field, boolean empty) throws IOException {
    long s = o.integer(field);
    if (empty ? s != 0 : s <= 0) {
      throw o.invalid(field, empty ? "is not 0 (the level is empty)" : "is not a positive integer");
    }
    return s;
  }

  /**
   * Returns the cursor that {@link #next()} fills; the same instance for the whole file.
   *
   * @return the current row
   */
  public LobsterRow row() {
    return row;
  }

  /**
   * Returns the number of levels per side.
   *
   * @return N of the orderbook file
   */
  public int levels() {
    return levels;
  }

  /**
   * Returns how many rows were read.
   *
   * @return rows read so far
   */
  public long rows() {
    return rows;
  }

  /**
   * Returns the message file's name.
   *
   * @return name without directories
   */
  public String messageFileName() {
    return msg.fileName();
  }

  /**
   * Returns the orderbook file's name.
   *
   * @return name without directories
   */
  public String orderbookFileName() {
    return book.fileName();
  }

  @Override
  public void close() throws IOException {
    try {
      msg.close();
    } finally {
      try {
        book.close();
      } finally {
        if (owner != null) {
          owner.close();
        }
      }
    }
  }

  private static void closeAfterFailure(AutoCloseable c, Exception failure) {
    try {
      c.close();
    } catch (Exception e) {
      failure.addSuppressed(e);
    }
  }

  private static void requireFile(Path p) throws IOException {
    if (!Files.exists(p)) {
      throw new NoSuchFileException(p.toString());
    }
    if (Files.isDirectory(p)) {
      throw new IOException(p + ": is a directory, not a LOBSTER file");
    }
  }

  private static ZipEntry find(ZipFile zf, Path zip, Pattern pattern, String what)
      throws IOException {
    List<ZipEntry> found = new ArrayList<>();
    Enumeration<? extends ZipEntry> en = zf.entries();
    while (en.hasMoreElements()) {
      ZipEntry e = en.nextElement();
      String base = baseName(e.getName());
      if (!e.isDirectory() && !base.startsWith("._") && pattern.matcher(base).matches()) {
        found.add(e);
      }
    }
    if (found.size() != 1) {
      StringBuilder names = new StringBuilder();
      for (ZipEntry e : found) {
        names.append(names.length() == 0 ? "" : ", ").append(e.getName());
      }
      throw new IOException(
          zip.getFileName()
              + (found.isEmpty()
                  ? ": no LOBSTER " + what + " file (*_" + what + "_N.csv) in the archive"
                  : ": several LOBSTER " + what + " files in the archive: " + names));
    }
    return found.get(0);
  }

  private static String baseName(String entryName) {
    int slash = Math.max(entryName.lastIndexOf('/'), entryName.lastIndexOf('\\'));
    return entryName.substring(slash + 1);
  }

  /** N from the file names, 0 when the names do not tell; fails when they disagree. */
  private static int levelsFromNames(String messageName, String orderbookName) throws IOException {
    Matcher m = MESSAGE.matcher(messageName);
    Matcher o = ORDERBOOK.matcher(orderbookName);
    boolean mm = m.matches();
    boolean om = o.matches();
    if (mm && om && !(m.group(1).equals(o.group(1)) && m.group(2).equals(o.group(2)))) {
      throw new IOException(
          messageName + " and " + orderbookName + " are not a message/orderbook pair of one day");
    }
    if (om) {
      return parseLevels(o.group(2), orderbookName);
    }
    if (mm) {
      return parseLevels(m.group(2), messageName);
    }
    return 0;
  }

  private static int parseLevels(String digits, String name) throws IOException {
    if (digits.length() > 4 || Integer.parseInt(digits) < 1) {
      throw new IOException(name + ": level count " + digits + " in the name is out of range");
    }
    return Integer.parseInt(digits);
  }

  private static String[] orderbookFieldNames(int n) {
    String[] names = new String[4 * n];
    for (int i = 0; i < n; i++) {
      names[4 * i] = "ask price " + (i + 1);
      names[4 * i + 1] = "ask size " + (i + 1);
      names[4 * i + 2] = "bid price " + (i + 1);
      names[4 * i + 3] = "bid size " + (i + 1);
    }
    return names;
  }
}
