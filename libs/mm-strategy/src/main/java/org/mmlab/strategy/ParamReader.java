package org.mmlab.strategy;

import java.util.Collection;
import java.util.Map;

/**
 * Reads a strategy's string parameters: rejects unknown keys up front and parses values, naming the
 * parameter in every error. Ranges are checked by the parameter records themselves.
 */
final class ParamReader {
  private final Map<String, String> params;

  ParamReader(String strategy, Map<String, String> params, Collection<String> known) {
    this.params = params;
    for (String key : params.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException(
            "unknown parameter '"
                + key
                + "' for strategy '"
                + strategy
                + "'; known parameters: "
                + String.join(", ", known));
      }
    }
  }

  double doubleValue(String key, double defaultValue) {
    String s = params.get(key);
    if (s == null) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter '" + key + "' must be a number, got '" + s + "'", e);
    }
  }

  long longValue(String key, long defaultValue) {
    String s = params.get(key);
    if (s == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter '" + key + "' must be an integer, got '" + s + "'", e);
    }
  }
}
