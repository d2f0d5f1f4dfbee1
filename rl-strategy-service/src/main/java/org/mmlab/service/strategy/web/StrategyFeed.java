package org.mmlab.service.strategy.web;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.mmlab.service.strategy.run.StrategyService;
import org.mmlab.service.strategy.run.StrategyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import tools.jackson.databind.json.JsonMapper;

/**
 * Samples every strategy four times a second, keeps a bounded history per strategy and pushes the
 * samples to the {@code /ws/strategies} subscribers. Each subscriber has a bounded buffer; one that
 * cannot keep up is disconnected (its client reconnects and gets a fresh snapshot), so a slow
 * browser never holds memory or the sampler.
 */
@Component
final class StrategyFeed implements AutoCloseable {
  static final Duration INTERVAL = Duration.ofMillis(250);

  /** Samples kept per strategy: five minutes at four a second. */
  static final int HISTORY = 1200;

  /** Frames buffered per subscriber before it is dropped as slow. */
  static final int BUFFER = 64;

  private static final Logger log = LoggerFactory.getLogger(StrategyFeed.class);

  private final StrategyService strategies;
  private final JsonMapper json;
  private final ScheduledExecutorService sampler;
  private final Map<String, ArrayDeque<StrategySample>> history = new LinkedHashMap<>();
  private final List<Session> sessions = new ArrayList<>();

  /** One subscriber: its buffer and the seq of the next frame it gets. */
  private static final class Session {
    final Sinks.Many<String> sink =
        Sinks.many().unicast().onBackpressureBuffer(Queues.<String>get(BUFFER).get());
    long seq;
  }

  StrategyFeed(StrategyService strategies, JsonMapper json) {
    this.strategies = strategies;
    this.json = json;
    this.sampler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "strategy-feed");
              t.setDaemon(true);
              return t;
            });
    sampler.scheduleAtFixedRate(this::sampleSafely, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * A new subscriber's frames: the snapshot, then every update until it disconnects or falls
   * behind.
   *
   * @return the JSON text frames
   */
  Flux<String> subscribe() {
    return Flux.defer(
        () -> {
          Session s = new Session();
          synchronized (this) {
            List<StrategySample> all = new ArrayList<>();
            for (ArrayDeque<StrategySample> h : history.values()) {
              all.addAll(h);
            }
            all.sort((a, b) -> Long.compare(a.time(), b.time()));
            s.sink.tryEmitNext(frame(s, "snapshot", all));
            sessions.add(s);
          }
          return s.sink.asFlux().doFinally(signal -> remove(s));
        });
  }

  private synchronized void remove(Session s) {
    sessions.remove(s);
  }

  /**
   * How many subscribers are connected.
   *
   * @return the count
   */
  synchronized int subscribers() {
    return sessions.size();
  }

  private void sampleSafely() {
    try {
      sample();
    } catch (RuntimeException e) {
      // The next tick tries again; a dead sampler would freeze every chart.
      log.warn("sampling the strategies failed", e);
    }
  }

  private void sample() {
    List<StrategyView> views = strategies.list();
    long now = System.currentTimeMillis();
    List<StrategySample> samples = new ArrayList<>(views.size());
    for (StrategyView v : views) {
      samples.add(StrategySample.of(v, now));
    }
    synchronized (this) {
      for (StrategySample s : samples) {
        ArrayDeque<StrategySample> h = history.computeIfAbsent(s.id(), id -> new ArrayDeque<>());
        if (h.size() == HISTORY) {
          h.removeFirst();
        }
        h.addLast(s);
      }
      List<Session> slow = new ArrayList<>();
      for (Session session : sessions) {
        if (!session.sink.tryEmitNext(frame(session, "update", samples)).isSuccess()) {
          slow.add(session);
        }
      }
      for (Session session : slow) {
        sessions.remove(session);
        session.sink.tryEmitError(new IllegalStateException("slow consumer"));
      }
    }
  }

  private String frame(Session s, String type, List<StrategySample> samples) {
    return json.writeValueAsString(new StrategyFrame(type, s.seq++, INTERVAL.toMillis(), samples));
  }

  @Override
  public void close() {
    sampler.shutdownNow();
    synchronized (this) {
      for (Session s : sessions) {
        s.sink.tryEmitComplete();
      }
      sessions.clear();
    }
  }
}
