package org.mmlab.service.marketdata;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.mmlab.api.Side;
import org.mmlab.api.exchange.ExchangeMessage;
import org.mmlab.api.exchange.ExchangeWire;
import org.mmlab.service.marketdata.exchange.ExchangeCore;
import org.mmlab.sim.market.MarketFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** Wires the exchange core and its metrics. */
@Configuration(proxyBeanMethods = false)
class ExchangeConfiguration {

  /**
   * Runs the exchange thread with the application; stops it (closing every WebSocket stream) before
   * the web server's graceful shutdown, which would otherwise wait for those streams.
   */
  @Bean
  SmartLifecycle exchangeLifecycle(ExchangeCore core) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        core.launch();
        running = true;
      }

      @Override
      public void stop() {
        core.close();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }
    };
  }

  /** Decimals on the wire are plain: {@code 100.01}, never {@code 1.0001E+2}. */
  @Bean
  JsonMapperBuilderCustomizer plainDecimals() {
    return builder -> builder.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
  }

  @Bean(destroyMethod = "close")
  ExchangeCore exchangeCore(ExchangeProperties props, JsonMapper json, MeterRegistry registry) {
    Timer matching =
        Timer.builder("mmlab.exchange.matching.latency")
            .description("Time a client command takes on the exchange thread")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    ExchangeCore core =
        new ExchangeCore(
            MarketFactory::create,
            new ExchangeCore.Settings(
                props.market(),
                props.seed(),
                props.speed(),
                props.autoStart(),
                props.bookLevels(),
                props.heartbeatInterval().toNanos(),
                props.tickInterval().toNanos(),
                props.journalDir(),
                props.journalSyncInterval().toNanos(),
                props.journalSnapshotRecords()),
            // Gateway-session messages (state, event batches) through ExchangeWire's hand-written
            // encoder (same JSON, far less CPU than databind); market data through databind.
            message ->
                message instanceof ExchangeMessage m
                    ? ExchangeWire.toJson(m)
                    : json.writeValueAsString(message),
            nanos -> matching.record(nanos, TimeUnit.NANOSECONDS));
    Gauge.builder(
            "mmlab.market.spread", core, c -> c.spreadTicks() < 0 ? Double.NaN : c.spreadTicks())
        .description("Best ask minus best bid")
        .baseUnit("ticks")
        .register(registry);
    for (Side side : Side.values()) {
      Gauge.builder("mmlab.market.depth", core, c -> c.depthLots(side))
          .description("Resting size over the published levels of one side")
          .baseUnit("lots")
          .tag("side", side == Side.BUY ? "bid" : "ask")
          .register(registry);
    }
    FunctionCounter.builder("mmlab.exchange.events", core, ExchangeCore::eventsTotal)
        .description("Exchange events: model events and client commands")
        .register(registry);
    Gauge.builder("mmlab.exchange.events.per.second", core, c -> c.status().eventsPerSecond())
        .description("Exchange events per wall-clock second, over the last second")
        .register(registry);
    Gauge.builder("mmlab.marketdata.subscribers", core, c -> c.status().subscribers())
        .description("Market-data subscribers connected")
        .register(registry);
    Gauge.builder("mmlab.exchange.gateway.sessions", core, c -> c.status().gatewaySessions())
        .description("Gateway sessions connected")
        .register(registry);
    FunctionCounter.builder("mmlab.marketdata.dropped", core, ExchangeCore::droppedSubscribers)
        .description("Subscribers and sessions dropped for being too slow")
        .register(registry);
    return core;
  }
}
