package org.mmlab.sim.agent;

import org.mmlab.lob.CancelReason;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.RejectReason;
import org.mmlab.lob.Side;
import org.mmlab.sim.Market;

/**
 * Keeps an agent's two-sided quote on a market with the fewest commands: the quote a strategy wants
 * is compared with the orders it has, and only the difference is sent.
 *
 * <ul>
 *   <li>Same price and size: nothing is sent, so the order keeps its queue place.
 *   <li>Same price, smaller size: a replace, which keeps queue priority.
 *   <li>Same price, larger size: a replace, which loses priority (as on a real venue).
 *   <li>New price: cancel and a new post-only order (a replace would not re-check post-only, and a
 *       quote must never take liquidity).
 *   <li>Size 0: cancel.
 * </ul>
 *
 * The quoter learns what happened from the market's execution reports ({@link #onAccepted}, {@link
 * #onFill}, {@link #onCancelled}, {@link #onRejected}), which its owner forwards. Orders cancelled
 * by the quoter but still in flight may fill: those fills are real and the owner accounts for them;
 * the quoter has already forgotten the order.
 */
public final class Quoter {
  private final Market market;
  private final Side[] sides = {Side.BID, Side.ASK};
  private final long[] id = new long[2];
  private final long[] price = new long[2];
  private final long[] size = new long[2];
  private long nextId = 1;
  private long commands;

  /**
   * Creates a quoter.
   *
   * @param market where the quote lives
   */
  public Quoter(Market market) {
    this.market = market;
  }

  /** Forgets every order (a new episode: the market was reset). */
  public void reset() {
    id[0] = 0;
    id[1] = 0;
    nextId = 1;
    commands = 0;
  }

  /**
   * Brings the quote to the wanted state.
   *
   * @param bidPrice bid price, ticks
   * @param bidSize bid lots; 0 for no bid
   * @param askPrice ask price, ticks
   * @param askSize ask lots; 0 for no ask
   */
  public void quote(long bidPrice, long bidSize, long askPrice, long askSize) {
    side(0, bidPrice, bidSize);
    side(1, askPrice, askSize);
  }

  /** Cancels both sides. */
  public void cancelAll() {
    side(0, 0, 0);
    side(1, 0, 0);
  }

  private void side(int s, long p, long q) {
    long current = id[s];
    if (q <= 0) {
      if (current != 0) {
        market.cancel(current);
        commands++;
        id[s] = 0;
      }
      return;
    }
    if (current != 0 && p == price[s]) {
      if (q != size[s]) {
        market.replace(current, p, q);
        commands++;
        size[s] = q;
      }
      return;
    }
    if (current != 0) {
      market.cancel(current);
      commands++;
    }
    long newId = nextId++;
    market.submit(newId, sides[s], OrderType.POST_ONLY, p, q);
    commands++;
    id[s] = newId;
    price[s] = p;
    size[s] = q;
  }

  /**
   * The id of the order quoting a side.
   *
   * @param side the side
   * @return the order id, or 0 when the side has no order
   */
  public long orderId(Side side) {
    return id[side.ordinal()];
  }

  /**
   * Lots the quoter believes are open on a side.
   *
   * @param side the side
   * @return lots, 0 when the side has no order
   */
  public long openSize(Side side) {
    int s = side.ordinal();
    return id[s] == 0 ? 0 : size[s];
  }

  /**
   * Price of the order on a side.
   *
   * @param side the side
   * @return ticks (meaningless when {@link #openSize} is 0)
   */
  public long price(Side side) {
    return price[side.ordinal()];
  }

  /**
   * Commands sent since the last reset.
   *
   * @return submits, cancels and replaces
   */
  public long commands() {
    return commands;
  }

  /**
   * An order was accepted.
   *
   * @param orderId the id
   */
  public void onAccepted(long orderId) {
    // Nothing to do: the quoter treats sent orders as live until told otherwise.
  }

  /**
   * An order traded.
   *
   * @param orderId the id
   * @param remaining lots left open
   */
  public void onFill(long orderId, long remaining) {
    for (int s = 0; s < 2; s++) {
      if (id[s] == orderId) {
        if (remaining == 0) {
          id[s] = 0;
        } else {
          size[s] = Math.min(size[s], remaining);
        }
      }
    }
  }

  /**
   * An order was cancelled (by request, or by the exchange).
   *
   * @param orderId the id
   * @param reason why
   */
  public void onCancelled(long orderId, CancelReason reason) {
    forget(orderId);
  }

  /**
   * A command was rejected (a post-only quote that would cross, a replace of a filled order).
   *
   * @param orderId the id
   * @param reason why
   */
  public void onRejected(long orderId, RejectReason reason) {
    forget(orderId);
  }

  private void forget(long orderId) {
    for (int s = 0; s < 2; s++) {
      if (id[s] == orderId) {
        id[s] = 0;
      }
    }
  }
}
