package org.mmlab.lob;

/** The {@link LimitOrderBook} contract against the reference book. */
class ReferenceOrderBookTest extends LimitOrderBookContract {
  @Override
  LimitOrderBook newBook() {
    return new ReferenceOrderBook();
  }
}
