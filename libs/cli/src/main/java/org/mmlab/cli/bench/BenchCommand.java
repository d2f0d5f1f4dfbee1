package org.mmlab.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./mmlab bench}: the service benchmarks. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Service benchmarks on loopback. Without service URLs each command starts the services",
      "it needs from their jars (build them with ./mvnw -q -DskipTests -pl",
      "market-data-service,order-gateway-service,rl-strategy-service -am package) and stops",
      "them afterwards."
    },
    subcommands = {
      GatewayBenchCommand.class,
      FanoutBenchCommand.class,
      TickToQuoteBenchCommand.class,
      FloorBenchCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab bench gateway",
      "  ./mmlab bench fanout --subscribers 20",
      "  ./mmlab bench tick-to-quote --duration 60",
      "  ./mmlab bench floor"
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
