package org.mmlab.service.strategy.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final List<String> pool;
  private final Map<String, LiveStrategy> strategies = new LinkedHashMap<>();
  // Keys of starts in progress (key -> who holds it), guarded by strategies.
  private final Map<String, String> reserved = new HashMap<>();
  private final AtomicLong ids = new AtomicLong();

  /**
   * The service.
   *
   * @param properties where the venue is, the decision interval, the key pool
   * @param catalog builds strategies
   * @param metrics the meters
   * @throws IllegalArgumentException when the key pool is empty or has a blank or repeated key
   */
  public StrategyService(
      StrategyProperties properties, StrategyCatalog catalog, StrategyMetrics metrics) {
    this.properties = properties;
    this.pool = checkedPool(properties.apiKeys());
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
   * Starts a strategy: connects it to the venue and schedules its decisions. It trades under the
   * request's {@code apiKey}, or else under the first key of the pool that no running strategy
   * holds: a key has one quote and one position at the gateway, so no two running strategies share
   * one.
   *
   * @param request what to run
   * @return its status
   * @throws ProblemException when the request cannot be run, or its key is taken ({@link
   *     ProblemCode#API_KEY_IN_USE}, {@link ProblemCode#API_KEY_POOL_EXHAUSTED})
   */
  public StrategyView start(StartStrategyRequest request) {
    String apiKey = reserveKey(request.apiKey());
    try {
      return launch(request, apiKey);
    } finally {
      synchronized (strategies) {
        reserved.remove(apiKey);
      }
    }
  }

  private StrategyView launch(StartStrategyRequest request, String apiKey) {
    Strategy strategy = catalog.create(request);
    String id = request.type() + "-" + ids.incrementAndGet();
    int slot = pool.indexOf(apiKey);
    Duration interval = properties.decisionInterval();
    LiveStrategy live =
        new LiveStrategy(
            id,
            request.type(),
            request.modelPath(),
            StrategyCatalog.strings(request.params()),
            strategy,
            apiKey,
            slot < 0 ? null : slot + 1,
            properties.maxInventory(),
            interval.toNanos(),
            metrics);
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
    try {
      live.connect(clients);
      live.scheduled(
          scheduler.scheduleWithFixedDelay(
              live::decide, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS));
    } catch (RuntimeException e) {
      live.stop();
      metrics.remove(id);
      throw e;
    }
    synchronized (strategies) {
      strategies.put(id, live);
    }
    return live.view();
  }

  /**
   * Picks the key of a start and reserves it until the strategy is in the map (or failed), so that
   * two concurrent starts never get the same one.
   */
  private String reserveKey(String requested) {
    synchronized (strategies) {
      String key;
      if (requested != null && !requested.isBlank()) {
        String holder = holder(requested);
        if (holder != null) {
          throw new ProblemException(
              ProblemCode.API_KEY_IN_USE,
              "apiKey is in use by " + holder + ": stop it first or pass another apiKey");
        }
        key = requested;
      } else {
        key = null;
        for (String k : pool) {
          if (holder(k) == null) {
            key = k;
            break;
          }
        }
        if (key == null) {
          throw new ProblemException(
              ProblemCode.API_KEY_POOL_EXHAUSTED,
              "all "
                  + pool.size()
                  + " keys of mmlab.strategy.api-keys are in use by running strategies: stop one"
                  + " or pass apiKey");
        }
      }
      reserved.put(key, "a strategy being started");
      return key;
    }
  }

  /** Who holds the key, for a problem's detail, or null. Guarded by {@code strategies}. */
  private String holder(String key) {
    String starting = reserved.get(key);
    if (starting != null) {
      return starting;
    }
    for (LiveStrategy s : strategies.values()) {
      if (s.holdsKey(key)) {
        return "running strategy '" + s.id() + "'";
      }
    }
    return null;
  }

  private static List<String> checkedPool(List<String> keys) {
    if (keys == null || keys.isEmpty()) {
      throw new IllegalArgumentException("mmlab.strategy.api-keys: at least one key is needed");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      if (k == null || k.isBlank()) {
        throw new IllegalArgumentException("mmlab.strategy.api-keys: key " + (i + 1) + " is blank");
      }
      if (!seen.add(k)) {
        // The key itself is a credential: named by its position only.
        throw new IllegalArgumentException(
            "mmlab.strategy.api-keys: key "
                + (i + 1)
                + " repeats an earlier key (each strategy needs its own)");
      }
    }
    return List.copyOf(keys);
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
