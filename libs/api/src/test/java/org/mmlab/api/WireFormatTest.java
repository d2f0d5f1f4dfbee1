package org.mmlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mmlab.api.exchange.ClientPosition;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeCommand;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.ExchangeMessage;
import org.mmlab.api.exchange.QuoteCommand;
import org.mmlab.api.exchange.QuoteSide;
import org.mmlab.api.exchange.SubmitCommand;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderFilled;
import org.mmlab.api.execution.OrderRejected;
import org.mmlab.api.marketdata.BookSnapshot;
import org.mmlab.api.marketdata.BookUpdate;
import org.mmlab.api.marketdata.Heartbeat;
import org.mmlab.api.marketdata.MarketDataMessage;
import org.mmlab.api.marketdata.PriceLevel;
import org.mmlab.api.marketdata.Trade;
import org.mmlab.api.order.SubmitOrderRequest;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** Every message family survives a JSON round trip and carries its {@code type} discriminator. */
class WireFormatTest {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private static final InstrumentInfo SIM =
      new InstrumentInfo("SIM", new BigDecimal("0.01"), BigDecimal.ONE);

  private static PriceLevel level(String price, String size) {
    return new PriceLevel(new BigDecimal(price), new BigDecimal(size));
  }

  @Test
  void marketDataMessagesRoundTripWithTheirType() {
    List<MarketDataMessage> messages =
        List.of(
            new BookSnapshot(
                7, 1_000, "zi", SIM, List.of(level("100.00", "5")), List.of(level("100.02", "3"))),
            new BookUpdate(8, 1_001, List.of(level("100.00", "0")), List.of()),
            new Trade(9, 1_002, new BigDecimal("100.02"), new BigDecimal("2"), Side.BUY),
            new Heartbeat(10, 1_003, true));
    for (MarketDataMessage m : messages) {
      String json = JSON.writeValueAsString(m);
      assertThat(JSON.readValue(json, MarketDataMessage.class)).isEqualTo(m);
    }
    assertThat(JSON.writeValueAsString(messages.get(0))).startsWith("{\"type\":\"snapshot\"");
    assertThat(JSON.writeValueAsString(messages.get(1))).startsWith("{\"type\":\"book\"");
    assertThat(JSON.writeValueAsString(messages.get(2)))
        .startsWith("{\"type\":\"trade\"")
        .contains("\"price\":100.02");
  }

  @Test
  void executionReportsRoundTrip() {
    Instant t = Instant.parse("2025-01-02T03:04:05Z");
    List<ExecutionReport> reports =
        List.of(
            new OrderFilled(
                3,
                42,
                "c1",
                5,
                t,
                Side.SELL,
                new BigDecimal("99.5"),
                BigDecimal.ONE,
                BigDecimal.ZERO,
                true,
                new BigDecimal("-1")),
            new OrderRejected(4, 0, "c2", 0, t, ProblemCode.PRICE_OUTSIDE_BAND, "too far"));
    for (ExecutionReport r : reports) {
      assertThat(JSON.readValue(JSON.writeValueAsString(r), ExecutionReport.class)).isEqualTo(r);
    }
    assertThat(JSON.writeValueAsString(reports.get(1)))
        .contains("\"type\":\"rejected\"")
        .contains("\"code\":\"PRICE_OUTSIDE_BAND\"");
  }

  @Test
  void internalProtocolRoundTrips() {
    List<ExchangeCommand> commands =
        List.of(
            new SubmitCommand("r1", "alice", "o1", Side.BUY, OrderType.LIMIT, 10_000, 3),
            new QuoteCommand("r2", "alice", new QuoteSide(9_999, 1, "q1"), null));
    for (ExchangeCommand c : commands) {
      assertThat(JSON.readValue(JSON.writeValueAsString(c), ExchangeCommand.class)).isEqualTo(c);
    }
    ExchangeMessage batch =
        new EventBatch(
            12,
            "r1",
            99,
            false,
            9_999,
            10_001,
            List.of(
                new ExchangeEvent.Accepted(
                    "alice", 1, "o1", Side.BUY, OrderType.LIMIT, 10_000, 3, false),
                new ExchangeEvent.Filled(
                    "alice",
                    1,
                    Side.BUY,
                    10_000,
                    3,
                    0,
                    false,
                    new ClientPosition("alice", 3, 3, 0, -30_000))));
    assertThat(JSON.readValue(JSON.writeValueAsString(batch), ExchangeMessage.class))
        .isEqualTo(batch);
  }

  @Test
  void requestsAcceptDecimalStringsAndNumbers() {
    SubmitOrderRequest a =
        JSON.readValue(
            "{\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":\"100.01\",\"size\":2}",
            SubmitOrderRequest.class);
    SubmitOrderRequest b =
        JSON.readValue(
            "{\"side\":\"BUY\",\"type\":\"LIMIT\",\"price\":100.01,\"size\":\"2\"}",
            SubmitOrderRequest.class);
    assertThat(a).isEqualTo(b);
    assertThat(a.price()).isEqualByComparingTo("100.01");
  }
}
