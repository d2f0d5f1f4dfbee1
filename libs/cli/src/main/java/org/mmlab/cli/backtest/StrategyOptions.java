package org.mmlab.cli.backtest;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mmlab.cli.UserInputException;
import org.mmlab.strategy.Strategy;
import org.mmlab.strategy.StrategyRegistry;
import picocli.CommandLine.Option;

/** Strategy parameters given as {@code --param key=value}. */
final class StrategyOptions {
  @Option(
      names = {"-p", "--param"},
      paramLabel = "KEY=VALUE",
      description =
          "A strategy parameter, repeatable, e.g. --param gamma=0.2 (see ./mmlab strategies).")
  Map<String, String> params = new LinkedHashMap<>();

  /**
   * Makes a strategy, turning a bad name or parameter into one line for the user.
   *
   * @param name the strategy's name
   * @return a new strategy
   */
  Strategy create(String name) {
    try {
      return StrategyRegistry.builtIn().create(name, params);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
