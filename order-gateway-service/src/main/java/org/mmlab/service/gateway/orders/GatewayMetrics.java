package org.mmlab.service.gateway.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.mmlab.api.ProblemCode;
import org.springframework.stereotype.Component;

/**
 * The gateway's own metrics: {@code mmlab_orders_total{result,reason}}, {@code
 * mmlab_quotes_total{result,reason}} and {@code mmlab_order_latency_seconds}.
 */
@Component
class GatewayMetrics {
  private final MeterRegistry registry;
  private final Timer latency;

  GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.latency =
        Timer.builder("mmlab.order.latency")
            .description("Order submission through the gateway, exchange round trip included")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  void order(ProblemCode rejection) {
    count("mmlab.orders", "Orders by result and rejection reason", rejection);
  }

  void quote(ProblemCode rejection) {
    count("mmlab.quotes", "Quote updates by result and rejection reason", rejection);
  }

  private void count(String name, String description, ProblemCode rejection) {
    Counter.builder(name)
        .description(description)
        .tag("result", rejection == null ? "accepted" : "rejected")
        .tag("reason", rejection == null ? "none" : rejection.name())
        .register(registry)
        .increment();
  }

  void latency(long startNanos) {
    latency.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
  }
}
