package org.mmlab.rl.env;

import org.mmlab.strategy.MarketContext;
import org.mmlab.strategy.QuoteDecision;

/**
 * Turns an action of {@link ActionSpace} into quotes exactly as the training environment does: one
 * size on both sides, {@code bid = floor(mid − bidOffset)}, {@code ask = ceil(mid + askOffset)}, no
 * quote before the first two-sided book.
 */
public final class ActionQuotes {
  private ActionQuotes() {}

  /**
   * Sets the quotes of an action.
   *
   * @param action {@code [bid offset, ask offset, size index]}, validated
   * @param mid the mid, ticks; NaN when there has never been a two-sided book
   * @param out receives the quotes (cleared when there is no mid)
   */
  public static void apply(int[] action, double mid, QuoteDecision out) {
    ActionSpace.validate(action);
    out.clear();
    if (Double.isNaN(mid)) {
      return;
    }
    long size = ActionSpace.size(action[ActionSpace.SIZE]);
    out.set(
        ActionSpace.bidPrice(mid, action[ActionSpace.BID_OFFSET]),
        size,
        ActionSpace.askPrice(mid, action[ActionSpace.ASK_OFFSET]),
        size);
  }

  /**
   * The mid the environment quotes around: the context's mid, NaN before the first two-sided book
   * (when {@link MarketContext#midPrice()} reads 0).
   *
   * @param ctx the market now
   * @return ticks or NaN
   */
  public static double mid(MarketContext ctx) {
    double mid = ctx.midPrice();
    return mid > 0 ? mid : Double.NaN;
  }

  /**
   * Applies the inventory limit as a risk check outside training: each side's size is cut to the
   * room left under {@code maxInventory}, as the classic market makers do. Training does not cap
   * (breaching the limit terminates the episode, which the agent must learn); a deployed agent must
   * never breach it.
   *
   * @param inventory current inventory, lots
   * @param maxInventory the limit, lots
   * @param out the quotes to cap
   */
  public static void capToInventory(long inventory, long maxInventory, QuoteDecision out) {
    long bidRoom = Math.max(0, maxInventory - inventory);
    long askRoom = Math.max(0, maxInventory + inventory);
    out.set(
        out.bidPrice(),
        Math.min(out.bidSize(), bidRoom),
        out.askPrice(),
        Math.min(out.askSize(), askRoom));
  }
}
