package org.mmlab.api.exchange;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmlab.api.CancelReason;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link ExchangeWire} speaks exactly the JSON that databind speaks for the internal protocol, with
 * the services' mapper configuration (Spring Boot's: unknown properties ignored, no default view
 * inclusion, nulls written; plus the services' plain decimals): seeded random instances of every
 * command, message and event kind go codec → databind, databind → codec and codec → codec
 * unchanged, and the codec's text is byte for byte databind's.
 */
class ExchangeWireTest {
  /** Configured as Spring Boot configures the services' mapper (JacksonAutoConfiguration). */
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
          .build();

  private static final int SEEDS = 300;

  static LongStream seeds() {
    return LongStream.range(0, SEEDS).map(i -> 0x5EED_0000L + i);
  }

  // ---- the three directions, for every kind ----

  @ParameterizedTest
  @MethodSource("seeds")
  void commandsRoundTripInEveryDirection(long seed) {
    Gen gen = new Gen(seed);
    for (ExchangeCommand command : gen.commands()) {
      String databind = JSON.writeValueAsString(command);
      String codec = ExchangeWire.toJson(command);
      byte[] codecBytes = ExchangeWire.toBytes(command);
      // (a) codec → databind
      assertThat(JSON.readValue(codec, ExchangeCommand.class)).isEqualTo(command);
      assertThat(JSON.readValue(codecBytes, ExchangeCommand.class)).isEqualTo(command);
      // (b) databind → codec, from every source
      assertThat(ExchangeWire.readCommand(databind)).isEqualTo(command);
      byte[] utf8 = databind.getBytes(UTF_8);
      assertThat(ExchangeWire.readCommand(utf8, 0, utf8.length)).isEqualTo(command);
      byte[] framed = framed(utf8);
      assertThat(ExchangeWire.readCommand(framed, 3, utf8.length)).isEqualTo(command);
      assertThat(ExchangeWire.readCommand(new ByteArrayInputStream(utf8))).isEqualTo(command);
      // (c) codec → codec
      assertThat(ExchangeWire.readCommand(codec)).isEqualTo(command);
      assertThat(ExchangeWire.readCommand(codecBytes, 0, codecBytes.length)).isEqualTo(command);
      // and the very same text
      assertThat(codec).isEqualTo(databind);
      assertThat(new String(codecBytes, UTF_8)).isEqualTo(databind);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void messagesRoundTripInEveryDirection(long seed) {
    Gen gen = new Gen(seed);
    for (ExchangeMessage message : List.of(gen.batch(), gen.batch(), gen.state())) {
      String databind = JSON.writeValueAsString(message);
      String codec = ExchangeWire.toJson(message);
      byte[] codecBytes = ExchangeWire.toBytes(message);
      assertThat(JSON.readValue(codec, ExchangeMessage.class)).isEqualTo(message);
      assertThat(JSON.readValue(codecBytes, ExchangeMessage.class)).isEqualTo(message);
      assertThat(ExchangeWire.readMessage(databind)).isEqualTo(message);
      byte[] utf8 = databind.getBytes(UTF_8);
      assertThat(ExchangeWire.readMessage(utf8, 0, utf8.length)).isEqualTo(message);
      assertThat(ExchangeWire.readMessage(framed(utf8), 3, utf8.length)).isEqualTo(message);
      assertThat(ExchangeWire.readMessage(new ByteArrayInputStream(utf8))).isEqualTo(message);
      assertThat(ExchangeWire.readMessage(codec)).isEqualTo(message);
      assertThat(ExchangeWire.readMessage(codecBytes, 0, codecBytes.length)).isEqualTo(message);
      assertThat(codec).isEqualTo(databind);
      assertThat(new String(codecBytes, UTF_8)).isEqualTo(databind);
    }
  }

  /** Every event kind appears in the generated batches (so the round trips above cover them). */
  @Test
  void theGeneratorsCoverEveryKind() {
    List<Class<?>> kinds = new ArrayList<>();
    for (long seed : seeds().limit(50).toArray()) {
      Gen gen = new Gen(seed);
      gen.commands().forEach(c -> kinds.add(c.getClass()));
      EventBatch batch = gen.batch();
      if (batch.events() != null) {
        batch.events().forEach(e -> kinds.add(e.getClass()));
      }
    }
    assertThat(kinds)
        .contains(
            SubmitCommand.class,
            CancelCommand.class,
            QuoteCommand.class,
            CancelAllCommand.class,
            ExchangeEvent.Accepted.class,
            ExchangeEvent.Rejected.class,
            ExchangeEvent.Filled.class,
            ExchangeEvent.Cancelled.class,
            ExchangeEvent.Replaced.class);
  }

  // ---- unknown properties and property order ----

  @ParameterizedTest
  @MethodSource("seeds")
  void unknownPropertiesAreSkippedAtEveryLevel(long seed) {
    Gen gen = new Gen(seed);
    for (ExchangeCommand command : gen.commands()) {
      String noisy = withUnknownProperties(ExchangeWire.toJson(command), gen.random);
      assertThat(ExchangeWire.readCommand(noisy)).isEqualTo(command);
      assertThat(JSON.readValue(noisy, ExchangeCommand.class)).isEqualTo(command);
    }
    for (ExchangeMessage message : List.of(gen.batch(), gen.state())) {
      String noisy = withUnknownProperties(ExchangeWire.toJson(message), gen.random);
      byte[] utf8 = noisy.getBytes(UTF_8);
      assertThat(ExchangeWire.readMessage(utf8, 0, utf8.length)).isEqualTo(message);
      assertThat(JSON.readValue(noisy, ExchangeMessage.class)).isEqualTo(message);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'ref':'r','orderId':7,'clientId':'c','type':'cancel'}",
        "{'ref':'r','price':5,'type':'submit','size':3,'type':'IOC','side':'SELL','x':[1]}",
        "{'size':3,'type':'submit','price':-5,'orderId':9,'reason':'USER'}",
        "{'clientId':null,'reason':'KILL_SWITCH','type':'cancelAll','bid':{'weird':1}}",
        "{'ask':{'clientOrderId':'q','size':2,'price':1},'type':'quote','ref':'r','orderId':3}"
      })
  void theTypeMayComeAnywhereAndOtherKindsPropertiesAreIgnored(String single) {
    String json = single.replace('\'', '"');
    assertThat(ExchangeWire.readCommand(json))
        .isEqualTo(JSON.readValue(json, ExchangeCommand.class));
  }

  @Test
  void aLateBatchTypeStillDecodes() {
    String json =
        ("{'events':[{'size':3,'orderId':1,'reason':'IOC_REMAINDER','type':'cancelled'}],"
                + "'seq':4,'simTime':5,'halted':false,'bestBid':1,'bestAsk':2,'type':'batch'}")
            .replace('\'', '"');
    assertThat(ExchangeWire.readMessage(json))
        .isEqualTo(JSON.readValue(json, ExchangeMessage.class));
  }

  // ---- malformed input ----

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'ref':'r'} | a command without 'type'",
        "{'type':null,'ref':'r'} | a command with a null 'type'",
        "{'type':'nope','ref':'r'} | unknown command type 'nope'",
        "{'type':5,'ref':'r'} | bad 'type': expected a string, got an integer",
        "{'type':'cancel','ref':'r'} | missing 'orderId' in cancel",
        "{'type':'cancel','ref':'r','orderId':null} | bad 'orderId': expected an integer, got null",
        "{'type':'cancel','ref':'r','orderId':'12'} | bad 'orderId': expected an integer, got a string",
        "{'type':'cancel','ref':'r','orderId':1.5} | "
            + "bad 'orderId': expected an integer, got a fractional number",
        "{'type':'cancel','ref':'r','orderId':true} | bad 'orderId': expected an integer, got a boolean",
        "{'type':'cancel','ref':'r','orderId':99999999999999999999} | "
            + "bad 'orderId': 99999999999999999999 is out of the range of a long",
        "{'type':'cancel','ref':{},'orderId':1} | bad 'ref': expected a string, got an object",
        "{'type':'cancel','ref':7,'orderId':1} | bad 'ref': expected a string, got an integer",
        "{'type':'submit','ref':'r','side':'UP','price':1,'size':1} | bad 'side': unknown value 'UP'",
        "{'type':'submit','ref':'r','side':'BUY','type':3,'price':1,'size':1} | "
            + "bad 'type': expected a string, got an integer",
        "{'type':'submit','ref':'r','price':1} | missing 'size' in submit",
        "{'type':'cancelAll','ref':'r','reason':0} | bad 'reason': expected a string, got an integer",
        "{'type':'quote','ref':'r','bid':5} | bad 'bid': expected an object, got an integer",
        "{'type':'quote','ref':'r','bid':{'price':1}} | missing 'size' in bid",
        "{'type':'cancel','ref':'r','orderId':1 | malformed JSON",
        "{'type':'cancel','ref':'r','orderId':1} {} | trailing content after the command",
        "{'type':'cancel','ref':'r','orderId':1} x | malformed JSON",
        "'' | a command must be a JSON object, got end of input",
        "[] | a command must be a JSON object, got an array",
        "nonsense | malformed JSON",
      })
  void malformedCommandsFailWithOneLineNamingTheProblem(String single, String expected) {
    String json = single.replace('\'', '"');
    String input = json.equals("\"\"") ? "" : json;
    byte[] utf8 = input.getBytes(UTF_8);
    for (Runnable decode :
        List.<Runnable>of(
            () -> ExchangeWire.readCommand(input),
            () -> ExchangeWire.readCommand(utf8, 0, utf8.length),
            () -> ExchangeWire.readCommand(new ByteArrayInputStream(utf8)))) {
      assertThatThrownBy(decode::run)
          .isInstanceOf(ExchangeWireException.class)
          .hasMessageStartingWith(expected)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'seq':1} | a message without 'type'",
        "{'type':'bundle','seq':1} | unknown message type 'bundle'",
        "{'type':'batch','seq':1,'simTime':1,'halted':1,'bestBid':0,'bestAsk':0,'events':[]} | "
            + "bad 'halted': expected true or false, got an integer",
        "{'type':'batch','seq':1,'simTime':1,'halted':false,'bestBid':0,'events':[]} | "
            + "missing 'bestAsk' in batch",
        "{'type':'batch','seq':1,'simTime':1,'halted':false,'bestBid':0,'bestAsk':0,'events':{}} | "
            + "bad 'events': expected an array, got an object",
        "{'type':'batch','seq':1,'simTime':1,'halted':false,'bestBid':0,'bestAsk':0,'events':[null]}"
            + " | bad element of 'events': expected an object, got null",
        "{'type':'batch','seq':1,'simTime':1,'halted':false,'bestBid':0,'bestAsk':0,"
            + "'events':[{'clientId':'c'}]} | an event without 'type'",
        "{'type':'batch','seq':1,'simTime':1,'halted':false,'bestBid':0,'bestAsk':0,"
            + "'events':[{'type':'exploded'}]} | unknown event type 'exploded'",
        "{'type':'batch','seq':1,'simTime':1,'halted':false,'bestBid':0,'bestAsk':0,"
            + "'events':[{'type':'cancelled','orderId':1,'reason':'USER'}]} | missing 'size' in cancelled",
        "{'type':'batch','seq':1,'simTime':1,'halted':false,'bestBid':0,'bestAsk':0,"
            + "'events':[{'type':'rejected','orderId':1,'code':'NO_SUCH_CODE'}]} | "
            + "bad 'code': unknown value 'NO_SUCH_CODE'",
        "{'type':'batch','seq':1,'simTime':1,'halted':false,'bestBid':0,'bestAsk':0,"
            + "'events':[{'type':'filled','orderId':1,'price':1,'size':1,'remaining':0,'maker':true,"
            + "'position':{'clientId':'c','position':1}}]} | missing 'bought' in position",
        "{'type':'state','seq':1,'simTime':1,'halted':false,'bestBid':0,'bestAsk':0,"
            + "'instrument':{'symbol':'S','tickSize':0,'lotSize':1}} | "
            + "bad 'instrument': tick and lot sizes must be positive: S",
        "{'type':'state','seq':1,'simTime':1,'halted':false,'bestBid':0,'bestAsk':0,"
            + "'instrument':{'symbol':'S','tickSize':'0.01','lotSize':1}} | "
            + "bad 'tickSize': expected a number, got a string",
        "{'type':'state','seq':1,'simTime':1,'halted':false,'bestBid':0,'bestAsk':0,"
            + "'orders':[{'orderId':1}]} | missing 'price' in open order",
      })
  void malformedMessagesFailWithOneLineNamingTheProblem(String single, String expected) {
    String json = single.replace('\'', '"');
    byte[] utf8 = json.getBytes(UTF_8);
    for (Runnable decode :
        List.<Runnable>of(
            () -> ExchangeWire.readMessage(json),
            () -> ExchangeWire.readMessage(utf8, 0, utf8.length),
            () -> ExchangeWire.readMessage(new ByteArrayInputStream(utf8)))) {
      assertThatThrownBy(decode::run)
          .isInstanceOf(ExchangeWireException.class)
          .hasMessageStartingWith(expected)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  /** No proper prefix of a message decodes: truncation is always an error, never a value. */
  @ParameterizedTest
  @MethodSource("seeds")
  void everyTruncationFails(long seed) {
    if (seed % 10 != 0) {
      return; // prefixes are quadratic in the message's length: a tenth of the seeds suffice
    }
    Gen gen = new Gen(seed);
    byte[] batch = ExchangeWire.toBytes(gen.batch());
    for (int length = 0; length < batch.length; length++) {
      int n = length;
      assertThatThrownBy(() -> ExchangeWire.readMessage(batch, 0, n))
          .isInstanceOf(ExchangeWireException.class);
    }
    byte[] command = ExchangeWire.toBytes(gen.commands().get(0));
    for (int length = 0; length < command.length; length++) {
      int n = length;
      assertThatThrownBy(() -> ExchangeWire.readCommand(command, 0, n))
          .isInstanceOf(ExchangeWireException.class);
    }
  }

  // ---- helpers ----

  private static byte[] framed(byte[] utf8) {
    byte[] framed = new byte[utf8.length + 5];
    framed[0] = '[';
    framed[1] = '{';
    framed[2] = '"';
    System.arraycopy(utf8, 0, framed, 3, utf8.length);
    framed[utf8.length + 3] = ']';
    framed[utf8.length + 4] = '}';
    return framed;
  }

  /**
   * Copies the JSON token by token, adding an unknown property (of a random shape) at the start or
   * end of every object.
   */
  private static String withUnknownProperties(String json, Random random) {
    JsonFactory factory = new JsonFactory();
    StringWriter out = new StringWriter();
    try (JsonParser p = factory.createParser(ObjectReadContext.empty(), json);
        JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.END_OBJECT && random.nextBoolean()) {
          unknown(g, random);
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT) {
          g.writeNumber(p.getString()); // verbatim: a copied double would drop 0.50's zero
        } else {
          g.copyCurrentEvent(p);
        }
        if (t == JsonToken.START_OBJECT && random.nextBoolean()) {
          unknown(g, random);
        }
      }
    }
    return out.toString();
  }

  private static void unknown(JsonGenerator g, Random random) {
    g.writeName("zz" + random.nextInt(1000));
    switch (random.nextInt(5)) {
      case 0 -> g.writeNull();
      case 1 -> g.writeString("type");
      case 2 -> g.writeNumber(random.nextDouble());
      case 3 -> {
        g.writeStartArray();
        g.writeNumber(1);
        g.writeStartObject();
        g.writeName("type");
        g.writeString("batch");
        g.writeEndObject();
        g.writeEndArray();
      }
      default -> {
        g.writeStartObject();
        g.writeName("events");
        g.writeStartArray();
        g.writeEndArray();
        g.writeEndObject();
      }
    }
  }

  /** Seeded random instances of the protocol's records. */
  static final class Gen {
    private static final String[] PIECES = {
      "a",
      "Z",
      "0",
      " ",
      "é",
      "中",
      "\uD83D\uDE80",
      "\"",
      "\\",
      "/",
      "\n",
      "\t",
      "\u0001",
      "{",
      "}",
      "type",
      "ü",
      "\u2028"
    };
    final Random random;

    Gen(long seed) {
      random = new Random(seed);
    }

    List<ExchangeCommand> commands() {
      return List.of(
          new SubmitCommand(
              string(), string(), string(), side(), orderType(), anyLong(), anyLong()),
          new CancelCommand(string(), string(), anyLong()),
          new QuoteCommand(string(), string(), quoteSide(), quoteSide()),
          new CancelAllCommand(string(), string(), nullable(CancelReason.values())));
    }

    EventBatch batch() {
      List<ExchangeEvent> events;
      if (random.nextInt(10) == 0) {
        events = random.nextBoolean() ? null : List.of();
      } else {
        events = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
          events.add(event());
        }
      }
      return new EventBatch(
          anyLong(), string(), anyLong(), random.nextBoolean(), anyLong(), anyLong(), events);
    }

    SessionState state() {
      List<OpenOrder> orders = new ArrayList<>();
      for (int i = 0, n = random.nextInt(5); i < n; i++) {
        orders.add(
            new OpenOrder(
                string(),
                anyLong(),
                string(),
                side(),
                orderType(),
                anyLong(),
                anyLong(),
                anyLong(),
                anyLong(),
                random.nextBoolean()));
      }
      List<ClientPosition> positions = new ArrayList<>();
      for (int i = 0, n = random.nextInt(4); i < n; i++) {
        positions.add(position());
      }
      InstrumentInfo instrument =
          random.nextInt(8) == 0
              ? null
              : new InstrumentInfo(
                  nonNullString(),
                  BigDecimal.valueOf(1 + random.nextInt(10_000), random.nextInt(8)),
                  BigDecimal.valueOf(1 + random.nextInt(1_000), random.nextInt(4)));
      return new SessionState(
          anyLong(),
          anyLong(),
          instrument,
          random.nextBoolean(),
          anyLong(),
          anyLong(),
          random.nextInt(10) == 0 ? null : orders,
          random.nextInt(10) == 0 ? null : positions);
    }

    ExchangeEvent event() {
      return switch (random.nextInt(5)) {
        case 0 ->
            new ExchangeEvent.Accepted(
                string(),
                anyLong(),
                string(),
                side(),
                orderType(),
                anyLong(),
                anyLong(),
                random.nextBoolean());
        case 1 ->
            new ExchangeEvent.Rejected(
                string(), anyLong(), string(), nullable(ProblemCode.values()), string());
        case 2 ->
            new ExchangeEvent.Filled(
                string(),
                anyLong(),
                side(),
                anyLong(),
                anyLong(),
                anyLong(),
                random.nextBoolean(),
                random.nextInt(6) == 0 ? null : position());
        case 3 ->
            new ExchangeEvent.Cancelled(
                string(), anyLong(), anyLong(), nullable(CancelReason.values()));
        default ->
            new ExchangeEvent.Replaced(
                string(), anyLong(), anyLong(), anyLong(), random.nextBoolean());
      };
    }

    ClientPosition position() {
      return new ClientPosition(string(), anyLong(), anyLong(), anyLong(), anyLong());
    }

    QuoteSide quoteSide() {
      return random.nextInt(4) == 0 ? null : new QuoteSide(anyLong(), anyLong(), string());
    }

    Side side() {
      return nullable(Side.values());
    }

    OrderType orderType() {
      return nullable(OrderType.values());
    }

    <E> E nullable(E[] values) {
      return random.nextInt(8) == 0 ? null : values[random.nextInt(values.length)];
    }

    long anyLong() {
      return switch (random.nextInt(6)) {
        case 0 -> Long.MIN_VALUE;
        case 1 -> Long.MAX_VALUE;
        case 2 -> 0;
        case 3 -> random.nextLong();
        case 4 -> -random.nextInt(1_000);
        default -> random.nextInt(1_000_000);
      };
    }

    String string() {
      return random.nextInt(7) == 0 ? null : nonNullString();
    }

    String nonNullString() {
      StringBuilder s = new StringBuilder();
      for (int i = 0, n = random.nextInt(8); i < n; i++) {
        s.append(PIECES[random.nextInt(PIECES.length)]);
      }
      return s.toString();
    }
  }
}
