package org.mmlab.service.strategy.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.ProblemException;
import org.mmlab.client.VenueClient;
import org.mmlab.client.VenueConfig;
import org.mmlab.client.VenueListener;
import org.mmlab.service.strategy.StrategyProperties;
import org.mmlab.strategy.Strategy;

/** Starts, lists and stops live strategies. */
public final class StrategyService implements AutoCloseable {
  private final StrategyProperties properties;
  private final StrategyCatalog catalog;
  private final StrategyMetrics metrics;
  private final ScheduledExecutorService scheduler;
  private final Map<String, LiveStrategy> strategies = new LinkedHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /**
   * The service.
   *
   * @param properties where the venue is, the decision interval
   * @param catalog builds strategies
   * @param metrics the meters
   */
  public StrategyService(
      StrategyProperties properties, StrategyCatalog catalog, StrategyMetrics metrics) {
    this.properties = properties;
    this.catalog = catalog;
    this.metrics = metrics;
    this.scheduler =
        Executors.newScheduledThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "strategy-decisions");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts a strategy: connects it to the venue and schedules its decisions.
   *
   * @param request what to run
   * @return its status
   * @throws ProblemException when the request cannot be run
   */
  public StrategyView start(StartStrategyRequest request) {
    Strategy strategy = catalog.create(request);
    String id = request.type() + "-" + ids.incrementAndGet();
    Duration interval = properties.decisionInterval();
    LiveStrategy live =
        new LiveStrategy(
            id,
            request.type(),
            request.modelPath(),
            StrategyCatalog.strings(request.params()),
            strategy,
            properties.maxInventory(),
            interval.toNanos(),
            metrics);
    String apiKey =
        request.apiKey() == null || request.apiKey().isBlank()
            ? properties.apiKey()
            : request.apiKey();
    Function<VenueListener, VenueClient> clients =
        listener ->
            new VenueClient(
                new VenueConfig(
                    properties.marketDataUrl(),
                    properties.gatewayUrl(),
                    apiKey,
                    properties.requestTimeout(),
                    properties.reconnectDelay(),
                    Duration.ofSeconds(10)),
                listener);
    metrics.register(live, request.type());
    live.connect(clients);
    live.scheduled(
        scheduler.scheduleWithFixedDelay(
            live::decide, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS));
    synchronized (strategies) {
      strategies.put(id, live);
    }
    return live.view();
  }

  /**
   * Every strategy started, running or stopped, oldest first.
   *
   * @return their status
   */
  public List<StrategyView> list() {
    List<LiveStrategy> all;
    synchronized (strategies) {
      all = new ArrayList<>(strategies.values());
    }
    return all.stream().map(LiveStrategy::view).toList();
  }

  /**
   * One strategy's status.
   *
   * @param id its id
   * @return the status
   * @throws ProblemException when there is no such strategy
   */
  public StrategyView status(String id) {
    return find(id).view();
  }

  /**
   * Stops a strategy and cancels its quote.
   *
   * @param id its id
   * @return its final status
   * @throws ProblemException when there is no such strategy
   */
  public StrategyView stop(String id) {
    LiveStrategy s = find(id);
    s.stop();
    metrics.remove(id);
    return s.view();
  }

  private LiveStrategy find(String id) {
    LiveStrategy s;
    synchronized (strategies) {
      s = strategies.get(id);
    }
    if (s == null) {
      throw new ProblemException(ProblemCode.STRATEGY_NOT_FOUND, "no strategy '" + id + "'");
    }
    return s;
  }

  /** Stops every strategy (cancelling their quotes). */
  @Override
  public void close() {
    List<LiveStrategy> all;
    synchronized (strategies) {
      all = new ArrayList<>(strategies.values());
    }
    for (LiveStrategy s : all) {
      s.stop();
      metrics.remove(s.id());
    }
    scheduler.shutdownNow();
  }
}
