package org.mmlab.service.marketdata.exchange;

import java.util.ArrayList;
import java.util.List;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.marketdata.PriceLevel;

/**
 * The book as last published to market-data subscribers, per side best first, and the diff that
 * turns it into the current book: the levels whose total changed, with size 0 for a level gone.
 */
final class PublishedBook {
  private final int maxLevels;
  private long[] bidPx;
  private long[] bidSz;
  private long[] askPx;
  private long[] askSz;
  private int bids;
  private int asks;
  private long[] nextBidPx;
  private long[] nextBidSz;
  private long[] nextAskPx;
  private long[] nextAskSz;

  PublishedBook(int maxLevels) {
    this.maxLevels = maxLevels;
    bidPx = new long[maxLevels];
    bidSz = new long[maxLevels];
    askPx = new long[maxLevels];
    askSz = new long[maxLevels];
    nextBidPx = new long[maxLevels];
    nextBidSz = new long[maxLevels];
    nextAskPx = new long[maxLevels];
    nextAskSz = new long[maxLevels];
  }

  int maxLevels() {
    return maxLevels;
  }

  /** Arrays to fill with the current book before {@link #diff}. */
  long[] nextBidPrices() {
    return nextBidPx;
  }

  long[] nextBidSizes() {
    return nextBidSz;
  }

  long[] nextAskPrices() {
    return nextAskPx;
  }

  long[] nextAskSizes() {
    return nextAskSz;
  }

  /**
   * Makes the next book (filled into the next arrays) the published one, returning what changed.
   *
   * @param nextBids bid levels in the next arrays
   * @param nextAsks ask levels in the next arrays
   * @param instrument for the decimal conversion
   * @param bidChanges receives the changed bid levels
   * @param askChanges receives the changed ask levels
   */
  void diff(
      int nextBids,
      int nextAsks,
      InstrumentInfo instrument,
      List<PriceLevel> bidChanges,
      List<PriceLevel> askChanges) {
    diffSide(bidPx, bidSz, bids, nextBidPx, nextBidSz, nextBids, true, instrument, bidChanges);
    diffSide(askPx, askSz, asks, nextAskPx, nextAskSz, nextAsks, false, instrument, askChanges);
    long[] t = bidPx;
    bidPx = nextBidPx;
    nextBidPx = t;
    t = bidSz;
    bidSz = nextBidSz;
    nextBidSz = t;
    t = askPx;
    askPx = nextAskPx;
    nextAskPx = t;
    t = askSz;
    askSz = nextAskSz;
    nextAskSz = t;
    bids = nextBids;
    asks = nextAsks;
  }

  /** Merges two best-first level lists; descending prices for bids, ascending for asks. */
  private static void diffSide(
      long[] oldPx,
      long[] oldSz,
      int oldN,
      long[] newPx,
      long[] newSz,
      int newN,
      boolean bid,
      InstrumentInfo instrument,
      List<PriceLevel> out) {
    int i = 0;
    int j = 0;
    while (i < oldN || j < newN) {
      int cmp;
      if (i == oldN) {
        cmp = 1;
      } else if (j == newN) {
        cmp = -1;
      } else {
        // -1: the old level comes first (is better) in the side's order.
        cmp = Long.compare(oldPx[i], newPx[j]);
        if (bid) {
          cmp = -cmp;
        }
      }
      if (cmp < 0) {
        out.add(new PriceLevel(instrument.price(oldPx[i]), instrument.size(0)));
        i++;
      } else if (cmp > 0) {
        out.add(new PriceLevel(instrument.price(newPx[j]), instrument.size(newSz[j])));
        j++;
      } else {
        if (oldSz[i] != newSz[j]) {
          out.add(new PriceLevel(instrument.price(newPx[j]), instrument.size(newSz[j])));
        }
        i++;
        j++;
      }
    }
  }

  List<PriceLevel> bidLevels(InstrumentInfo instrument) {
    return levels(bidPx, bidSz, bids, instrument);
  }

  List<PriceLevel> askLevels(InstrumentInfo instrument) {
    return levels(askPx, askSz, asks, instrument);
  }

  private static List<PriceLevel> levels(long[] px, long[] sz, int n, InstrumentInfo instrument) {
    List<PriceLevel> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(new PriceLevel(instrument.price(px[k]), instrument.size(sz[k])));
    }
    return out;
  }

  long bestBid() {
    return bids == 0 ? 0 : bidPx[0];
  }

  long bestAsk() {
    return asks == 0 ? 0 : askPx[0];
  }

  long bidDepth() {
    return sum(bidSz, bids);
  }

  long askDepth() {
    return sum(askSz, asks);
  }

  private static long sum(long[] sz, int n) {
    long s = 0;
    for (int k = 0; k < n; k++) {
      s += sz[k];
    }
    return s;
  }

  void clear() {
    bids = 0;
    asks = 0;
  }
}
