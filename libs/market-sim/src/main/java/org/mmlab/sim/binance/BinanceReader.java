package org.mmlab.sim.binance;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.mmlab.lob.Side;
import org.mmlab.sim.Instrument;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.base.ParserBase;
import tools.jackson.core.json.JsonFactory;

/**
 * Streams a Binance WebSocket capture: gzip (or plain) text, one message a line, {@code <local
 * receive time, ns since epoch> <raw JSON>}, the JSON being either a combined-stream envelope
 * {@code {"stream":"btcusdt@depth@100ms","data":{...}}}, a raw stream message, or the REST depth
 * snapshot {@code {"lastUpdateId":..,"bids":[..],"asks":[..]}}. Several files are read as one
 * capture, each continuing the previous one (e.g. {@code btcusdt_20240808.gz} then {@code
 * btcusdt_20240809.gz}, which has no snapshot of its own).
 *
 * <p><b>Decoding.</b> One Jackson streaming parser runs over each file (its root-level values are
 * the receive time and the message, alternately), so nothing is allocated per line: the message is
 * decoded into one reusable {@link BinanceMessage}, and decimal strings are converted straight from
 * the parser's buffer to ticks and lots of the instrument, without {@code double}. A price that is
 * not a whole number of ticks is an error. A quantity that is not a whole number of lots is rounded
 * to the nearest lot (never to zero) and counted in {@link #roundedQuantities()}: spot BTCUSDT's
 * book still holds a few legacy orders with 6-decimal sizes, far from the market, although its lot
 * is 0.00001. Streams other than depth, trade, book ticker and mark price are skipped and counted.
 *
 * <p><b>Depth synchronisation</b> follows Binance's local order book procedure (rules per venue in
 * {@link BinanceVenue}). In a real capture the snapshot is fetched after the diff stream is
 * subscribed, so depth updates arrive before it (the shared spot capture has its snapshot on line
 * 8, the USD-M one on line 55). They are held back; when the snapshot comes, it is returned, then
 * the held updates that it does not already cover, marked {@link BinanceMessage#isDeferred()
 * deferred}. Covered updates (before or after the snapshot) are dropped and counted in {@link
 * #staleDepthUpdates()}. From then on every depth update returned is checked to continue the chain,
 * across files; a gap is a {@link BinanceFormatException} naming the file and line. Trades and book
 * tickers are returned in file order as they come, also before the snapshot. A second snapshot once
 * the chain runs is skipped (the chain, not the snapshot, is the truth then). A capture whose depth
 * updates never meet a snapshot (within {@link #MAX_HELD} updates, or by the end) is an error.
 *
 * <pre>{@code
 * try (BinanceReader r = BinanceReader.open(instrument, List.of(file))) {
 *   BinanceMessage m = r.message();
 *   while (r.next()) {
 *     switch (m.type()) { ... }
 *   }
 * }
 * }</pre>
 */
public final class BinanceReader implements AutoCloseable {
  /** Depth updates held while waiting for the snapshot before the capture is rejected. */
  public static final int MAX_HELD = 10_000;

  private static final JsonFactory JSON = new JsonFactory();

  private static final int AWAIT_SNAPSHOT = 0;
  private static final int AWAIT_BRIDGE = 1;
  private static final int SYNCED = 2;

  // Stream / event kinds.
  private static final int K_NONE = 0;
  private static final int K_DEPTH = 1;
  private static final int K_TRADE = 2;
  private static final int K_TICKER = 3;
  private static final int K_MARK = 4;
  private static final int K_OTHER = 5;

  // Fields present in the current message.
  private static final int F_FIRST = 1;
  private static final int F_FINAL = 1 << 1;
  private static final int F_PREV = 1 << 2;
  private static final int F_LAST = 1 << 3;
  private static final int F_BIDS = 1 << 4;
  private static final int F_ASKS = 1 << 5;
  private static final int F_PRICE = 1 << 6;
  private static final int F_QTY = 1 << 7;
  private static final int F_MAKER = 1 << 8;
  private static final int F_TB = 1 << 9;
  private static final int F_TBQ = 1 << 10;
  private static final int F_TA = 1 << 11;
  private static final int F_TAQ = 1 << 12;

