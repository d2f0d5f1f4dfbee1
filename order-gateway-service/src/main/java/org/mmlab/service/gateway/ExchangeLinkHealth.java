package org.mmlab.service.gateway;

import org.mmlab.service.gateway.exchange.ExchangeConnection;
import org.mmlab.service.gateway.orders.OrderService;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code exchange}: DOWN while the exchange is unreachable. */
@Component("exchange")
class ExchangeLinkHealth implements HealthIndicator {
  private final ExchangeConnection exchange;
  private final OrderService orders;
  private final GatewayProperties props;

  ExchangeLinkHealth(ExchangeConnection exchange, OrderService orders, GatewayProperties props) {
    this.exchange = exchange;
    this.orders = orders;
    this.props = props;
  }

  @Override
  public Health health() {
    Health.Builder b = exchange.connected() ? Health.up() : Health.down();
    return b.withDetail("url", props.exchangeUrl().toString())
        .withDetail("killSwitch", orders.killSwitch().engaged())
        .build();
  }
}
