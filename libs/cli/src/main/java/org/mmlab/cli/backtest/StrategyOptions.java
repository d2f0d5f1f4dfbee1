package org.mmlab.cli.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mmlab.cli.UserInputException;
import org.mmlab.cli.predictor.PredictorOptions;
import org.mmlab.rl.policy.EnsembleStrategy;
import org.mmlab.rl.policy.RlStrategy;
import org.mmlab.rl.predictor.PredictorBundle;
import org.mmlab.strategy.Strategy;
import org.mmlab.strategy.StrategyRegistry;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * How a command makes a strategy: a classic market maker from its name and {@code --param}s, or a
 * trained agent ({@code rl}) or an ensemble of agents ({@code ensemble}) from {@code --model-path}.
 */
final class StrategyOptions {
  /** Strategy names that need a model. */
  static final String RL = "rl";

  static final String ENSEMBLE = "ensemble";

  @Option(
      names = {"-p", "--param"},
      paramLabel = "KEY=VALUE",
      description = "A strategy parameter, repeatable, e.g. --param gamma=0.2.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(
      names = "--model-path",
      split = ",",
      paramLabel = "ZIP",
      description =
          "Policy bundle(s) for --strategy rl (one) or ensemble (two or more, comma-separated).")
  List<Path> modelPaths = new ArrayList<>();

  @Mixin PredictorOptions predictorOptions;

  private PredictorBundle predictor;
  private boolean predictorLoaded;

  @Option(
      names = "--stochastic",
      description = "Sample the agent's actions instead of taking the most likely (argmax).")
  boolean stochastic;

  /**
   * Makes a strategy, turning a bad name, parameter or bundle into one line for the user.
   *
   * @param name the strategy's name
   * @return a new strategy
   */
  Strategy create(String name) {
    return createChecked(name);
  }

  /**
   * Checks that {@code --use-predictor} goes with an agent: the classic market makers do not
   * observe it (in a comparison they run as usual next to the agent that does).
   *
   * @param names the strategies of the command
   * @throws UserInputException when the predictor is asked for and no strategy is {@code rl}
   */
  void checkPredictorUse(List<String> names) {
    if (predictorOptions.path() != null && !names.contains(RL)) {
      throw new UserInputException(
          "--use-predictor needs --strategy rl: the predictor score is the agent's 14th"
              + " observation");
    }
  }

  /** The predictor of {@code --use-predictor}, loaded once per command. */
  private PredictorBundle predictor() {
    if (!predictorLoaded) {
      predictor = predictorOptions.load();
      predictorLoaded = true;
    }
    return predictor;
  }

  private Strategy createChecked(String name) {
    try {
      if (name.equals(RL)) {
        if (modelPaths.size() != 1) {
          throw new UserInputException("--strategy rl needs exactly one --model-path");
        }
        return RlStrategy.load(modelPaths.get(0), predictor(), !stochastic);
      }
      if (name.equals(ENSEMBLE)) {
        if (modelPaths.size() < 2) {
          throw new UserInputException(
              "--strategy ensemble needs two or more --model-path bundles, comma-separated");
        }
        if (predictor() != null) {
          throw new UserInputException(
              "--use-predictor works with --strategy rl; an ensemble runs policies without it");
        }
        return EnsembleStrategy.load(modelPaths, !stochastic);
      }
      return StrategyRegistry.builtIn().create(name, params);
    } catch (IOException e) {
      throw new UserInputException(e.getMessage());
    } catch (UncheckedIOException e) {
      throw new UserInputException(e.getCause().getMessage());
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
  }
}
