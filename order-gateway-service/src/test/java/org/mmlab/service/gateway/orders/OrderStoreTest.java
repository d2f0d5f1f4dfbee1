package org.mmlab.service.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mmlab.api.CancelReason;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.SessionState;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.service.gateway.GatewayProperties;

/**
 * What the store keeps of an answered order: the closed order is remembered (10,000 per client by
 * default), so anything it still points to stays alive and is copied by every young collection.
 */
class OrderStoreTest {
  private final OrderStore store =
      new OrderStore(
          new GatewayProperties(
              URI.create("ws://127.0.0.1:1/internal/ws/orders"),
              "token",
              List.of(),
              new GatewayProperties.Risk(
                  new BigDecimal("100"), new BigDecimal("1000"), new BigDecimal("5"), 100, 200),
              false,
              Duration.ofSeconds(5),
              Duration.ofMillis(500),
              4096,
              10_000,
              10_000,
              false,
              Duration.ofSeconds(2)));
  private final List<ExecutionReport> reports = new ArrayList<>();
  private ClientState client;

  @BeforeEach
  void connect() {
    store.resync(
        new SessionState(
            0,
            0,
            new InstrumentInfo("TEST", new BigDecimal("0.01"), BigDecimal.ONE),
            false,
            100,
            102,
            List.of(),
            List.of()));
    client = store.client("c1");
    synchronized (client) {
      client.attach(
          new ReportSink() {
            @Override
            public boolean offer(ExecutionReport report) {
              return reports.add(report);
            }

            @Override
            public void closeSlow() {}

            @Override
            public void close() {}
          },
          0);
    }
  }

  @Test
  void anAcceptedOrderLetsGoOfTheAnswerAndItsReportSharesTheClientOrderId() {
    GatewayOrder g = pending("ord-1");
    GatewayOrder other = pending("ord-2");
    // A decoded frame carries its own copy of the client order id.
    String decoded = new StringBuilder("ord-").append(1).toString();
    store.apply(
        batch(
            new ExchangeEvent.Accepted("c1", 7, decoded, Side.BUY, OrderType.IOC, 95, 1, false),
            new ExchangeEvent.Cancelled("c1", 7, 1, CancelReason.IOC_REMAINDER)));

    assertThat(g.status).isEqualTo(OrderStatus.CANCELLED);
    assertThat(g.answer).isNull();
    OrderAccepted accepted = (OrderAccepted) reports.get(0);
    assertThat(accepted.clientOrderId()).isEqualTo("ord-1").isSameAs(g.clientOrderId);
    // An order still waiting for its answer keeps it: a retry waits on it.
    assertThat(other.status).isEqualTo(OrderStatus.PENDING_NEW);
    assertThat(other.answer).isNotNull();
  }

  @Test
  void aRejectedOrderLetsGoOfTheAnswer() {
    GatewayOrder g = pending("ord-3");
    store.apply(
        batch(
            new ExchangeEvent.Rejected(
                "c1", 0, "ord-3", ProblemCode.PRICE_OUTSIDE_BAND, "too far from the mid")));

    assertThat(g.status).isEqualTo(OrderStatus.REJECTED);
    assertThat(g.rejectCode).isEqualTo(ProblemCode.PRICE_OUTSIDE_BAND);
    assertThat(g.answer).isNull();
  }

  private GatewayOrder pending(String clientOrderId) {
    synchronized (client) {
      GatewayOrder g = new GatewayOrder(clientOrderId, Side.BUY, OrderType.IOC, 95, 1, false);
      client.add(g);
      g.answer = new CompletableFuture<>();
      return g;
    }
  }

  private static EventBatch batch(ExchangeEvent... events) {
    return new EventBatch(1, "ref-1", 0, false, 100, 102, List.of(events));
  }
}
