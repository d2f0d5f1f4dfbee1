package org.mmlab.service.strategy.support;

import java.util.ArrayList;
import java.util.List;
import org.mmlab.service.marketdata.MarketDataApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The exchange (zi in real time) and the gateway, each a Spring Boot application on its own random
 * port in this JVM, for the end-to-end tests. The gateway's clients are {@code strategy}, {@code
 * tester} and {@code rl} (keys {@code <id>-key}), and {@code strategy-2} (key {@code
 * strategy-key-2}), the second key of the strategy service's pool.
 */
public final class InJvmVenue implements AutoCloseable {
  private final ConfigurableApplicationContext exchange;
  private final ConfigurableApplicationContext gateway;

  private InJvmVenue(
      ConfigurableApplicationContext exchange, ConfigurableApplicationContext gateway) {
    this.exchange = exchange;
    this.gateway = gateway;
  }

  /**
   * Starts both.
   *
   * @param seed the exchange's seed
   * @param gatewayArgs more gateway arguments ({@code --name=value})
   * @return the running venue
   * @throws ClassNotFoundException when the gateway's classes were not unpacked (see the pom)
   */
  public static InJvmVenue start(long seed, String... gatewayArgs) throws ClassNotFoundException {
    return start(seed, 1.0, List.of(), gatewayArgs);
  }

  /**
   * Starts both.
   *
   * @param seed the exchange's seed
   * @param speed the exchange's simulated seconds per wall-clock second
   * @param exchangeArgs more exchange arguments ({@code --name=value})
   * @param gatewayArgs more gateway arguments ({@code --name=value})
   * @return the running venue
   * @throws ClassNotFoundException when the gateway's classes were not unpacked (see the pom)
   */
  public static InJvmVenue start(
      long seed, double speed, List<String> exchangeArgs, String... gatewayArgs)
      throws ClassNotFoundException {
    // Arguments, not default properties: they must win over this service's application.yml.
    List<String> md =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.application.name=market-data-service",
                "--management.metrics.tags.application=market-data-service",
                "--mmlab.exchange.market=zi",
                "--mmlab.exchange.seed=" + seed,
                "--mmlab.exchange.speed=" + speed,
                "--mmlab.exchange.internal-token=e2e-token",
                "--springdoc.api-docs.enabled=false"));
    md.addAll(exchangeArgs);
    ConfigurableApplicationContext exchange =
        new SpringApplicationBuilder(MarketDataApplication.class).run(md.toArray(String[]::new));
    int exchangePort = port(exchange);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--spring.application.name=order-gateway-service",
                "--management.metrics.tags.application=order-gateway-service",
                "--mmlab.gateway.exchange-url=ws://localhost:"
                    + exchangePort
                    + "/internal/ws/orders",
                "--mmlab.gateway.internal-token=e2e-token",
                "--mmlab.gateway.clients[0].id=strategy",
                "--mmlab.gateway.clients[0].api-key=strategy-key",
                "--mmlab.gateway.clients[1].id=tester",
                "--mmlab.gateway.clients[1].api-key=tester-key",
                "--mmlab.gateway.clients[2].id=rl",
                "--mmlab.gateway.clients[2].api-key=rl-key",
                "--mmlab.gateway.clients[3].id=strategy-2",
                "--mmlab.gateway.clients[3].api-key=strategy-key-2",
                "--mmlab.gateway.reconnect-delay=100ms",
                "--springdoc.api-docs.enabled=false"));
    args.addAll(List.of(gatewayArgs));
    try {
      // The gateway's classes are unpacked from its executable jar (see the pom).
      ConfigurableApplicationContext gateway =
          new SpringApplicationBuilder(
                  Class.forName("org.mmlab.service.gateway.GatewayApplication"))
              .run(args.toArray(String[]::new));
      return new InJvmVenue(exchange, gateway);
    } catch (ClassNotFoundException | RuntimeException e) {
      exchange.close();
      throw e;
    }
  }

  private static int port(ConfigurableApplicationContext app) {
    return app.getEnvironment().getProperty("local.server.port", Integer.class);
  }

  /** The exchange's port. */
  public int exchangePort() {
    return port(exchange);
  }

  /** The gateway's port. */
  public int gatewayPort() {
    return port(gateway);
  }

  /** Stops the gateway, then the exchange. */
  @Override
  public void close() {
    gateway.close();
    exchange.close();
  }
}
