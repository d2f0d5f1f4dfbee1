package org.mmlab.service.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;

/** A real WebSocket client for tests: what it receives goes to a queue; it can send text. */
final class WsConnection implements AutoCloseable {
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
  private final Disposable connection;
  volatile Throwable error;
  volatile boolean done;

  WsConnection(URI uri, HttpHeaders headers) {
    connection =
        new ReactorNettyWebSocketClient()
            .execute(
                uri,
                headers,
                session ->
                    session
                        .send(outbound.asFlux().map(session::textMessage))
                        .and(
                            session
                                .receive()
                                .map(WebSocketMessage::getPayloadAsText)
                                .doOnNext(received::add)
                                .then()))
            .subscribe(v -> {}, e -> error = e, () -> done = true);
  }

  void send(String text) {
    outbound.tryEmitNext(text).orThrow();
  }

  String next(Duration timeout) throws InterruptedException {
    String s = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (s == null) {
      throw new AssertionError(
          "no message in " + timeout + (error != null ? "; error " + error : ""));
    }
    return s;
  }

  /** Waits for the connection to end (an error or a close). */
  void awaitEnd(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (error == null && !done && System.nanoTime() < end) {
      Thread.sleep(20);
    }
  }

  @Override
  public void close() {
    connection.dispose();
  }
}
