package org.mmlab.lob;

/** The {@link LimitOrderBook} contract against the fast book. */
class OrderBookTest extends LimitOrderBookContract {
  @Override
  LimitOrderBook newBook() {
    return new OrderBook(4, 2); // tiny pools, so growth happens within the tests
  }
}
