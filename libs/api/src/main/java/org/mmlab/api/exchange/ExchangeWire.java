package org.mmlab.api.exchange;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mmlab.api.CancelReason;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.sym.BinaryNameMatcher;
import tools.jackson.core.sym.PropertyNameMatcher;
import tools.jackson.core.util.JsonRecyclerPools;

/**
 * The internal protocol's JSON codec ({@link ExchangeCommand}s and {@link ExchangeMessage}s), hand
 * written on Jackson's streaming core: the same JSON Jackson databind writes and reads for these
 * records with the services' mapper (Spring Boot's defaults: nulls written, unknown properties
 * ignored), at a fraction of its cost — no polymorphic type resolution, no reflective record
 * construction, no intermediate trees.
 *
 * <p>The wire format, as databind defines it:
 *
 * <ul>
 *   <li>Every command, message and event is an object whose first property is {@code "type"} (the
 *       kind's name, e.g. {@code "submit"}, {@code "batch"}, {@code "accepted"}), then the record's
 *       components in declaration order; {@code null} components are written as {@code null}; enums
 *       by name; decimals plain.
 *   <li>{@link SubmitCommand} and {@link ExchangeEvent.Accepted} have a component named {@code
 *       type} (the order type): databind writes it as a second {@code "type"} property, so on
 *       decode the first {@code "type"} names the kind and a later one is the order type.
 * </ul>
 *
 * <p>Decoding accepts properties in any order (the kind's {@code "type"} may come late), skips
 * unknown properties, and rejects with an {@link ExchangeWireException} (one line naming the field)
 * what databind rejects: a missing or unknown {@code type}, a missing or {@code null} primitive
 * component, an unknown enum name, a value of the wrong kind, malformed or truncated JSON, trailing
 * content. It is stricter than databind where databind would coerce silently: an integer field
 * refuses a fraction (databind truncates {@code 1.5} to 1) and a quoted number, a string or enum
 * field refuses a number or boolean.
 *
 * <p>Encoding uses thread-local buffers and decoding allocates only the records, their strings and
 * lists, and the parser itself (whose buffers are recycled per thread).
 */
public final class ExchangeWire {
  /** Plain decimals as the services' mapper writes them; buffers recycled per thread. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .recyclerPool(JsonRecyclerPools.threadLocalPool())
          .build();

  /** Thread-local output buffers above this size are dropped after use (a large state message). */
  private static final int MAX_KEPT_BUFFER = 1 << 20;

  private static final ThreadLocal<ByteSink> BYTES = ThreadLocal.withInitial(ByteSink::new);
  private static final ThreadLocal<CharSink> CHARS = ThreadLocal.withInitial(CharSink::new);

  private static final Side[] SIDES = Side.values();
  private static final OrderType[] ORDER_TYPES = OrderType.values();
  private static final CancelReason[] CANCEL_REASONS = CancelReason.values();
  private static final ProblemCode[] PROBLEM_CODES = ProblemCode.values();

  // ---- property names (pre-encoded for the generator) ----
  private static final SerializableString TYPE = name("type");
  private static final SerializableString REF = name("ref");
  private static final SerializableString CLIENT_ID = name("clientId");
  private static final SerializableString CLIENT_ORDER_ID = name("clientOrderId");
  private static final SerializableString SIDE = name("side");
  private static final SerializableString PRICE = name("price");
  private static final SerializableString SIZE = name("size");
  private static final SerializableString ORDER_ID = name("orderId");
  private static final SerializableString REASON = name("reason");
  private static final SerializableString BID = name("bid");
  private static final SerializableString ASK = name("ask");
  private static final SerializableString SEQ = name("seq");
  private static final SerializableString SIM_TIME = name("simTime");
  private static final SerializableString HALTED = name("halted");
  private static final SerializableString BEST_BID = name("bestBid");
  private static final SerializableString BEST_ASK = name("bestAsk");
  private static final SerializableString EVENTS = name("events");
  private static final SerializableString INSTRUMENT = name("instrument");
  private static final SerializableString ORDERS = name("orders");
  private static final SerializableString POSITIONS = name("positions");
  private static final SerializableString QUOTE = name("quote");
  private static final SerializableString CODE = name("code");
  private static final SerializableString DETAIL = name("detail");
  private static final SerializableString REMAINING = name("remaining");
  private static final SerializableString MAKER = name("maker");
  private static final SerializableString POSITION = name("position");
  private static final SerializableString PRIORITY_KEPT = name("priorityKept");
  private static final SerializableString BOUGHT = name("bought");
  private static final SerializableString SOLD = name("sold");
  private static final SerializableString CASH = name("cash");
  private static final SerializableString FILLED = name("filled");
  private static final SerializableString SYMBOL = name("symbol");
  private static final SerializableString TICK_SIZE = name("tickSize");
  private static final SerializableString LOT_SIZE = name("lotSize");

  // ---- kind names (the "type" values) ----
  private static final String[] COMMAND_KINDS = {"submit", "cancel", "quote", "cancelAll"};
  private static final String[] EVENT_KINDS = {
    "accepted", "rejected", "filled", "cancelled", "replaced"
  };
  private static final String[] MESSAGE_KINDS = {"batch", "state"};
  private static final SerializableString[] COMMAND_TAGS = tags(COMMAND_KINDS);
  private static final SerializableString[] EVENT_TAGS = tags(EVENT_KINDS);
  private static final SerializableString[] MESSAGE_TAGS = tags(MESSAGE_KINDS);
  private static final int UNKNOWN = -1;

