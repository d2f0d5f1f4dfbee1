package org.mmlab.service.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mmlab.api.CancelReason;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.Side;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.PositionView;
import org.mmlab.api.order.SubmitOrderRequest;
import org.mmlab.client.VenueClient;
import org.mmlab.client.VenueConfig;
import org.mmlab.client.VenueException;
import org.mmlab.client.VenueListener;
import org.mmlab.service.strategy.run.StrategyView;
import org.mmlab.service.strategy.support.Await;
import org.mmlab.service.strategy.support.BookLog;
import org.mmlab.service.strategy.support.InJvmVenue;
import org.mmlab.service.strategy.support.StrategyApi;
import org.mmlab.testsupport.TcpProxy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A running strategy loses its connections, over real HTTP and WebSockets on loopback: the
 * exchange, the gateway (with cancel-on-disconnect on) and this service in one JVM, with this
 * service's connections to the gateway and to the exchange each through a {@link TcpProxy} the test
 * can cut and block, as a network partition would.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "mmlab.strategy.api-keys=strategy-key",
      "mmlab.strategy.decision-interval=200ms",
      "mmlab.strategy.reconnect-delay=100ms"
    })
@AutoConfigureWebTestClient
class StrategyReconnectEndToEndTest {
  static InJvmVenue venue;
  // This service's links: the test's own clients connect directly.
  static TcpProxy gatewayLink;
  static TcpProxy marketDataLink;

  @DynamicPropertySource
  static void startVenue(DynamicPropertyRegistry registry) throws Exception {
    if (venue == null) {
      venue =
          InJvmVenue.start(
              11,
              "--mmlab.gateway.cancel-on-disconnect=true",
              "--mmlab.gateway.cancel-on-disconnect-grace=2s");
      gatewayLink = new TcpProxy(venue.gatewayPort());
      marketDataLink = new TcpProxy(venue.exchangePort());
    }
    registry.add(
        "mmlab.strategy.market-data-url", () -> "http://127.0.0.1:" + marketDataLink.port());
    registry.add("mmlab.strategy.gateway-url", () -> "http://127.0.0.1:" + gatewayLink.port());
  }

  @AfterAll
  static void stopVenue() {
    if (gatewayLink != null) {
      gatewayLink.close();
      marketDataLink.close();
    }
    if (venue != null) {
      venue.close();
      venue = null;
    }
  }

  @Autowired WebTestClient web;

  static VenueClient client(String key, VenueListener listener, int marketDataPort) {
    return new VenueClient(
        new VenueConfig(
            URI.create("http://127.0.0.1:" + marketDataPort),
            URI.create("http://127.0.0.1:" + venue.gatewayPort()),
            key,
            Duration.ofSeconds(5),
            Duration.ofMillis(100),
            Duration.ofSeconds(1)),
        listener);
  }

  static void awaitGateway(VenueClient client) throws InterruptedException {
    Await.until(
        "the gateway to reach the exchange",
        Duration.ofSeconds(20),
        () -> {
          try {
            client.positions();
            client.instrument();
            return true;
          } catch (VenueException e) {
            return false;
          }
        });
  }

  /** The client's net position as the gateway keeps it. */
  static BigDecimal position(VenueClient account) {
    List<PositionView> positions = account.positions();
    return positions.isEmpty() ? BigDecimal.ZERO : positions.get(0).position();
  }

  private String start(String body) {
    return StrategyApi.start(web, body);
  }

  private StrategyView status(String id) {
    return StrategyApi.status(web, id);
  }

  private void stop(String id) {
    StrategyApi.stop(web, id);
  }

