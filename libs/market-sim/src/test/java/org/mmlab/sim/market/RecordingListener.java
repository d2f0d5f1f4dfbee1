package org.mmlab.sim.market;

import java.util.ArrayList;
import java.util.List;
import org.mmlab.lob.CancelReason;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.BookSnapshot;
import org.mmlab.sim.MarketListener;

/** Records everything a market tells the agent, as text lines and a few counters. */
final class RecordingListener implements MarketListener {
  final List<String> log = new ArrayList<>();
  final List<long[]> fills = new ArrayList<>();
  final List<Long> spreads = new ArrayList<>();
  long lastBookTime = -1;
  long trades;
  long bidLevelsSum;
  long books;
  long lastBid;
  long lastAsk;
  boolean keepLog = true;

  @Override
  public void onBook(long t, BookSnapshot book) {
    if (t < lastBookTime) {
      throw new AssertionError("market data went back in time");
    }
    lastBookTime = t;
    books++;
    bidLevelsSum += book.bidLevels();
    lastBid = book.bestBid();
    lastAsk = book.bestAsk();
    if (book.isTwoSided()) {
      spreads.add(book.bestAsk() - book.bestBid());
    }
    if (keepLog) {
      log.add(
          "book "
              + t
              + " "
              + book.bestBid()
              + "x"
              + book.bestBidSize()
              + " "
              + book.bestAsk()
              + "x"
              + book.bestAskSize());
    }
  }

  @Override
  public void onTrade(long t, long price, long size, Side aggressor) {
    trades++;
    if (keepLog) {
      log.add("trade " + t + " " + price + " " + size + " " + aggressor);
    }
  }

  @Override
  public void onAccepted(long t, long orderId) {
    log.add("accepted " + t + " " + orderId);
  }

  @Override
  public void onRejected(long t, long orderId, RejectReason reason) {
    log.add("rejected " + t + " " + orderId + " " + reason);
  }

  @Override
  public void onCancelled(long t, long orderId, long size, CancelReason reason) {
    log.add("cancelled " + t + " " + orderId + " " + size + " " + reason);
  }

  @Override
  public void onFill(
      long t,
      long orderId,
      Side side,
      long price,
      long size,
      long remaining,
      boolean maker,
      double fee) {
    fills.add(new long[] {t, orderId, side.ordinal(), price, size, remaining, maker ? 1 : 0});
    log.add(
        "fill " + t + " " + orderId + " " + side + " " + price + " " + size + " " + remaining + " "
            + maker + " " + fee);
  }
}
