package org.mmlab.sim.lobster;

import java.util.ArrayList;
import java.util.List;
import org.mmlab.lob.CancelReason;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.BookSnapshot;
import org.mmlab.sim.MarketListener;

/** Records what a market tells the agent as text lines. */
class Recorder implements MarketListener {
  final List<String> log = new ArrayList<>();
  final List<String> books = new ArrayList<>();
  final List<String> trades = new ArrayList<>();
  final List<String> fills = new ArrayList<>();
  final List<String> reports = new ArrayList<>();
  long bestBid = -1;
  long bestAsk = -1;
  boolean twoSided;
  final List<String> takerPrints = new ArrayList<>();
  long makerFills;
  long makerLots;
  long takerFills;

  @Override
  public void onBook(long t, BookSnapshot b) {
    StringBuilder s = new StringBuilder("book ").append(t).append(" bid");
    for (int i = 0; i < b.bidLevels(); i++) {
      s.append(' ').append(b.bidPrices()[i]).append('x').append(b.bidSizes()[i]);
    }
    s.append(" ask");
    for (int i = 0; i < b.askLevels(); i++) {
      s.append(' ').append(b.askPrices()[i]).append('x').append(b.askSizes()[i]);
    }
    bestBid = b.bestBid();
    bestAsk = b.bestAsk();
    twoSided = b.isTwoSided();
    books.add(s.toString());
    log.add(s.toString());
  }

  @Override
  public void onTrade(long t, long price, long size, Side aggressor) {
    String s = "trade " + t + " " + price + "x" + size + " " + aggressor;
    trades.add(s);
    log.add(s);
  }

  @Override
  public void onAccepted(long t, long orderId) {
    report("accepted " + t + " " + orderId);
  }

  @Override
  public void onRejected(long t, long orderId, RejectReason reason) {
    report("rejected " + t + " " + orderId + " " + reason);
  }

  @Override
  public void onCancelled(long t, long orderId, long size, CancelReason reason) {
    report("cancelled " + t + " " + orderId + " " + size + " " + reason);
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
    if (maker) {
      makerFills++;
      makerLots += size;
    } else {
      takerFills++;
      takerPrints.add("trade " + t + " " + price + "x" + size + " " + side);
    }
    String s =
        "fill "
            + t
            + " "
            + orderId
            + " "
            + side
            + " "
            + price
            + "x"
            + size
            + " left "
            + remaining
            + (maker ? " maker " : " taker ")
            + fee;
    fills.add(s);
    log.add(s);
  }

  private void report(String s) {
    reports.add(s);
    log.add(s);
  }

  void clear() {
    log.clear();
    books.clear();
    trades.clear();
    fills.clear();
    reports.clear();
  }
}
