package org.mmlab.service.strategy;

import io.micrometer.core.instrument.MeterRegistry;
import org.mmlab.service.strategy.run.StrategyCatalog;
import org.mmlab.service.strategy.run.StrategyMetrics;
import org.mmlab.service.strategy.run.StrategyService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the plain classes of the service. */
@Configuration(proxyBeanMethods = false)
class StrategyConfiguration {

  @Bean
  StrategyCatalog strategyCatalog() {
    return new StrategyCatalog();
  }

  @Bean
  StrategyMetrics strategyMetrics(MeterRegistry registry) {
    return new StrategyMetrics(registry);
  }

  @Bean(destroyMethod = "close")
  StrategyService strategyService(
      StrategyProperties properties, StrategyCatalog catalog, StrategyMetrics metrics) {
    return new StrategyService(properties, catalog, metrics);
  }
}
