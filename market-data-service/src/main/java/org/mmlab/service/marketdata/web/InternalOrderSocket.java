package org.mmlab.service.marketdata.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.mmlab.api.exchange.ExchangeCommand;
import org.mmlab.api.exchange.ExchangeWire;
import org.mmlab.api.exchange.ExchangeWireException;
import org.mmlab.service.marketdata.ExchangeProperties;
import org.mmlab.service.marketdata.exchange.ExchangeCore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * {@code /internal/ws/orders}: the gateway's order entry (the handshake is authenticated by {@link
 * InternalTokenFilter}). Inbound text frames are {@link ExchangeCommand}s; outbound, a session
 * state and then event batches (see {@code org.mmlab.api.exchange}).
 */
@Component
class InternalOrderSocket implements WebSocketHandler {
  private static final Logger LOG = LoggerFactory.getLogger(InternalOrderSocket.class);

  private final ExchangeCore core;
  private final int buffer;

  InternalOrderSocket(ExchangeCore core, ExchangeProperties props) {
    this.core = core;
    this.buffer = props.sessionBuffer();
  }

  @Override
  public Mono<Void> handle(WebSocketSession session) {
    SinkSubscriber subscriber = new SinkSubscriber(session, buffer);
    core.openSession(subscriber);
    Mono<Void> in = session.receive().doOnNext(this::command).then();
    Mono<Void> out =
        session
            .send(subscriber.messages().map(session::textMessage))
            .onErrorResume(SinkSubscriber.SlowConsumerException.class, e -> Mono.empty())
            .then(session.close());
    return Mono.firstWithSignal(in, out).doFinally(signal -> core.closeSession(subscriber));
  }

  private void command(WebSocketMessage frame) {
    ExchangeCommand command;
    // Decoded straight from the frame's UTF-8 bytes by ExchangeWire (no String, no databind).
    try (InputStream in = frame.getPayload().asInputStream()) {
      command = ExchangeWire.readCommand(in);
    } catch (ExchangeWireException e) {
      LOG.warn("ignoring a malformed command: {}", e.getMessage());
      return;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (command.ref() == null) {
      LOG.warn("ignoring a command without ref: {}", command);
      return;
    }
    core.execute(command);
  }
}
