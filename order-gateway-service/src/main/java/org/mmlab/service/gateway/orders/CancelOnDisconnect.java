package org.mmlab.service.gateway.orders;

import java.time.Duration;
import org.mmlab.api.CancelReason;
import org.mmlab.service.gateway.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Cancel-on-disconnect ({@code mmlab.gateway.cancel-on-disconnect}): when a client's last execution
 * stream closes and no new one attaches within the grace period, every open order of the client is
 * cancelled ({@link CancelReason#CANCEL_ON_DISCONNECT}), so that a client that lost its view of its
 * fills leaves no quotes behind. A reconnect within the grace period keeps the orders.
 */
@Component
public class CancelOnDisconnect {
  private static final Logger LOG = LoggerFactory.getLogger(CancelOnDisconnect.class);

  private final OrderStore store;
  private final OrderService orders;
  private final boolean enabled;
  private final Duration grace;

  CancelOnDisconnect(OrderStore store, OrderService orders, GatewayProperties props) {
    this.store = store;
    this.orders = orders;
    this.enabled = props.cancelOnDisconnect();
    this.grace = props.cancelOnDisconnectGrace();
  }

  /**
   * Called after an execution stream of the client closed (and was detached).
   *
   * @param clientId the client
   */
  public void streamClosed(String clientId) {
    if (!enabled) {
      return;
    }
    ClientState c = store.client(clientId);
    long attaches;
    synchronized (c) {
      if (!c.streamless()) {
        return; // another stream of the client is still open
      }
      attaches = c.attaches();
    }
    Mono.delay(grace)
        .flatMap(
            tick -> {
              synchronized (c) {
                if (!c.streamless() || c.attaches() != attaches || c.openOrders().isEmpty()) {
                  return Mono.empty();
                }
              }
              LOG.info(
                  "cancelling the open orders of {}: no execution stream for {}", clientId, grace);
              return orders.cancelAll(clientId, CancelReason.CANCEL_ON_DISCONNECT);
            })
        .subscribe(
            cancelled ->
                LOG.info("cancelled {} orders of {} on disconnect", cancelled.size(), clientId),
            e -> LOG.warn("cancel-on-disconnect for {} failed: {}", clientId, e.toString()));
  }
}
