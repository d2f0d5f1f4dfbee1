package org.mmlab.sim;

import java.util.Arrays;
import org.mmlab.lob.Side;

/**
 * The top levels of a replayed book as last published to the agent. Many replayed events leave the
 * top levels as they were, so after each one the market calls {@link #detectChange()}, and the
 * levels are published again only when they differ from the ones published last. Nothing is
 * allocated after construction.
 */
public final class PublishedLevels {

  /** Reads the top levels of the market's book. */
  @FunctionalInterface
  public interface Source {
    /**
     * Copies one side's best levels, best first.
     *
     * @param side bid or ask
     * @param prices receives prices, ticks
     * @param sizes receives sizes, lots
     * @return levels written, at most the arrays' length
     */
    int read(Side side, long[] prices, long[] sizes);
  }

  private final Source source;
  private final long[] bidPx;
  private final long[] bidSz;
  private final long[] askPx;
  private final long[] askSz;
  private final long[] pubBidPx;
  private final long[] pubBidSz;
  private final long[] pubAskPx;
  private final long[] pubAskSz;
  private int pubBids = -1;
  private int pubAsks = -1;
  private final BookSnapshot snapshot;
  private boolean changed;

  /**
   * Creates the tracker.
   *
   * @param levels levels per side published
   * @param source the book's top levels
   */
  public PublishedLevels(int levels, Source source) {
    this.source = source;
    bidPx = new long[levels];
    bidSz = new long[levels];
    askPx = new long[levels];
    askSz = new long[levels];
    pubBidPx = new long[levels];
    pubBidSz = new long[levels];
    pubAskPx = new long[levels];
    pubAskSz = new long[levels];
    snapshot = new BookSnapshot(levels);
  }

  /** Forgets what was published (a new episode): the next check finds a change. */
  public void reset() {
    changed = false;
    pubBids = -1;
    pubAsks = -1;
  }

  /** Compares the book's top levels with the ones published last and remembers a difference. */
  public void detectChange() {
    if (changed) {
      return;
    }
    int nb = source.read(Side.BID, bidPx, bidSz);
    int na = source.read(Side.ASK, askPx, askSz);
    if (nb != pubBids
        || na != pubAsks
        || !Arrays.equals(bidPx, 0, nb, pubBidPx, 0, nb)
        || !Arrays.equals(bidSz, 0, nb, pubBidSz, 0, nb)
        || !Arrays.equals(askPx, 0, na, pubAskPx, 0, na)
        || !Arrays.equals(askSz, 0, na, pubAskSz, 0, na)) {
      changed = true;
    }
  }

  /**
   * Whether a change was found since the last call (for {@link SimulatedMarket#takeBookChanged()}).
   *
   * @return true once per change
   */
  public boolean takeChanged() {
    boolean c = changed;
    changed = false;
    return c;
  }

  /**
   * Publishes the book's current top levels.
   *
   * @param feed the agent's feed
   * @param now exchange time
   */
  public void publish(AgentFeed feed, long now) {
    pubBids = source.read(Side.BID, pubBidPx, pubBidSz);
    pubAsks = source.read(Side.ASK, pubAskPx, pubAskSz);
    snapshot.set(pubBidPx, pubBidSz, pubBids, pubAskPx, pubAskSz, pubAsks);
    feed.book(now, snapshot);
  }
}
