package org.mmlab.strategy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Strategies by name: {@link #builtIn()} knows {@code symmetric}, {@code avellaneda-stoikov},
 * {@code glft} and {@code random}; other modules (the RL strategy) {@link #register} theirs.
 *
 * <p>Not thread-safe while registering; reading after setup is safe.
 */
public final class StrategyRegistry {
  private final Map<String, Entry> entries = new TreeMap<>();

  private record Entry(StrategyFactory factory, Map<String, String> defaults) {}

  /**
   * A registry with the four classic strategies.
   *
   * @return a new registry
   */
  public static StrategyRegistry builtIn() {
    StrategyRegistry r = new StrategyRegistry();
    r.register(
        SymmetricStrategy.NAME,
        p -> new SymmetricStrategy(SymmetricStrategy.Params.fromMap(p)),
        SymmetricStrategy.Params.defaults().toMap());
    r.register(
        AvellanedaStoikovStrategy.NAME,
        p -> new AvellanedaStoikovStrategy(AvellanedaStoikovStrategy.Params.fromMap(p)),
        AvellanedaStoikovStrategy.Params.defaults().toMap());
    r.register(
        GlftStrategy.NAME,
        p -> new GlftStrategy(GlftStrategy.Params.fromMap(p)),
        GlftStrategy.Params.defaults().toMap());
    r.register(
        RandomStrategy.NAME,
        p -> new RandomStrategy(RandomStrategy.Params.fromMap(p)),
        RandomStrategy.Params.defaults().toMap());
    return r;
  }

  /**
   * Adds a strategy.
   *
   * @param name the registry name, unique
   * @param factory builds instances from string parameters
   * @param defaults parameter key → default value as text, for help and metadata
   * @return this
   * @throws IllegalArgumentException when the name is taken
   */
  public StrategyRegistry register(
      String name, StrategyFactory factory, Map<String, String> defaults) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(factory, "factory");
    if (entries.containsKey(name)) {
      throw new IllegalArgumentException("strategy '" + name + "' is already registered");
    }
    entries.put(
        name, new Entry(factory, Collections.unmodifiableMap(new LinkedHashMap<>(defaults))));
    return this;
  }

  /**
   * Creates a strategy by name.
   *
   * @param name a registered name
   * @param params parameter key → value; absent keys take their defaults
   * @return a new instance
   * @throws IllegalArgumentException for an unknown name (the message lists the known ones), an
   *     unknown parameter or a bad value (the message names the strategy and the parameter)
   */
  public Strategy create(String name, Map<String, String> params) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "unknown strategy '" + name + "'; known strategies: " + String.join(", ", names()));
    }
    try {
      return e.factory.create(params == null ? Map.of() : params);
    } catch (IllegalArgumentException ex) {
      String msg = ex.getMessage();
      if (msg != null && msg.contains("strategy '" + name + "'")) {
        throw ex;
      }
      throw new IllegalArgumentException("strategy '" + name + "': " + msg, ex);
    }
  }

  /**
   * The registered names, sorted.
   *
   * @return an unmodifiable view
   */
  public Set<String> names() {
    return Collections.unmodifiableSet(entries.keySet());
  }

  /**
   * A strategy's parameters with their defaults.
   *
   * @param name a registered name
   * @return key → default as text, in the order registered (declaration order for the builtins)
   * @throws IllegalArgumentException for an unknown name
   */
  public Map<String, String> defaults(String name) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException(
          "unknown strategy '" + name + "'; known strategies: " + String.join(", ", names()));
    }
    return e.defaults;
  }
}
