package org.mmlab.lob;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent model of the book rebuilt purely from the event stream, checking as events arrive
 * that matching respects price-time priority (every maker, and every self-trade cancellation, is
 * the oldest order at the best opposite price), that the reported remaining sizes add up, and,
 * after each command, that the book agrees with the model and conserves size: submitted = resting +
 * traded (both legs) + cancelled.
 */
final class ShadowBook implements OrderBookListener {
  private static final class Order {
    final long id;
    final long owner;
    final Side side;
    long price;
    long remaining;

    Order(long id, long owner, Side side, long price, long remaining) {
      this.id = id;
      this.owner = owner;
      this.side = side;
      this.price = price;
      this.remaining = remaining;
    }
  }

  private final Map<Long, Order> orders = new HashMap<>();
  private final NavigableMap<Long, ArrayDeque<Order>> bids =
      new TreeMap<>(Collections.reverseOrder());
  private final NavigableMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();
  private final Map<Long, Long> bidLevelsFromEvents = new HashMap<>();
  private final Map<Long, Long> askLevelsFromEvents = new HashMap<>();
  private final Set<Long> touchedBids = new HashSet<>();
  private final Set<Long> touchedAsks = new HashSet<>();

  /** Σ accepted sizes + Σ replace size changes. */
  long submitted;

  /** Σ trade sizes, counted once for the maker and once for the taker. */
  long traded;

  long cancelled;
  long resting;
  long trades;

  // The incoming (taker) order of the current command.
  private Order taker;
  private boolean takerMarket;
  private boolean takerRests;

  private NavigableMap<Long, ArrayDeque<Order>> book(Side side) {
    return side == Side.BID ? bids : asks;
  }

  @Override
  public void onAccepted(
      long orderId, long owner, Side side, OrderType type, long price, long size) {
    assertThat(taker).as("one incoming order per command").isNull();
    assertThat(orders).as("accepted id %d is not resting", orderId).doesNotContainKey(orderId);
    submitted += size;
    taker = new Order(orderId, owner, side, price, size);
    takerMarket = type == OrderType.MARKET;
    takerRests = type == OrderType.LIMIT || type == OrderType.POST_ONLY;
  }

  @Override
  public void onRejected(CommandType command, long orderId, long owner, RejectReason reason) {
    assertThat(taker).isNull();
  }

  /** The oldest order at the best price of {@code side}, which matching must take next. */
  private Order nextMaker(Side side, long price) {
    NavigableMap<Long, ArrayDeque<Order>> book = book(side);
    assertThat(book).as("%s side has orders", side).isNotEmpty();
    assertThat(book.firstKey()).as("price priority: %s best", side).isEqualTo(price);
    return book.firstEntry().getValue().peekFirst();
  }

  private void removeHead(Side side, long price) {
    ArrayDeque<Order> queue = book(side).get(price);
    Order gone = queue.pollFirst();
    if (queue.isEmpty()) {
      book(side).remove(price);
    }
    orders.remove(gone.id);
  }

  @Override
  public void onTrade(
      long makerOrderId,
      long takerOrderId,
      long makerOwner,
      long takerOwner,
      long price,
      long size,
      Side aggressorSide,
      long makerRemaining,
      long takerRemaining) {
    assertThat(taker).isNotNull();
    assertThat(takerOrderId).isEqualTo(taker.id);
    assertThat(takerOwner).isEqualTo(taker.owner);
    assertThat(aggressorSide).isEqualTo(taker.side);
    assertThat(makerOwner).as("self-trade").isNotEqualTo(takerOwner);
    assertThat(size).isPositive().isLessThanOrEqualTo(taker.remaining);
    if (!takerMarket) {
      assertThat(taker.side == Side.BID ? price <= taker.price : price >= taker.price)
          .as("trade price %d within the taker's limit %d", price, taker.price)
          .isTrue();
    }
    Order maker = nextMaker(aggressorSide.opposite(), price);
    assertThat(maker.id).as("time priority at %d", price).isEqualTo(makerOrderId);
    assertThat(maker.owner).isEqualTo(makerOwner);
    maker.remaining -= size;
    taker.remaining -= size;
    assertThat(makerRemaining).isEqualTo(maker.remaining);
    assertThat(takerRemaining).isEqualTo(taker.remaining);
    if (maker.remaining == 0) {
      removeHead(maker.side, price);
    }
    resting -= size;
    traded += 2 * size;
    trades++;
  }

  @Override
  public void onCancelled(
      long orderId, long owner, Side side, long price, long cancelledSize, CancelReason reason) {
    cancelled += cancelledSize;
    switch (reason) {
      case IOC_REMAINDER:
      case MARKET_REMAINDER:
        assertThat(orderId).isEqualTo(taker.id);
        assertThat(cancelledSize).isEqualTo(taker.remaining);
        assertThat(takerRests).isFalse();
        assertThat(takerMarket).isEqualTo(reason == CancelReason.MARKET_REMAINDER);
        taker.remaining = 0;
        return;
      case SELF_TRADE:
        assertThat(taker).isNotNull();
        assertThat(owner).isEqualTo(taker.owner);
        assertThat(side).isEqualTo(taker.side.opposite());
        Order head = nextMaker(side, price);
        assertThat(head.id).as("self-trade cancel in FIFO order").isEqualTo(orderId);
        assertThat(cancelledSize).isEqualTo(head.remaining);
        removeHead(side, price);
        resting -= cancelledSize;
        return;
      default:
        Order order = orders.remove(orderId);
        assertThat(order).as("user cancel of resting %d", orderId).isNotNull();
        assertThat(cancelledSize).isEqualTo(order.remaining);
        assertThat(price).isEqualTo(order.price);
        takeOff(order);
        resting -= cancelledSize;
    }
  }

