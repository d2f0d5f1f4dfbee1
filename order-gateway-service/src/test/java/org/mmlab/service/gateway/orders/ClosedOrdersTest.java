package org.mmlab.service.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmlab.api.CancelReason;
import org.mmlab.api.OrderStatus;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;

/**
 * The closed-order ring against a naive reference: a deque of the last {@code limit} orders
 * searched newest first. Ids repeat on purpose (a newer order may take an id an older one still
 * holds), so eviction must only drop the index entries that still point at the evicted order.
 */
class ClosedOrdersTest {

  private record Kept(GatewayOrder order, boolean indexed) {}

  static LongStream seeds() {
    return LongStream.range(1, 41);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void findsWhatTheNaiveReferenceFinds(long seed) {
    Random rnd = new Random(seed);
    // Small limits wrap often; limits above the initial 256 slots exercise growing.
    int limit = seed % 4 == 0 ? 257 + rnd.nextInt(800) : 1 + rnd.nextInt(40);
    int ids = 1 + rnd.nextInt(limit * 2);
    ClosedOrders ring = new ClosedOrders(limit);
    ArrayDeque<Kept> reference = new ArrayDeque<>();
    for (int step = 0; step < limit * 6; step++) {
      GatewayOrder g = randomClosed(rnd, ids);
      boolean indexed = rnd.nextInt(8) != 0;
      ring.add(g, indexed);
      reference.addLast(new Kept(g, indexed));
      if (reference.size() > limit) {
        reference.removeFirst();
      }
      assertThat(ring.size()).isEqualTo(reference.size());
      for (int probe = 0; probe < 3; probe++) {
        long id = rnd.nextInt(ids + 1);
        String coid = id(rnd, ids);
        assertSame(ring.byId(id), newestById(reference, id));
        assertSame(ring.byClientOrderId(coid), newestByClientOrderId(reference, coid));
        GatewayOrder expected = newestById(reference, id);
        assertThat(ring.clientOrderIdOf(id))
            .isEqualTo(expected == null ? null : expected.clientOrderId);
        assertThat(ring.containsClientOrderId(coid))
            .isEqualTo(newestByClientOrderId(reference, coid) != null);
      }
    }
  }

  @Test
  void aCopyIsDetachedAndCarriesTheFinalState() {
    ClosedOrders ring = new ClosedOrders(10);
    GatewayOrder g = new GatewayOrder("a-1", Side.SELL, OrderType.LIMIT, 101, 5, true, 42);
    g.orderId = 9;
    g.filled = 2;
    g.filledNotional = 202;
    g.remaining = 3;
    g.status = OrderStatus.CANCELLED;
    g.cancelReason = CancelReason.USER;
    g.updatedNanos = 77;
    ring.add(g, true);

    GatewayOrder copy = ring.byId(9);
    assertThat(copy).isNotSameAs(g);
    assertThat(copy.remaining).isZero(); // closed: nothing left on the book
    assertThat(copy.createdNanos).isEqualTo(42);
    assertThat(copy.updatedNanos).isEqualTo(77);
    copy.status = OrderStatus.NEW;
    assertThat(ring.byClientOrderId("a-1").status).isEqualTo(OrderStatus.CANCELLED);
  }

  @Test
  void anOrderNeverSentKeepsItsIdButFreesItsClientOrderId() {
    ClosedOrders ring = new ClosedOrders(10);
    GatewayOrder g = new GatewayOrder("retry-me", Side.BUY, OrderType.IOC, 99, 1, false, 1);
    g.status = OrderStatus.REJECTED;
    g.rejectCode = ProblemCode.EXCHANGE_UNAVAILABLE;
    ring.add(g, false);

    assertThat(ring.containsClientOrderId("retry-me")).isFalse();
    assertThat(ring.byClientOrderId("retry-me")).isNull();
    assertThat(ring.size()).isEqualTo(1);
  }

  @Test
  void refusesAnEmptyRing() {
    assertThatThrownBy(() -> new ClosedOrders(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  private static GatewayOrder randomClosed(Random rnd, int ids) {
    Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
    OrderType type = OrderType.values()[rnd.nextInt(OrderType.values().length)];
    GatewayOrder g =
        new GatewayOrder(
            rnd.nextInt(10) == 0 ? null : id(rnd, ids),
            side,
            type,
            1 + rnd.nextInt(1000),
            1 + rnd.nextInt(100),
            rnd.nextBoolean(),
            rnd.nextLong());
    g.orderId = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(ids + 1);
    g.filled = rnd.nextInt((int) g.size + 1);
    g.filledNotional = g.filled * g.price;
    OrderStatus[] finals = {OrderStatus.FILLED, OrderStatus.CANCELLED, OrderStatus.REJECTED};
    g.status = finals[rnd.nextInt(finals.length)];
    g.cancelReason = g.status == OrderStatus.CANCELLED ? CancelReason.IOC_REMAINDER : null;
    g.rejectCode = g.status == OrderStatus.REJECTED ? ProblemCode.PRICE_OUTSIDE_BAND : null;
    g.rejectDetail = g.status == OrderStatus.REJECTED ? "detail " + rnd.nextInt() : null;
    g.updatedNanos = g.createdNanos + rnd.nextInt(1_000_000);
    return g;
  }

  /**
   * A client order id: mostly short ASCII, kept as bytes; sometimes one that does not fit a slot
   * (too long, or not ASCII), kept as a string. The same number always gives the same id.
   */
  private static String id(Random rnd, int ids) {
    int n = rnd.nextInt(ids + 1);
    return switch (n % 7) {
      case 5 -> "x".repeat(IdSlab.WIDTH) + n; // too long for a slot
      case 6 -> "é-" + n; // not ASCII
      default -> "c" + n;
    };
  }

  private static GatewayOrder newestById(ArrayDeque<Kept> reference, long id) {
    if (id == 0) {
      return null; // never indexed: the exchange did not assign it
    }
    for (Iterator<Kept> it = reference.descendingIterator(); it.hasNext(); ) {
      GatewayOrder g = it.next().order();
      if (g.orderId == id) {
        return g;
      }
    }
    return null;
  }

  private static GatewayOrder newestByClientOrderId(ArrayDeque<Kept> reference, String id) {
    for (Iterator<Kept> it = reference.descendingIterator(); it.hasNext(); ) {
      Kept k = it.next();
      if (k.indexed() && id.equals(k.order().clientOrderId)) {
        return k.order();
      }
    }
    return null;
  }

  private static void assertSame(GatewayOrder actual, GatewayOrder expected) {
    if (expected == null) {
      assertThat(actual).isNull();
      return;
    }
    assertThat(actual).isNotNull();
    assertThat(actual.orderId).isEqualTo(expected.orderId);
    assertThat(actual.clientOrderId).isEqualTo(expected.clientOrderId);
    assertThat(actual.side).isEqualTo(expected.side);
    assertThat(actual.type).isEqualTo(expected.type);
    assertThat(actual.price).isEqualTo(expected.price);
    assertThat(actual.size).isEqualTo(expected.size);
    assertThat(actual.filled).isEqualTo(expected.filled);
    assertThat(actual.filledNotional).isEqualTo(expected.filledNotional);
    assertThat(actual.status).isEqualTo(expected.status);
    assertThat(actual.cancelReason).isEqualTo(expected.cancelReason);
    assertThat(actual.rejectCode).isEqualTo(expected.rejectCode);
    assertThat(actual.rejectDetail).isEqualTo(expected.rejectDetail);
    assertThat(actual.quote).isEqualTo(expected.quote);
    assertThat(actual.createdNanos).isEqualTo(expected.createdNanos);
    assertThat(actual.updatedNanos).isEqualTo(expected.updatedNanos);
  }
}
