package org.mmlab.service.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The order gateway: {@code java -jar order-gateway-service.jar}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {
  /**
   * Starts the service.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }
}
