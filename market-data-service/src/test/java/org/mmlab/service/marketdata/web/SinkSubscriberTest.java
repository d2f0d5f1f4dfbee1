package org.mmlab.service.marketdata.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.mmlab.service.marketdata.exchange.ExchangeCore;
import org.reactivestreams.Subscription;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Mono;

/** The socket adapter refuses instead of blocking once a slow client's buffer is full. */
class SinkSubscriberTest {
  @Test
  void aFullBufferRefusesAndTheSessionIsClosedAsSlow() {
    WebSocketSession session = mock(WebSocketSession.class);
    when(session.close(any())).thenReturn(Mono.empty());
    SinkSubscriber s = new SinkSubscriber(session, 16);
    List<String> delivered = new ArrayList<>();
    AtomicReference<Throwable> error = new AtomicReference<>();
    // A client that reads one message and then nothing (the socket pushes back).
    s.messages()
        .subscribe(
            new BaseSubscriber<String>() {
              @Override
              protected void hookOnSubscribe(Subscription subscription) {
                request(1);
              }

              @Override
              protected void hookOnNext(String value) {
                delivered.add(value);
              }

              @Override
              protected void hookOnError(Throwable t) {
                error.set(t);
              }
            });
    int accepted = 0;
    while (accepted < 1_000 && s.offer("m" + accepted)) {
      accepted++;
    }
    assertThat(accepted).isBetween(16, 17); // the buffer plus the one message read
    assertThat(delivered).containsExactly("m0");

    s.close(ExchangeCore.SLOW_CONSUMER);
    verify(session).close(CloseStatus.POLICY_VIOLATION.withReason(ExchangeCore.SLOW_CONSUMER));
    // The stream is over: nothing more is taken, and the socket is being closed.
    assertThat(s.offer("late")).isFalse();
    assertThat(error.get()).isNull(); // the buffered messages are not forced on the client
  }

  @Test
  void aGracefulCloseDeliversWhatIsBuffered() {
    SinkSubscriber s = new SinkSubscriber(mock(WebSocketSession.class), 16);
    s.offer("a");
    s.offer("b");
    s.close(ExchangeCore.MARKET_RESET);
    assertThat(s.messages().collectList().block()).containsExactly("a", "b");
  }
}
