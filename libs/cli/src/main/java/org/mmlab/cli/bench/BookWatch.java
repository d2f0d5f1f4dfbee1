package org.mmlab.cli.bench;

import java.net.URI;
import java.time.Duration;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.cli.UserInputException;
import org.mmlab.client.LocalBook;
import org.mmlab.client.VenueClient;
import org.mmlab.client.VenueConfig;
import org.mmlab.client.VenueListener;

/**
 * The best bid and ask of the exchange's book, kept current from a market-data subscription, so the
 * load can price its orders relative to the market.
 */
final class BookWatch implements VenueListener, AutoCloseable {
  private final VenueClient venue;
  private volatile long bestBid;
  private volatile long bestAsk;
  private volatile InstrumentInfo instrument;

  /**
   * Subscribes to the market data.
   *
   * @param marketData the exchange's base URL
   * @param gateway the gateway's base URL
   * @param apiKey a gateway key
   */
  BookWatch(URI marketData, URI gateway, String apiKey) {
    this.venue = new VenueClient(VenueConfig.of(marketData, gateway, apiKey), this);
    venue.subscribeMarketData();
  }

  @Override
  public void onSnapshot(LocalBook book, long simTime) {
    onBook(book, simTime);
  }

  @Override
  public void onBook(LocalBook book, long simTime) {
    instrument = book.instrument();
    if (book.bidLevels() > 0) {
      bestBid = book.bestBid();
    }
    if (book.askLevels() > 0) {
      bestAsk = book.bestAsk();
    }
  }

  /**
   * Waits until both sides of the book are known.
   *
   * @param timeout how long to wait
   * @throws InterruptedException if interrupted
   */
  void awaitTwoSided(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (bestBid <= 0 || bestAsk <= 0 || instrument == null) {
      if (System.nanoTime() > deadline) {
        throw new UserInputException(
            "no two-sided book from the exchange's market data in "
                + timeout.toSeconds()
                + " s; is its simulation running?");
      }
      Thread.sleep(50);
    }
  }

  long bestBid() {
    return bestBid;
  }

  long bestAsk() {
    return bestAsk;
  }

  InstrumentInfo instrument() {
    return instrument;
  }

  @Override
  public void close() {
    venue.close();
  }
}
