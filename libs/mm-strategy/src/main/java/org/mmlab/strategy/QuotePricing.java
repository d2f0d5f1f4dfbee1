package org.mmlab.strategy;

/**
 * Turns theoretical (real-valued) quotes into tick prices and inventory-capped sizes, shared by
 * every strategy so they all round, clamp and cap the same way.
 */
final class QuotePricing {
  /** Absorbs floating-point noise: 99.9999999999 is tick 100, not 99. */
  private static final double EPS = 1e-9;

  private QuotePricing() {}

  /**
   * Quotes {@code bidOffset} ticks below and {@code askOffset} ticks above the mid as {@link
   * #place} does, or withdraws both sides when there is no mid.
   */
  static void aroundMid(
      MarketContext ctx,
      double bidOffset,
      double askOffset,
      long bidSize,
      long askSize,
      QuoteDecision out) {
    double mid = ctx.midPrice();
    if (!(mid > 0)) {
      out.clear();
      return;
    }
    place(ctx, mid - bidOffset, mid + askOffset, bidSize, askSize, out);
  }

  /**
   * Writes the quote: the bid rounded down and the ask up to the tick grid (never more aggressive
   * than the model asked for), the ask kept above the bid, neither crossing the opposite best
   * (post-only-safe), and each side's size capped so a full fill keeps {@code |inventory| <=
   * maxInventory} (a side with no room is not quoted). A non-finite price withdraws its side.
   */
  static void place(
      MarketContext ctx, double bid, double ask, long bidSize, long askSize, QuoteDecision out) {
    long q = ctx.inventory();
    long max = ctx.maxInventory();
    long bSize = Double.isFinite(bid) ? Math.max(0L, Math.min(bidSize, max - q)) : 0L;
    long aSize = Double.isFinite(ask) ? Math.max(0L, Math.min(askSize, max + q)) : 0L;
    long bp = bSize > 0 ? (long) Math.floor(bid + EPS) : 0L;
    long ap = aSize > 0 ? (long) Math.ceil(ask - EPS) : 0L;
    if (bSize > 0 && aSize > 0 && ap <= bp) {
      ap = bp + 1;
    }
    if (bSize > 0 && ctx.hasAsk() && bp >= ctx.bestAskPrice()) {
      bp = ctx.bestAskPrice() - 1;
    }
    if (aSize > 0 && ctx.hasBid() && ap <= ctx.bestBidPrice()) {
      ap = ctx.bestBidPrice() + 1;
    }
    out.set(bp, bSize, ap, aSize);
  }
}
