package org.mmlab.lob;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A deliberately plain {@link LimitOrderBook}: one object per order, a {@link TreeMap} of {@link
 * ArrayDeque} FIFOs per side, a {@link HashMap} by id, and level totals recomputed by summing.
 * Written to be obviously correct, not fast; tests drive it and {@link OrderBook} with the same
 * commands and require identical event streams and state hashes.
 */
public final class ReferenceOrderBook implements LimitOrderBook {

  private static final class Order {
    final long id;
    final long owner;
    final Side side;
    long price;
    long size;

    Order(long id, long owner, Side side, long price, long size) {
      this.id = id;
      this.owner = owner;
      this.side = side;
      this.price = price;
      this.size = size;
    }
  }

  /** Best first: highest bid first, lowest ask first. */
  private final NavigableMap<Long, ArrayDeque<Order>> bids =
      new TreeMap<>(Collections.reverseOrder());

  private final NavigableMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();
  private final Map<Long, Order> byId = new HashMap<>();
  private final List<OrderBookListener> listeners = new ArrayList<>();

  /** Creates an empty book. */
  public ReferenceOrderBook() {}

  private NavigableMap<Long, ArrayDeque<Order>> book(Side side) {
    return side == Side.BID ? bids : asks;
  }

  private static long total(ArrayDeque<Order> queue) {
    long sum = 0;
    if (queue != null) {
      for (Order o : queue) {
        sum += o.size;
      }
    }
    return sum;
  }

  private static boolean validPrice(long price) {
    return price >= MIN_PRICE && price <= MAX_PRICE;
  }

  @Override
  public boolean submit(
      long orderId, long owner, Side side, OrderType type, long price, long size) {
    RejectReason reason = null;
    if (orderId <= 0) {
      reason = RejectReason.BAD_ORDER_ID;
    } else if (side == null) {
      reason = RejectReason.BAD_SIDE;
    } else if (type == null) {
      reason = RejectReason.BAD_ORDER_TYPE;
    } else if (type != OrderType.MARKET && !validPrice(price)) {
      reason = RejectReason.BAD_PRICE;
    } else if (size <= 0) {
      reason = RejectReason.BAD_SIZE;
    } else if (byId.containsKey(orderId)) {
      reason = RejectReason.DUPLICATE_ORDER_ID;
    } else if (type == OrderType.POST_ONLY && crosses(side, price)) {
      reason = RejectReason.POST_ONLY_WOULD_CROSS;
    }
    if (reason != null) {
      for (OrderBookListener l : listeners) {
        l.onRejected(CommandType.SUBMIT, orderId, owner, reason);
      }
      return false;
    }
    final boolean market = type == OrderType.MARKET;
    final long reportedPrice = market ? MARKET_PRICE : price;
    for (OrderBookListener l : listeners) {
      l.onAccepted(orderId, owner, side, type, reportedPrice, size);
    }
    long remaining = match(orderId, owner, side, market, price, size);
    if (remaining > 0) {
      if (type == OrderType.IOC || market) {
        CancelReason why = market ? CancelReason.MARKET_REMAINDER : CancelReason.IOC_REMAINDER;
        for (OrderBookListener l : listeners) {
          l.onCancelled(orderId, owner, side, reportedPrice, remaining, why);
        }
      } else {
        rest(new Order(orderId, owner, side, price, remaining));
      }
    }
    return true;
  }

  /** Would a limit order at {@code price} trade with the opposite best? */
  private boolean crosses(Side side, long price) {
    if (side == Side.BID) {
      return !asks.isEmpty() && asks.firstKey() <= price;
    }
    return !bids.isEmpty() && bids.firstKey() >= price;
  }

  private long match(
      long takerId, long takerOwner, Side takerSide, boolean market, long limit, long size) {
    final Side makerSide = takerSide.opposite();
    final NavigableMap<Long, ArrayDeque<Order>> book = book(makerSide);
    long remaining = size;
    while (remaining > 0 && !book.isEmpty()) {
      final long price = book.firstKey();
      if (!market && (takerSide == Side.BID ? price > limit : price < limit)) {
        break;
      }
      final ArrayDeque<Order> queue = book.get(price);
      while (remaining > 0 && !queue.isEmpty()) {
        final Order maker = queue.peekFirst();
        if (maker.owner == takerOwner) {
          queue.pollFirst();
          byId.remove(maker.id);
          for (OrderBookListener l : listeners) {
            l.onCancelled(
                maker.id, maker.owner, makerSide, price, maker.size, CancelReason.SELF_TRADE);
          }
        } else {
          final long qty = Math.min(maker.size, remaining);
          maker.size -= qty;
          remaining -= qty;
          if (maker.size == 0) {
            queue.pollFirst();
            byId.remove(maker.id);
          }
          for (OrderBookListener l : listeners) {
            l.onTrade(
                maker.id,
                takerId,
                maker.owner,
                takerOwner,
                price,
                qty,
                takerSide,
                maker.size,
                remaining);
          }
        }
      }
      if (queue.isEmpty()) {
        book.remove(price);
      }
      final long total = total(queue);
      for (OrderBookListener l : listeners) {
        l.onLevelChanged(makerSide, price, total);
      }
    }
    return remaining;
  }

  /** Appends to the back of its level and reports the level. */
  private void rest(Order order) {
    final ArrayDeque<Order> queue =
        book(order.side).computeIfAbsent(order.price, p -> new ArrayDeque<>());
    queue.addLast(order);
    byId.put(order.id, order);
    final long total = total(queue);
    for (OrderBookListener l : listeners) {
      l.onLevelChanged(order.side, order.price, total);
    }
  }