  @Test
  void aCutExecutionStreamCostsTheQuotesThenReconnectsResyncsAndQuotesAgain() throws Exception {
    BookLog book = new BookLog();
    try (VenueClient account =
            client("strategy-key", new VenueListener() {}, venue.exchangePort());
        VenueClient tester = client("tester-key", book, venue.exchangePort())) {
      awaitGateway(account);
      tester.subscribeMarketData();
      String id = start("{\"type\":\"symmetric\",\"params\":{\"half_spread\":1,\"size\":3}}");
      Await.until(
          "the strategy's bid resting at the gateway",
          Duration.ofSeconds(20),
          () -> account.openOrders().stream().anyMatch(o -> o.quote() && o.side() == Side.BUY));

      // The partition: every connection of the service to the gateway dies, new ones are dropped.
      long droppedBefore = gatewayLink.dropped();
      gatewayLink.block();
      gatewayLink.cut();
      // A quote update already inside the gateway may still land: wait until nothing changes.
      List<OrderView> resting = account.openOrders();
      Await.until(
          "the quotes to settle",
          Duration.ofSeconds(5),
          () -> {
            List<OrderView> now = account.openOrders();
            boolean same = ids(now).equals(ids(resting));
            resting.clear();
            resting.addAll(now);
            return same;
          });
      // The service hears nothing more from the gateway: what it knows now stays put.
      StrategyView atCut = status(id);
      OrderView bid = resting.stream().filter(o -> o.side() == Side.BUY).findFirst().orElseThrow();

      // While the stream is down (within the 2 s grace period), another client sells into the
      // strategy's bid: a fill the strategy cannot see yet.
      BigDecimal bidFilledAtCut = bid.filledSize();
      for (int i = 0; i < 20; i++) {
        OrderView now = account.order(bid.orderId());
        if (now.filledSize().compareTo(bidFilledAtCut) > 0
            || (now.status() != OrderStatus.NEW && now.status() != OrderStatus.PARTIALLY_FILLED)) {
          break;
        }
        tester.submit(
            new SubmitOrderRequest(
                "hit-" + i, Side.SELL, OrderType.IOC, bid.price(), new BigDecimal("20")));
      }
      assertThat(account.order(bid.orderId()).filledSize())
          .as("the strategy's bid was hit while its stream was down")
          .isGreaterThan(bidFilledAtCut);

      // (1) The gateway cancels what still rests once the grace period is over.
      Await.until(
          "cancel-on-disconnect", Duration.ofSeconds(20), () -> account.openOrders().isEmpty());
      long cancelledOnDisconnect = 0;
      for (OrderView o : resting) {
        OrderView now = account.order(o.orderId());
        assertThat(now.status()).isIn(OrderStatus.FILLED, OrderStatus.CANCELLED);
        if (now.status() == OrderStatus.CANCELLED) {
          assertThat(now.cancelReason()).isEqualTo(CancelReason.CANCEL_ON_DISCONNECT);
          cancelledOnDisconnect++;
        }
      }
      assertThat(cancelledOnDisconnect).isPositive();
      // The strategy saw neither the fill nor the cancels: its inventory lags the gateway's.
      assertThat(status(id).position()).isEqualByComparingTo(atCut.position());
      assertThat(status(id).fills()).isEqualTo(atCut.fills());

      // (2) Meanwhile it kept trying to reconnect, backing off between attempts.
      Await.until(
          "reconnect attempts during the partition",
          Duration.ofSeconds(10),
          () -> gatewayLink.dropped() - droppedBefore >= 3);
      gatewayLink.unblock();

      // (3) The resumed stream replays the fill and the cancels: the strategy's inventory is the
      // gateway's, with no correction needed (a lost or doubled fill would have needed one).
      Await.until(
          "the strategy to see the fill",
          Duration.ofSeconds(20),
          () -> status(id).fills() > atCut.fills());
      Await.until(
          "the strategy's inventory to equal the gateway's position",
          Duration.ofSeconds(20),
          () -> status(id).position().compareTo(position(account)) == 0);
      StrategyView after = status(id);
      assertThat(after.lastError() == null ? "" : after.lastError())
          .doesNotContain("inventory corrected");

      // (4) Its quotes come back, at the gateway and in the exchange's public book.
      Await.until(
          "the quotes back in the public book",
          Duration.ofSeconds(20),
          () ->
              account.openOrders().stream()
                  .anyMatch(
                      o ->
                          o.quote()
                              && book.sizeAt(o.side(), o.price().movePointRight(2).longValueExact())
                                  >= o.remainingSize().longValue()));

      stop(id);
      Await.until(
          "the quote cancelled on stop",
          Duration.ofSeconds(5),
          () -> account.openOrders().isEmpty());
    }
  }

  private static Set<Long> ids(List<OrderView> orders) {
    Set<Long> ids = new TreeSet<>();
    for (OrderView o : orders) {
      ids.add(o.orderId());
    }
    return ids;
  }

  @Test
  void aCutMarketDataStreamComesBackWithASnapshotAndTheSameBookAsAClientThatWasNeverCut()
      throws Exception {
    BookLog direct = new BookLog();
    BookLog cut = new BookLog();
    try (VenueClient reference = client("tester-key", direct, venue.exchangePort());
        VenueClient viaLink = client("tester-key", cut, marketDataLink.port())) {
      awaitGateway(reference);
      // A strategy under its own key, its market data through the same link.
      String id = start("{\"type\":\"symmetric\",\"apiKey\":\"rl-key\"}");
      reference.subscribeMarketData();
      viaLink.subscribeMarketData();
      Await.until(
          "both books live and the strategy's",
          Duration.ofSeconds(20),
          () ->
              reference.marketDataLive()
                  && viaLink.marketDataLive()
                  && status(id).marketDataLive());
      long acceptedBefore = marketDataLink.accepted();
      int snapshotsBefore = cut.snapshots().size();

      marketDataLink.cut();

      Await.until(
          "a new snapshot after the cut",
          Duration.ofSeconds(20),
          () -> cut.snapshots().size() > snapshotsBefore);
      long resnapshot = cut.snapshots().get(cut.snapshots().size() - 1);
      Await.until(
          "50 book states after the new snapshot seen by both clients",
          Duration.ofSeconds(60),
          () -> common(direct, cut, resnapshot).size() >= 50);
      List<Long> seqs = common(direct, cut, resnapshot);
      for (long seq : seqs) {
        assertThat(cut.book(seq)).as("book at seq " + seq).isEqualTo(direct.book(seq));
      }
      assertThat(viaLink.marketDataGaps()).isZero();
      // The strategy's stream was cut too; it reconnected through the link and is live again.
      Await.until(
          "the strategy's market data back",
          Duration.ofSeconds(20),
          () -> marketDataLink.accepted() >= acceptedBefore + 2 && status(id).marketDataLive());
      stop(id);
    }
  }

  private static List<Long> common(BookLog a, BookLog b, long from) {
    List<Long> out = new ArrayList<>();
    for (long seq : b.seqs()) {
      if (seq >= from && a.book(seq) != null && Objects.nonNull(b.book(seq))) {
        out.add(seq);
      }
    }
    return out;
  }
}
