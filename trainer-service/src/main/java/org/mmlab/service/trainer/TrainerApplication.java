package org.mmlab.service.trainer;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.mmlab.cli.MmlabCli;
import org.mmlab.service.support.ProblemHandler;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/**
 * The trainer: {@code java -jar trainer-service.jar train --episodes ... --save-path ...} runs one
 * job with the options of {@code ./mmlab train} and exits (a Kubernetes Job) without starting a web
 * server; without {@code train} it serves the REST job API on port 8084.
 */
@SpringBootApplication
@OpenAPIDefinition(
    info =
        @Info(
            title = "mmlab trainer-service",
            version = "v1",
            description =
                "Batch PPO training jobs (one at a time, the rest queued) and the model store."
                    + " Errors are RFC 9457 problem details with a stable code."))
@ConfigurationPropertiesScan
@Import(ProblemHandler.class)
public class TrainerApplication {
  /** The first argument that selects one-shot mode. */
  static final String ONE_SHOT = "train";

  /**
   * Runs one job and exits with its code, or starts the server.
   *
   * @param args {@code train} and its options, or Spring Boot arguments
   */
  public static void main(String[] args) {
    if (isOneShot(args)) {
      System.exit(trainOnce(args));
    }
    SpringApplication.run(TrainerApplication.class, args);
  }

  static boolean isOneShot(String[] args) {
    return args.length > 0 && ONE_SHOT.equals(args[0]);
  }

  /**
   * One-shot mode: {@code ./mmlab train} in this JVM.
   *
   * @param args {@code train} and its options
   * @return 0 on success, 2 on bad input (one line on stderr), non-zero on any other failure
   */
  static int trainOnce(String[] args) {
    if (!isOneShot(args)) {
      throw new IllegalArgumentException("one-shot mode starts with '" + ONE_SHOT + "'");
    }
    return MmlabCli.commandLine().execute(args);
  }
}
