package org.mmlab.service.marketdata;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code mmlab.exchange.*}: the market the exchange runs and how it serves it.
 *
 * @param market market spec at start-up ({@code zi}, {@code hawkes}, {@code as}, {@code
 *     lobster:PATH}, {@code binance:PATH}, ...)
 * @param seed the model's seed
 * @param speed simulated seconds per wall-clock second (1.0 = real time)
 * @param autoStart whether the clock runs from start-up
 * @param bookLevels levels per side published on the market-data stream
 * @param heartbeatInterval interval between market-data heartbeats
 * @param tickInterval longest wait between two advances of the market's clock
 * @param subscriberBuffer messages buffered per market-data subscriber before it is dropped as slow
 * @param sessionBuffer messages buffered per gateway session before it is dropped as slow
 * @param internalToken the shared secret the gateway presents on the internal order-entry socket
 * @param journalDir directory of the exchange journal (recovered at start-up when it holds one);
 *     unset, the exchange keeps no journal and starts afresh each time
 * @param journalSyncInterval longest time records of the background market alone stay unsynced
 *     (anything the gateway is told is synced before it is told)
 * @param journalSnapshotRecords journal records after which the exchange writes a snapshot of its
 *     whole state and starts a new journal segment from it, so that recovery replays at most about
 *     this many records (0: never; markets that cannot be snapshotted, such as lobster and binance
 *     replays, always replay from their base)
 */
@Validated
@ConfigurationProperties("mmlab.exchange")
public record ExchangeProperties(
    @DefaultValue("zi") @NotBlank String market,
    @DefaultValue("42") long seed,
    @DefaultValue("1.0") @Positive @DecimalMax("10000") double speed,
    @DefaultValue("true") boolean autoStart,
    @DefaultValue("100") @Min(1) @Max(10_000) int bookLevels,
    @DefaultValue("1s") @NotNull Duration heartbeatInterval,
    @DefaultValue("1ms") @NotNull Duration tickInterval,
    @DefaultValue("4096") @Min(16) int subscriberBuffer,
    @DefaultValue("65536") @Min(16) int sessionBuffer,
    @NotBlank String internalToken,
    Path journalDir,
    @DefaultValue("100ms") @NotNull Duration journalSyncInterval,
    @DefaultValue("50000") @Min(0) long journalSnapshotRecords) {}
