package org.mmlab.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Messages handled by a replay benchmark, reported by JMH as a rate (messages per second). */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class MessageCounter {
  /** Messages (rows or lines) read in the current iteration. */
  public long messages;

  /** Starts each iteration from zero. */
  @Setup(Level.Iteration)
  public void reset() {
    messages = 0;
  }
}
