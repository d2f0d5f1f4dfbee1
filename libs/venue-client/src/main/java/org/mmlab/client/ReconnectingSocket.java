package org.mmlab.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A text WebSocket that reconnects with exponential backoff, and whose handler can ask for a fresh
 * connection (returning false) — how a sequence gap is healed.
 *
 * <p>Backoff: the first attempt after a lost connection waits {@code minBackoff}; each failed
 * attempt doubles the pause up to {@code maxBackoff}; an opened connection resets it. Each lost
 * connection and failed attempt is logged once at INFO with the pause before the next attempt.
 */
final class ReconnectingSocket {
  private static final Logger LOG = Logger.getLogger(ReconnectingSocket.class.getName());

  private final String name;
  private final HttpClient http;
  private final Supplier<URI> uri;
  private final String apiKey;
  private final Predicate<String> handler;
  private final Runnable onConnecting;
  private final java.util.function.Consumer<Boolean> onState;
  private final ScheduledExecutorService scheduler;
  private final Duration minBackoff;
  private final Duration maxBackoff;

  private volatile boolean closed;
  private volatile WebSocket socket;
  private volatile boolean connected;
  private long backoffMillis;
  private long connects;
  private long failures;
  private URI target;

  ReconnectingSocket(
      String name,
      HttpClient http,
      Supplier<URI> uri,
      String apiKey,
      Predicate<String> handler,
      Runnable onConnecting,
      java.util.function.Consumer<Boolean> onState,
      ScheduledExecutorService scheduler,
      Duration minBackoff,
      Duration maxBackoff) {
    this.name = name;
    this.http = http;
    this.uri = uri;
    this.apiKey = apiKey;
    this.handler = handler;
    this.onConnecting = onConnecting;
    this.onState = onState;
    this.scheduler = scheduler;
    this.minBackoff = minBackoff;
    this.maxBackoff = maxBackoff;
    this.backoffMillis = minBackoff.toMillis();
  }

  void start() {
    scheduler.execute(this::connect);
  }

  boolean connected() {
    return connected;
  }

  synchronized long connects() {
    return connects;
  }

  private synchronized void connect() {
    if (closed) {
      return;
    }
    onConnecting.run();
    target = uri.get();
    URI target = this.target;
    WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (apiKey != null) {
      b.header(org.mmlab.api.Endpoints.API_KEY_HEADER, apiKey);
    }
    connects++;
    b.buildAsync(target, new Listener())
        .whenComplete(
            (ws, err) -> {
              if (err != null) {
                retry("connecting to " + target + " failed: " + rootMessage(err));
              } else {
                socket = ws;
                if (closed) {
                  ws.abort();
                }
              }
            });
  }

  private synchronized void retry(String why) {
    if (connected) {
      connected = false;
      onState.accept(false);
    }
    if (closed) {
      return;
    }
    long delay = backoffMillis;
    backoffMillis = Math.min(maxBackoff.toMillis(), Math.max(1, backoffMillis * 2));
    failures++;
    LOG.info(name + ": " + why + "; reconnecting in " + delay + " ms (attempt " + failures + ")");
    scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
  }

  /** The pause before the next attempt, ms (tests; doubles on each failure, reset on open). */
  synchronized long backoffMillis() {
    return backoffMillis;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
  }

  /** Drops the connection and opens a new one at once (after a gap). */
  private void resubscribe(WebSocket ws) {
    ws.abort();
    synchronized (this) {
      backoffMillis = minBackoff.toMillis();
    }
  }

  void close() {
    closed = true;
    WebSocket ws = socket;
    if (ws != null) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
      ws.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private boolean done;

    @Override
    public void onOpen(WebSocket ws) {
      long attempts;
      URI at;
      synchronized (ReconnectingSocket.this) {
        connected = true;
        backoffMillis = minBackoff.toMillis();
        attempts = failures;
        at = target;
        failures = 0;
      }
      if (attempts > 0) {
        LOG.info(name + ": reconnected to " + at + " after " + attempts + " attempt(s)");
      }
      onState.accept(true);
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        boolean ok;
        try {
          ok = handler.test(text);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, name + ": bad message, resubscribing", e);
          ok = false;
        }
        if (!ok) {
          resubscribe(ws);
          end("resubscribing");
          return CompletableFuture.completedFuture(null);
        }
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      end("closed by the server (" + statusCode + " " + reason + ")");
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      LOG.log(Level.FINE, name + ": error", error);
      end("connection lost: " + rootMessage(error));
    }

    private void end(String why) {
      if (!done) {
        done = true;
        retry(why);
      }
    }
  }
}
