package org.mmlab.service.strategy.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The strategies' meters, tagged by {@code strategy} (id) and {@code type}: {@code
 * mmlab_strategy_pnl}, {@code mmlab_strategy_inventory} (and its limit {@code
 * mmlab_strategy_inventory_limit}), {@code mmlab_strategy_fills_total}, {@code
 * mmlab_strategy_quotes_total}, the {@code mmlab_strategy_decision_seconds} timer (a decision's
 * start → its quote request ready to send: the latency inside this service), the {@code
 * mmlab_strategy_tick_to_quote_seconds} timer (latest book event seen by a decision → its quote
 * acknowledged by the gateway: the age of the book when the timer-driven decision ran, the decision
 * and the round trip), the {@code mmlab_strategy_quote_round_trip_seconds} timer (quote request
 * sent → the gateway's answer, after the exchange applied it) and the {@code
 * mmlab_strategy_realized_spread_ticks} summary (per fill: fill price against the mid the strategy
 * saw when the fill arrived, positive when the fill earned spread).
 */
public final class StrategyMetrics {
  private final MeterRegistry registry;
  private final Map<String, Meters> meters = new ConcurrentHashMap<>();

  private record Meters(
      Counter fills,
      Counter quotes,
      Timer tickToQuote,
      Timer decision,
      Timer roundTrip,
      DistributionSummary realizedSpread,
      List<Meter> all) {}

  /**
   * Meters in a registry.
   *
   * @param registry the registry
   */
  public StrategyMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void register(LiveStrategy s, String type) {
    Tags tags = Tags.of("strategy", s.id(), "type", type);
    Gauge pnl =
        Gauge.builder("mmlab.strategy.pnl", s, LiveStrategy::pnl)
            .tags(tags)
            .description("Mark-to-market P&L of the strategy's fills, quote currency")
            .register(registry);
    Gauge inventory =
        Gauge.builder("mmlab.strategy.inventory", s, x -> x.inventory())
            .tags(tags)
            .description("Signed inventory, lots")
            .register(registry);
    Gauge limit =
        Gauge.builder("mmlab.strategy.inventory.limit", s, x -> x.maxInventory())
            .tags(tags)
            .description("The inventory limit the strategy sees, lots")
            .register(registry);
    Counter fills =
        Counter.builder("mmlab.strategy.fills")
            .tags(tags)
            .description("Fills received")
            .register(registry);
    Counter quotes =
        Counter.builder("mmlab.strategy.quotes")
            .tags(tags)
            .description("Quote updates sent")
            .register(registry);
    Timer latency =
        histogram(
            "mmlab.strategy.tick.to.quote",
            "Latest book event seen by a decision until its quote is acknowledged",
            tags,
            Duration.ofMillis(1),
            Duration.ofSeconds(10));
    // Buckets from 1 µs: the default 1 ms floor could not resolve the sub-millisecond target.
    Timer decision =
        histogram(
            "mmlab.strategy.decision",
            "A decision's start until its quote request is ready to send",
            tags,
            Duration.ofNanos(1_000),
            Duration.ofSeconds(1));
    Timer roundTrip =
        histogram(
            "mmlab.strategy.quote.round.trip",
            "A quote request sent until the gateway's answer (exchange included)",
            tags,
            Duration.ofNanos(10_000),
            Duration.ofSeconds(10));
    DistributionSummary realizedSpread =
        DistributionSummary.builder("mmlab.strategy.realized.spread")
            .tags(tags)
            .baseUnit("ticks")
            .description(
                "Per fill: fill price against the mid when it arrived, in the maker's favour")
            .register(registry);
    meters.put(
        s.id(),
        new Meters(
            fills,
            quotes,
            latency,
            decision,
            roundTrip,
            realizedSpread,
            List.of(
                pnl,
                inventory,
                limit,
                fills,
                quotes,
                latency,
                decision,
                roundTrip,
                realizedSpread)));
  }

  /** A timer with a percentile histogram whose buckets span {@code min} to {@code max}. */
  private Timer histogram(String name, String description, Tags tags, Duration min, Duration max) {
    return Timer.builder(name)
        .tags(tags)
        .description(description)
        .publishPercentileHistogram()
        .minimumExpectedValue(min)
        .maximumExpectedValue(max)
        .register(registry);
  }

  void fill(String id, double edgeTicks) {
    Meters m = meters.get(id);
    if (m != null) {
      m.fills.increment();
      if (!Double.isNaN(edgeTicks)) {
        m.realizedSpread.record(edgeTicks);
      }
    }
  }

  void quote(String id, long decisionNanos, long roundTripNanos, long tickToQuoteNanos) {
    Meters m = meters.get(id);
    if (m != null) {
      m.quotes.increment();
      m.decision.record(decisionNanos, TimeUnit.NANOSECONDS);
      m.roundTrip.record(roundTripNanos, TimeUnit.NANOSECONDS);
      m.tickToQuote.record(tickToQuoteNanos, TimeUnit.NANOSECONDS);
    }
  }

  void remove(String id) {
    Meters m = meters.remove(id);
    if (m != null) {
      m.all.forEach(registry::remove);
    }
  }
}
