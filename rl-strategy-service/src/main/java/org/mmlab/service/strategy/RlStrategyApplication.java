package org.mmlab.service.strategy;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.mmlab.service.support.ProblemHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The strategy runner: {@code java -jar rl-strategy-service.jar}. */
@SpringBootApplication
@OpenAPIDefinition(
    info =
        @Info(
            title = "mmlab rl-strategy-service",
            version = "v1",
            description =
                "Runs market-making strategies (rl, ensemble, symmetric, avellaneda-stoikov, glft)"
                    + " live against the venue. Errors are RFC 9457 problem details with a stable"
                    + " code."))
@ConfigurationPropertiesScan
@Import(ProblemHandler.class)
public class RlStrategyApplication {
  /**
   * Starts the service.
   *
   * @param args Spring Boot arguments
   */
  public static void main(String[] args) {
    SpringApplication.run(RlStrategyApplication.class, args);
  }
}
