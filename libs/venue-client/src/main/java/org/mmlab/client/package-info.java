/**
 * A plain-Java client of the mmlab venue: the exchange's public market-data WebSocket (with a local
 * order book kept from snapshot and deltas), the gateway's REST order entry and its private
 * execution-report WebSocket. Built on {@code java.net.http}; no Spring, no Reactor.
 */
package org.mmlab.client;
