package org.mmlab.service.gateway.web;

import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.service.gateway.GatewayProperties;
import org.mmlab.service.gateway.orders.CancelOnDisconnect;
import org.mmlab.service.gateway.orders.OrderStore;
import org.mmlab.service.gateway.orders.ReportSink;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /ws/executions}: the client's execution reports, in order, as JSON text frames. The API
 * key (header or {@code ?apiKey=}) was checked by {@link ApiKeyFilter}; {@code ?fromSeq=N} first
 * replays the kept reports from N. A socket that cannot keep up is closed with 1008. When the
 * client's last stream closes, {@link CancelOnDisconnect} may cancel its orders.
 */
@Component
class ExecutionSocket implements WebSocketHandler {
  private final ApiKeys keys;
  private final OrderStore store;
  private final JsonMapper json;
  private final int buffer;
  private final CancelOnDisconnect cancelOnDisconnect;

  ExecutionSocket(
      ApiKeys keys,
      OrderStore store,
      JsonMapper json,
      GatewayProperties props,
      CancelOnDisconnect cancelOnDisconnect) {
    this.keys = keys;
    this.store = store;
    this.cancelOnDisconnect = cancelOnDisconnect;
    this.json = json;
    this.buffer = props.executionBuffer();
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    HandshakeInfo info = session.getHandshakeInfo();
    String client =
        keys.resolve(info.getHeaders(), info.getUri(), true)
            .map(GatewayProperties.Client::id)
            .orElse(null);
    if (client == null) { // the filter lets no such handshake through
      return session.close(CloseStatus.POLICY_VIOLATION.withReason("no API key"));
    }
    long fromSeq = fromSeq(info);
    Sinks.Many<String> sink =
        Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(buffer).get());
    ReportSink reports =
        new ReportSink() {
          @Override
          public boolean offer(ExecutionReport report) {
            return sink.tryEmitNext(json.writeValueAsString(report)).isSuccess();
          }

          @Override
          public void closeSlow() {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("slow consumer")).subscribe();
          }

          @Override
          public void close() {
            sink.tryEmitComplete();
          }
        };
    store.attach(client, reports, fromSeq);
    Mono<Void> in = session.receive().then();
    Mono<Void> out =
        session
            .send(sink.asFlux().map(session::textMessage))
            .then(session.close(CloseStatus.GOING_AWAY));
    return Mono.firstWithSignal(in, out)
        .doFinally(
            signal -> {
              store.detach(client, reports);
              cancelOnDisconnect.streamClosed(client);
            });
  }

  private static long fromSeq(HandshakeInfo info) {
    String v =
        UriComponentsBuilder.fromUri(info.getUri()).build().getQueryParams().getFirst("fromSeq");
    try {
      return v == null ? 0 : Math.max(0, Long.parseLong(v));
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
