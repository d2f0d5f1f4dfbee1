package org.mmlab.sim;

import org.mmlab.sim.core.LatencyModel;

/**
 * What applies to every market whatever its model: latencies, fees and how many book levels the
 * agent's market data carries.
 *
 * @param orderEntryLatency agent to exchange
 * @param marketDataLatency exchange to agent (market data and execution reports alike)
 * @param fees maker and taker fees
 * @param bookLevels levels per side in the agent's book snapshots
 */
public record MarketConditions(
    LatencyModel orderEntryLatency, LatencyModel marketDataLatency, Fees fees, int bookLevels) {

  /** Defaults: 1 ms each way, no fees, 10 levels. */
  public static final MarketConditions DEFAULT =
      new MarketConditions(
          LatencyModel.constant(1_000_000), LatencyModel.constant(1_000_000), Fees.NONE, 10);

  /** Validates the fields. */
  public MarketConditions {
    if (orderEntryLatency == null || marketDataLatency == null || fees == null) {
      throw new IllegalArgumentException("latencies and fees are required");
    }
    if (bookLevels < 1 || bookLevels > 100) {
      throw new IllegalArgumentException("book levels must be in [1, 100]: " + bookLevels);
    }
  }
}
