package org.mmlab.cli.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One service the sandbox supervises: how to start it and where it answers.
 *
 * @param name the service's name (also its log file's name)
 * @param port the loopback port it serves on; health is {@code /actuator/health} there
 * @param command the full command line ({@code java ... -jar ...})
 * @param env extra environment variables
 */
public record ServiceProcess(String name, int port, List<String> command, Map<String, String> env) {

  /** Copies the lists so the record stays immutable. */
  public ServiceProcess {
    command = List.copyOf(command);
    env = Map.copyOf(env);
  }

  /**
   * The base URL of the service on loopback.
   *
   * @return for example {@code http://127.0.0.1:8081}
   */
  public String url() {
    return "http://127.0.0.1:" + port;
  }
}
