package org.mmlab.service.strategy.web;

import java.util.List;

/**
 * One text frame of {@code /ws/strategies}.
 *
 * @param type {@code snapshot} (first frame: every strategy's recent history, oldest first) or
 *     {@code update} (one new sample per strategy)
 * @param seq position in this connection's stream, one more per frame; a gap means frames were lost
 *     and the client should reconnect for a fresh snapshot
 * @param intervalMs time between two updates
 * @param samples the samples, oldest first
 */
record StrategyFrame(String type, long seq, long intervalMs, List<StrategySample> samples) {}
