package org.mmlab.api.exchange;

/**
 * A client's position, in lots and tick·lots.
 *
 * @param clientId owner
 * @param position net lots (bought − sold)
 * @param bought lots bought
 * @param sold lots sold
 * @param cash Σ sell price × size − Σ buy price × size, in tick·lots
 */
public record ClientPosition(String clientId, long position, long bought, long sold, long cash) {}
