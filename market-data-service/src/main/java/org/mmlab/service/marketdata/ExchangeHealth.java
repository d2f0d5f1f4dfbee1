package org.mmlab.service.marketdata;

import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.service.marketdata.exchange.ExchangeCore;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component {@code exchange}: the market and its clock. */
@Component("exchange")
class ExchangeHealth implements HealthIndicator {
  private final ExchangeCore core;

  ExchangeHealth(ExchangeCore core) {
    this.core = core;
  }

  @Override
  public Health health() {
    SimulationStatus s = core.status();
    return Health.up()
        .withDetail("state", s.state())
        .withDetail("market", s.market())
        .withDetail("simTime", s.simTime())
        .withDetail("subscribers", s.subscribers())
        .withDetail("gatewaySessions", s.gatewaySessions())
        .build();
  }
}
