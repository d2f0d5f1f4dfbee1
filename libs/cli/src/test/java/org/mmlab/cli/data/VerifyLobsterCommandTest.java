package org.mmlab.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.cli.MmlabCli;
import picocli.CommandLine;

class VerifyLobsterCommandTest {
  static final String MSG = "T_2012-06-21_34200000_57600000_message_1.csv";
  static final String OB = "T_2012-06-21_34200000_57600000_orderbook_1.csv";
  static final List<String> GOOD_MSG =
      List.of(
          "34200.000000001,1,1,100,1000000,1",
          "34200.000000002,1,2,50,1010000,-1",
          "34200.000000003,3,1,100,1000000,1");
  static final List<String> GOOD_OB =
      List.of("1020000,10,1000000,100", "1010000,50,1000000,100", "1010000,50,-9999999999,0");

  @TempDir Path dir;

  /** Output of one in-process run. */
  record Run(int exit, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    String lastLine() {
      List<String> lines = outLines();
      return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
  }

  static Run run(String... args) {
    CommandLine cl = MmlabCli.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path sharedLobster(String name) {
    String data = System.getProperty("mmlab.shared.data");
    if (data == null || data.isBlank()) {
      throw new IllegalStateException(
          "system property mmlab.shared.data is not set: run the tests through Maven (surefire"
              + " sets it to the absolute path of ../shared/data)");
    }
    Path zip = Path.of(data, "lobster", "LOBSTER_SampleFile_" + name + ".zip");
    if (!Files.isRegularFile(zip)) {
      throw new IllegalStateException("shared LOBSTER data not found: " + zip);
    }
    return zip;
  }

  Path[] pair(List<String> msg, List<String> ob) throws IOException {
    Path m = Files.write(dir.resolve(MSG), msg);
    Path o = Files.write(dir.resolve(OB), ob);
    return new Path[] {m, o};
  }

  @Test
  void verifiesASharedDayFromItsZip() {
    Run r = run("data", "verify-lobster", sharedLobster("AMZN_2012-06-21_1").toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.lastLine()).isEqualTo("rows=57515 checked=57515 mismatches=0 refreshed=13953");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void verifiesAMessageAndOrderbookCsvPair() throws IOException {
    Path[] p = pair(GOOD_MSG, GOOD_OB);
    Run r = run("data", "verify-lobster", p[0].toString(), p[1].toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.outLines()).containsExactly("rows=3 checked=3 mismatches=0 refreshed=0");
  }

  @Test
  void mismatchesExitOneAndShowPrintsBothStatesBeforeTheSummary() throws IOException {
    List<String> wrong = List.of(GOOD_OB.get(0), "1010000,51,1000000,100", GOOD_OB.get(2));
    Path[] p = pair(GOOD_MSG, wrong);
    Run r = run("data", "verify-lobster", p[0].toString(), p[1].toString(), "--show", "5");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.outLines())
        .containsExactly(
            "mismatch row 2 t=34200.000000002 new id=2 size=50 price=1010000 dir=-1",
            "  ours: ask 1010000x50 | bid 1000000x100",
            "  file: ask 1010000x51 | bid 1000000x100",
            "rows=3 checked=3 mismatches=1 refreshed=0");

    Run quiet = run("data", "verify-lobster", p[0].toString(), p[1].toString());
    assertThat(quiet.exit()).isEqualTo(1);
    assertThat(quiet.outLines()).containsExactly("rows=3 checked=3 mismatches=1 refreshed=0");
  }

  @Test
  void aWrongArgumentCountIsOneLineAndExitTwo() throws IOException {
    for (String[] args :
        List.of(
            new String[] {"data", "verify-lobster"},
            new String[] {"data", "verify-lobster", "a.csv", "b.csv", "c.csv"})) {
      Run r = run(args);
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err().lines()).hasSize(1);
      assertThat(r.err())
          .startsWith(
              "error: verify-lobster takes a LOBSTER .zip, or a message CSV and an orderbook"
                  + " CSV; got ");
      assertThat(r.out()).isEmpty();
    }
    Path[] p = pair(GOOD_MSG, GOOD_OB);
    Run single = run("data", "verify-lobster", p[0].toString());
    assertThat(single.exit()).isEqualTo(2);
    assertThat(single.err().lines()).hasSize(1);
    assertThat(single.err()).contains("give a LOBSTER .zip");
    Run swapped = run("data", "verify-lobster", p[1].toString(), p[0].toString());
    assertThat(swapped.exit()).isEqualTo(2);
    assertThat(swapped.err().lines()).hasSize(1);
    assertThat(swapped.err()).contains("give the message CSV first");
  }

  @Test
  void aMissingFileIsOneLineAndExitTwo() throws IOException {
    Path missing = dir.resolve("LOBSTER_SampleFile_NOPE_2012-06-21_1.zip");
    Run r = run("data", "verify-lobster", missing.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).containsExactly("error: no such file: " + missing);

    Path[] p = pair(GOOD_MSG, GOOD_OB);
    Path missingOb = dir.resolve("nope_orderbook_1.csv");
    Run csv = run("data", "verify-lobster", p[0].toString(), missingOb.toString());
    assertThat(csv.exit()).isEqualTo(2);
    assertThat(csv.err().lines()).containsExactly("error: no such file: " + missingOb);
    assertThat(csv.out()).isEmpty();
  }

  @Test
  void aMalformedRowIsOneLineNamingFileLineAndFieldAndExitTwo() throws IOException {
    List<String> bad =
        List.of(GOOD_MSG.get(0), "34200.000000002,1,2,-3,1010000,-1", GOOD_MSG.get(2));
    Path[] p = pair(bad, GOOD_OB);
    Run r = run("data", "verify-lobster", p[0].toString(), p[1].toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines())
        .containsExactly("error: " + MSG + " line 2, field size: \"-3\" is not a positive integer");
    assertThat(r.out()).isEmpty();

    Path[] q = pair(GOOD_MSG, GOOD_OB.subList(0, 2));
    Run shortOb = run("data", "verify-lobster", q[0].toString(), q[1].toString());
    assertThat(shortOb.exit()).isEqualTo(2);
    assertThat(shortOb.err().lines())
        .containsExactly(
            "error: "
                + OB
                + " line 3: missing row: the orderbook file ends after 2 rows but the message file"
                + " goes on");
  }

  @Test
  void aFileThatIsNotAZipIsOneLineAndExitTwo() throws IOException {
    Path text = Files.writeString(dir.resolve("day.zip"), "not a zip");
    Run r = run("data", "verify-lobster", text.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("error: day.zip: not a zip archive");
  }

  @Test
  void aNegativeShowIsRefused() throws IOException {
    Path[] p = pair(GOOD_MSG, GOOD_OB);
    Run r = run("data", "verify-lobster", p[0].toString(), p[1].toString(), "--show", "-1");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines()).containsExactly("error: --show must be 0 or more, got -1");
  }

  @Test
  void helpShowsUsageAndExamples() {
    Run r = run("data", "verify-lobster", "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("Usage: mmlab data verify-lobster", "--show=N", "Examples:");
  }
}
