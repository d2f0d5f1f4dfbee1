package org.mmlab.service.marketdata.web;

import org.mmlab.service.marketdata.ExchangeProperties;
import org.mmlab.service.marketdata.exchange.ExchangeCore;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * {@code /ws/market-data}: a snapshot, then book changes, trades and heartbeats, each a JSON text
 * frame with the stream's {@code seq}. Anything the client sends is ignored.
 */
@Component
class MarketDataSocket implements WebSocketHandler {
  private final ExchangeCore core;
  private final int buffer;

  MarketDataSocket(ExchangeCore core, ExchangeProperties props) {
    this.core = core;
    this.buffer = props.subscriberBuffer();
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    SinkSubscriber subscriber = new SinkSubscriber(session, buffer);
    core.subscribeMarketData(subscriber);
    Mono<Void> in = session.receive().then();
    Mono<Void> out =
        session
            .send(subscriber.messages().map(session::textMessage))
            .onErrorResume(SinkSubscriber.SlowConsumerException.class, e -> Mono.empty())
            .then(session.close());
    return Mono.firstWithSignal(in, out)
        .doFinally(signal -> core.unsubscribeMarketData(subscriber));
  }
}
