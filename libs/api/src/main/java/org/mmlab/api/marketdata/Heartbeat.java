package org.mmlab.api.marketdata;

/**
 * Keeps the stream alive and tells the subscriber the exchange's clock is moving.
 *
 * @param seq sequence number
 * @param simTime simulated time, ns
 * @param running whether the simulation clock is running
 */
public record Heartbeat(long seq, long simTime, boolean running) implements MarketDataMessage {}
