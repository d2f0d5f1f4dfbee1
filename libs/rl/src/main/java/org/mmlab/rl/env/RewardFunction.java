package org.mmlab.rl.env;

import java.util.Locale;

/**
 * Turns a step's outcome into a reward. Implementations are pure functions of the outcome, so they
 * are reproducible and testable by hand.
 */
@FunctionalInterface
public interface RewardFunction {

  /** Names accepted by {@link #byName}. */
  String KNOWN = "spread-inventory, pnl, pnl-inventory, dampened-pnl, cara";

  /**
   * The reward of a step.
   *
   * @param step what happened
   * @return the reward
   */
  double reward(StepOutcome step);

  /**
   * The default: {@code spread_capture − 0.01·inventory² + 0.001·unrealized_pnl} (ticks and lots):
   * pays for the spread earned by fills, penalizes held inventory quadratically, and lets a little
   * of the open position's value through.
   *
   * @return the function
   */
  static RewardFunction spreadInventory() {
    return s ->
        s.spreadCapture
            - 0.01 * (double) s.inventory * (double) s.inventory
            + 0.001 * s.unrealizedPnl;
  }

  /**
   * Mark-to-market P&amp;L: the change of equity over the step.
   *
   * @return the function
   */
  static RewardFunction pnl() {
    return s -> s.equityChange;
  }

  /**
   * Risk-penalized P&amp;L: the change of equity minus {@code 0.01·inventory²}. Unlike spread
   * capture it charges the adverse selection of each fill (the mid moving against it), and unlike
   * plain P&amp;L it does not pay for holding inventory as a bet.
   *
   * @return the function
   */
  static RewardFunction pnlInventory() {
    return s -> s.equityChange - 0.01 * (double) s.inventory * (double) s.inventory;
  }

  /**
   * Spooner, Fearnley, Savani &amp; Koukorinis (2018), asymmetrically dampened P&amp;L: the step's
   * spread capture plus inventory P&amp;L, minus {@code η} times any positive part of the inventory
   * P&amp;L, so speculative gains from holding inventory are discounted while losses count in full.
   *
   * @param eta dampening factor in [0, 1] (the paper uses 0.5... 0.8; default 0.5)
   * @return the function
   */
  static RewardFunction dampenedPnl(double eta) {
    if (!(eta >= 0 && eta <= 1)) {
      throw new IllegalArgumentException("dampening eta must be in [0, 1]: " + eta);
    }
    return s -> {
      double inventoryPnl = s.previousInventory * s.midChange;
      return s.spreadCapture + inventoryPnl - eta * Math.max(0.0, inventoryPnl);
    };
  }

  /**
   * CARA (exponential) utility of the step's P&amp;L, {@code (1 − exp(−a·ΔW)) / a}: concave, so
   * variance costs reward (a risk-averse market maker, as in Avellaneda–Stoikov).
   *
   * @param riskAversion {@code a > 0}, per tick-lot
   * @return the function
   */
  static RewardFunction cara(double riskAversion) {
    if (!(riskAversion > 0 && riskAversion <= 10)) {
      throw new IllegalArgumentException("CARA risk aversion must be in (0, 10]: " + riskAversion);
    }
    return s -> {
      // Clamp the exponent so a huge loss gives a large finite penalty, never infinity.
      double x = Math.max(-50.0, Math.min(50.0, -riskAversion * s.equityChange));
      return (1 - Math.exp(x)) / riskAversion;
    };
  }

  /**
   * Looks a reward up by name.
   *
   * @param name one of {@link #KNOWN}
   * @return the function with its default parameters
   */
  static RewardFunction byName(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "spread-inventory":
        return spreadInventory();
      case "pnl":
        return pnl();
      case "pnl-inventory":
        return pnlInventory();
      case "dampened-pnl":
        return dampenedPnl(0.5);
      case "cara":
        return cara(0.01);
      default:
        throw new IllegalArgumentException(
            "unknown reward \"" + name + "\"; known rewards: " + KNOWN);
    }
  }
}
