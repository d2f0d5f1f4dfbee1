package org.mmlab.service.strategy;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mmlab.strategy.*}: where the venue is and how often strategies decide.
 *
 * @param marketDataUrl the exchange's base URL (its {@code /ws/market-data} is subscribed)
 * @param gatewayUrl the gateway's base URL
 * @param apiKeys the pool of gateway API keys: a start without {@code apiKey} takes the first one
 *     no running strategy uses (a key has one quote and one position at the gateway). It replaced
 *     the one-key {@code api-key}, which is not read: the environment variable {@code
 *     MMLAB_STRATEGY_API_KEY} would bind to it, and that variable is the pool's first key.
 * @param decisionInterval time between two decisions of a strategy (wall clock)
 * @param maxInventory the inventory limit strategies see in their context, lots
 * @param requestTimeout how long a gateway call may take
 * @param reconnectDelay first pause before reconnecting a stream (doubles up to 10 s)
 */
@Validated
@ConfigurationProperties("mmlab.strategy")
public record StrategyProperties(
    @NotNull URI marketDataUrl,
    @NotNull URI gatewayUrl,
    @NotEmpty List<@NotBlank String> apiKeys,
    @DefaultValue("1s") @NotNull Duration decisionInterval,
    @DefaultValue("100") @Min(1) long maxInventory,
    @DefaultValue("5s") @NotNull Duration requestTimeout,
    @DefaultValue("200ms") @NotNull Duration reconnectDelay) {}
