package org.mmlab.cli.bench;

import java.util.List;
import org.mmlab.cli.UserInputException;
import picocli.CommandLine.Option;

/** The open-loop load's options, shared by the benchmarks that drive {@link OpenLoopLoad}. */
final class LoadOptions {
  @Option(
      names = "--rate",
      paramLabel = "N[,N...]",
      split = ",",
      defaultValue = "10000",
      description =
          "Requests per second offered; several rates run one after the other on the same"
              + " services (default: ${DEFAULT-VALUE}).")
  List<Double> rates;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description = "Measured seconds per rate (default: ${DEFAULT-VALUE}).")
  int durationSeconds;

  // 20 s, not 10: a gateway started cold and ramped to 10,000/s over 10 s still left a backlog of
  // seconds to the measured window (p50 3.7 s); over 20 s its first figure was the warm one.
  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      defaultValue = "20",
      description =
          "Seconds of unmeasured load before measuring each rate; the rate ramps linearly from "
              + OpenLoopLoad.WARMUP_START_PERCENT
              + "%% to the full rate over it, so that services just started (cold JIT) are not"
              + " swamped and the first measurement inherits no backlog; 0 starts at the full rate"
              + " (default: ${DEFAULT-VALUE}).")
  int warmupSeconds;

  @Option(
      names = "--connections",
      paramLabel = "N",
      defaultValue = "32",
      description =
          "Concurrent connections = requests in flight at most (default: ${DEFAULT-VALUE}).")
  int connections;

  /**
   * Checks the options.
   *
   * @throws UserInputException naming the first bad option
   */
  void validate() {
    for (double rate : rates) {
      if (!(rate > 0 && rate <= 1_000_000)) {
        throw new UserInputException("--rate must be in (0, 1000000], got " + rate);
      }
    }
    if (durationSeconds < 1) {
      throw new UserInputException("--duration must be at least 1 second, got " + durationSeconds);
    }
    if (warmupSeconds < 0) {
      throw new UserInputException("--warmup must not be negative, got " + warmupSeconds);
    }
    if (connections < 1 || connections > 1024) {
      throw new UserInputException("--connections must be in 1..1024, got " + connections);
    }
  }
}
