package org.mmlab.service.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mmlab.gateway.*}: where the exchange is, who the clients are, and the risk limits.
 *
 * @param exchangeUrl the exchange's internal order-entry WebSocket
 * @param internalToken the shared secret the exchange expects
 * @param clients the API keys: each maps to a client id
 * @param risk the pre-trade limits, in the instrument's decimal units
 * @param killSwitch whether the kill switch is engaged at start-up
 * @param requestTimeout how long a REST call waits for the exchange's answer
 * @param reconnectDelay pause between attempts to reach the exchange
 * @param executionBuffer reports buffered per execution-stream socket before it is dropped as slow
 * @param executionHistory reports kept per client for {@code ?fromSeq=} replays
 * @param closedOrders closed orders kept per client (for lookups and idempotent retries)
 * @param cancelOnDisconnect whether a client's open orders are cancelled when its last execution
 *     stream ({@code /ws/executions}) has been closed for the grace period
 * @param cancelOnDisconnectGrace how long a client may stay without an execution stream (a
 *     reconnect within it keeps the orders)
 */
@Validated
@ConfigurationProperties("mmlab.gateway")
public record GatewayProperties(
    @NotNull URI exchangeUrl,
    @NotBlank String internalToken,
    @DefaultValue List<@Valid Client> clients,
    @DefaultValue @Valid @NotNull Risk risk,
    @DefaultValue("false") boolean killSwitch,
    @DefaultValue("5s") @NotNull Duration requestTimeout,
    @DefaultValue("500ms") @NotNull Duration reconnectDelay,
    @DefaultValue("4096") @Min(16) int executionBuffer,
    @DefaultValue("10000") @Min(0) int executionHistory,
    @DefaultValue("10000") @Min(1) int closedOrders,
    @DefaultValue("false") boolean cancelOnDisconnect,
    @DefaultValue("2s") @NotNull Duration cancelOnDisconnectGrace) {

  /**
   * One API key.
   *
   * @param id the client id the key stands for
   * @param apiKey the key, sent in {@code X-API-Key}
   * @param admin whether the key may use the kill switch
   */
  public record Client(@NotBlank String id, @NotBlank String apiKey, boolean admin) {}

  /**
   * Pre-trade risk limits.
   *
   * @param maxOrderSize largest order (and quote side)
   * @param maxPosition largest absolute position that filling every open order could reach
   * @param priceBandPercent farthest a limit price may be from the mid, in percent of the mid
   * @param ordersPerSecond sustained orders (and quote updates) per second per client
   * @param burst orders a client may send at once above the sustained rate
   */
  public record Risk(
      @DefaultValue("100") @NotNull @Positive BigDecimal maxOrderSize,
      @DefaultValue("1000") @NotNull @Positive BigDecimal maxPosition,
      @DefaultValue("5") @NotNull @Positive BigDecimal priceBandPercent,
      @DefaultValue("100") @Min(1) int ordersPerSecond,
      @DefaultValue("200") @Min(1) int burst) {}
}
