package org.mmlab.bench.engine;

import org.mmlab.lob.CancelReason;
import org.mmlab.lob.OrderBookListener;
import org.mmlab.lob.Side;

/**
 * A listener doing the least a real consumer would: counting events and summing traded size. Its
 * fields are read after each run so the work cannot be optimised away.
 */
public final class CountingListener implements OrderBookListener {
  /** Trades seen. */
  public long trades;

  /** Total traded size. */
  public long tradedSize;

  /** Cancellations seen. */
  public long cancels;

  /** Level updates seen. */
  public long levelUpdates;

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
    tradedSize += size;
  }

  @Override
  public void onCancelled(
      long orderId, long owner, Side side, long price, long cancelledSize, CancelReason reason) {
    cancels++;
  }

  @Override
  public void onLevelChanged(Side side, long price, long totalSize) {
    levelUpdates++;
  }

  /**
   * A value depending on every counter.
   *
   * @return the checksum
   */
  public long checksum() {
    return trades * 31 + tradedSize * 17 + cancels * 7 + levelUpdates;
  }
}
