package org.mmlab.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mmlab.api.Endpoints;
import org.mmlab.api.simulation.SimulationStatus;
import org.mmlab.service.gateway.exchange.ExchangeConnection;
import org.mmlab.service.marketdata.MarketDataApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The real market-data-service in this JVM on a random port, for the gateway's tests. */
final class InProcessExchange {
  private InProcessExchange() {}

  /**
   * Starts a zi exchange at a crawl (speed 0.001, so the book barely moves during a test).
   * Arguments, not default properties: they must win over the gateway's application.yml, the one on
   * this classpath.
   *
   * @param seed market seed
   * @param token internal token the gateway must present
   * @param extra further {@code --name=value} arguments
   * @return the running context
   */
  static ConfigurableApplicationContext start(long seed, String token, String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.application.name=market-data-service");
    args.add("--mmlab.exchange.market=zi");
    args.add("--mmlab.exchange.seed=" + seed);
    args.add("--mmlab.exchange.speed=0.001");
    args.add("--mmlab.exchange.internal-token=" + token);
    args.add("--springdoc.api-docs.enabled=false");
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(MarketDataApplication.class)
        .run(args.toArray(String[]::new));
  }

  /**
   * The port the exchange listens on.
   *
   * @param exchange the running context
   * @return its HTTP port
   */
  static int port(ConfigurableApplicationContext exchange) {
    return exchange.getEnvironment().getProperty("local.server.port", Integer.class);
  }

  /**
   * The gateway's {@code mmlab.gateway.exchange-url} for an exchange on {@code port}.
   *
   * @param port the exchange's port
   * @return the internal order WebSocket URL
   */
  static String ordersUrl(int port) {
    return "ws://localhost:" + port + Endpoints.INTERNAL_ORDERS_WS;
  }

  /**
   * Waits until the gateway's exchange link is up, then reads the exchange's status.
   *
   * @param connection the gateway's link
   * @param timeout how long to wait for it
   * @param port the exchange's port
   * @return the simulation status (best prices)
   * @throws InterruptedException when interrupted while waiting
   */
  static SimulationStatus awaitConnected(ExchangeConnection connection, Duration timeout, int port)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!connection.connected() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    assertThat(connection.connected()).as("connected to the exchange").isTrue();
    return WebTestClient.bindToServer()
        .baseUrl("http://localhost:" + port)
        .build()
        .get()
        .uri(Endpoints.SIMULATION)
        .exchange()
        .expectBody(SimulationStatus.class)
        .returnResult()
        .getResponseBody();
  }

  /**
   * The exchange of one test class: started by the class's {@code @DynamicPropertySource} (before
   * the gateway's context, which needs its URL), closed by its {@code @AfterAll}.
   */
  static final class PerClass {
    private ConfigurableApplicationContext context;
    private int port;

    /**
     * Starts the exchange unless running.
     *
     * @param seed market seed
     * @param token internal token
     * @param extra further arguments
     * @return the gateway's {@code mmlab.gateway.exchange-url}
     */
    String start(long seed, String token, String... extra) {
      if (context == null) {
        context = InProcessExchange.start(seed, token, extra);
        port = InProcessExchange.port(context);
      }
      return ordersUrl(port);
    }

    /**
     * The running exchange's port.
     *
     * @return its HTTP port
     */
    int port() {
      return port;
    }

    /** Stops the exchange. */
    void close() {
      if (context != null) {
        context.close();
        context = null;
      }
    }
  }
}