  // ---- commands: field indexes (a bit each), the kinds' fields and required primitives ----
  private static final String[] COMMAND_FIELDS = {
    "type",
    "ref",
    "clientId",
    "clientOrderId",
    "side",
    "price",
    "size",
    "orderId",
    "reason",
    "bid",
    "ask"
  };
  private static final int C_TYPE = 0;
  private static final int C_REF = 1;
  private static final int C_CLIENT_ID = 2;
  private static final int C_CLIENT_ORDER_ID = 3;
  private static final int C_SIDE = 4;
  private static final int C_PRICE = 5;
  private static final int C_SIZE = 6;
  private static final int C_ORDER_ID = 7;
  private static final int C_REASON = 8;
  private static final int C_BID = 9;
  private static final int C_ASK = 10;

  /** The second {@code "type"} of a submit: its order type. */
  private static final int C_ORDER_TYPE = 11;

  private static final int SUBMIT = 0;
  private static final int CANCEL = 1;
  private static final int QUOTE_KIND = 2;
  private static final int CANCEL_ALL = 3;
  private static final int[] COMMAND_ALLOWED = {
    bits(C_REF, C_CLIENT_ID, C_CLIENT_ORDER_ID, C_SIDE, C_ORDER_TYPE, C_PRICE, C_SIZE),
    bits(C_REF, C_CLIENT_ID, C_ORDER_ID),
    bits(C_REF, C_CLIENT_ID, C_BID, C_ASK),
    bits(C_REF, C_CLIENT_ID, C_REASON)
  };
  private static final int[] COMMAND_REQUIRED = {bits(C_PRICE, C_SIZE), bits(C_ORDER_ID), 0, 0};
  private static final PropertyNameMatcher COMMAND_NAMES = matcher(COMMAND_FIELDS);

  // ---- events ----
  private static final String[] EVENT_FIELDS = {
    "type",
    "clientId",
    "orderId",
    "clientOrderId",
    "side",
    "price",
    "size",
    "quote",
    "code",
    "detail",
    "remaining",
    "maker",
    "position",
    "reason",
    "priorityKept"
  };
  private static final int E_TYPE = 0;
  private static final int E_CLIENT_ID = 1;
  private static final int E_ORDER_ID = 2;
  private static final int E_CLIENT_ORDER_ID = 3;
  private static final int E_SIDE = 4;
  private static final int E_PRICE = 5;
  private static final int E_SIZE = 6;
  private static final int E_QUOTE = 7;
  private static final int E_CODE = 8;
  private static final int E_DETAIL = 9;
  private static final int E_REMAINING = 10;
  private static final int E_MAKER = 11;
  private static final int E_POSITION = 12;
  private static final int E_REASON = 13;
  private static final int E_PRIORITY_KEPT = 14;

  /** The second {@code "type"} of an accepted event: the order type. */
  private static final int E_ORDER_TYPE = 15;

  private static final int ACCEPTED = 0;
  private static final int REJECTED = 1;
  private static final int FILLED_KIND = 2;
  private static final int CANCELLED = 3;
  private static final int REPLACED = 4;
  private static final int[] EVENT_ALLOWED = {
    bits(
        E_CLIENT_ID, E_ORDER_ID, E_CLIENT_ORDER_ID, E_SIDE, E_ORDER_TYPE, E_PRICE, E_SIZE, E_QUOTE),
    bits(E_CLIENT_ID, E_ORDER_ID, E_CLIENT_ORDER_ID, E_CODE, E_DETAIL),
    bits(E_CLIENT_ID, E_ORDER_ID, E_SIDE, E_PRICE, E_SIZE, E_REMAINING, E_MAKER, E_POSITION),
    bits(E_CLIENT_ID, E_ORDER_ID, E_SIZE, E_REASON),
    bits(E_CLIENT_ID, E_ORDER_ID, E_PRICE, E_SIZE, E_PRIORITY_KEPT)
  };
  private static final int[] EVENT_REQUIRED = {
    bits(E_ORDER_ID, E_PRICE, E_SIZE, E_QUOTE),
    bits(E_ORDER_ID),
    bits(E_ORDER_ID, E_PRICE, E_SIZE, E_REMAINING, E_MAKER),
    bits(E_ORDER_ID, E_SIZE),
    bits(E_ORDER_ID, E_PRICE, E_SIZE, E_PRIORITY_KEPT)
  };
  private static final PropertyNameMatcher EVENT_NAMES = matcher(EVENT_FIELDS);

  // ---- messages ----
  private static final String[] MESSAGE_FIELDS = {
    "type",
    "seq",
    "ref",
    "simTime",
    "halted",
    "bestBid",
    "bestAsk",
    "events",
    "instrument",
    "orders",
    "positions"
  };
  private static final int M_TYPE = 0;
  private static final int M_SEQ = 1;
  private static final int M_REF = 2;
  private static final int M_SIM_TIME = 3;
  private static final int M_HALTED = 4;
  private static final int M_BEST_BID = 5;
  private static final int M_BEST_ASK = 6;
  private static final int M_EVENTS = 7;
  private static final int M_INSTRUMENT = 8;
  private static final int M_ORDERS = 9;
  private static final int M_POSITIONS = 10;
  private static final int BATCH = 0;
  private static final int STATE = 1;
  private static final int MESSAGE_COMMON =
      bits(M_SEQ, M_SIM_TIME, M_HALTED, M_BEST_BID, M_BEST_ASK);
  private static final int[] MESSAGE_ALLOWED = {
    MESSAGE_COMMON | bits(M_REF, M_EVENTS),
    MESSAGE_COMMON | bits(M_INSTRUMENT, M_ORDERS, M_POSITIONS)
  };
  private static final int[] MESSAGE_REQUIRED = {MESSAGE_COMMON, MESSAGE_COMMON};
  private static final PropertyNameMatcher MESSAGE_NAMES = matcher(MESSAGE_FIELDS);