  private void takeOff(Order order) {
    ArrayDeque<Order> queue = book(order.side).get(order.price);
    assertThat(queue.remove(order)).isTrue();
    if (queue.isEmpty()) {
      book(order.side).remove(order.price);
    }
  }

  @Override
  public void onReplaced(
      long orderId,
      long owner,
      Side side,
      long oldPrice,
      long oldSize,
      long newPrice,
      long newSize,
      boolean priorityKept) {
    Order order = orders.get(orderId);
    assertThat(order).as("replace of resting %d", orderId).isNotNull();
    assertThat(order.owner).isEqualTo(owner);
    assertThat(order.side).isEqualTo(side);
    assertThat(order.price).isEqualTo(oldPrice);
    assertThat(order.remaining).isEqualTo(oldSize);
    assertThat(priorityKept).isEqualTo(newPrice == oldPrice && newSize <= oldSize);
    submitted += newSize - oldSize;
    if (priorityKept) {
      order.remaining = newSize;
      resting += newSize - oldSize;
      return;
    }
    takeOff(order);
    orders.remove(orderId);
    resting -= oldSize;
    taker = new Order(orderId, owner, side, newPrice, newSize);
    takerMarket = false;
    takerRests = true;
  }

  @Override
  public void onLevelChanged(Side side, long price, long totalSize) {
    assertThat(totalSize).isNotNegative();
    Map<Long, Long> levels = side == Side.BID ? bidLevelsFromEvents : askLevelsFromEvents;
    if (totalSize == 0) {
      levels.remove(price);
    } else {
      levels.put(price, totalSize);
    }
    (side == Side.BID ? touchedBids : touchedAsks).add(price);
  }

  private static long sum(ArrayDeque<Order> queue) {
    long s = 0;
    if (queue != null) {
      for (Order o : queue) {
        s += o.remaining;
      }
    }
    return s;
  }

  /** Call after each command: settles the incoming order and checks the book against the model. */
  void endCommand(LimitOrderBook book, String where) {
    if (taker != null) {
      if (takerRests && taker.remaining > 0) {
        book(taker.side).computeIfAbsent(taker.price, p -> new ArrayDeque<>()).addLast(taker);
        orders.put(taker.id, taker);
        resting += taker.remaining;
      }
      assertThat(book.remainingSize(taker.id))
          .as(where)
          .isEqualTo(takerRests ? taker.remaining : 0);
      taker = null;
    }
    for (Side side : Side.values()) {
      Set<Long> touched = side == Side.BID ? touchedBids : touchedAsks;
      Map<Long, Long> levels = side == Side.BID ? bidLevelsFromEvents : askLevelsFromEvents;
      for (long price : touched) {
        long model = sum(book(side).get(price));
        assertThat(levels.getOrDefault(price, 0L))
            .as(where + " level %s %d", side, price)
            .isEqualTo(model);
        assertThat(book.sizeAt(side, price))
            .as(where + " level %s %d", side, price)
            .isEqualTo(model);
      }
      touched.clear();
    }
    long bid = book.bestBid();
    long ask = book.bestAsk();
    if (bid != LimitOrderBook.NO_BID && ask != LimitOrderBook.NO_ASK) {
      assertThat(bid).as(where + " book not crossed").isLessThan(ask);
    }
    assertThat(bid).as(where).isEqualTo(bids.isEmpty() ? LimitOrderBook.NO_BID : bids.firstKey());
    assertThat(ask).as(where).isEqualTo(asks.isEmpty() ? LimitOrderBook.NO_ASK : asks.firstKey());
    assertThat(book.orderCount()).as(where).isEqualTo(orders.size());
    assertThat(submitted).as(where + " size conservation").isEqualTo(resting + traded + cancelled);
  }

  /** Full comparison: every level, every order's size and queue position, depth-based totals. */
  void fullCheck(LimitOrderBook book, String where) {
    long restingFromDepth = 0;
    for (Side side : Side.values()) {
      NavigableMap<Long, ArrayDeque<Order>> model = book(side);
      int n = book.levelCount(side);
      assertThat(n).as(where).isEqualTo(model.size());
      long[] prices = new long[n + 1];
      long[] sizes = new long[n + 1];
      assertThat(book.depth(side, n + 1, prices, sizes)).isEqualTo(n);
      Iterator<Map.Entry<Long, ArrayDeque<Order>>> it = model.entrySet().iterator();
      Map<Long, Long> levels = side == Side.BID ? bidLevelsFromEvents : askLevelsFromEvents;
      assertThat(levels).as(where + " levels from events").hasSize(n);
      for (int i = 0; i < n; i++) {
        Map.Entry<Long, ArrayDeque<Order>> e = it.next();
        assertThat(prices[i]).as(where).isEqualTo(e.getKey());
        assertThat(sizes[i]).as(where).isEqualTo(sum(e.getValue()));
        assertThat(levels.get(prices[i])).as(where).isEqualTo(sizes[i]);
        restingFromDepth += sizes[i];
        long ahead = 0;
        for (Order o : e.getValue()) {
          assertThat(book.remainingSize(o.id)).as(where).isEqualTo(o.remaining);
          assertThat(book.queuePosition(o.id))
              .as(where + " queue position of " + o.id)
              .isEqualTo(ahead);
          assertThat(book.orderPrice(o.id)).as(where).isEqualTo(o.price);
          ahead += o.remaining;
        }
      }
    }
    assertThat(restingFromDepth).as(where).isEqualTo(resting);
    assertThat(submitted).as(where).isEqualTo(restingFromDepth + traded + cancelled);
  }
}
