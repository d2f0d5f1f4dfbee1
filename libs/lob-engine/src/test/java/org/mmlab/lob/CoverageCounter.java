package org.mmlab.lob;

/** Counts what a random stream exercised, so tests can prove the generator hits every path. */
final class CoverageCounter implements OrderBookListener {
  final long[] rejects = new long[RejectReason.values().length];
  final long[] cancels = new long[CancelReason.values().length];
  final long[] accepted = new long[OrderType.values().length];
  long trades;
  long replacesKept;
  long replacesMoved;
  long priceChanges;
  long levelEvents;

  @Override
  public void onAccepted(
      long orderId, long owner, Side side, OrderType type, long price, long size) {
    accepted[type.ordinal()]++;
  }

  @Override
  public void onRejected(CommandType command, long orderId, long owner, RejectReason reason) {
    rejects[reason.ordinal()]++;
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
    trades++;
  }

  @Override
  public void onCancelled(
      long orderId, long owner, Side side, long price, long cancelledSize, CancelReason reason) {
    cancels[reason.ordinal()]++;
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
    if (priorityKept) {
      replacesKept++;
    } else {
      replacesMoved++;
    }
    if (newPrice != oldPrice) {
      priceChanges++;
    }
  }

  @Override
  public void onLevelChanged(Side side, long price, long totalSize) {
    levelEvents++;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (OrderType t : OrderType.values()) {
      sb.append(t).append('=').append(accepted[t.ordinal()]).append(' ');
    }
    for (RejectReason r : RejectReason.values()) {
      sb.append(r).append('=').append(rejects[r.ordinal()]).append(' ');
    }
    for (CancelReason c : CancelReason.values()) {
      sb.append(c).append('=').append(cancels[c.ordinal()]).append(' ');
    }
    return sb.append("trades=")
        .append(trades)
        .append(" replacesKept=")
        .append(replacesKept)
        .append(" replacesMoved=")
        .append(replacesMoved)
        .append(" priceChanges=")
        .append(priceChanges)
        .toString();
  }
}
