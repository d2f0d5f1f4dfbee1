package org.mmlab.service.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationPredicate;
import java.time.Instant;
import java.util.List;
import org.mmlab.api.Endpoints;
import org.mmlab.service.gateway.exchange.ExchangeConnection;
import org.mmlab.service.gateway.orders.OrderService;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** JSON settings and the gateway's state gauges. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  /**
   * Boot's mapper builder, on a factory that recycles Jackson's buffers per thread. With the
   * default pool, WebFlux's encoder takes a fresh recycler for each response and never returns it,
   * so every order's reply allocated new 8 KB buffers: half of the gateway's allocation, and its GC
   * pauses. The event-loop threads are few and long-lived, which is what a thread-local pool needs.
   */
  @Bean
  @Scope("prototype")
  JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
    JsonMapper.Builder builder =
        JsonMapper.builder(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build());
    for (JsonMapperBuilderCustomizer customizer : customizers) {
      customizer.customize(builder);
    }
    return builder;
  }

  /** Decimals on the wire are plain: {@code 100.01}, never {@code 1.0001E+2}. */
  @Bean
  JsonMapperBuilderCustomizer plainDecimals() {
    return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  /** Instants in ISO-8601 as before, written without the general formatter's garbage. */
  @Bean
  JsonMapperBuilderCustomizer isoInstants() {
    return builder ->
        builder.addModule(
            new SimpleModule("mmlab-instants")
                .addSerializer(Instant.class, new IsoInstantSerializer()));
  }

  /**
   * No {@code http.server.requests} observation for order entry and quotes: it cost about as much
   * CPU as the gateway's own order handling, and {@code mmlab_order_latency_seconds} and {@code
   * mmlab_orders_total} / {@code mmlab_quotes_total} already measure these paths. The other
   * endpoints keep it.
   */
  @Bean
  ObservationPredicate noOrderPathObservation() {
    return (name, context) ->
        !(context instanceof ServerRequestObservationContext request
            && isOrderPath(request.getCarrier().getPath().value()));
  }

  static boolean isOrderPath(String path) {
    return path.startsWith(Endpoints.ORDERS) || path.equals(Endpoints.QUOTES);
  }

  @Bean
  Object gatewayGauges(MeterRegistry registry, ExchangeConnection exchange, OrderService orders) {
    Gauge.builder("mmlab.gateway.exchange.connected", exchange, e -> e.connected() ? 1 : 0)
        .description("1 while the gateway is connected to the exchange")
        .register(registry);
    Gauge.builder("mmlab.gateway.kill.switch", orders, o -> o.killSwitch().engaged() ? 1 : 0)
        .description("1 while the kill switch is engaged")
        .register(registry);
    return new Object();
  }
}
