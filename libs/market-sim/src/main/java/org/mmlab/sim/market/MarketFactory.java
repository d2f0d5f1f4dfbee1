package org.mmlab.sim.market;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.Market;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.binance.BinanceMarket;
import org.mmlab.sim.lobster.LobsterMarket;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a market from its spec string, the one way every command and service names a market:
 *
 * <ul>
 *   <li>{@code zi} or {@code zi:PARAMS.json}: zero-intelligence flow ({@link ZiParams}; the file is
 *       what {@code ./mmlab data calibrate} writes);
 *   <li>{@code hawkes} or {@code hawkes:PARAMS.json}: the same flow with self-exciting arrivals;
 *   <li>{@code as}: the Avellaneda–Stoikov market ({@link AsParams});
 *   <li>{@code lobster:PATH} and {@code binance:PATH}: replays of real data.
 * </ul>
 */
public final class MarketFactory {
  /** The market names a spec may start with. */
  public static final String KNOWN =
      "zi, zi:PARAMS.json, hawkes, hawkes:PARAMS.json, as, " + "lobster:PATH, binance:PATH";

  /** Default branching ratio of the hawkes market. */
  public static final double HAWKES_BRANCHING = 0.7;

  /** Default kernel decay of the hawkes market, per second. */
  public static final double HAWKES_DECAY = 2.0;

  private static final Instrument SYNTHETIC =
      new Instrument("SIM", new BigDecimal("0.01"), BigDecimal.ONE);

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private MarketFactory() {}

  /**
   * Builds a market.
   *
   * @param spec the spec string
   * @param conditions latencies, fees and published depth
   * @return a market, not yet reset
   * @throws IllegalArgumentException one line naming what is wrong with the spec
   */
  public static Market create(String spec, MarketConditions conditions) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("no market given; known markets: " + KNOWN);
    }
    String name = spec;
    String arg = null;
    int colon = spec.indexOf(':');
    if (colon >= 0) {
      name = spec.substring(0, colon);
      arg = spec.substring(colon + 1);
      if (arg.isEmpty()) {
        throw new IllegalArgumentException("market " + name + ": nothing after ':' in " + spec);
      }
    }
    switch (name) {
      case "zi":
        return new ZiMarket(spec, SYNTHETIC, ziParams(arg), conditions);
      case "hawkes":
        return new HawkesMarket(
            spec, SYNTHETIC, ziParams(arg), HAWKES_BRANCHING, HAWKES_DECAY, conditions);
      case "as":
        if (arg != null) {
          throw new IllegalArgumentException("market as takes no argument: " + spec);
        }
        return new AsMarket(spec, SYNTHETIC, AsParams.DEFAULT, conditions);
      case "binance":
        return BinanceMarket.create(spec, conditions);
      case "lobster":
        return LobsterMarket.create(spec, conditions);
      default:
        break;
    }
    throw new IllegalArgumentException("unknown market \"" + spec + "\"; known markets: " + KNOWN);
  }

  /**
   * Reads zi parameters from a JSON file ({@code null}: the defaults).
   *
   * @param file path or null
   * @return the parameters
   */
  public static ZiParams ziParams(String file) {
    if (file == null) {
      return ZiParams.DEFAULT;
    }
    Path path = Path.of(file);
    try {
      return JSON.readValue(Files.readString(path), ZiParams.class);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("zi parameter file not found: " + file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read zi parameter file " + file + ": " + e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "zi parameter file " + file + " is not valid: " + e.getOriginalMessage());
    }
  }

  /**
   * Writes zi parameters as JSON.
   *
   * @param params the parameters
   * @param file where
   * @throws IOException when the file cannot be written
   */
  public static void writeZiParams(ZiParams params, Path file) throws IOException {
    Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(params));
  }
}