  private static final char[] DEPTH_UPDATE = "depthUpdate".toCharArray();
  private static final char[] TRADE = "trade".toCharArray();
  private static final char[] BOOK_TICKER = "bookTicker".toCharArray();
  private static final char[] MARK_PRICE_UPDATE = "markPriceUpdate".toCharArray();
  private static final char[] DEPTH = "depth".toCharArray();
  private static final char[] MARK_PRICE = "markPrice".toCharArray();
  private static final char[] MARKET = "MARKET".toCharArray();

  private final Instrument instrument;
  private final DecimalStep ticks;
  private final DecimalStep lots;
  private final List<Path> files;
  private final BinanceMessage msg = new BinanceMessage();

  private int fileIndex = -1;
  private String fileName = "";
  private JsonParser parser;
  private ParserBase lineSource;
  private long recordLine;

  private int present;
  private int streamKind;
  private int eventKind;
  private boolean priceInexact;
  private final char[] inexactText = new char[64];
  private int inexactLength;
  private String symbol;

  private BinanceVenue venue;
  private int state = AWAIT_SNAPSHOT;
  private long lastUpdateId = -1;
  private String snapshotFile;
  private long snapshotLine;
  private long prevFinal;
  private String prevFile;
  private long prevLine;
  private BinanceMessage[] held = new BinanceMessage[0];
  private int heldCount;
  private int replayIndex;
  private int replayCount;

  private long lines;
  private long snapshots;
  private long skippedSnapshots;
  private long depthUpdates;
  private long staleDepthUpdates;
  private long trades;
  private long bookTickers;
  private long markPrices;
  private long otherMessages;
  private long roundedQuantities;

  private BinanceReader(Instrument instrument, List<Path> files) {
    this.instrument = instrument;
    this.ticks = new DecimalStep(instrument.tickSize());
    this.lots = new DecimalStep(instrument.lotSize());
    this.files = List.copyOf(files);
  }

