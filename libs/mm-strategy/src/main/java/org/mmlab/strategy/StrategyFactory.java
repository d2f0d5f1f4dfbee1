package org.mmlab.strategy;

import java.util.Map;

/**
 * Builds a fresh {@link Strategy} from string parameters (as given on a command line or in JSON).
 */
@FunctionalInterface
public interface StrategyFactory {

  /**
   * Creates a strategy.
   *
   * @param params parameter key → value; absent keys take their defaults
   * @return a new instance, ready for {@link Strategy#reset(long)}
   * @throws IllegalArgumentException for an unknown key or a bad value, naming the parameter
   */
  Strategy create(Map<String, String> params);
}
