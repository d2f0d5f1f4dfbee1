package org.mmlab.lob;

/**
 * Delivers each event to several listeners in registration order. Books hold a single listener
 * reference (a no-op, the only listener, or one of these) so the hot path makes one interface call
 * per event whatever the number of listeners.
 */
final class ListenerFanout implements OrderBookListener {
  /** Shared do-nothing listener for books without listeners. */
  static final OrderBookListener NONE = new OrderBookListener() {};

  private final OrderBookListener[] listeners;

  ListenerFanout(OrderBookListener[] listeners) {
    this.listeners = listeners.clone();
  }

  /** The single listener to call for {@code listeners}. */
  static OrderBookListener of(OrderBookListener[] listeners) {
    if (listeners.length == 0) {
      return NONE;
    }
    return listeners.length == 1 ? listeners[0] : new ListenerFanout(listeners);
  }

  /** {@code listeners} with {@code listener} appended. */
  static OrderBookListener[] add(OrderBookListener[] listeners, OrderBookListener listener) {
    if (listener == null) {
      throw new NullPointerException("listener");
    }
    OrderBookListener[] result = java.util.Arrays.copyOf(listeners, listeners.length + 1);
    result[listeners.length] = listener;
    return result;
  }

  /** {@code listeners} without the first occurrence of {@code listener} (same array if absent). */
  static OrderBookListener[] remove(OrderBookListener[] listeners, OrderBookListener listener) {
    for (int i = 0; i < listeners.length; i++) {
      if (listeners[i] == listener) {
        OrderBookListener[] result = new OrderBookListener[listeners.length - 1];
        System.arraycopy(listeners, 0, result, 0, i);
        System.arraycopy(listeners, i + 1, result, i, listeners.length - i - 1);
        return result;
      }
    }
    return listeners;
  }

  @Override
  public void onAccepted(
      long orderId, long owner, Side side, OrderType type, long price, long size) {
    for (OrderBookListener l : listeners) {
      l.onAccepted(orderId, owner, side, type, price, size);
    }
  }

  @Override
  public void onRejected(CommandType command, long orderId, long owner, RejectReason reason) {
    for (OrderBookListener l : listeners) {
      l.onRejected(command, orderId, owner, reason);
    }
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
    for (OrderBookListener l : listeners) {
      l.onTrade(
          makerOrderId,
          takerOrderId,
          makerOwner,
          takerOwner,
          price,
          size,
          aggressorSide,
          makerRemaining,
          takerRemaining);
    }
  }

  @Override
  public void onCancelled(
      long orderId, long owner, Side side, long price, long cancelledSize, CancelReason reason) {
    for (OrderBookListener l : listeners) {
      l.onCancelled(orderId, owner, side, price, cancelledSize, reason);
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
    for (OrderBookListener l : listeners) {
      l.onReplaced(orderId, owner, side, oldPrice, oldSize, newPrice, newSize, priorityKept);
    }
  }

  @Override
  public void onLevelChanged(Side side, long price, long totalSize) {
    for (OrderBookListener l : listeners) {
      l.onLevelChanged(side, price, totalSize);
    }
  }
}
