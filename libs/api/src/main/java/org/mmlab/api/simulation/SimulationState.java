package org.mmlab.api.simulation;

/** Whether the exchange's clock runs. */
public enum SimulationState {
  /** Simulated time follows wall time × speed; orders trade. */
  RUNNING,
  /** The clock is paused: the book is frozen and new orders are refused (cancels work). */
  STOPPED,
  /** A replay ran out of data: as stopped, until a reset. */
  FINISHED
}
