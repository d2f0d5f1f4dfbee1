package org.mmlab.api.simulation;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;

/**
 * Body of {@code POST /api/v1/simulation/start} and {@code /reset}; every field is optional and
 * keeps its current value when absent.
 *
 * @param market market spec: {@code zi}, {@code zi:PARAMS.json}, {@code hawkes}, {@code as}, {@code
 *     lobster:PATH}, {@code binance:PATH} (reset only)
 * @param seed the seed of the market model (reset only)
 * @param speed simulated seconds per wall-clock second, (0, 10000]; 1.0 is real time
 */
public record SimulationRequest(
    String market, Long seed, @Positive @DecimalMax("10000") Double speed) {}
