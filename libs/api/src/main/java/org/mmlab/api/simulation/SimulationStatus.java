package org.mmlab.api.simulation;

import java.math.BigDecimal;
import org.mmlab.api.InstrumentInfo;

/**
 * The exchange's state.
 *
 * @param state running, stopped or finished
 * @param market the market spec
 * @param seed the model's seed
 * @param speed simulated seconds per wall second
 * @param instrument what is traded
 * @param simTime current simulated time, ns
 * @param eventsProcessed exchange events since the market was built (model events and commands)
 * @param eventsPerSecond recent rate of exchange events per wall second
 * @param bestBid best bid, null when none
 * @param bestAsk best ask, null when none
 * @param subscribers market-data subscribers connected
 * @param gatewaySessions internal order-entry sessions connected
 */
public record SimulationStatus(
    SimulationState state,
    String market,
    long seed,
    double speed,
    InstrumentInfo instrument,
    long simTime,
    long eventsProcessed,
    double eventsPerSecond,
    BigDecimal bestBid,
    BigDecimal bestAsk,
    int subscribers,
    int gatewaySessions) {}