  /** Takes an order off its level, dropping an emptied level; returns the level's new total. */
  private long takeOff(Order order) {
    final NavigableMap<Long, ArrayDeque<Order>> book = book(order.side);
    final ArrayDeque<Order> queue = book.get(order.price);
    queue.remove(order);
    if (queue.isEmpty()) {
      book.remove(order.price);
    }
    byId.remove(order.id);
    return total(queue);
  }

  @Override
  public boolean cancel(long orderId) {
    final Order order = byId.get(orderId);
    if (order == null) {
      for (OrderBookListener l : listeners) {
        l.onRejected(CommandType.CANCEL, orderId, NO_OWNER, RejectReason.UNKNOWN_ORDER);
      }
      return false;
    }
    final long total = takeOff(order);
    for (OrderBookListener l : listeners) {
      l.onCancelled(order.id, order.owner, order.side, order.price, order.size, CancelReason.USER);
    }
    for (OrderBookListener l : listeners) {
      l.onLevelChanged(order.side, order.price, total);
    }
    return true;
  }

  @Override
  public boolean replace(long orderId, long newPrice, long newSize) {
    final Order order = byId.get(orderId);
    RejectReason reason = null;
    if (order == null) {
      reason = RejectReason.UNKNOWN_ORDER;
    } else if (!validPrice(newPrice)) {
      reason = RejectReason.BAD_PRICE;
    } else if (newSize <= 0) {
      reason = RejectReason.BAD_SIZE;
    }
    if (reason != null) {
      final long owner = order == null ? NO_OWNER : order.owner;
      for (OrderBookListener l : listeners) {
        l.onRejected(CommandType.REPLACE, orderId, owner, reason);
      }
      return false;
    }
    final long oldPrice = order.price;
    final long oldSize = order.size;
    final boolean keepsPriority = newPrice == oldPrice && newSize <= oldSize;
    for (OrderBookListener l : listeners) {
      l.onReplaced(
          orderId, order.owner, order.side, oldPrice, oldSize, newPrice, newSize, keepsPriority);
    }
    if (keepsPriority) {
      order.size = newSize;
      if (newSize != oldSize) {
        final long total = total(book(order.side).get(oldPrice));
        for (OrderBookListener l : listeners) {
          l.onLevelChanged(order.side, oldPrice, total);
        }
      }
      return true;
    }
    if (newPrice == oldPrice) {
      takeOff(order);
      order.size = newSize;
      rest(order);
      return true;
    }
    final long oldTotal = takeOff(order);
    for (OrderBookListener l : listeners) {
      l.onLevelChanged(order.side, oldPrice, oldTotal);
    }
    final long remaining = match(orderId, order.owner, order.side, false, newPrice, newSize);
    if (remaining > 0) {
      order.price = newPrice;
      order.size = remaining;
      rest(order);
    }
    return true;
  }

  @Override
  public void addListener(OrderBookListener listener) {
    if (listener == null) {
      throw new NullPointerException("listener");
    }
    listeners.add(listener);
  }

  @Override
  public boolean removeListener(OrderBookListener listener) {
    return listeners.remove(listener);
  }

  @Override
  public long bestBid() {
    return bids.isEmpty() ? NO_BID : bids.firstKey();
  }

  @Override
  public long bestAsk() {
    return asks.isEmpty() ? NO_ASK : asks.firstKey();
  }

  @Override
  public int depth(Side side, int maxLevels, long[] prices, long[] sizes) {
    final int limit = Math.min(maxLevels, Math.min(prices.length, sizes.length));
    int n = 0;
    for (Map.Entry<Long, ArrayDeque<Order>> e : book(side).entrySet()) {
      if (n >= limit) {
        break;
      }
      prices[n] = e.getKey();
      sizes[n] = total(e.getValue());
      n++;
    }
    return n;
  }

  @Override
  public long sizeAt(Side side, long price) {
    return total(book(side).get(price));
  }

  @Override
  public int levelCount(Side side) {
    return book(side).size();
  }

  @Override
  public int orderCount() {
    return byId.size();
  }

  @Override
  public long remainingSize(long orderId) {
    final Order order = byId.get(orderId);
    return order == null ? 0 : order.size;
  }

  @Override
  public long orderPrice(long orderId) {
    final Order order = byId.get(orderId);
    return order == null ? MARKET_PRICE : order.price;
  }

  @Override
  public long queuePosition(long orderId) {
    final Order order = byId.get(orderId);
    if (order == null) {
      return -1;
    }
    long ahead = 0;
    for (Order o : book(order.side).get(order.price)) {
      if (o == order) {
        break;
      }
      ahead += o.size;
    }
    return ahead;
  }

  @Override
  public long stateHash() {
    long h = StateHash.SEED;
    for (Side side : Side.values()) {
      final NavigableMap<Long, ArrayDeque<Order>> book = book(side);
      h = StateHash.mix(h, book.size());
      for (Map.Entry<Long, ArrayDeque<Order>> e : book.entrySet()) {
        h = StateHash.mix(h, e.getKey());
        h = StateHash.mix(h, e.getValue().size());
        for (Order o : e.getValue()) {
          h = StateHash.mix(h, o.id);
          h = StateHash.mix(h, o.owner);
          h = StateHash.mix(h, o.size);
        }
      }
    }
    return StateHash.finish(h);
  }

  @Override
  public void clear() {
    bids.clear();
    asks.clear();
    byId.clear();
  }
}
