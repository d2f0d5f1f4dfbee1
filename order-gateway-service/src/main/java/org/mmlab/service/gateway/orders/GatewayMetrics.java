package org.mmlab.service.gateway.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mmlab.api.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * The gateway's own metrics: {@code mmlab_orders_total{result,reason}}, {@code
 * mmlab_quotes_total{result,reason}} and {@code mmlab_order_latency_seconds}. Each counter is
 * looked up once and kept: finding a meter by name and tags on every order cost more than the rest
 * of the gateway's bookkeeping.
 */
@Component
class GatewayMetrics {
  private final Timer latency;
  private final Counters orders;
  private final Counters quotes;

  GatewayMetrics(MeterRegistry registry) {
    this.latency =
        Timer.builder("mmlab.order.latency")
            .description("Order submission through the gateway, exchange round trip included")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    this.orders = new Counters(registry, "mmlab.orders", "Orders by result and rejection reason");
    this.quotes =
        new Counters(registry, "mmlab.quotes", "Quote updates by result and rejection reason");
  }

  void order(ProblemCode rejection) {
    orders.get(rejection).increment();
  }

  void quote(ProblemCode rejection) {
    quotes.get(rejection).increment();
  }

  void latency(long startNanos) {
    latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }

  /** One counter per result and reason, registered lazily once (a reason no one hit stays out). */
  private static final class Counters {
    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final Counter accepted;
    private final Map<ProblemCode, Counter> rejected = new EnumMap<>(ProblemCode.class);

    Counters(MeterRegistry registry, String name, String description) {
      this.registry = registry;
      this.name = name;
      this.description = description;
      this.accepted = counter("accepted", "none");
    }

    Counter get(ProblemCode rejection) {
      if (rejection == null) {
        return accepted;
      }
      synchronized (rejected) {
        Counter c = rejected.get(rejection);
        if (c == null) {
          c = counter("rejected", rejection.name());
          rejected.put(rejection, c);
        }
        return c;
      }
    }

    private Counter counter(String result, String reason) {
      return Counter.builder(name)
          .description(description)
          .tag("result", result)
          .tag("reason", reason)
          .register(registry);
    }
  }
}
