package org.mmlab.service.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
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
import org.mmlab.api.exchange.ClientPosition;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeEvent;
import org.mmlab.api.exchange.SessionState;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.api.execution.OrderRejected;
import org.mmlab.service.gateway.GatewayProperties;

/**
 * What the store keeps of an answered order: closed orders are remembered (10,000 per client by
 * default) for lookups, retries and replays, so anything kept as an object stays alive for seconds
 * and is copied by every young collection. The store keeps them as columns instead.
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
      client.attach(sink(reports), 0);
    }
  }

  @Test
  void anAcceptedOrderLetsGoOfTheAnswerAndItsReportNamesItsClientOrderId() {
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
    assertThat(accepted.clientOrderId()).isEqualTo("ord-1");
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

  @Test
  void aClosedOrderIsKeptAsColumnsAndItsObjectLetGo() throws InterruptedException {
    WeakReference<GatewayOrder> object = new WeakReference<>(pending("ord-4"));
    store.apply(
        batch(
            new ExchangeEvent.Accepted("c1", 11, "ord-4", Side.BUY, OrderType.IOC, 95, 3, false),
            new ExchangeEvent.Filled(
                "c1", 11, Side.BUY, 95, 1, 2, false, new ClientPosition("c1", 1, 1, 0, -95)),
            new ExchangeEvent.Cancelled("c1", 11, 2, CancelReason.IOC_REMAINDER)));

    // Only the closed ring remembers it now: the object itself becomes garbage.
    for (int i = 0; i < 50 && object.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(object.get()).isNull();
    synchronized (client) {
      GatewayOrder byId = client.find(11);
      assertThat(byId.status).isEqualTo(OrderStatus.CANCELLED);
      assertThat(byId.filled).isEqualTo(1);
      assertThat(byId.cancelReason).isEqualTo(CancelReason.IOC_REMAINDER);
      assertThat(client.findByClientOrderId("ord-4").orderId).isEqualTo(11);
      assertThat(client.openById(11)).isNull();
      assertThat(client.clientOrderIdTaken("ord-4")).isTrue();
    }
  }

  @Test
  void aLateEventForAClosedOrderStillNamesItsClientOrderId() {
    pending("ord-5");
    store.apply(
        batch(
            new ExchangeEvent.Accepted("c1", 12, "ord-5", Side.BUY, OrderType.IOC, 95, 1, false),
            new ExchangeEvent.Cancelled("c1", 12, 1, CancelReason.IOC_REMAINDER)));
    store.apply(
        batch(new ExchangeEvent.Rejected("c1", 12, null, ProblemCode.ORDER_NOT_OPEN, "gone")));

    assertThat(reports.get(reports.size() - 1).clientOrderId()).isEqualTo("ord-5");
  }

  @Test
  void aStreamAttachedFromASequenceNumberGetsTheKeptReportsThenNewOnes() {
    pending("ord-6");
    store.apply(
        batch(
            new ExchangeEvent.Accepted("c1", 13, "ord-6", Side.BUY, OrderType.IOC, 95, 1, false),
            new ExchangeEvent.Cancelled("c1", 13, 1, CancelReason.IOC_REMAINDER)));
    List<ExecutionReport> replayed = new ArrayList<>();
    synchronized (client) {
      client.attach(sink(replayed), 2);
    }
    store.rejectedByGateway(client, "ord-7", ProblemCode.RATE_LIMITED, "slow down");

    assertThat(replayed).extracting(ExecutionReport::seq).containsExactly(2L, 3L);
    assertThat(replayed).containsExactlyElementsOf(reports.subList(1, 3));
    assertThat(replayed.get(1)).isInstanceOf(OrderRejected.class);
  }

  private GatewayOrder pending(String clientOrderId) {
    synchronized (client) {
      GatewayOrder g = new GatewayOrder(clientOrderId, Side.BUY, OrderType.IOC, 95, 1, false);
      client.add(g);
      g.answer = new CompletableFuture<>();
      return g;
    }
  }

  private static ReportSink sink(List<ExecutionReport> into) {
    return new ReportSink() {
      @Override
      public boolean offer(ExecutionReport report) {
        return into.add(report);
      }

      @Override
      public void closeSlow() {}

      @Override
      public void close() {}
    };
  }

  private static EventBatch batch(ExchangeEvent... events) {
    return new EventBatch(1, "ref-1", 0, false, 100, 102, List.of(events));
  }
}
