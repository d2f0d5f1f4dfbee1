package org.mmlab.sim.binance;

/** What a line of a Binance capture holds, as {@link BinanceReader} reports it. */
public enum BinanceMessageType {
  /**
   * The REST depth snapshot ({@code GET /api/v3/depth} or {@code /fapi/v1/depth}): {@code
   * lastUpdateId}, {@code bids}, {@code asks}. The book starts from it.
   */
  DEPTH_SNAPSHOT,
  /** A diff depth update ({@code depthUpdate}): absolute sizes of changed levels, 0 = removed. */
  DEPTH_UPDATE,
  /** A public trade ({@code trade}). */
  TRADE,
  /** A best bid/offer update ({@code bookTicker}). */
  BOOK_TICKER,
  /** A USD-M futures mark price update ({@code markPriceUpdate}). */
  MARK_PRICE
}
