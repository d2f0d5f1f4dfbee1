package org.mmlab.service.marketdata.web;

import org.mmlab.service.marketdata.exchange.ExchangeCore;
import org.mmlab.service.marketdata.exchange.Subscriber;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Adapts a WebSocket session to the exchange's {@link Subscriber}: a bounded buffer between the
 * exchange thread and the socket. When the socket cannot drain it (the client reads too slowly, so
 * TCP pushes back) the buffer fills, the exchange's next offer fails, and the session is closed
 * with 1008 "slow consumer"; the exchange never waits.
 */
final class SinkSubscriber implements Subscriber {
  /** Ends the outbound stream of a dropped session. */
  static final class SlowConsumerException extends RuntimeException {
    SlowConsumerException() {
      super(ExchangeCore.SLOW_CONSUMER, null, false, false);
    }
  }

  private final WebSocketSession session;
  private final Sinks.Many<String> sink;

  SinkSubscriber(WebSocketSession session, int capacity) {
    this.session = session;
    this.sink = Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(capacity).get());
  }

  @Override
  public boolean offer(String message) {
    return sink.tryEmitNext(message).isSuccess();
  }

  @Override
  public void close(String reason) {
    if (ExchangeCore.SLOW_CONSUMER.equals(reason)) {
      sink.tryEmitError(new SlowConsumerException());
      session.close(CloseStatus.POLICY_VIOLATION.withReason(reason)).subscribe();
    } else {
      sink.tryEmitComplete(); // the buffered messages go out first
    }
  }

  /**
   * The messages to send, in order.
   *
   * @return the outbound stream
   */
  Flux<String> messages() {
    return sink.asFlux();
  }
}
