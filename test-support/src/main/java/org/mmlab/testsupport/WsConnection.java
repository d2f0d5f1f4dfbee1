package org.mmlab.testsupport;

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
public final class WsConnection implements AutoCloseable {
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
  private final Disposable connection;
  private volatile Throwable error;
  private volatile boolean done;

  /**
   * Connects at once (asynchronously).
   *
   * @param uri the {@code ws://} address
   * @param headers handshake headers (an API key, a token)
   */
  public WsConnection(URI uri, HttpHeaders headers) {
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

  /**
   * Sends one text frame (queued until the connection is open).
   *
   * @param text the frame
   */
  public void send(String text) {
    outbound.tryEmitNext(text).orThrow();
  }

  /**
   * The next received text frame.
   *
   * @param timeout how long to wait
   * @return the frame
   * @throws AssertionError when none came in time (naming the connection's error, if any)
   * @throws InterruptedException when interrupted
   */
  public String next(Duration timeout) throws InterruptedException {
    String s = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (s == null) {
      throw new AssertionError(
          "no message in " + timeout + (error != null ? "; error " + error : ""));
    }
    return s;
  }

  /**
   * Waits for the connection to end (an error or a close), at most the timeout.
   *
   * @param timeout the longest wait
   * @throws InterruptedException when interrupted
   */
  public void awaitEnd(Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (error == null && !done && System.nanoTime() < end) {
      Thread.sleep(20);
    }
  }

  /**
   * Why the connection failed (e.g. a refused handshake).
   *
   * @return the error, null while none
   */
  public Throwable error() {
    return error;
  }

  /**
   * Whether the connection ended normally.
   *
   * @return true after a close
   */
  public boolean done() {
    return done;
  }

  @Override
  public void close() {
    connection.dispose();
  }
}
