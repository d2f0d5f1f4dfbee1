package org.mmlab.service.gateway;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.mmlab.service.gateway.exchange.ExchangeConnection;
import org.mmlab.service.gateway.orders.OrderService;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;

/** JSON settings and the gateway's state gauges. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

  /** Decimals on the wire are plain: {@code 100.01}, never {@code 1.0001E+2}. */
  @Bean
  JsonMapperBuilderCustomizer plainDecimals() {
    return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
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
