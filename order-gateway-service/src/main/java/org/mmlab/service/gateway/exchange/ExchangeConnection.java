package org.mmlab.service.gateway.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mmlab.api.Endpoints;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.exchange.EventBatch;
import org.mmlab.api.exchange.ExchangeCommand;
import org.mmlab.api.exchange.ExchangeMessage;
import org.mmlab.api.exchange.ExchangeWire;
import org.mmlab.api.exchange.SessionState;
import org.mmlab.service.gateway.ApiProblemException;
import org.mmlab.service.gateway.GatewayProperties;
import org.mmlab.service.gateway.orders.OrderStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The gateway's one connection to the exchange (see {@code org.mmlab.api.exchange}): it keeps
 * reconnecting while the gateway runs, rebuilds the {@link OrderStore} from each session's first
 * message, applies every event batch in order, and completes the request whose {@code ref} a batch
 * answers. A sequence gap drops the session (a reconnect resynchronises).
 */
@Component
public class ExchangeConnection implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ExchangeConnection.class);

  private final GatewayProperties props;
  private final OrderStore store;
  private final ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();
  private final Map<String, CompletableFuture<EventBatch>> pending = new ConcurrentHashMap<>();
  private final String refPrefix = UUID.randomUUID().toString().substring(0, 8) + "-";
  private final AtomicLong refs = new AtomicLong();
  private volatile Sinks.Many<byte[]> outbound;
  private volatile WebSocketSession session;
  private volatile boolean connected;
  private long lastSeq;
  private Disposable loop;

  ExchangeConnection(GatewayProperties props, OrderStore store) {
    this.props = props;
    this.store = store;
  }

  /**
   * Whether a session is open and synchronised.
   *
   * @return true when commands can be sent
   */
  public boolean connected() {
    return connected;
  }

  /**
   * A new reference for a command, unique to this gateway.
   *
   * @return the reference
   */
  public String nextRef() {
    return refPrefix + refs.incrementAndGet();
  }

  /**
   * Sends a command and returns the batch that answers it (applied to the store before it
   * completes).
   *
   * @param command the command, with a ref from {@link #nextRef()}
   * @return the answer; fails with {@code EXCHANGE_UNAVAILABLE} when the session drops first
   * @throws ApiProblemException {@code EXCHANGE_UNAVAILABLE} when not connected
   */
  public CompletableFuture<EventBatch> request(ExchangeCommand command) {
    CompletableFuture<EventBatch> answer = new CompletableFuture<>();
    pending.put(command.ref(), answer);
    try {
      send(command);
    } catch (RuntimeException e) {
      pending.remove(command.ref());
      throw e;
    }
    return answer;
  }

  /**
   * Requests sent and not answered yet.
   *
   * @return how many
   */
  public int pendingRequests() {
    return pending.size();
  }

  /**
   * Forgets a request that timed out.
   *
   * @param ref its reference
   */
  public void abandon(String ref) {
    pending.remove(ref);
  }

  private void send(ExchangeCommand command) {
    Sinks.Many<byte[]> out = outbound;
    if (!connected || out == null) {
      throw new ApiProblemException(
          ProblemCode.EXCHANGE_UNAVAILABLE, "not connected to the exchange");
    }
    // ExchangeWire, not databind: the same JSON at a fraction of the CPU (no polymorphic type
    // resolution); UTF-8 bytes, sent as the text frame's payload without a String in between.
    byte[] json = ExchangeWire.toBytes(command);
    Sinks.EmitResult result;
    synchronized (this) {
      result = out.tryEmitNext(json);
    }
    if (result.isFailure()) {
      throw new ApiProblemException(
          ProblemCode.EXCHANGE_UNAVAILABLE, "cannot send to the exchange: " + result);
    }
  }

  // ---- the session loop ----

  @Override
  public void start() {
    HttpHeaders headers = new HttpHeaders();
    headers.add(Endpoints.INTERNAL_TOKEN_HEADER, props.internalToken());
    Duration delay = props.reconnectDelay();
    loop =
        Mono.defer(() -> client.execute(props.exchangeUrl(), headers, this::session))
            .onErrorResume(
                e -> {
                  LOG.debug("exchange {} unreachable: {}", props.exchangeUrl(), e.toString());
                  return Mono.empty();
                })
            .then(Mono.delay(delay))
            .repeat()
            .subscribe();
  }

  private Mono<Void> session(WebSocketSession s) {
    Sinks.Many<byte[]> out = Sinks.many().unicast().onBackpressureBuffer();
    session = s;
    outbound = out;
    Mono<Void> send =
        s.send(
            out.asFlux()
                .map(
                    json ->
                        new WebSocketMessage(
                            WebSocketMessage.Type.TEXT, s.bufferFactory().wrap(json))));
    // Parsed straight from the frame's UTF-8 bytes (no String copy) by ExchangeWire's streaming
    // decoder: databind's polymorphic EventBatch decoding was a tenth of the gateway's CPU.
    Mono<Void> receive = s.receive().doOnNext(this::onFrame).then();
    return Mono.firstWithSignal(send, receive).doFinally(signal -> disconnected(out));
  }

  private void onFrame(WebSocketMessage frame) {
    ExchangeMessage message;
    try (InputStream in = frame.getPayload().asInputStream()) {
      message = ExchangeWire.readMessage(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (message instanceof SessionState state) {
      store.resync(state);
      lastSeq = state.seq();
      connected = true;
      LOG.info("connected to the exchange at {} ({})", props.exchangeUrl(), state.instrument());
      return;
    }
    EventBatch batch = (EventBatch) message;
    if (batch.seq() != lastSeq + 1) {
      LOG.warn("exchange sequence gap: {} after {}; resynchronising", batch.seq(), lastSeq);
      connected = false;
      WebSocketSession s = session;
      if (s != null) {
        s.close(CloseStatus.PROTOCOL_ERROR.withReason("sequence gap")).subscribe();
      }
      return;
    }
    lastSeq = batch.seq();
    store.apply(batch);
    if (batch.ref() != null) {
      CompletableFuture<EventBatch> answer = pending.remove(batch.ref());
      if (answer != null) {
        answer.complete(batch);
      }
    }
  }

  private void disconnected(Sinks.Many<byte[]> out) {
    synchronized (this) {
      if (outbound == out) {
        outbound = null;
        connected = false;
      }
    }
    out.tryEmitComplete();
    if (!pending.isEmpty()) {
      ApiProblemException lost =
          new ApiProblemException(ProblemCode.EXCHANGE_UNAVAILABLE, "exchange connection lost");
      pending.values().forEach(f -> f.completeExceptionally(lost));
      pending.clear();
    }
    LOG.info("disconnected from the exchange");
  }

  @Override
  public void stop() {
    if (loop != null) {
      loop.dispose();
    }
    connected = false;
  }

  @Override
  public boolean isRunning() {
    return loop != null && !loop.isDisposed();
  }
}
