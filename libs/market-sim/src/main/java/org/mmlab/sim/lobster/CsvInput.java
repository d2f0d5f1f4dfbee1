package org.mmlab.sim.lobster;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A byte-level CSV cursor over one stream: a large buffer holding at least one whole line, parsed
 * in place into longs. One instance per file; no allocation except on error paths.
 *
 * <p>The byte after the last valid one is always {@code '\n'} (a sentinel), so number loops stop
 * without bounds checks.
 */
final class CsvInput implements Closeable {
  /** Longest line accepted, in bytes. */
  static final int MAX_LINE = 1 << 16;

  private static final long[] POW10 = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
  };

  private final InputStream in;
  private final String fileName;
  private String[] fieldNames;
  private int lastField;
  private final byte[] buf;
  private final int capacity;
  private int pos;
  private int limit;
  private boolean eof;
  private long line;
  private int fieldStart;

  /** Cursor inside the current line. */
  private int p;

  /** Delimiter bitmap: bit j set when {@code buf[bitsBase + j]} is a non-digit. */
  private long bits;

  private int bitsBase = INVALID;
  private static final int INVALID = Integer.MIN_VALUE;

  CsvInput(InputStream in, String fileName, String[] fieldNames, int bufferSize) {
    this.in = in;
    this.fileName = fileName;
    this.fieldNames = fieldNames;
    this.lastField = fieldNames.length - 1;
    this.capacity = Math.max(bufferSize, 2 * MAX_LINE);
    // Room for the sentinel and for 64-byte delimiter blocks read past it.
    this.buf = new byte[capacity + 1 + 80];
    this.buf[0] = '\n';
  }

  /** Sets the field names (and so the field count) once the layout is known. */
  CsvInput fields(String[] names) {
    this.fieldNames = names;
    this.lastField = names.length - 1;
    return this;
  }

  String fileName() {
    return fileName;
  }

  /** Line number of the current (last started) line, 1-based. */
  long line() {
    return line;
  }

  /**
   * Starts the next line.
   *
   * @return false at the end of the input
   */
  boolean startLine() throws IOException {
    if (limit - pos < MAX_LINE && !eof) {
      refill();
    }
    if (pos >= limit) {
      return false;
    }
    line++;
    p = pos;
    return true;
  }

  /** The buffer; the current line starts at {@link #lineStart()}. */
  byte[] buffer() {
    return buf;
  }

  /** Offset of the current line in {@link #buffer()}. */
  int lineStart() {
    return pos;
  }

  /** Rewinds the field cursor to the start of the current line (for the validating parse). */
  void rewind() {
    p = pos;
    bitsBase = INVALID;
  }

  /**
   * Prepares {@link #nextDelimiter()} at the start of the current line. Delimiters are then handed
   * out in order; a line parsed with them must be ended with {@link #endLineAt(int)}.
   */
  void startDelimiters() {
    if (bitsBase == INVALID) {
      bitsBase = pos;
      bits = delimiterBlock(buf, pos);
    }
  }

  /**
   * Offset of the next non-digit ({@code , \n - .} in valid data; the sentinel at the end of the
   * data included).
   */
  int nextDelimiter() {
    long b = bits;
    int base = bitsBase;
    while (b == 0) {
      base += 64;
      b = delimiterBlock(buf, base);
    }
    bitsBase = base;
    bits = b & (b - 1);
    return base + Long.numberOfTrailingZeros(b);
  }

  /**
   * Ends the current line at the {@code '\n'} at offset {@code i} found by {@link
   * #nextDelimiter()}; false (a line longer than the buffer window) leaves it to the validating
   * parse.
   */
  boolean endLineAt(int i) {
    if (i >= limit) {
      if (!eof) {
        return false;
      }
      pos = limit;
    } else {
      pos = i + 1;
    }
    return true;
  }

  private static final long BIT4 = 0x1010101010101010L;

  /**
   * Bit j set when {@code b[base + j]} (j &lt; 64) has bit 4 clear: for the bytes of a valid
   * LOBSTER file, exactly the non-digits {@code , \n - .}. Anything else ends up in a field or a
   * delimiter that the fast parsers reject, which hands the line to the validating parse.
   */
  private static long delimiterBlock(byte[] b, int base) {
    long out = 0;
    for (int k = 0; k < 64; k += 8) {
      long d = ~Swar.load(b, base + k) & BIT4;
      out |= (((d >>> 4) * 0x0102040810204080L) >>> 56) << k;
    }
    return out;
  }

  /**
   * Ends the current line if offset {@code i} holds its terminator; false leaves the line to the
   * validating parse.
   */
  boolean tryEndLine(int i) {
    final byte[] b = buf;
    byte c = b[i];
    if (c == '\r') {
      i++;
      c = b[i];
    }
    if (c != '\n') {
      return false;
    }
    if (i >= limit) {
      if (!eof) {
        return false;
      }
      pos = limit;
    } else {
      pos = i + 1;
    }
    return true;
  }

  /** True when the current line has no characters at all. */
  boolean lineEmpty() {
    return buf[p] == '\n' || buf[p] == '\r';
  }

  /** Peeks the number of comma-separated fields of the next line without consuming it. */
  int peekFieldCount() throws IOException {
    if (limit - pos < MAX_LINE && !eof) {
      refill();
    }
    if (pos >= limit) {
      return 0;
    }
    int n = 1;
    for (int i = pos; i < limit; i++) {
      byte b = buf[i];
      if (b == '\n' || b == '\r') {
        break;
      }
      if (b == ',') {
        n++;
      }
    }
    return n;
  }

  private void refill() throws IOException {
    int rem = limit - pos;
    System.arraycopy(buf, pos, buf, 0, rem);
    pos = 0;
    limit = rem;
    // Take what the stream has once a whole line is sure to be there: a read-ahead stream then
    // hands over chunks as they come instead of making the parser wait for a full buffer.
    while (limit < MAX_LINE) {
      int n;
      try {
        n = in.read(buf, limit, capacity - limit);
      } catch (IOException e) {
        throw new IOException(fileName + ": " + e.getMessage(), e);
      }
      if (n < 0) {
        eof = true;
        break;
      }
      limit += n;
    }
    buf[limit] = '\n';
    bitsBase = INVALID;
  }

  /**
   * Parses a decimal integer (optional leading minus, at most 18 digits) as field {@code field} and
   * consumes its delimiter.
   */
  long integer(int field) throws LobsterFormatException {
    final byte[] b = buf;
    int i = p;
    fieldStart = i;
    boolean neg = false;
    if (b[i] == '-') {
      neg = true;
      i++;
    }
    final int digits = i;
    long v = 0;
    int d;
    while ((d = b[i] - '0') >= 0 && d <= 9) {
      v = v * 10 + d;
      i++;
    }
    int n = i - digits;
    if (n == 0 || n > 18) {
      throw invalid(field, "is not an integer");
    }
    p = delimiter(i, field, "is not an integer");
    return neg ? -v : v;
  }

  /**
   * Parses seconds after midnight ({@code 34200.18960767}) into nanoseconds without floating point,
   * and consumes the delimiter. Digits beyond the ninth decimal (binary-float noise such as {@code
   * 43002.632812672004}) are rounded half-up to the nanosecond.
   */
  long timeNanos(int field) throws LobsterFormatException {
    final byte[] b = buf;
    int i = p;
    fieldStart = i;
    long sec = 0;
    int d;
    while ((d = b[i] - '0') >= 0 && d <= 9) {
      sec = sec * 10 + d;
      i++;
    }
    int n = i - fieldStart;
    long frac = 0;
    if (b[i] == '.') {
      i++;
      final int fs = i;
      final int nine = fs + 9;
      while (i < nine && (d = b[i] - '0') >= 0 && d <= 9) {
        frac = frac * 10 + d;
        i++;
      }
      int nf = i - fs;
      if (nf == 0) {
        throw invalid(field, "is not a time in seconds");
      }
      frac *= POW10[9 - nf];
      if (nf == 9 && (d = b[i] - '0') >= 0 && d <= 9) {
        if (d >= 5) {
          frac++;
        }
        do {
          i++;
        } while ((d = b[i] - '0') >= 0 && d <= 9);
      }
    }
    if (n == 0 || n > 9) {
      throw invalid(field, "is not a time in seconds");
    }
    p = delimiter(i, field, "is not a time in seconds");
    return sec * 1_000_000_000L + frac;
  }

  private int delimiter(int i, int field, String problem) throws LobsterFormatException {
    byte t = buf[i];
    if (t == ',') {
      if (field == lastField) {
        p = i + 1;
        throw tooManyFields();
      }
      return i + 1;
    }
    if (t == '\n' || t == '\r') {
      if (field != lastField) {
        throw new LobsterFormatException(
            fileName,
            line,
            fieldNames[field + 1],
            "missing (expected " + fieldNames.length + " fields, found " + (field + 1) + ")");
      }
      return i;
    }
    throw invalid(field, problem);
  }

  /** Ends the current line: accepts {@code \n}, {@code \r\n} or the end of the input. */
  void endLine() throws LobsterFormatException {
    int i = p;
    if (buf[i] == '\r' && i + 1 <= limit && buf[i + 1] == '\n') {
      i++;
    }
    if (buf[i] != '\n') {
      throw new LobsterFormatException(fileName, line, null, "stray carriage return");
    }
    if (i >= limit) {
      if (!eof) {
        throw new LobsterFormatException(
            fileName, line, null, "line longer than " + MAX_LINE + " bytes");
      }
      pos = limit;
    } else {
      pos = i + 1;
    }
  }

  private LobsterFormatException tooManyFields() {
    int n = fieldNames.length + 1;
    for (int i = p; i < limit && buf[i] != '\n' && buf[i] != '\r'; i++) {
      if (buf[i] == ',') {
        n++;
      }
    }
    return new LobsterFormatException(
        fileName,
        line,
        String.valueOf(fieldNames.length + 1),
        "unexpected extra field (expected " + fieldNames.length + " fields, found " + n + ")");
  }

  /** An error about the field parsed last, quoting its raw text. */
  LobsterFormatException invalid(int field, String problem) {
    int end = fieldStart;
    while (end < limit && buf[end] != ',' && buf[end] != '\n' && buf[end] != '\r') {
      end++;
    }
    int len = Math.min(end - fieldStart, 40);
    String text =
        new String(buf, fieldStart, len, java.nio.charset.StandardCharsets.ISO_8859_1)
            + (end - fieldStart > len ? "..." : "");
    return new LobsterFormatException(
        fileName, line, fieldNames[field], '"' + text + "\" " + problem);
  }

  /** A problem with the whole current line (no single field at fault). */
  LobsterFormatException lineError(String problem) {
    return new LobsterFormatException(fileName, line, null, problem);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
