package org.mmlab.cli.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mmlab.cli.UserInputException;
import picocli.CommandLine.Option;

/**
 * Where the services are (running ones by URL) or how to start them from their jars, shared by the
 * bench and soak commands.
 */
public final class VenueOptions {

  /** Output of a bench command. */
  public enum Format {
    /** A human-readable table. */
    table,
    /** One JSON object. */
    json
  }

  @Option(
      names = "--gateway-url",
      paramLabel = "URL",
      description = "A running order-gateway-service; without URLs the services are started here.")
  URI gatewayUrl;

  @Option(
      names = "--market-data-url",
      paramLabel = "URL",
      description = "A running market-data-service.")
  URI marketDataUrl;

  @Option(
      names = "--strategy-url",
      paramLabel = "URL",
      description = "A running rl-strategy-service.")
  URI strategyUrl;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      split = ",",
      description =
          "Gateway API keys the load is spread over (default: the sandbox keys of the command).")
  List<String> apiKeys;

  @Option(
      names = "--jar-dir",
      paramLabel = "DIR",
      description =
          "Directory holding <service>.jar (default: each module's target/ directory under the"
              + " repository containing the working directory).")
  Path jarDir;

  @Option(
      names = "--ports-base",
      paramLabel = "PORT",
      defaultValue = "18081",
      description =
          "First of three ports for the services started here: market data, gateway, strategy"
              + " (default: ${DEFAULT-VALUE}).")
  int portsBase;

  @Option(
      names = "--service-heap",
      paramLabel = "SIZE",
      defaultValue = "512m",
      description = "-Xmx of each service started here (default: ${DEFAULT-VALUE}).")
  String serviceHeap;

  @Option(
      names = "--jvm-option",
      paramLabel = "SERVICE=OPTION",
      description =
          "A JVM option for one service started here, after its -Xmx (repeatable), e.g."
              + " order-gateway-service=-XX:+UseZGC or order-gateway-service=-Xmx2g.")
  List<String> jvmOptions;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "180",
      description =
          "How long each started service may take to become healthy (default: ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  @Option(
      names = "--log-dir",
      paramLabel = "DIR",
      defaultValue = ".mmlab/bench",
      description = "Where the started services' logs go (default: ${DEFAULT-VALUE}).")
  Path logDir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  /**
   * Whether the command targets running services instead of starting its own.
   *
   * @return true when any URL was given
   */
  public boolean external() {
    return gatewayUrl != null || marketDataUrl != null || strategyUrl != null;
  }

  /**
   * Checks the options; one line per problem.
   *
   * @param needsGateway whether the command needs the gateway
   * @param needsMarketData whether it needs the exchange
   * @param needsStrategy whether it needs the strategy service
   */
  void validate(boolean needsGateway, boolean needsMarketData, boolean needsStrategy) {
    if (external()) {
      if (needsGateway && gatewayUrl == null) {
        throw new UserInputException("--gateway-url is needed when other service URLs are given");
      }
      if (needsMarketData && marketDataUrl == null) {
        throw new UserInputException(
            "--market-data-url is needed when other service URLs are given");
      }
      if (needsStrategy && strategyUrl == null) {
        throw new UserInputException("--strategy-url is needed when other service URLs are given");
      }
      for (URI u : new URI[] {gatewayUrl, marketDataUrl, strategyUrl}) {
        if (u != null
            && (u.getHost() == null
                || !"http".equals(u.getScheme()) && !"https".equals(u.getScheme()))) {
          throw new UserInputException("service URL " + u + " must be http://HOST:PORT");
        }
      }
    }
    if (portsBase < 1 || portsBase > 65533) {
      throw new UserInputException("--ports-base must be in 1..65533, got " + portsBase);
    }
    if (timeoutSeconds < 1) {
      throw new UserInputException("--timeout must be at least 1 second, got " + timeoutSeconds);
    }
    if (!serviceHeap.matches("[0-9]+[kKmMgG]?")) {
      throw new UserInputException("--service-heap must look like 512m or 2g, got " + serviceHeap);
    }
    jvmOptions(BenchServices.GATEWAY); // validates every --jvm-option
    if (external() && jvmOptions != null && !jvmOptions.isEmpty()) {
      throw new UserInputException(
          "--jvm-option applies to services started here, not to running ones given by URL");
    }
    if (apiKeys != null) {
      for (String k : apiKeys) {
        if (k.isBlank()) {
          throw new UserInputException("--api-key must not be blank");
        }
      }
    }
  }

  /**
   * The API keys to use.
   *
   * @param defaults the command's default keys
   * @return the given keys, or the defaults
   */
  List<String> keys(List<String> defaults) {
    return apiKeys == null || apiKeys.isEmpty() ? defaults : List.copyOf(apiKeys);
  }

  /**
   * The {@code --jvm-option}s given for one service.
   *
   * @param service a service's name
   * @return its options, in the order given
   * @throws UserInputException when an option does not name a known service or is not a JVM option
   */
  List<String> jvmOptions(String service) {
    List<String> mine = new ArrayList<>();
    if (jvmOptions == null) {
      return mine;
    }
    for (String o : jvmOptions) {
      int eq = o.indexOf('=');
      String name = eq < 0 ? "" : o.substring(0, eq);
      String option = eq < 0 ? "" : o.substring(eq + 1);
      if (!name.equals(BenchServices.MARKET_DATA)
          && !name.equals(BenchServices.GATEWAY)
          && !name.equals(BenchServices.STRATEGY)) {
        throw new UserInputException(
            "--jvm-option must be SERVICE=OPTION with SERVICE one of "
                + BenchServices.MARKET_DATA
                + ", "
                + BenchServices.GATEWAY
                + ", "
                + BenchServices.STRATEGY
                + "; got "
                + o);
      }
      if (!option.startsWith("-")) {
        throw new UserInputException(
            "--jvm-option " + o + ": the option must start with '-' (e.g. -XX:+UseZGC)");
      }
      if (name.equals(service)) {
        mine.add(option);
      }
    }
    return mine;
  }
}
