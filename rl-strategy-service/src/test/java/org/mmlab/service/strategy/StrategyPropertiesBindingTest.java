package org.mmlab.service.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The service's {@code application.yml} binds the key pool: four sandbox keys by default (the
 * gateway's clients {@code strategy}, {@code strategy-2..4}), each overridable like the gateway's,
 * or all at once with {@code MMLAB_STRATEGY_API_KEYS}.
 */
class StrategyPropertiesBindingTest {

  /** Binds {@code mmlab.strategy} from application.yml under the given environment variables. */
  static StrategyProperties bind(Map<String, Object> env) throws IOException {
    MutablePropertySources sources = new MutablePropertySources();
    // As the process environment: relaxed names (MMLAB_STRATEGY_API_KEYS is api-keys).
    sources.addFirst(
        new SystemEnvironmentPropertySource(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
    for (PropertySource<?> yml :
        new YamlPropertySourceLoader()
            .load("application.yml", new ClassPathResource("application.yml"))) {
      sources.addLast(yml);
    }
    return new Binder(
            ConfigurationPropertySources.from(sources),
            new PropertySourcesPlaceholdersResolver(sources))
        .bind("mmlab.strategy", StrategyProperties.class)
        .get();
  }

  @Test
  void theDefaultPoolIsTheFourSandboxKeys() throws IOException {
    assertThat(bind(Map.of()).apiKeys())
        .containsExactly("strategy-key", "strategy-key-2", "strategy-key-3", "strategy-key-4");
  }

  @Test
  void eachKeyIsOverriddenByTheGatewaysVariable() throws IOException {
    assertThat(
            bind(Map.of("MMLAB_STRATEGY_API_KEY", "one", "MMLAB_STRATEGY_3_API_KEY", "three"))
                .apiKeys())
        .containsExactly("one", "strategy-key-2", "three", "strategy-key-4");
  }

  @Test
  void theWholePoolIsOverriddenCommaSeparated() throws IOException {
    assertThat(bind(Map.of("MMLAB_STRATEGY_API_KEYS", "a,b")).apiKeys()).containsExactly("a", "b");
  }

  @Test
  void theSandboxEnvironmentGivesTheFourKeys() throws IOException {
    // mmlab.env and the k8s Secret set every key variable; MMLAB_STRATEGY_API_KEY is also the
    // relaxed name of a one-key mmlab.strategy.api-key, which must not shrink the pool.
    assertThat(
            bind(Map.of(
                    "MMLAB_STRATEGY_API_KEY", "strategy-key",
                    "MMLAB_STRATEGY_2_API_KEY", "strategy-key-2",
                    "MMLAB_STRATEGY_3_API_KEY", "strategy-key-3",
                    "MMLAB_STRATEGY_4_API_KEY", "strategy-key-4"))
                .apiKeys())
        .containsExactly("strategy-key", "strategy-key-2", "strategy-key-3", "strategy-key-4");
  }
}