  // ---- nested records (no discriminator) ----
  private static final String[] QUOTE_SIDE_FIELDS = {"price", "size", "clientOrderId"};
  private static final PropertyNameMatcher QUOTE_SIDE_NAMES = matcher(QUOTE_SIDE_FIELDS);
  private static final String[] POSITION_FIELDS = {
    "clientId", "position", "bought", "sold", "cash"
  };
  private static final PropertyNameMatcher POSITION_NAMES = matcher(POSITION_FIELDS);
  private static final String[] OPEN_ORDER_FIELDS = {
    "clientId",
    "orderId",
    "clientOrderId",
    "side",
    "type",
    "price",
    "size",
    "filled",
    "remaining",
    "quote"
  };
  private static final PropertyNameMatcher OPEN_ORDER_NAMES = matcher(OPEN_ORDER_FIELDS);
  private static final String[] INSTRUMENT_FIELDS = {"symbol", "tickSize", "lotSize"};
  private static final PropertyNameMatcher INSTRUMENT_NAMES = matcher(INSTRUMENT_FIELDS);

  private ExchangeWire() {}

  // =====================================================================================
  // Encoding
  // =====================================================================================

  /**
   * Encodes a command as JSON text.
   *
   * @param command the command
   * @return its JSON
   */
  public static String toJson(ExchangeCommand command) {
    CharSink sink = CHARS.get().reset();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), sink)) {
      writeCommand(g, command);
    }
    return sink.take();
  }

  /**
   * Encodes a command as UTF-8 JSON.
   *
   * @param command the command
   * @return its JSON, UTF-8
   */
  public static byte[] toBytes(ExchangeCommand command) {
    ByteSink sink = BYTES.get().reset();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), sink)) {
      writeCommand(g, command);
    }
    return sink.take();
  }

  /**
   * Encodes a message as JSON text.
   *
   * @param message the message
   * @return its JSON
   */
  public static String toJson(ExchangeMessage message) {
    CharSink sink = CHARS.get().reset();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), sink)) {
      writeMessage(g, message);
    }
    return sink.take();
  }

  /**
   * Encodes a message as UTF-8 JSON.
   *
   * @param message the message
   * @return its JSON, UTF-8
   */
  public static byte[] toBytes(ExchangeMessage message) {
    ByteSink sink = BYTES.get().reset();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), sink)) {
      writeMessage(g, message);
    }
    return sink.take();
  }

  /**
   * Writes a command as one JSON object.
   *
   * @param g the generator
   * @param command the command
   */
  public static void writeCommand(JsonGenerator g, ExchangeCommand command) {
    g.writeStartObject();
    g.writeName(TYPE);
    if (command instanceof SubmitCommand c) {
      g.writeString(COMMAND_TAGS[SUBMIT]);
      string(g, REF, c.ref());
      string(g, CLIENT_ID, c.clientId());
      string(g, CLIENT_ORDER_ID, c.clientOrderId());
      enumName(g, SIDE, c.side());
      enumName(g, TYPE, c.type());
      number(g, PRICE, c.price());
      number(g, SIZE, c.size());
    } else if (command instanceof CancelCommand c) {
      g.writeString(COMMAND_TAGS[CANCEL]);
      string(g, REF, c.ref());
      string(g, CLIENT_ID, c.clientId());
      number(g, ORDER_ID, c.orderId());
    } else if (command instanceof QuoteCommand c) {
      g.writeString(COMMAND_TAGS[QUOTE_KIND]);
      string(g, REF, c.ref());
      string(g, CLIENT_ID, c.clientId());
      quoteSide(g, BID, c.bid());
      quoteSide(g, ASK, c.ask());
    } else {
      CancelAllCommand c = (CancelAllCommand) command;
      g.writeString(COMMAND_TAGS[CANCEL_ALL]);
      string(g, REF, c.ref());
      string(g, CLIENT_ID, c.clientId());
      enumName(g, REASON, c.reason());
    }
    g.writeEndObject();
  }

  /**
   * Writes a message as one JSON object.
   *
   * @param g the generator
   * @param message the message
   */
  public static void writeMessage(JsonGenerator g, ExchangeMessage message) {
    g.writeStartObject();
    g.writeName(TYPE);
    if (message instanceof EventBatch b) {
      g.writeString(MESSAGE_TAGS[BATCH]);
      number(g, SEQ, b.seq());
      string(g, REF, b.ref());
      number(g, SIM_TIME, b.simTime());
      bool(g, HALTED, b.halted());
      number(g, BEST_BID, b.bestBid());
      number(g, BEST_ASK, b.bestAsk());
      g.writeName(EVENTS);
      List<ExchangeEvent> events = b.events();
      if (events == null) {
        g.writeNull();
      } else {
        g.writeStartArray();
        for (int i = 0, n = events.size(); i < n; i++) {
          writeEvent(g, events.get(i));
        }
        g.writeEndArray();
      }
    } else {
      SessionState s = (SessionState) message;
      g.writeString(MESSAGE_TAGS[STATE]);
      number(g, SEQ, s.seq());
      number(g, SIM_TIME, s.simTime());
      g.writeName(INSTRUMENT);
      writeInstrument(g, s.instrument());
      bool(g, HALTED, s.halted());
      number(g, BEST_BID, s.bestBid());
      number(g, BEST_ASK, s.bestAsk());
      g.writeName(ORDERS);
      List<OpenOrder> orders = s.orders();
      if (orders == null) {
        g.writeNull();
      } else {
        g.writeStartArray();
        for (int i = 0, n = orders.size(); i < n; i++) {
          writeOpenOrder(g, orders.get(i));
        }
        g.writeEndArray();
      }
      g.writeName(POSITIONS);
      List<ClientPosition> positions = s.positions();
      if (positions == null) {
        g.writeNull();
      } else {
        g.writeStartArray();
        for (int i = 0, n = positions.size(); i < n; i++) {
          writePosition(g, positions.get(i));
        }
        g.writeEndArray();
      }
    }
    g.writeEndObject();
  }

  private static void writeEvent(JsonGenerator g, ExchangeEvent event) {
    if (event == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    g.writeName(TYPE);
    if (event instanceof ExchangeEvent.Accepted e) {
      g.writeString(EVENT_TAGS[ACCEPTED]);
      string(g, CLIENT_ID, e.clientId());
      number(g, ORDER_ID, e.orderId());
      string(g, CLIENT_ORDER_ID, e.clientOrderId());
      enumName(g, SIDE, e.side());
      enumName(g, TYPE, e.type());
      number(g, PRICE, e.price());
      number(g, SIZE, e.size());
      bool(g, QUOTE, e.quote());
    } else if (event instanceof ExchangeEvent.Rejected e) {
      g.writeString(EVENT_TAGS[REJECTED]);
      string(g, CLIENT_ID, e.clientId());
      number(g, ORDER_ID, e.orderId());
      string(g, CLIENT_ORDER_ID, e.clientOrderId());
      enumName(g, CODE, e.code());
      string(g, DETAIL, e.detail());
    } else if (event instanceof ExchangeEvent.Filled e) {
      g.writeString(EVENT_TAGS[FILLED_KIND]);
      string(g, CLIENT_ID, e.clientId());
      number(g, ORDER_ID, e.orderId());
      enumName(g, SIDE, e.side());
      number(g, PRICE, e.price());
      number(g, SIZE, e.size());
      number(g, REMAINING, e.remaining());
      bool(g, MAKER, e.maker());
      g.writeName(POSITION);
      writePosition(g, e.position());
    } else if (event instanceof ExchangeEvent.Cancelled e) {
      g.writeString(EVENT_TAGS[CANCELLED]);
      string(g, CLIENT_ID, e.clientId());
      number(g, ORDER_ID, e.orderId());
      number(g, SIZE, e.size());
      enumName(g, REASON, e.reason());
    } else {
      ExchangeEvent.Replaced e = (ExchangeEvent.Replaced) event;
      g.writeString(EVENT_TAGS[REPLACED]);
      string(g, CLIENT_ID, e.clientId());
      number(g, ORDER_ID, e.orderId());
      number(g, PRICE, e.price());
      number(g, SIZE, e.size());
      bool(g, PRIORITY_KEPT, e.priorityKept());
    }
    g.writeEndObject();
  }

  private static void quoteSide(JsonGenerator g, SerializableString name, QuoteSide side) {
    g.writeName(name);
    if (side == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    number(g, PRICE, side.price());
    number(g, SIZE, side.size());
    string(g, CLIENT_ORDER_ID, side.clientOrderId());
    g.writeEndObject();
  }

  private static void writePosition(JsonGenerator g, ClientPosition p) {
    if (p == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    string(g, CLIENT_ID, p.clientId());
    number(g, POSITION, p.position());
    number(g, BOUGHT, p.bought());
    number(g, SOLD, p.sold());
    number(g, CASH, p.cash());
    g.writeEndObject();
  }

  private static void writeOpenOrder(JsonGenerator g, OpenOrder o) {
    if (o == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    string(g, CLIENT_ID, o.clientId());
    number(g, ORDER_ID, o.orderId());
    string(g, CLIENT_ORDER_ID, o.clientOrderId());
    enumName(g, SIDE, o.side());
    enumName(g, TYPE, o.type());
    number(g, PRICE, o.price());
    number(g, SIZE, o.size());
    number(g, FILLED, o.filled());
    number(g, REMAINING, o.remaining());
    bool(g, QUOTE, o.quote());
    g.writeEndObject();
  }

  private static void writeInstrument(JsonGenerator g, InstrumentInfo i) {
    if (i == null) {
      g.writeNull();
      return;
    }
    g.writeStartObject();
    string(g, SYMBOL, i.symbol());
    decimal(g, TICK_SIZE, i.tickSize());
    decimal(g, LOT_SIZE, i.lotSize());
    g.writeEndObject();
  }

  private static void string(JsonGenerator g, SerializableString name, String value) {
    g.writeName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value);
    }
  }

  private static void enumName(JsonGenerator g, SerializableString name, Enum<?> value) {
    g.writeName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeString(value.name());
    }
  }

  private static void number(JsonGenerator g, SerializableString name, long value) {
    g.writeName(name);
    g.writeNumber(value);
  }

  private static void decimal(JsonGenerator g, SerializableString name, BigDecimal value) {
    g.writeName(name);
    if (value == null) {
      g.writeNull();
    } else {
      g.writeNumber(value);
    }
  }

  private static void bool(JsonGenerator g, SerializableString name, boolean value) {
    g.writeName(name);
    g.writeBoolean(value);
  }

  // =====================================================================================
  // Decoding
  // =====================================================================================

  /**
   * Decodes a command from UTF-8 JSON.
   *
   * @param bytes the buffer
   * @param offset where the JSON starts
   * @param length its length in bytes
   * @return the command
   * @throws ExchangeWireException when the input is not a valid command
   */
  public static ExchangeCommand readCommand(byte[] bytes, int offset, int length) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes, offset, length)) {
      return rootCommand(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * Decodes a command from UTF-8 JSON read to the end of a stream (which is not closed).
   *
   * @param in the stream
   * @return the command
   * @throws ExchangeWireException when the input is not a valid command, or cannot be read
   */
  public static ExchangeCommand readCommand(InputStream in) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
      return rootCommand(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * Decodes a command from JSON text.
   *
   * @param json the text
   * @return the command
   * @throws ExchangeWireException when the input is not a valid command
   */
  public static ExchangeCommand readCommand(String json) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      return rootCommand(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * Decodes a message from UTF-8 JSON.
   *
   * @param bytes the buffer
   * @param offset where the JSON starts
   * @param length its length in bytes
   * @return the message
   * @throws ExchangeWireException when the input is not a valid message
   */
  public static ExchangeMessage readMessage(byte[] bytes, int offset, int length) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), bytes, offset, length)) {
      return rootMessage(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * Decodes a message from UTF-8 JSON read to the end of a stream (which is not closed).
   *
   * @param in the stream
   * @return the message
   * @throws ExchangeWireException when the input is not a valid message, or cannot be read
   */
  public static ExchangeMessage readMessage(InputStream in) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), in)) {
      return rootMessage(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * Decodes a message from JSON text.
   *
   * @param json the text
   * @return the message
   * @throws ExchangeWireException when the input is not a valid message
   */
  public static ExchangeMessage readMessage(String json) {
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      return rootMessage(p);
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private static ExchangeCommand rootCommand(JsonParser p) {
    startRoot(p, "command");
    ExchangeCommand command = command(p);
    endRoot(p, "command");
    return command;
  }

  private static ExchangeMessage rootMessage(JsonParser p) {
    startRoot(p, "message");
    ExchangeMessage message = message(p);
    endRoot(p, "message");
    return message;
  }

  private static void startRoot(JsonParser p, String what) {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw new ExchangeWireException(
          "a " + what + " must be a JSON object, got " + describe(t) + at(p));
    }
  }

  private static void endRoot(JsonParser p, String what) {
    JsonToken t = p.nextToken();
    if (t != null) {
      throw new ExchangeWireException("trailing content after the " + what + at(p));
    }
  }

  /** Decodes the command whose START_OBJECT is the current token. */
  private static ExchangeCommand command(JsonParser p) {
    int kind = UNKNOWN;
    int seen = 0;
    String ref = null;
    String clientId = null;
    String clientOrderId = null;
    Side side = null;
    OrderType orderType = null;
    long price = 0;
    long size = 0;
    long orderId = 0;
    CancelReason reason = null;
    QuoteSide bid = null;
    QuoteSide ask = null;
    for (int f = p.nextNameMatch(COMMAND_NAMES);
        f != PropertyNameMatcher.MATCH_END_OBJECT;
        f = p.nextNameMatch(COMMAND_NAMES)) {
      p.nextToken();
      if (f == C_TYPE) {
        if (kind == UNKNOWN) {
          kind = kind(p, COMMAND_KINDS, "command");
          continue;
        }
        f = C_ORDER_TYPE;
      }
      // Unknown properties, and (once the kind is known) other kinds' properties, are skipped.
      if (f < 0 || (kind != UNKNOWN && (COMMAND_ALLOWED[kind] & (1 << f)) == 0)) {
        p.skipChildren();
        continue;
      }
      seen |= 1 << f;
      switch (f) {
        case C_REF -> ref = string(p, "ref");
        case C_CLIENT_ID -> clientId = string(p, "clientId");
        case C_CLIENT_ORDER_ID -> clientOrderId = string(p, "clientOrderId");
        case C_SIDE -> side = enumValue(p, SIDES, "side");
        case C_ORDER_TYPE -> orderType = enumValue(p, ORDER_TYPES, "type");
        case C_PRICE -> price = longValue(p, "price");
        case C_SIZE -> size = longValue(p, "size");
        case C_ORDER_ID -> orderId = longValue(p, "orderId");
        case C_REASON -> reason = enumValue(p, CANCEL_REASONS, "reason");
        case C_BID -> bid = quoteSide(p, "bid");
        case C_ASK -> ask = quoteSide(p, "ask");
        default -> throw new IllegalStateException("unhandled command field " + f);
      }
    }
    if (kind == UNKNOWN) {
      throw new ExchangeWireException("a command without 'type'" + at(p));
    }
    checkRequired(p, seen, COMMAND_REQUIRED[kind], COMMAND_FIELDS, COMMAND_KINDS[kind]);
    return switch (kind) {
      case SUBMIT -> new SubmitCommand(ref, clientId, clientOrderId, side, orderType, price, size);
      case CANCEL -> new CancelCommand(ref, clientId, orderId);
      case QUOTE_KIND -> new QuoteCommand(ref, clientId, bid, ask);
      default -> new CancelAllCommand(ref, clientId, reason);
    };
  }

  /** Decodes the message whose START_OBJECT is the current token. */
  private static ExchangeMessage message(JsonParser p) {
    int kind = UNKNOWN;
    int seen = 0;
    long seq = 0;
    String ref = null;
    long simTime = 0;
    boolean halted = false;
    long bestBid = 0;
    long bestAsk = 0;
    List<ExchangeEvent> events = null;
    InstrumentInfo instrument = null;
    List<OpenOrder> orders = null;
    List<ClientPosition> positions = null;
    for (int f = p.nextNameMatch(MESSAGE_NAMES);
        f != PropertyNameMatcher.MATCH_END_OBJECT;
        f = p.nextNameMatch(MESSAGE_NAMES)) {
      p.nextToken();
      if (f == M_TYPE) {
        if (kind == UNKNOWN) {
          kind = kind(p, MESSAGE_KINDS, "message");
          continue;
        }
        f = UNKNOWN; // a repeated "type" is no component of either kind
      }
      if (f < 0 || (kind != UNKNOWN && (MESSAGE_ALLOWED[kind] & (1 << f)) == 0)) {
        p.skipChildren();
        continue;
      }
      seen |= 1 << f;
      switch (f) {
        case M_SEQ -> seq = longValue(p, "seq");
        case M_REF -> ref = string(p, "ref");
        case M_SIM_TIME -> simTime = longValue(p, "simTime");
        case M_HALTED -> halted = boolValue(p, "halted");
        case M_BEST_BID -> bestBid = longValue(p, "bestBid");
        case M_BEST_ASK -> bestAsk = longValue(p, "bestAsk");
        case M_EVENTS -> events = events(p);
        case M_INSTRUMENT -> instrument = instrument(p);
        case M_ORDERS -> orders = openOrders(p);
        case M_POSITIONS -> positions = positions(p);
        default -> throw new IllegalStateException("unhandled message field " + f);
      }
    }
    if (kind == UNKNOWN) {
      throw new ExchangeWireException("a message without 'type'" + at(p));
    }
    checkRequired(p, seen, MESSAGE_REQUIRED[kind], MESSAGE_FIELDS, MESSAGE_KINDS[kind]);
    return kind == BATCH
        ? new EventBatch(seq, ref, simTime, halted, bestBid, bestAsk, events)
        : new SessionState(seq, simTime, instrument, halted, bestBid, bestAsk, orders, positions);
  }

  private static List<ExchangeEvent> events(JsonParser p) {
    if (startArray(p, "events")) {
      return null;
    }
    List<ExchangeEvent> events = new ArrayList<>(4);
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      expectElement(p, t, "events");
      events.add(event(p));
    }
    return events;
  }

  /** Decodes the event whose START_OBJECT is the current token. */
  private static ExchangeEvent event(JsonParser p) {
    int kind = UNKNOWN;
    int seen = 0;
    String clientId = null;
    long orderId = 0;
    String clientOrderId = null;
    Side side = null;
    OrderType orderType = null;
    long price = 0;
    long size = 0;
    boolean quote = false;
    ProblemCode code = null;
    String detail = null;
    long remaining = 0;
    boolean maker = false;
    ClientPosition position = null;
    CancelReason reason = null;
    boolean priorityKept = false;
    for (int f = p.nextNameMatch(EVENT_NAMES);
        f != PropertyNameMatcher.MATCH_END_OBJECT;
        f = p.nextNameMatch(EVENT_NAMES)) {
      p.nextToken();
      if (f == E_TYPE) {
        if (kind == UNKNOWN) {
          kind = kind(p, EVENT_KINDS, "event");
          continue;
        }
        f = E_ORDER_TYPE;
      }
      if (f < 0 || (kind != UNKNOWN && (EVENT_ALLOWED[kind] & (1 << f)) == 0)) {
        p.skipChildren();
        continue;
      }
      seen |= 1 << f;
      switch (f) {
        case E_CLIENT_ID -> clientId = string(p, "clientId");
        case E_ORDER_ID -> orderId = longValue(p, "orderId");
        case E_CLIENT_ORDER_ID -> clientOrderId = string(p, "clientOrderId");
        case E_SIDE -> side = enumValue(p, SIDES, "side");
        case E_ORDER_TYPE -> orderType = enumValue(p, ORDER_TYPES, "type");
        case E_PRICE -> price = longValue(p, "price");
        case E_SIZE -> size = longValue(p, "size");
        case E_QUOTE -> quote = boolValue(p, "quote");
        case E_CODE -> code = enumValue(p, PROBLEM_CODES, "code");
        case E_DETAIL -> detail = string(p, "detail");
        case E_REMAINING -> remaining = longValue(p, "remaining");
        case E_MAKER -> maker = boolValue(p, "maker");
        case E_POSITION -> position = position(p);
        case E_REASON -> reason = enumValue(p, CANCEL_REASONS, "reason");
        case E_PRIORITY_KEPT -> priorityKept = boolValue(p, "priorityKept");
        default -> throw new IllegalStateException("unhandled event field " + f);
      }
    }
    if (kind == UNKNOWN) {
      throw new ExchangeWireException("an event without 'type'" + at(p));
    }
    checkRequired(p, seen, EVENT_REQUIRED[kind], EVENT_FIELDS, EVENT_KINDS[kind]);
    return switch (kind) {
      case ACCEPTED ->
          new ExchangeEvent.Accepted(
              clientId, orderId, clientOrderId, side, orderType, price, size, quote);
      case REJECTED -> new ExchangeEvent.Rejected(clientId, orderId, clientOrderId, code, detail);
      case FILLED_KIND ->
          new ExchangeEvent.Filled(
              clientId, orderId, side, price, size, remaining, maker, position);
      case CANCELLED -> new ExchangeEvent.Cancelled(clientId, orderId, size, reason);
      default -> new ExchangeEvent.Replaced(clientId, orderId, price, size, priorityKept);
    };
  }

  private static QuoteSide quoteSide(JsonParser p, String field) {
    if (startObject(p, field)) {
      return null;
    }
    int seen = 0;
    long price = 0;
    long size = 0;
    String clientOrderId = null;
    for (int f = p.nextNameMatch(QUOTE_SIDE_NAMES);
        f != PropertyNameMatcher.MATCH_END_OBJECT;
        f = p.nextNameMatch(QUOTE_SIDE_NAMES)) {
      p.nextToken();
      seen |= f < 0 ? 0 : 1 << f;
      switch (f) {
        case 0 -> price = longValue(p, "price");
        case 1 -> size = longValue(p, "size");
        case 2 -> clientOrderId = string(p, "clientOrderId");
        default -> p.skipChildren();
      }
    }
    checkRequired(p, seen, bits(0, 1), QUOTE_SIDE_FIELDS, field);
    return new QuoteSide(price, size, clientOrderId);
  }

  private static ClientPosition position(JsonParser p) {
    if (startObject(p, "position")) {
      return null;
    }
    int seen = 0;
    String clientId = null;
    long position = 0;
    long bought = 0;
    long sold = 0;
    long cash = 0;
    for (int f = p.nextNameMatch(POSITION_NAMES);
        f != PropertyNameMatcher.MATCH_END_OBJECT;
        f = p.nextNameMatch(POSITION_NAMES)) {
      p.nextToken();
      seen |= f < 0 ? 0 : 1 << f;
      switch (f) {
        case 0 -> clientId = string(p, "clientId");
        case 1 -> position = longValue(p, "position");
        case 2 -> bought = longValue(p, "bought");
        case 3 -> sold = longValue(p, "sold");
        case 4 -> cash = longValue(p, "cash");
        default -> p.skipChildren();
      }
    }
    checkRequired(p, seen, bits(1, 2, 3, 4), POSITION_FIELDS, "position");
    return new ClientPosition(clientId, position, bought, sold, cash);
  }

  private static List<ClientPosition> positions(JsonParser p) {
    if (startArray(p, "positions")) {
      return null;
    }
    List<ClientPosition> positions = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      expectElement(p, t, "positions");
      positions.add(position(p));
    }
    return positions;
  }

  private static List<OpenOrder> openOrders(JsonParser p) {
    if (startArray(p, "orders")) {
      return null;
    }
    List<OpenOrder> orders = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      expectElement(p, t, "orders");
      orders.add(openOrder(p));
    }
    return orders;
  }

  private static OpenOrder openOrder(JsonParser p) {
    int seen = 0;
    String clientId = null;
    long orderId = 0;
    String clientOrderId = null;
    Side side = null;
    OrderType type = null;
    long price = 0;
    long size = 0;
    long filled = 0;
    long remaining = 0;
    boolean quote = false;
    for (int f = p.nextNameMatch(OPEN_ORDER_NAMES);
        f != PropertyNameMatcher.MATCH_END_OBJECT;
        f = p.nextNameMatch(OPEN_ORDER_NAMES)) {
      p.nextToken();
      seen |= f < 0 ? 0 : 1 << f;
      switch (f) {
        case 0 -> clientId = string(p, "clientId");
        case 1 -> orderId = longValue(p, "orderId");
        case 2 -> clientOrderId = string(p, "clientOrderId");
        case 3 -> side = enumValue(p, SIDES, "side");
        case 4 -> type = enumValue(p, ORDER_TYPES, "type");
        case 5 -> price = longValue(p, "price");
        case 6 -> size = longValue(p, "size");
        case 7 -> filled = longValue(p, "filled");
        case 8 -> remaining = longValue(p, "remaining");
        case 9 -> quote = boolValue(p, "quote");
        default -> p.skipChildren();
      }
    }
    checkRequired(p, seen, bits(1, 5, 6, 7, 8, 9), OPEN_ORDER_FIELDS, "open order");
    return new OpenOrder(
        clientId, orderId, clientOrderId, side, type, price, size, filled, remaining, quote);
  }

  private static InstrumentInfo instrument(JsonParser p) {
    if (startObject(p, "instrument")) {
      return null;
    }
    String symbol = null;
    BigDecimal tickSize = null;
    BigDecimal lotSize = null;
    for (int f = p.nextNameMatch(INSTRUMENT_NAMES);
        f != PropertyNameMatcher.MATCH_END_OBJECT;
        f = p.nextNameMatch(INSTRUMENT_NAMES)) {
      p.nextToken();
      switch (f) {
        case 0 -> symbol = string(p, "symbol");
        case 1 -> tickSize = decimalValue(p, "tickSize");
        case 2 -> lotSize = decimalValue(p, "lotSize");
        default -> p.skipChildren();
      }
    }
    try {
      return new InstrumentInfo(symbol, tickSize, lotSize);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ExchangeWireException("bad 'instrument': " + e.getMessage() + at(p), e);
    }
  }

  // ---- values (the current token is the value) ----

  private static int kind(JsonParser p, String[] kinds, String family) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      throw new ExchangeWireException("a " + family + " with a null 'type'" + at(p));
    }
    if (t != JsonToken.VALUE_STRING) {
      throw wrongToken(p, "type", "a string", t);
    }
    int i = match(p, kinds);
    if (i < 0) {
      throw new ExchangeWireException(
          "unknown "
              + family
              + " type '"
              + p.getString()
              + "', expected one of "
              + join(kinds)
              + at(p));
    }
    return i;
  }

  private static String string(JsonParser p, String field) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getString();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongToken(p, field, "a string", t);
  }

  private static long longValue(JsonParser p, String field) {
    JsonToken t = p.currentToken();
    if (t != JsonToken.VALUE_NUMBER_INT) {
      throw wrongToken(p, field, "an integer", t);
    }
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new ExchangeWireException(
          "bad '"
              + field
              + "': "
              + p.getBigIntegerValue()
              + " is out of the range of a long"
              + at(p));
    }
    return p.getLongValue();
  }

  private static boolean boolValue(JsonParser p, String field) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw wrongToken(p, field, "true or false", t);
  }

  private static BigDecimal decimalValue(JsonParser p, String field) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return p.getDecimalValue();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongToken(p, field, "a number", t);
  }

  private static <E extends Enum<E>> E enumValue(JsonParser p, E[] values, String field) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw wrongToken(p, field, "a string", t);
    }
    char[] chars = p.getStringCharacters();
    int offset = p.getStringOffset();
    int length = p.getStringLength();
    for (E value : values) {
      if (equals(value.name(), chars, offset, length)) {
        return value;
      }
    }
    throw new ExchangeWireException(
        "bad '" + field + "': unknown value '" + p.getString() + "'" + at(p));
  }

  /** The index of the current string token in {@code names}, or -1; allocates nothing. */
  private static int match(JsonParser p, String[] names) {
    char[] chars = p.getStringCharacters();
    int offset = p.getStringOffset();
    int length = p.getStringLength();
    for (int i = 0; i < names.length; i++) {
      if (equals(names[i], chars, offset, length)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean equals(String name, char[] chars, int offset, int length) {
    if (name.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (name.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }

  /** Whether the value is null; otherwise it must be an object. */
  private static boolean startObject(JsonParser p, String field) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return true;
    }
    if (t != JsonToken.START_OBJECT) {
      throw wrongToken(p, field, "an object", t);
    }
    return false;
  }

  /** Whether the value is null; otherwise it must be an array. */
  private static boolean startArray(JsonParser p, String field) {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return true;
    }
    if (t != JsonToken.START_ARRAY) {
      throw wrongToken(p, field, "an array", t);
    }
    return false;
  }

  private static void expectElement(JsonParser p, JsonToken t, String field) {
    if (t != JsonToken.START_OBJECT) {
      throw new ExchangeWireException(
          "bad element of '" + field + "': expected an object, got " + describe(t) + at(p));
    }
  }

  private static void checkRequired(
      JsonParser p, int seen, int required, String[] names, String owner) {
    int missing = required & ~seen;
    if (missing != 0) {
      throw new ExchangeWireException(
          "missing '" + names[Integer.numberOfTrailingZeros(missing)] + "' in " + owner + at(p));
    }
  }

  private static ExchangeWireException wrongToken(
      JsonParser p, String field, String expected, JsonToken t) {
    return new ExchangeWireException(
        "bad '" + field + "': expected " + expected + ", got " + describe(t) + at(p));
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a fractional number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.name();
    };
  }

  private static String at(JsonParser p) {
    return at(p.currentTokenLocation());
  }

  private static String at(TokenStreamLocation location) {
    if (location == null) {
      return "";
    }
    long offset =
        location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
    return offset >= 0 ? " (at offset " + offset + ")" : "";
  }

  private static ExchangeWireException malformed(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    // Jackson names the unclosed object's start by a source we do not keep: drop that noise.
    int source = line.indexOf(" (start marker at [Source:");
    if (source >= 0) {
      line = line.substring(0, source);
    }
    return e instanceof JacksonIOException
        ? new ExchangeWireException("cannot read the JSON: " + line, e)
        : new ExchangeWireException("malformed JSON: " + line + at(e.getLocation()), e);
  }

  // ---- setup ----

  private static SerializableString name(String name) {
    return new SerializedString(name);
  }

  private static SerializableString[] tags(String[] kinds) {
    SerializableString[] tags = new SerializableString[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      tags[i] = new SerializedString(kinds[i]);
    }
    return tags;
  }

  private static PropertyNameMatcher matcher(String[] names) {
    return BinaryNameMatcher.construct(Arrays.asList(names));
  }

  private static int bits(int... indexes) {
    int bits = 0;
    for (int i : indexes) {
      bits |= 1 << i;
    }
    return bits;
  }

  private static String join(String[] names) {
    return String.join(", ", names);
  }

  // ---- reusable output buffers (one per thread; the generators copy into them once) ----

  /** A growable byte buffer. */
  private static final class ByteSink extends OutputStream {
    private byte[] buf = new byte[512];
    private int count;

    @Override
    public void write(int b) {
      ensure(1);
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      ensure(len);
      System.arraycopy(b, off, buf, count, len);
      count += len;
    }

    private void ensure(int more) {
      if (count + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, count + more));
      }
    }

    /** Empties the buffer (of what a failed encoding may have left). */
    ByteSink reset() {
      count = 0;
      return this;
    }

    /** The bytes written since the last take; resets the buffer. */
    byte[] take() {
      byte[] bytes = Arrays.copyOf(buf, count);
      count = 0;
      if (buf.length > MAX_KEPT_BUFFER) {
        buf = new byte[512];
      }
      return bytes;
    }
  }

  /** A growable char buffer. */
  private static final class CharSink extends Writer {
    private StringBuilder buf = new StringBuilder(512);

    @Override
    public void write(char[] c, int off, int len) {
      buf.append(c, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
      buf.append(s, off, off + len);
    }

    @Override
    public void write(int c) {
      buf.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** Empties the buffer (of what a failed encoding may have left). */
    CharSink reset() {
      buf.setLength(0);
      return this;
    }

    /** The text written since the last take; resets the buffer. */
    String take() {
      String text = buf.toString();
      if (buf.capacity() > MAX_KEPT_BUFFER) {
        buf = new StringBuilder(512);
      } else {
        buf.setLength(0);
      }
      return text;
    }
  }
}
