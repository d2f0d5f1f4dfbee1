/**
 * Simulation control on the exchange ({@code /api/v1/simulation}): {@code GET} status, {@code POST
 * /start}, {@code POST /stop}, {@code POST /reset}.
 */
package org.mmlab.api.simulation;
