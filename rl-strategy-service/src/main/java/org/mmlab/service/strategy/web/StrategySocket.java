package org.mmlab.service.strategy.web;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * {@code /ws/strategies}: every strategy's id, type, state, P&amp;L, inventory, fills and quotes
 * four times a second, for the exchange's web page. The first frame is a snapshot of the recent
 * history; each frame has the connection's {@code seq}. Anything the client sends is ignored.
 *
 * <p>The handshake accepts any origin: the page is served by market-data-service on another port,
 * and the stream is read-only public data, like {@code /ws/market-data}.
 */
@Component
final class StrategySocket implements WebSocketHandler {
  static final String PATH = "/ws/strategies";

  private final StrategyFeed feed;

  StrategySocket(StrategyFeed feed) {
    this.feed = feed;
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    Mono<Void> in = session.receive().then();
    Mono<Void> out =
        session
            .send(feed.subscribe().map(session::textMessage))
            .onErrorResume(
                IllegalStateException.class,
                e -> session.close(CloseStatus.POLICY_VIOLATION.withReason("slow consumer")))
            .then(session.close());
    return Mono.firstWithSignal(in, out);
  }
}
