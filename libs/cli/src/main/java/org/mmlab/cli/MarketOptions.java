package org.mmlab.cli;

import org.mmlab.sim.Fees;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.core.Durations;
import org.mmlab.sim.core.LatencyModel;
import org.mmlab.strategy.backtest.BacktestConfig;
import org.mmlab.strategy.features.FeatureConfig;
import picocli.CommandLine.Option;

/** The market and episode options every simulating command shares. */
public final class MarketOptions {
  @Option(
      names = "--market",
      defaultValue = "zi",
      paramLabel = "SPEC",
      description =
          "Market: zi, zi:PARAMS.json, hawkes, as, lobster:PATH or binance:PATH"
              + " (default: ${DEFAULT-VALUE}).")
  String market;

  @Option(
      names = "--steps",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Decisions per episode (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(
      names = "--interval",
      defaultValue = "1s",
      paramLabel = "DURATION",
      description = "Decision interval of simulated time (default: ${DEFAULT-VALUE}).")
  String interval;

  @Option(
      names = "--max-inventory",
      defaultValue = "50",
      paramLabel = "LOTS",
      description = "Inventory limit in lots (default: ${DEFAULT-VALUE}).")
  long maxInventory;

  @Option(
      names = "--latency",
      defaultValue = "1ms",
      paramLabel = "SPEC",
      description =
          "Order-entry latency: 2ms, uniform:1ms:3ms, lognormal:1ms:0.5 or exp:1ms:2ms"
              + " (default: ${DEFAULT-VALUE}).")
  String latency;

  @Option(
      names = "--md-latency",
      defaultValue = "1ms",
      paramLabel = "SPEC",
      description = "Market-data latency, same forms (default: ${DEFAULT-VALUE}).")
  String mdLatency;

  @Option(
      names = "--maker-fee",
      defaultValue = "0",
      paramLabel = "RATE",
      description = "Maker fee as a fraction of notional, negative = rebate (default: 0).")
  double makerFee;

  @Option(
      names = "--taker-fee",
      defaultValue = "0",
      paramLabel = "RATE",
      description = "Taker fee as a fraction of notional (default: 0).")
  double takerFee;

  /**
   * The backtest configuration these options describe.
   *
   * @return the configuration
   * @throws UserInputException naming the option that is out of range
   */
  public BacktestConfig toConfig() {
    if (steps <= 0) {
      throw new UserInputException("--steps must be > 0, got " + steps);
    }
    if (maxInventory <= 0) {
      throw new UserInputException("--max-inventory must be > 0, got " + maxInventory);
    }
    long intervalNanos = parse("--interval", () -> Durations.parseNanos(interval));
    LatencyModel entry = parse("--latency", () -> LatencyModel.parse(latency));
    LatencyModel data = parse("--md-latency", () -> LatencyModel.parse(mdLatency));
    Fees fees = parse("--maker-fee/--taker-fee", () -> Fees.rates(makerFee, takerFee));
    if (intervalNanos <= 0) {
      throw new UserInputException("--interval must be positive, got " + interval);
    }
    return new BacktestConfig(
        market,
        new MarketConditions(entry, data, fees, 10),
        intervalNanos,
        steps,
        maxInventory,
        FeatureConfig.defaults());
  }

  private static <T> T parse(String option, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (IllegalArgumentException e) {
      throw new UserInputException(option + ": " + e.getMessage());
    }
  }

  /**
   * The market spec.
   *
   * @return the spec
   */
  public String market() {
    return market;
  }
}
