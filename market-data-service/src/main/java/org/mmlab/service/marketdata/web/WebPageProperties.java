package org.mmlab.service.marketdata.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mmlab.web.*}: what the live page at {@code /} connects to besides this service.
 *
 * @param strategyWsUrl rl-strategy-service's {@code /ws/strategies} stream; {@code {host}} stands
 *     for the host the browser loaded the page from, so the default works from another machine too
 */
@Validated
@ConfigurationProperties("mmlab.web")
public record WebPageProperties(
    @DefaultValue("ws://{host}:8083/ws/strategies")
        @NotBlank
        @Pattern(regexp = "wss?://.+", message = "must be a ws:// or wss:// URL")
        String strategyWsUrl) {}
