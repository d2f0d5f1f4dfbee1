package org.mmlab.cli.backtest;

import java.nio.file.Path;
import org.mmlab.cli.UserInputException;
import picocli.CommandLine.Option;

/** Options shared by {@code backtest} and {@code compare}: how many episodes, seed, output. */
final class RunOptions {
  @Option(
      names = "--episodes",
      defaultValue = "1",
      paramLabel = "N",
      description = "Episodes per strategy (and per seed for compare), > 0 (default: 1).")
  int episodes;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "S",
      description = "Base (first) seed, >= 0 (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--format",
      defaultValue = "table",
      paramLabel = "FORMAT",
      description = "table, json or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = "--report",
      paramLabel = "DIR",
      description = "Also write an HTML report with charts to DIR.")
  Path report;

  /**
   * Checks the values and parses the format.
   *
   * @return the output format
   */
  OutputFormat validate() {
    if (episodes <= 0) {
      throw new UserInputException("--episodes must be > 0, got " + episodes);
    }
    if (seed < 0) {
      throw new UserInputException("--seed must be >= 0, got " + seed);
    }
    return OutputFormat.parse(format);
  }
}
