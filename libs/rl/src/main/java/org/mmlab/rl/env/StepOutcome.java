package org.mmlab.rl.env;

/**
 * What one environment step did, the input of a {@link RewardFunction}. All money in ticks × lots,
 * inventory in lots, prices in ticks. A mutable holder the environment reuses.
 */
public final class StepOutcome {
  /** Σ over the step's fills of |fill price − mid at fill| × size. */
  public double spreadCapture;

  /** Inventory at the end of the step. */
  public long inventory;

  /** Inventory at the start of the step. */
  public long previousInventory;

  /** Unrealized P&amp;L at the end of the step, marked to the mid. */
  public double unrealizedPnl;

  /** Change of equity (net P&amp;L marked to the mid) over the step. */
  public double equityChange;

  /** Change of the mid over the step. */
  public double midChange;

  /** Lots filled during the step. */
  public long filledLots;

  /** Inventory limit of the episode. */
  public long maxInventory;
}
