package org.mmlab.cli.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mmlab.cli.UserInputException;
import org.mmlab.sim.lobster.LobsterReader;
import org.mmlab.sim.market.MarketFactory;
import org.mmlab.sim.market.ZiCalibrator;
import org.mmlab.sim.market.ZiParams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./mmlab data calibrate}: zero-intelligence rates estimated from a LOBSTER day. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Estimate the zi market's rates from a LOBSTER day and write them as JSON for"
          + " --market zi:FILE.",
      "Limit-order rates by distance from the opposite best (power-law fit over the file's"
          + " visible levels), market-order rate, cancellation rate per resting order and"
          + " order sizes in lots of 100 shares."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab data calibrate ../shared/data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_5.zip"
          + " -o zi-amzn.json",
      "  ./mmlab backtest --strategy symmetric --market zi:zi-amzn.json"
    })
public final class CalibrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..2",
      paramLabel = "FILE",
      description = "A LOBSTER zip, or its message.csv and orderbook.csv.")
  List<Path> files;

  @Option(
      names = {"-o", "--output"},
      required = true,
      paramLabel = "FILE",
      description = "Where to write the parameters (JSON).")
  Path output;

  @Override
  public Integer call() throws IOException {
    ZiCalibrator.Result r;
    try (LobsterReader reader =
        files.size() == 1
            ? LobsterReader.open(files.get(0))
            : LobsterReader.open(files.get(0), files.get(1))) {
      r = ZiCalibrator.calibrate(reader);
    }
    try {
      MarketFactory.writeZiParams(r.params(), output);
    } catch (IOException e) {
      throw new UserInputException("cannot write " + output + ": " + e.getMessage());
    }
    ZiParams p = r.params();
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "%.0f s of data: %d limit orders, %d market orders, %d cancellations%n",
        r.seconds(),
        r.limitOrders(),
        r.marketOrders(),
        r.cancellations());
    for (int d = 1; d < r.limitRateByDistance().length; d++) {
      out.printf(
          Locale.ROOT,
          "  limit rate at %d tick(s): %.4f/s per side (fit %.4f)%n",
          d,
          r.limitRateByDistance()[d],
          p.limitRateAt(d));
    }
    out.printf(
        Locale.ROOT,
        "limitRate=%.4f limitDecay=%.3f marketRate=%.4f cancelRate=%.4f limitSize=1..%d"
            + " marketSize=1..%d initialPrice=%d%n",
        p.limitRate(),
        p.limitDecay(),
        p.marketRate(),
        p.cancelRate(),
        p.limitSizeMax(),
        p.marketSizeMax(),
        p.initialPrice());
    out.println("written to " + output);
    out.flush();
    return 0;
  }
}
