package org.mmlab.cli.backtest;

import java.util.Locale;
import org.mmlab.cli.UserInputException;

/** How a command prints its result. */
enum OutputFormat {
  TABLE,
  JSON,
  CSV;

  static OutputFormat parse(String text) {
    try {
      return valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--format must be table, json or csv, got \"" + text + "\"");
    }
  }
}
