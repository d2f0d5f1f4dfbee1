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
 * load can price its orders relative to the market. An empty side reads as empty (it does not keep
 * its last price: the market moves on without it, and the gateway's price band then centres on the
 * other side).
 */
final class BookWatch implements VenueListener, AutoCloseable {
  /**
   * The top of the book as seen by the load.
   *
   * @param bid best bid in ticks, 0 when the bid side is empty
   * @param ask best ask in ticks, 0 when the ask side is empty
   * @param lastMid the last mid seen with a non-empty book (for a book that is empty now), ticks
   */
  record Top(long bid, long ask, double lastMid) {

    /**
     * The mid as the gateway's price band takes it: both bests, or the one present; else the last
     * mid seen.
     *
     * @return ticks
     */
    double mid() {
      if (bid > 0 && ask > 0) {
        return (bid + ask) / 2.0;
      }
      if (bid > 0) {
        return bid;
      }
      return ask > 0 ? ask : lastMid;
    }

    /**
     * The best bid, or the mid when the bid side is empty.
     *
     * @return ticks
     */
    long bidOrMid() {
      return bid > 0 ? bid : Math.round(mid());
    }

    /**
     * The best ask, or the mid when the ask side is empty.
     *
     * @return ticks
     */
    long askOrMid() {
      return ask > 0 ? ask : Math.round(mid());
    }

    @Override
    public String toString() {
      return "bid " + (bid > 0 ? bid : "none") + ", ask " + (ask > 0 ? ask : "none") + " ticks";
    }
  }

  private final VenueClient venue;
  private volatile Top top = new Top(0, 0, 0);
  private volatile InstrumentInfo instrument;
  private volatile long updatedNanos;

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

  /** Without a subscription: fed through {@link #onBook} (tests). */
  BookWatch() {
    this.venue = null;
  }

  @Override
  public void onSnapshot(LocalBook book, long simTime) {
    onBook(book, simTime);
  }

  @Override
  public void onBook(LocalBook book, long simTime) {
    instrument = book.instrument();
    long bid = book.bidLevels() > 0 ? book.bestBid() : 0;
    long ask = book.askLevels() > 0 ? book.bestAsk() : 0;
    Top t = new Top(bid, ask, top.lastMid());
    top = bid > 0 || ask > 0 ? new Top(bid, ask, t.mid()) : t;
    updatedNanos = System.nanoTime();
  }

  /**
   * Waits until both sides of the book are known.
   *
   * @param timeout how long to wait
   * @throws InterruptedException if interrupted
   */
  void awaitTwoSided(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (top.bid() <= 0 || top.ask() <= 0 || instrument == null) {
      if (System.nanoTime() > deadline) {
        throw new UserInputException(
            "no two-sided book from the exchange's market data in "
                + timeout.toSeconds()
                + " s; is its simulation running?");
      }
      Thread.sleep(50);
    }
  }

  /**
   * The top of the book now.
   *
   * @return the latest top
   */
  Top top() {
    return top;
  }

  /**
   * The best bid, or the mid when the bid side is empty (0 before any book).
   *
   * @return ticks
   */
  long bestBid() {
    return top.bidOrMid();
  }

  /**
   * The best ask, or the mid when the ask side is empty (0 before any book).
   *
   * @return ticks
   */
  long bestAsk() {
    return top.askOrMid();
  }

  InstrumentInfo instrument() {
    return instrument;
  }

  /**
   * The load's view of the book, for a failure's description.
   *
   * @return the top, the age of the last update and the market-data gaps healed so far
   */
  String describe() {
    long age = (System.nanoTime() - updatedNanos) / 1_000_000;
    return "the load's book: "
        + top
        + ", updated "
        + age
        + " ms before, "
        + (venue == null ? 0 : venue.marketDataGaps())
        + " market-data gaps";
  }

  @Override
  public void close() {
    if (venue != null) {
      venue.close();
    }
  }
}
