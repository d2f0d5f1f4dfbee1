package org.mmlab.cli.predictor;

import java.io.IOException;
import java.nio.file.Path;
import org.mmlab.cli.UserInputException;
import org.mmlab.rl.predictor.PredictorBundle;
import picocli.CommandLine.Option;

/** {@code --use-predictor [--predictor-path P]}: the predictor score as the 14th observation. */
public final class PredictorOptions {
  /** Where {@code --use-predictor} looks by default. */
  public static final String DEFAULT_PATH = "models/predictor.zip";

  @Option(
      names = "--use-predictor",
      description =
          "Add the predictor's score P(up) - P(down) as the 14th observation (a policy trained"
              + " with it needs it).")
  boolean usePredictor;

  @Option(
      names = "--predictor-path",
      paramLabel = "ZIP",
      description = "The predictor bundle for --use-predictor (default: " + DEFAULT_PATH + ").")
  Path predictorPath;

  /**
   * The predictor path these options ask for.
   *
   * @return the path, or null without {@code --use-predictor}
   * @throws UserInputException when {@code --predictor-path} is given without {@code
   *     --use-predictor}
   */
  public Path path() {
    if (!usePredictor) {
      if (predictorPath != null) {
        throw new UserInputException("--predictor-path needs --use-predictor");
      }
      return null;
    }
    return predictorPath != null ? predictorPath : Path.of(DEFAULT_PATH);
  }

  /**
   * Loads the predictor these options ask for.
   *
   * @return the bundle, or null without {@code --use-predictor}
   * @throws UserInputException naming the bundle when it is missing or invalid
   */
  public PredictorBundle load() {
    Path p = path();
    if (p == null) {
      return null;
    }
    try {
      return PredictorBundle.load(p);
    } catch (IOException e) {
      throw new UserInputException("--predictor-path: " + e.getMessage());
    }
  }
}
