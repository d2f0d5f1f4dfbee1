package org.mmlab.cli.sandbox;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for a Spring Boot service: serves {@code /actuator/health} UP on loopback (args: port
 * [mode]); mode {@code silent} never serves, {@code crash} exits with code 3 at once.
 */
public final class SandboxFakeService {

  private SandboxFakeService() {}

  /**
   * Runs until killed.
   *
   * @param args port and optional mode
   * @throws Exception on failure to bind
   */
  public static void main(String[] args) throws Exception {
    // Either "PORT [MODE]" or, started like a Spring Boot jar, "--server.port=PORT ...".
    int port = -1;
    String mode = "up";
    for (String a : args) {
      if (a.startsWith("--server.port=")) {
        port = Integer.parseInt(a.substring("--server.port=".length()));
      }
    }
    if (port < 0) {
      port = Integer.parseInt(args[0]);
      mode = args.length > 1 ? args[1] : "up";
    }
    System.out.println("fake service starting on " + port + " mode " + mode);
    if (mode.equals("crash")) {
      System.out.println("fake service crashing");
      System.exit(3);
    }
    if (!mode.equals("silent")) {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      server.createContext(
          "/actuator/health",
          ex -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
          });
      server.createContext(
          "/api/v1/strategies",
          ex -> {
            byte[] body =
                "{\"id\":\"fake-1\",\"state\":\"RUNNING\"}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(201, body.length);
            ex.getResponseBody().write(body);
            ex.close();
          });
      server.start();
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