  /**
   * Opens a capture.
   *
   * @param instrument tick and lot size the prices and quantities are converted with
   * @param files one or more files, each continuing the previous one
   * @return a reader before the first message
   * @throws NoSuchFileException when a file does not exist
   * @throws IOException when the first file cannot be opened
   */
  public static BinanceReader open(Instrument instrument, List<Path> files) throws IOException {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no capture files given");
    }
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new NoSuchFileException(f.toString(), null, "Binance capture file not found");
      }
    }
    BinanceReader r = new BinanceReader(instrument, files);
    r.openNext();
    return r;
  }

  /**
   * Opens a capture of one or more files.
   *
   * @param instrument tick and lot size
   * @param files the files, each continuing the previous one
   * @return a reader before the first message
   * @throws IOException as {@link #open(Instrument, List)}
   */
  public static BinanceReader open(Instrument instrument, Path... files) throws IOException {
    return open(instrument, List.of(files));
  }

  /**
   * The cursor every {@link #next()} fills.
   *
   * @return the reusable message
   */
  public BinanceMessage message() {
    return msg;
  }

  /**
   * The instrument prices and quantities are converted with.
   *
   * @return the instrument
   */
  public Instrument instrument() {
    return instrument;
  }

  /**
   * The venue, known from the first depth update on.
   *
   * @return the venue, or null before any depth update was read
   */
  public BinanceVenue venue() {
    return venue;
  }

  /**
   * The symbol ({@code s}) of the messages, known from the first message that names it.
   *
   * @return the symbol, or null
   */
  public String symbol() {
    return symbol;
  }

  /**
   * Whether the snapshot has been read, so depth updates returned from now on maintain a book.
   *
   * @return true after the snapshot
   */
  public boolean hasSnapshot() {
    return state != AWAIT_SNAPSHOT;
  }

  /**
   * The snapshot's {@code lastUpdateId}.
   *
   * @return the id, or -1 before the snapshot
   */
  public long snapshotUpdateId() {
    return lastUpdateId;
  }

  /**
   * The final update id {@code u} of the last depth update returned.
   *
   * @return the id, or the snapshot's id right after it
   */
  public long lastFinalUpdateId() {
    return state == SYNCED ? prevFinal : lastUpdateId;
  }

  /**
   * Advances to the next message.
   *
   * @return false at the end of the last file
   * @throws BinanceFormatException on a malformed line or a broken depth chain
   * @throws IOException on a read error
   */
  public boolean next() throws IOException {
    while (replayIndex < replayCount) {
      BinanceMessage h = held[replayIndex++];
      if (admit(h)) {
        msg.copyFrom(h);
        msg.deferred = true;
        depthUpdates++;
        return true;
      }
    }
    replayIndex = 0;
    replayCount = 0;
    while (true) {
      if (parser == null) {
        return false;
      }
      if (!readRecord()) {
        if (!openNext()) {
          finish();
          return false;
        }
        continue;
      }
      BinanceMessageType type = msg.type;
      if (type == null) {
        otherMessages++;
        continue;
      }
      switch (type) {
        case DEPTH_SNAPSHOT:
          if (state != AWAIT_SNAPSHOT) {
            skippedSnapshots++;
            continue;
          }
          snapshots++;
          state = AWAIT_BRIDGE;
          lastUpdateId = msg.finalUpdateId;
          snapshotFile = msg.fileName;
          snapshotLine = msg.line;
          replayIndex = 0;
          replayCount = heldCount;
          heldCount = 0;
          return true;
        case DEPTH_UPDATE:
          checkVenue();
          if (state == AWAIT_SNAPSHOT) {
            hold();
            continue;
          }
          if (!admit(msg)) {
            continue;
          }
          depthUpdates++;
          return true;
        case TRADE:
          trades++;
          return true;
        case BOOK_TICKER:
          bookTickers++;
          return true;
        case MARK_PRICE:
          markPrices++;
          return true;
        default:
          throw new IllegalStateException("unknown type " + type);
      }
    }
  }

  /** Applies the synchronisation rules: false to drop the update; throws on a gap. */
  private boolean admit(BinanceMessage m) throws BinanceFormatException {
    if (m.finalUpdateId < m.firstUpdateId) {
      throw new BinanceFormatException(
          m.fileName,
          m.line,
          "depth update with U=" + m.firstUpdateId + " after u=" + m.finalUpdateId);
    }
    if (state == AWAIT_BRIDGE) {
      if (venue.isStale(m.finalUpdateId, lastUpdateId)) {
        staleDepthUpdates++;
        return false;
      }
      if (!venue.bridges(m.firstUpdateId, m.finalUpdateId, lastUpdateId)) {
        long id = venue == BinanceVenue.SPOT ? lastUpdateId + 1 : lastUpdateId;
        throw new BinanceFormatException(
            m.fileName,
            m.line,
            "first depth update after the snapshot (lastUpdateId="
                + lastUpdateId
                + ", "
                + snapshotFile
                + " line "
                + snapshotLine
                + ") does not continue it: U="
                + m.firstUpdateId
                + ", u="
                + m.finalUpdateId
                + ", expected U <= "
                + id
                + " <= u");
      }
      state = SYNCED;
    } else if (venue == BinanceVenue.SPOT) {
      if (m.firstUpdateId != prevFinal + 1) {
        throw chainBroken(m, "U=" + m.firstUpdateId + " expected " + (prevFinal + 1));
      }
    } else if (m.previousUpdateId != prevFinal) {
      throw chainBroken(m, "pu=" + m.previousUpdateId + " expected " + prevFinal);
    }
    prevFinal = m.finalUpdateId;
    prevFile = m.fileName;
    prevLine = m.line;
    return true;
  }

  private BinanceFormatException chainBroken(BinanceMessage m, String what) {
    return new BinanceFormatException(
        m.fileName,
        m.line,
        "depth update chain broken: "
            + what
            + " (u="
            + prevFinal
            + " at "
            + prevFile
            + " line "
            + prevLine
            + ")");
  }

  private void checkVenue() throws BinanceFormatException {
    BinanceVenue v = (present & F_PREV) != 0 ? BinanceVenue.USDM_FUTURES : BinanceVenue.SPOT;
    if (venue == null) {
      venue = v;
    } else if (venue != v) {
      throw new BinanceFormatException(
          fileName,
          msg.line,
          venue == BinanceVenue.SPOT
              ? "depth update with pu (USD-M futures) in a spot capture"
              : "depth update without pu in a USD-M futures capture");
    }
  }

  private void hold() throws BinanceFormatException {
    if (heldCount == MAX_HELD) {
      throw new BinanceFormatException(
          fileName,
          msg.line,
          "no depth snapshot ({\"lastUpdateId\":...}) within the first "
              + MAX_HELD
              + " depth updates");
    }
    if (heldCount == held.length) {
      BinanceMessage[] h = new BinanceMessage[Math.max(8, held.length * 2)];
      System.arraycopy(held, 0, h, 0, held.length);
      held = h;
    }
    if (held[heldCount] == null) {
      held[heldCount] = new BinanceMessage();
    }
    held[heldCount++].copyFrom(msg);
  }

  private void finish() throws BinanceFormatException {
    if (state == AWAIT_SNAPSHOT && heldCount > 0) {
      BinanceMessage first = held[0];
      throw new BinanceFormatException(
          first.fileName,
          0,
          heldCount
              + " depth updates (from line "
              + first.line
              + ") but no depth snapshot ({\"lastUpdateId\":...}) in the capture; if this file"
              + " continues an earlier one, give that file first");
    }
  }

  private boolean openNext() throws IOException {
    closeParser();
    if (++fileIndex >= files.size()) {
      return false;
    }
    Path f = files.get(fileIndex);
    fileName = f.getFileName().toString();
    InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16);
    try {
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      if (b0 == 0x1f && b1 == 0x8b) {
        in = new GZIPInputStream(in, 1 << 16);
      }
      parser = JSON.createParser(ObjectReadContext.empty(), in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    lineSource = parser instanceof ParserBase ? (ParserBase) parser : null;
    recordLine = 0;
    return true;
  }

  private void closeParser() {
    if (parser != null) {
      JsonParser p = parser;
      parser = null;
      lineSource = null;
      p.close();
    }
  }

  private long tokenLine() {
    return lineSource != null
        ? lineSource.getTokenLineNr()
        : parser.currentTokenLocation().getLineNr();
  }

  private boolean readRecord() throws IOException {
    JsonParser p = parser;
    long line = 0;
    try {
      JsonToken t = p.nextToken();
      if (t == null) {
        return false;
      }
      line = tokenLine();
      if (t != JsonToken.VALUE_NUMBER_INT) {
        throw new BinanceFormatException(
            fileName,
            line,
            "a line must start with the local receive time in nanoseconds, found " + describe(t));
      }
      if (line == recordLine) {
        throw new BinanceFormatException(fileName, line, "more than one message on the line");
      }
      recordLine = line;
      lines++;
      msg.clear();
      msg.fileName = fileName;
      msg.line = line;
      long ts = p.getLongValue();
      if (ts <= 0) {
        throw new BinanceFormatException(
            fileName, line, "receive time must be positive nanoseconds, got " + ts);
      }
      msg.receiveTimeNanos = ts;
      t = p.nextToken();
      if (t != JsonToken.START_OBJECT || tokenLine() != line) {
        throw new BinanceFormatException(
            fileName, line, "expected a JSON object after the receive time on the same line");
      }
      present = 0;
      streamKind = K_NONE;
      eventKind = K_NONE;
      priceInexact = false;
      parseObject(0);
      if (tokenLine() != line) {
        throw new BinanceFormatException(
            fileName, line, "message does not end on its line (one message a line)");
      }
    } catch (JacksonException e) {
      long at = line > 0 ? line : (e.getLocation() != null ? e.getLocation().getLineNr() : 0);
      throw new BinanceFormatException(fileName, at, "malformed JSON: " + e.getOriginalMessage());
    }
    resolveType();
    return true;
  }

  private static String describe(JsonToken t) {
    return t == JsonToken.START_OBJECT
        ? "a JSON object"
        : t.asString() != null ? t.asString() : t.name();
  }

  private void parseObject(int depth) throws IOException {
    JsonParser p = parser;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken v = p.nextToken();
      switch (name) {
        case "stream":
          streamKind = v == JsonToken.VALUE_STRING ? streamKind() : K_OTHER;
          break;
        case "data":
          if (v == JsonToken.START_OBJECT && depth == 0) {
            parseObject(1);
          } else {
            p.skipChildren();
          }
          break;
        case "e":
          eventKind = v == JsonToken.VALUE_STRING ? eventKind() : K_OTHER;
          break;
        case "E":
          msg.eventTimeMillis = integer(v, name);
          break;
        case "T":
          msg.transactionTimeMillis = integer(v, name);
          break;
        case "s":
          checkSymbol(v);
          break;
        case "U":
          msg.firstUpdateId = integer(v, name);
          present |= F_FIRST;
          break;
        case "u":
          msg.finalUpdateId = integer(v, name);
          present |= F_FINAL;
          break;
        case "pu":
          msg.previousUpdateId = integer(v, name);
          present |= F_PREV;
          break;
        case "lastUpdateId":
          msg.finalUpdateId = integer(v, name);
          present |= F_LAST;
          break;
        case "b":
        case "bids":
          if (v == JsonToken.START_ARRAY) {
            msg.bidCount = levels(true, name);
            present |= F_BIDS;
          } else if (isDecimal(v) && name.length() == 1) {
            msg.ensureBids(1);
            msg.bidPrices[0] = price(name);
            present |= F_TB;
          } else {
            p.skipChildren();
          }
          break;
        case "a":
        case "asks":
          if (v == JsonToken.START_ARRAY) {
            msg.askCount = levels(false, name);
            present |= F_ASKS;
          } else if (isDecimal(v) && name.length() == 1) {
            msg.ensureAsks(1);
            msg.askPrices[0] = price(name);
            present |= F_TA;
          } else {
            p.skipChildren();
          }
          break;
        case "B":
          if (isDecimal(v)) {
            msg.ensureBids(1);
            msg.bidSizes[0] = quantity(name);
            present |= F_TBQ;
          }
          break;
        case "A":
          if (isDecimal(v)) {
            msg.ensureAsks(1);
            msg.askSizes[0] = quantity(name);
            present |= F_TAQ;
          }
          break;
        case "p":
          if (isDecimal(v)) {
            msg.price = roundedPrice(name);
            present |= F_PRICE;
          }
          break;
        case "q":
          if (isDecimal(v)) {
            msg.size = quantity(name);
            present |= F_QTY;
          }
          break;
        case "m":
          if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
            msg.aggressor = v == JsonToken.VALUE_TRUE ? Side.ASK : Side.BID;
            present |= F_MAKER;
          }
          break;
        case "t":
          if (v == JsonToken.VALUE_NUMBER_INT) {
            msg.tradeId = p.getLongValue();
          }
          break;
        case "X":
          if (v == JsonToken.VALUE_STRING) {
            msg.marketTrade = textEquals(MARKET);
          }
          break;
        default:
          p.skipChildren();
          break;
      }
    }
    if (t != JsonToken.END_OBJECT) {
      throw new BinanceFormatException(fileName, recordLine, "unexpected " + describe(t));
    }
  }

  private void resolveType() throws BinanceFormatException {
    BinanceMessageType type;
    if ((present & F_LAST) != 0) {
      require(F_BIDS, "bids");
      require(F_ASKS, "asks");
      type = BinanceMessageType.DEPTH_SNAPSHOT;
    } else if (eventKind != K_NONE) {
      type = typeOf(eventKind);
    } else if (streamKind == K_TICKER) {
      type = BinanceMessageType.BOOK_TICKER;
    } else {
      type = null;
    }
    if (type == null) {
      msg.type = null;
      return;
    }
    switch (type) {
      case DEPTH_UPDATE:
        require(F_FIRST, "U");
        require(F_FINAL, "u");
        require(F_BIDS, "b");
        require(F_ASKS, "a");
        break;
      case TRADE:
        require(F_PRICE, "p");
        require(F_QTY, "q");
        require(F_MAKER, "m");
        if (priceInexact) {
          throw notMultiple("p", "price", new String(inexactText, 0, inexactLength), ticks);
        }
        break;
      case BOOK_TICKER:
        require(F_TB, "b");
        require(F_TBQ, "B");
        require(F_TA, "a");
        require(F_TAQ, "A");
        msg.bidCount = 1;
        msg.askCount = 1;
        break;
      case MARK_PRICE:
        require(F_PRICE, "p");
        // T of a mark price update is the next funding time, not a transaction time.
        msg.transactionTimeMillis = -1;
        break;
      default:
        break;
    }
    msg.type = type;
  }

  private static BinanceMessageType typeOf(int kind) {
    switch (kind) {
      case K_DEPTH:
        return BinanceMessageType.DEPTH_UPDATE;
      case K_TRADE:
        return BinanceMessageType.TRADE;
      case K_TICKER:
        return BinanceMessageType.BOOK_TICKER;
      case K_MARK:
        return BinanceMessageType.MARK_PRICE;
      default:
        return null;
    }
  }

  private void require(int flag, String field) throws BinanceFormatException {
    if ((present & flag) == 0) {
      String what = eventKind == K_NONE && (present & F_LAST) != 0 ? "depth snapshot" : "message";
      throw new BinanceFormatException(
          fileName, recordLine, what + " without field \"" + field + "\"");
    }
  }

  private static boolean isDecimal(JsonToken v) {
    return v == JsonToken.VALUE_STRING
        || v == JsonToken.VALUE_NUMBER_INT
        || v == JsonToken.VALUE_NUMBER_FLOAT;
  }

  private long integer(JsonToken v, String field) throws BinanceFormatException {
    if (v != JsonToken.VALUE_NUMBER_INT) {
      throw new BinanceFormatException(
          fileName, recordLine, "field " + field + ": expected an integer, found " + describe(v));
    }
    return parser.getLongValue();
  }

  private int levels(boolean bids, String field) throws IOException {
    JsonParser p = parser;
    int n = 0;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.START_ARRAY) {
      if (!isDecimal(p.nextToken())) {
        throw badLevel(field);
      }
      long px = price(field);
      if (!isDecimal(p.nextToken())) {
        throw badLevel(field);
      }
      long sz = quantity(field);
      // Tolerate trailing elements (old API versions sent an empty array third).
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw badLevel(field);
        }
        p.skipChildren();
      }
      if (bids) {
        msg.ensureBids(n + 1);
        msg.bidPrices[n] = px;
        msg.bidSizes[n] = sz;
      } else {
        msg.ensureAsks(n + 1);
        msg.askPrices[n] = px;
        msg.askSizes[n] = sz;
      }
      n++;
    }
    if (t != JsonToken.END_ARRAY) {
      throw badLevel(field);
    }
    return n;
  }

  private BinanceFormatException badLevel(String field) {
    return new BinanceFormatException(
        fileName,
        recordLine,
        "field " + field + ": expected an array of [price, quantity] pairs of decimal strings");
  }

  private long price(String field) throws BinanceFormatException {
    JsonParser p = parser;
    long v =
        ticks.convert(p.getStringCharacters(), p.getStringOffset(), p.getStringLength(), false);
    if (v < 0) {
      throw conversion(field, "price", ticks, v);
    }
    return v;
  }

  /** A trade or mark price: rounded here; the type decides later whether that is an error. */
  private long roundedPrice(String field) throws BinanceFormatException {
    JsonParser p = parser;
    char[] c = p.getStringCharacters();
    int off = p.getStringOffset();
    int len = p.getStringLength();
    long v = ticks.convert(c, off, len, true);
    if (v < 0) {
      throw conversion(field, "price", ticks, v);
    }
    if (ticks.rounded()) {
      priceInexact = true;
      inexactLength = Math.min(len, inexactText.length);
      System.arraycopy(c, off, inexactText, 0, inexactLength);
    }
    return v;
  }

  private long quantity(String field) throws BinanceFormatException {
    JsonParser p = parser;
    long v = lots.convert(p.getStringCharacters(), p.getStringOffset(), p.getStringLength(), true);
    if (v < 0) {
      throw conversion(field, "quantity", lots, v);
    }
    if (lots.rounded()) {
      roundedQuantities++;
    }
    return v;
  }

  private BinanceFormatException conversion(String field, String what, DecimalStep step, long v) {
    String text = parser.getString();
    if (v == DecimalStep.NOT_A_MULTIPLE) {
      return notMultiple(field, what, text, step);
    }
    return new BinanceFormatException(
        fileName,
        recordLine,
        "field " + field + ": " + what + " \"" + text + "\" is not a non-negative decimal");
  }

  private BinanceFormatException notMultiple(
      String field, String what, String text, DecimalStep step) {
    return new BinanceFormatException(
        fileName,
        recordLine,
        "field "
            + field
            + ": "
            + what
            + " \""
            + text
            + "\" is not a multiple of the "
            + (step == ticks ? "tick " : "lot ")
            + step.step().toPlainString()
            + " of "
            + instrument.symbol());
  }

  private void checkSymbol(JsonToken v) throws BinanceFormatException {
    if (v != JsonToken.VALUE_STRING) {
      throw new BinanceFormatException(fileName, recordLine, "field s: expected a symbol");
    }
    JsonParser p = parser;
    char[] c = p.getStringCharacters();
    int off = p.getStringOffset();
    int len = p.getStringLength();
    if (symbol == null) {
      symbol = new String(c, off, len);
      return;
    }
    boolean same = symbol.length() == len;
    for (int i = 0; same && i < len; i++) {
      same = symbol.charAt(i) == c[off + i];
    }
    if (!same) {
      throw new BinanceFormatException(
          fileName, recordLine, "symbol " + new String(c, off, len) + " in a capture of " + symbol);
    }
  }

  private boolean textEquals(char[] expected) {
    JsonParser p = parser;
    return regionEquals(
        p.getStringCharacters(), p.getStringOffset(), p.getStringLength(), expected);
  }

  private static boolean regionEquals(char[] c, int off, int len, char[] expected) {
    if (len != expected.length) {
      return false;
    }
    for (int i = 0; i < len; i++) {
      if (c[off + i] != expected[i]) {
        return false;
      }
    }
    return true;
  }

  private int eventKind() {
    JsonParser p = parser;
    char[] c = p.getStringCharacters();
    int off = p.getStringOffset();
    int len = p.getStringLength();
    if (regionEquals(c, off, len, DEPTH_UPDATE)) {
      return K_DEPTH;
    }
    if (regionEquals(c, off, len, TRADE)) {
      return K_TRADE;
    }
    if (regionEquals(c, off, len, BOOK_TICKER)) {
      return K_TICKER;
    }
    if (regionEquals(c, off, len, MARK_PRICE_UPDATE)) {
      return K_MARK;
    }
    return K_OTHER;
  }

  /** The kind of a stream name {@code symbol@kind[@speed]}. */
  private int streamKind() {
    JsonParser p = parser;
    char[] c = p.getStringCharacters();
    int off = p.getStringOffset();
    int end = off + p.getStringLength();
    int at = off;
    while (at < end && c[at] != '@') {
      at++;
    }
    int start = at + 1;
    int stop = start;
    while (stop < end && c[stop] != '@') {
      stop++;
    }
    int len = stop - start;
    if (len <= 0) {
      return K_OTHER;
    }
    if (regionEquals(c, start, len, DEPTH)) {
      return K_DEPTH;
    }
    if (regionEquals(c, start, len, TRADE)) {
      return K_TRADE;
    }
    if (regionEquals(c, start, len, BOOK_TICKER)) {
      return K_TICKER;
    }
    if (regionEquals(c, start, len, MARK_PRICE)) {
      return K_MARK;
    }
    return K_OTHER;
  }

  /**
   * Lines read so far (messages of any kind, including skipped ones).
   *
   * @return count
   */
  public long lines() {
    return lines;
  }

  /**
   * Depth snapshots returned (one per capture).
   *
   * @return count
   */
  public long snapshots() {
    return snapshots;
  }

  /**
   * Snapshots met after the chain was already running, skipped.
   *
   * @return count
   */
  public long skippedSnapshots() {
    return skippedSnapshots;
  }

  /**
   * Depth updates returned, each continuing the chain.
   *
   * @return count
   */
  public long depthUpdates() {
    return depthUpdates;
  }

  /**
   * Depth updates dropped because the snapshot already covers them.
   *
   * @return count
   */
  public long staleDepthUpdates() {
    return staleDepthUpdates;
  }

  /**
   * Trades returned.
   *
   * @return count
   */
  public long trades() {
    return trades;
  }

  /**
   * Book tickers returned.
   *
   * @return count
   */
  public long bookTickers() {
    return bookTickers;
  }

  /**
   * Mark price updates returned.
   *
   * @return count
   */
  public long markPrices() {
    return markPrices;
  }

  /**
   * Messages of other streams (e.g. {@code aggTrade}, {@code kline}), skipped.
   *
   * @return count
   */
  public long otherMessages() {
    return otherMessages;
  }

  /**
   * Quantities that were not a whole number of lots and were rounded.
   *
   * @return count
   */
  public long roundedQuantities() {
    return roundedQuantities;
  }

  /** Closes the current file. */
  @Override
  public void close() {
    closeParser();
    fileIndex = files.size();
  }
}
