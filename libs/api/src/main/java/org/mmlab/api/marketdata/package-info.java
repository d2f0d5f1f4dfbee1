/**
 * The public market-data stream ({@code /ws/market-data} on the exchange), JSON, one message per
 * WebSocket text frame, told apart by {@code type}:
 *
 * <ol>
 *   <li>{@code snapshot}: the whole visible book; always the first message of a subscription, and
 *       sent again mid-stream when the book is rebuilt (simulation reset): replace the book.
 *   <li>{@code book}: the levels that changed since the previous message, each with its new total
 *       size; size 0 removes the level.
 *   <li>{@code trade}: one trade print.
 *   <li>{@code heartbeat}: sent every second or so when nothing else is.
 * </ol>
 *
 * <p>{@code seq} grows by exactly one per message of the stream; a snapshot carries the seq of the
 * last change it includes, so the next message after it has {@code seq + 1}. On a gap, resubscribe.
 * A subscriber that cannot keep up is disconnected (close status 1008, "slow consumer"): it never
 * slows the exchange.
 */
package org.mmlab.api.marketdata;
