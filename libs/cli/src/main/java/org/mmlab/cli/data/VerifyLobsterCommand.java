package org.mmlab.cli.data;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mmlab.cli.MmlabCli;
import org.mmlab.cli.UserInputException;
import org.mmlab.sim.lobster.LobsterBook;
import org.mmlab.sim.lobster.LobsterReplay;
import org.mmlab.sim.lobster.LobsterRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./mmlab data verify-lobster}: rebuilds a LOBSTER day's order book from its message file
 * and checks it against every row of its orderbook file, on all N levels of both sides.
 *
 * <p>The last output line is always {@code rows=<n> checked=<n> mismatches=<n> refreshed=<n>}. Exit
 * 0 when there is no mismatch, 1 otherwise, 2 on bad input (argument count, missing file, malformed
 * row).
 */
@Command(
    name = "verify-lobster",
    mixinStandardHelpOptions = true,
    description = {
      "Rebuild the order book of a LOBSTER day from its message file and compare it with every"
          + " row of its orderbook file (prices and sizes of all levels, both sides, empty levels"
          + " included).",
      "The book is seeded with the state before message 1; levels that enter the visible window"
          + " from deeper in the book are the only thing taken from the orderbook file"
          + " (`refreshed` counts those rows).",
      "Last line: rows=<n> checked=<n> mismatches=<n> refreshed=<n>. Exit 0 when mismatches=0, 1"
          + " when not, 2 on bad input."
    },
    footer = {
      "",
      "Examples:",
      "  ./mmlab data verify-lobster \\",
      "      ../shared/data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_5.zip",
      "  ./mmlab data verify-lobster --show 3 \\",
      "      AAPL_2012-06-21_34200000_57600000_message_1.csv \\",
      "      AAPL_2012-06-21_34200000_57600000_orderbook_1.csv"
    })
public final class VerifyLobsterCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "FILE",
      arity = "0..*",
      description =
          "A LOBSTER zip archive, or a *_message_N.csv file followed by its *_orderbook_N.csv file.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--show",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Print the first N mismatching rows, with our book and the file's, before the summary"
              + " (default: ${DEFAULT-VALUE}).")
  int show;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (files.size() != 1 && files.size() != 2) {
      throw new UserInputException(
          "verify-lobster takes a LOBSTER .zip, or a message CSV and an orderbook CSV; got "
              + files.size()
              + " arguments");
    }
    if (show < 0) {
      throw new UserInputException("--show must be 0 or more, got " + show);
    }
    PrintWriter out = spec.commandLine().getOut();
    long rows = 0;
    long checked = 0;
    long mismatches = 0;
    long refreshed;
    try (LobsterReplay replay = open()) {
      LobsterRow row = replay.row();
      LobsterBook book = replay.book();
      int levels = replay.levels();
      while (replay.next()) {
        rows++;
        checked++;
        if (!book.matches(row)) {
          mismatches++;
          if (mismatches <= show) {
            out.println("mismatch " + row.messageString());
            out.println("  ours: " + book.windowString(levels));
            out.println("  file: " + row.windowString());
          }
        }
      }
      refreshed = replay.refreshedRows();
    }
    out.println(
        "rows="
            + rows
            + " checked="
            + checked
            + " mismatches="
            + mismatches
            + " refreshed="
            + refreshed);
    out.flush();
    return mismatches == 0 ? 0 : MmlabCli.EXIT_CHECK_FAILED;
  }

  private LobsterReplay open() throws IOException {
    if (files.size() == 1) {
      Path zip = files.get(0);
      String name = String.valueOf(zip.getFileName());
      if (name.endsWith(".csv")) {
        throw new UserInputException(
            name + ": give a LOBSTER .zip, or the message CSV followed by the orderbook CSV");
      }
      return LobsterReplay.open(zip);
    }
    Path message = files.get(0);
    Path orderbook = files.get(1);
    if (String.valueOf(message.getFileName()).contains("_orderbook_")
        && String.valueOf(orderbook.getFileName()).contains("_message_")) {
      throw new UserInputException(
          "give the message CSV first, then the orderbook CSV (got "
              + message.getFileName()
              + " "
              + orderbook.getFileName()
              + ")");
    }
    return LobsterReplay.open(message, orderbook);
  }
}
