package org.mmlab.cli.data;

import picocli.CommandLine.Command;

/** {@code ./mmlab data ...}: commands over historical market data files. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Work with historical market data (LOBSTER, Binance).",
    subcommands = {VerifyLobsterCommand.class, CalibrateCommand.class},
    footer = {
      "",
      "Examples:",
      "  ./mmlab data verify-lobster ../shared/data/lobster/LOBSTER_SampleFile_AAPL_2012-06-21_1.zip"
    })
public final class DataCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
