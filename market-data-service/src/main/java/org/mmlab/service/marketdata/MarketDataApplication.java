package org.mmlab.service.marketdata;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The simulated exchange: {@code java -jar market-data-service.jar}. */
@SpringBootApplication
@OpenAPIDefinition(
    info =
        @Info(
            title = "mmlab market-data-service",
            version = "v1",
            description =
                "The simulated exchange: simulation control over REST; market data on the"
                    + " WebSocket /ws/market-data (snapshot, book, trade, heartbeat)."))
@ConfigurationPropertiesScan
public class MarketDataApplication {
  /**
   * Starts the service.
   *
   * @param args Spring Boot arguments, e.g. {@code --mmlab.exchange.market=hawkes}
   */
  public static void main(String[] args) {
    SpringApplication.run(MarketDataApplication.class, args);
  }
}
