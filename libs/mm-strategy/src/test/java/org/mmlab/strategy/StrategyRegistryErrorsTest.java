package org.mmlab.strategy;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StrategyRegistryErrorsTest {
  private final StrategyRegistry registry = StrategyRegistry.builtIn();

  @Test
  void unknownStrategyListsTheKnownNames() {
    assertThatThrownBy(() -> registry.create("bogus", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "unknown strategy 'bogus'; known strategies: avellaneda-stoikov, glft, random,"
                + " symmetric");
  }

  @Test
  void unknownParameterIsNamed() {
    assertThatThrownBy(() -> registry.create("glft", Map.of("gama", "0.1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown parameter 'gama' for strategy 'glft'; known parameters:")
        .hasMessageContaining("gamma");
  }

  @Test
  void badValuesNameTheParameterAndStrategy() {
    assertThatThrownBy(() -> registry.create("symmetric", Map.of("size", "many")))
        .hasMessage("strategy 'symmetric': parameter 'size' must be an integer, got 'many'");
    assertThatThrownBy(() -> registry.create("avellaneda-stoikov", Map.of("gamma", "0")))
        .hasMessage("strategy 'avellaneda-stoikov': parameter 'gamma' must be in (0, 1000], got 0");
    assertThatThrownBy(() -> registry.create("random", Map.of("max_size", "0")))
        .hasMessageContaining("parameter 'max_size' must be in [1, 1000000000], got 0");
    assertThatThrownBy(() -> registry.create("glft", Map.of("k", "-1")))
        .hasMessageContaining("parameter 'k'");
    assertThatThrownBy(() -> registry.create("glft", Map.of("xi", "NaNx")))
        .hasMessageContaining("parameter 'xi' must be a number");
  }

  @Test
  void recordsValidateWhenBuiltDirectly() {
    assertThatThrownBy(() -> new SymmetricStrategy.Params(-1, 1))
        .hasMessageContaining("'half_spread'");
    assertThatThrownBy(() -> new GlftStrategy.Params(0.1, -1, 1, EstimatorParams.defaults()))
        .hasMessageContaining("'xi'");
  }

  @Test
  void duplicateRegistrationIsRejected() {
    assertThatThrownBy(() -> registry.register("glft", p -> null, Map.of()))
        .hasMessageContaining("already registered");
  }
}
