package org.mmlab.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.order.OrderView;
import org.mmlab.api.order.SubmitOrderRequest;
import org.mmlab.client.LocalBook;
import org.mmlab.client.VenueClient;
import org.mmlab.client.VenueConfig;
import org.mmlab.client.VenueException;
import org.mmlab.client.VenueListener;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The exchange and gateway images on one Docker network, the gateway reaching the exchange by its
 * network alias: an order sent through the gateway's REST API rests in the exchange's book (seen on
 * the market-data stream by the venue client) and leaves it on cancel; keys are enforced.
 */
@Testcontainers(disabledWithoutDocker = true)
class ExchangeAndGatewayContainersIT {
  /** How long a book change may take to show on the stream; generous, this is no speed test. */
  private static final long BOOK_WAIT_SECONDS = 60;

  private static final Network NETWORK = Network.newNetwork();

  @Container
  static final GenericContainer<?> EXCHANGE =
      ServiceImages.service("market-data-service", 8081, NETWORK);

  @Container
  static final GenericContainer<?> GATEWAY =
      ServiceImages.service("order-gateway-service", 8082, NETWORK)
          .dependsOn(EXCHANGE)
          .withEnv("MMLAB_EXCHANGE_URL", "ws://market-data-service:8081/internal/ws/orders")
          .withEnv("MMLAB_DEMO_API_KEY", ServiceImages.DEMO_KEY)
          .withEnv("MMLAB_STRATEGY_API_KEY", ServiceImages.OTHER_KEY);

  /** Records, on every book change, the bid size at one price level. */
  private static final class LevelWatch implements VenueListener {
    private volatile long priceTicks = Long.MIN_VALUE;
    private volatile long sizeLots = -1;
    private volatile long bestBid = Long.MIN_VALUE;

    @Override
    public void onSnapshot(LocalBook book, long simTime) {
      record(book);
    }

    @Override
    public void onBook(LocalBook book, long simTime) {
      record(book);
    }

    private synchronized void record(LocalBook book) {
      if (book.bidLevels() > 0) {
        bestBid = book.bestBid();
      }
      if (priceTicks != Long.MIN_VALUE) {
        sizeLots = book.bidSizeAt(priceTicks);
      }
      notifyAll();
    }

    synchronized void watch(long ticks) {
      priceTicks = ticks;
      sizeLots = -1;
    }

    synchronized long awaitBestBid() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOK_WAIT_SECONDS);
      while (bestBid == Long.MIN_VALUE && System.nanoTime() < deadline) {
        wait(500);
      }
      assertThat(bestBid)
          .as("best bid seen on the market-data stream")
          .isNotEqualTo(Long.MIN_VALUE);
      return bestBid;
    }

    synchronized long awaitSize(LongPredicate ok, String what) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOOK_WAIT_SECONDS);
      while (!ok.test(sizeLots) && System.nanoTime() < deadline) {
        wait(500);
      }
      assertThat(ok.test(sizeLots)).as(what + ", last size " + sizeLots).isTrue();
      return sizeLots;
    }
  }

  private static URI url(GenericContainer<?> c, int port) {
    return URI.create("http://" + c.getHost() + ":" + c.getMappedPort(port));
  }

  private static VenueClient client(String apiKey, VenueListener listener) {
    return new VenueClient(
        VenueConfig.of(url(EXCHANGE, 8081), url(GATEWAY, 8082), apiKey), listener);
  }

  @Test
  void anOrderThroughTheGatewayRestsInTheExchangeBookUntilCancelled() throws Exception {
    LevelWatch watch = new LevelWatch();
    try (VenueClient demo = client(ServiceImages.DEMO_KEY, watch)) {
      demo.subscribeMarketData();
      long bestBid = watch.awaitBestBid();
      // 150 ticks under the best bid: inside the gateway's 5% price band, away from the touch, so
      // the order rests and the model's own orders at that level are few.
      long ticks = bestBid - 150;
      BigDecimal tick = demo.instrument().tickSize();
      BigDecimal price = tick.multiply(BigDecimal.valueOf(ticks));
      watch.watch(ticks);
      long before = watch.awaitSize(s -> s >= 0, "level observed");

      OrderView order =
          demo.submit(
              new SubmitOrderRequest(
                  "system-test-1", Side.BUY, OrderType.LIMIT, price, BigDecimal.valueOf(77)));
      assertThat(order.status()).isEqualTo(OrderStatus.NEW);
      assertThat(order.orderId()).as("exchange order id").isPositive();
      assertThat(demo.openOrders()).extracting(OrderView::orderId).contains(order.orderId());

      long resting = watch.awaitSize(s -> s >= before + 77, "77 lots added at " + price);

      OrderView cancelled = demo.cancel(order.orderId());
      assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
      watch.awaitSize(s -> s <= resting - 77, "77 lots removed at " + price);
      assertThat(demo.openOrders()).extracting(OrderView::orderId).doesNotContain(order.orderId());
    }
  }

  @Test
  void aWrongKeyIsRefusedAndAnotherClientsOrderIsNotFound() throws Exception {
    try (VenueClient stranger = client("not-a-configured-key", new VenueListener() {});
        VenueClient demo = client(ServiceImages.DEMO_KEY, new LevelWatch());
        VenueClient other = client(ServiceImages.OTHER_KEY, new VenueListener() {})) {
      assertThatThrownBy(stranger::openOrders)
          .isInstanceOfSatisfying(
              VenueException.class,
              e -> {
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.code()).isEqualTo(ProblemCode.UNAUTHORIZED);
              });

      BigDecimal tick = demo.instrument().tickSize();
      // 2% under the best bid, inside the 5% band: rests.
      BigDecimal price =
          bestBidPrice(demo)
              .multiply(new BigDecimal("0.98"))
              .divide(tick, 0, RoundingMode.FLOOR)
              .multiply(tick);
      OrderView order =
          demo.submit(
              new SubmitOrderRequest(
                  "system-test-2", Side.BUY, OrderType.LIMIT, price, BigDecimal.ONE));
      assertThatThrownBy(() -> other.cancel(order.orderId()))
          .isInstanceOfSatisfying(VenueException.class, e -> assertThat(e.status()).isEqualTo(404));
      assertThat(other.openOrders()).extracting(OrderView::orderId).doesNotContain(order.orderId());
      assertThat(demo.cancel(order.orderId()).status()).isEqualTo(OrderStatus.CANCELLED);
    }
  }

  @Test
  void theImagesRunAsTheNonRootServiceUser() {
    for (GenericContainer<?> c : new GenericContainer<?>[] {EXCHANGE, GATEWAY}) {
      // Inspected now: the container info cached at start predates the health check's verdict.
      InspectContainerResponse info =
          DockerClientFactory.instance().client().inspectContainerCmd(c.getContainerId()).exec();
      assertThat(info.getConfig().getUser()).isEqualTo("10001:10001");
      assertThat(info.getState().getHealth().getStatus()).isEqualTo("healthy");
    }
  }

  private static BigDecimal bestBidPrice(VenueClient demo) throws InterruptedException {
    LevelWatch watch = new LevelWatch();
    try (VenueClient md = client(ServiceImages.DEMO_KEY, watch)) {
      md.subscribeMarketData();
      long bid = watch.awaitBestBid();
      return demo.instrument().tickSize().multiply(BigDecimal.valueOf(bid));
    }
  }
}
