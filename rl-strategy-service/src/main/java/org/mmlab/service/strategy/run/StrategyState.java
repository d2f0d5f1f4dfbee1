package org.mmlab.service.strategy.run;

/** Where a strategy is in its life. */
public enum StrategyState {
  /** Connected or connecting, waiting for a two-sided book. */
  STARTING,
  /** Deciding and quoting every interval. */
  RUNNING,
  /** Stopped; its quotes were cancelled. */
  STOPPED
}
