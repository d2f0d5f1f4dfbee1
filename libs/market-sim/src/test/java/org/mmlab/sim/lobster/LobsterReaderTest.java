package org.mmlab.sim.lobster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LobsterReaderTest {
  static final String MSG = "T_2012-06-21_34200000_57600000_message_1.csv";
  static final String OB = "T_2012-06-21_34200000_57600000_orderbook_1.csv";
  static final String[] GOOD_MSG = {
    "34200.000000001,1,1,100,1000000,1",
    "34200.000000002,1,2,50,1010000,-1",
    "34200.000000003,3,1,100,1000000,1"
  };
  static final String[] GOOD_OB = {
    "9999999999,0,1000000,100", "1010000,50,1000000,100", "1010000,50,-9999999999,0"
  };

  @TempDir Path dir;

  @Test
  void readsKnownRowsOfTheAmznLevel5Day() throws IOException {
    try (LobsterReader reader = LobsterReader.open(SharedData.lobster("AMZN_2012-06-21_5"))) {
      assertThat(reader.levels()).isEqualTo(5);
      assertThat(reader.messageFileName())
          .isEqualTo("AMZN_2012-06-21_34200000_57600000_message_5.csv");
      assertThat(reader.orderbookFileName())
          .isEqualTo("AMZN_2012-06-21_34200000_57600000_orderbook_5.csv");
      LobsterRow r = reader.row();

      // 34200.017459617,5,0,1,2238200,-1
      assertThat(reader.next()).isTrue();
      assertThat(r.line()).isEqualTo(1);
      assertThat(r.timeNanos()).isEqualTo(34_200_017_459_617L);
      assertThat(r.type()).isEqualTo(LobsterMessageType.EXECUTE_HIDDEN);
      assertThat(r.orderId()).isZero();
      assertThat(r.size()).isEqualTo(1);
      assertThat(r.price()).isEqualTo(2_238_200L);
      assertThat(r.direction()).isEqualTo(-1);
      // 2239500,100,2231800,100,2239900,100,2230700,200,2240000,220,2230400,100,2242500,100,
      // 2230000,10,2244000,547,2226200,100
      assertThat(new long[] {r.askPrice(0), r.askSize(0), r.bidPrice(0), r.bidSize(0)})
          .containsExactly(2239500, 100, 2231800, 100);
      assertThat(new long[] {r.askPrice(2), r.askSize(2), r.bidPrice(2), r.bidSize(2)})
          .containsExactly(2240000, 220, 2230400, 100);
      assertThat(new long[] {r.askPrice(4), r.askSize(4), r.bidPrice(4), r.bidSize(4)})
          .containsExactly(2244000, 547, 2226200, 100);

      // 34200.18960767,1,11885113,21,2238100,1 -- 8 decimals: 189607670 ns
      assertThat(reader.next()).isTrue();
      assertThat(r.timeNanos()).isEqualTo(34_200_189_607_670L);
      assertThat(r.type()).isEqualTo(LobsterMessageType.NEW);
      assertThat(r.orderId()).isEqualTo(11_885_113L);
      assertThat(r.size()).isEqualTo(21);
      assertThat(r.price()).isEqualTo(2_238_100L);
      assertThat(r.direction()).isEqualTo(1);
      assertThat(r.bidPrice(0)).isEqualTo(2_238_100L);
      assertThat(r.bidSize(0)).isEqualTo(21);
      assertThat(r.bidPrice(4)).isEqualTo(2_230_000L);
      assertThat(r.bidSize(4)).isEqualTo(10);

      // Line 67823 carries binary-float noise: 43002.632812672004,3,134172772,100,2238700,-1
      while (r.line() < 67_823) {
        assertThat(reader.next()).isTrue();
      }
      assertThat(r.timeNanos()).isEqualTo(43_002_632_812_672L);
      assertThat(r.type()).isEqualTo(LobsterMessageType.DELETE);
      assertThat(r.orderId()).isEqualTo(134_172_772L);
      assertThat(r.size()).isEqualTo(100);
      assertThat(r.price()).isEqualTo(2_238_700L);
      assertThat(r.direction()).isEqualTo(-1);

      long last = 0;
      while (reader.next()) {
        assertThat(r.timeNanos()).isGreaterThanOrEqualTo(last);
        last = r.timeNanos();
      }
      // 57599.95935965,3,287174077,100,2206300,-1
      assertThat(reader.rows()).isEqualTo(155_935);
      assertThat(r.line()).isEqualTo(155_935);
      assertThat(r.timeNanos()).isEqualTo(57_599_959_359_650L);
      assertThat(r.orderId()).isEqualTo(287_174_077L);
      // 2206400,100,2205100,249,2206500,1290,2205000,71,2206700,170,2204800,700,2207100,1800,
      // 2204700,100,2207400,800,2204600,1704
      assertThat(new long[] {r.askPrice(1), r.askSize(1), r.bidPrice(1), r.bidSize(1)})
          .containsExactly(2206500, 1290, 2205000, 71);
      assertThat(new long[] {r.askPrice(4), r.askSize(4), r.bidPrice(4), r.bidSize(4)})
          .containsExactly(2207400, 800, 2204600, 1704);
      assertThat(reader.next()).isFalse();
    }
  }

  @Test
  void readsTheFirstAndLastRowsOfTheAaplDay() throws IOException {
    try (LobsterReader reader = LobsterReader.open(SharedData.lobster("AAPL_2012-06-21_1"))) {
      assertThat(reader.levels()).isEqualTo(1);
      LobsterRow r = reader.row();
      // 34200.004241176,1,16113575,18,5853300,1 / 5859400,200,5853300,18
      assertThat(reader.next()).isTrue();
      assertThat(r.timeNanos()).isEqualTo(34_200_004_241_176L);
      assertThat(r.type()).isEqualTo(1);
      assertThat(r.orderId()).isEqualTo(16_113_575L);
      assertThat(r.size()).isEqualTo(18);
      assertThat(r.price()).isEqualTo(5_853_300L);
      assertThat(r.direction()).isEqualTo(1);
      assertThat(new long[] {r.askPrice(0), r.askSize(0), r.bidPrice(0), r.bidSize(0)})
          .containsExactly(5859400, 200, 5853300, 18);
      while (reader.next()) {
        // to the end
      }
      // 57599.913117637,5,0,52,5776350,-1 / 5776700,300,5775400,410
      assertThat(reader.rows()).isEqualTo(118_497);
      assertThat(r.timeNanos()).isEqualTo(57_599_913_117_637L);
      assertThat(r.type()).isEqualTo(5);
      assertThat(r.size()).isEqualTo(52);
      assertThat(r.price()).isEqualTo(5_776_350L);
      assertThat(new long[] {r.askPrice(0), r.askSize(0), r.bidPrice(0), r.bidSize(0)})
          .containsExactly(5776700, 300, 5775400, 410);
    }
  }

  @Test
  void readsCsvPairsWithHaltsSentinelsAndShortTimes() throws IOException {
    String[] msg = {
      "34201,7,0,0,-1,-1",
      "34202.25,7,0,0,0,-1",
      "34203.5,7,0,0,1,-1",
      "34204.000000001,6,0,500,1000000,1"
    };
    String[] ob = {
      "9999999999,0,-9999999999,0",
      "9999999999,0,-9999999999,0",
      "1010000,50,-9999999999,0",
      "1010000,50,1000000,7"
    };
    try (LobsterReader reader = open(msg, ob)) {
      LobsterRow r = reader.row();
      assertThat(reader.next()).isTrue();
      assertThat(r.timeNanos()).isEqualTo(34_201_000_000_000L);
      assertThat(r.type()).isEqualTo(LobsterMessageType.HALT);
      assertThat(r.price()).isEqualTo(-1);
      assertThat(r.askPrice(0)).isEqualTo(LobsterRow.EMPTY_ASK_PRICE);
      assertThat(r.bidPrice(0)).isEqualTo(LobsterRow.EMPTY_BID_PRICE);
      assertThat(r.depth(LobsterRow.SELL)).isZero();
      assertThat(reader.next()).isTrue();
      assertThat(r.timeNanos()).isEqualTo(34_202_250_000_000L);
      assertThat(r.price()).isZero();
      assertThat(reader.next()).isTrue();
      assertThat(r.timeNanos()).isEqualTo(34_203_500_000_000L);
      assertThat(r.price()).isEqualTo(1);
      assertThat(r.depth(LobsterRow.SELL)).isEqualTo(1);
      assertThat(r.depth(LobsterRow.BUY)).isZero();
      assertThat(reader.next()).isTrue();
      assertThat(r.type()).isEqualTo(LobsterMessageType.CROSS);
      assertThat(r.size()).isEqualTo(500);
      assertThat(r.bidSize(0)).isEqualTo(7);
      assertThat(reader.next()).isFalse();
    }
  }

  @Test
  void crlfLineEndingsAndAMissingFinalNewlineReadTheSame() throws IOException {
    List<String> expected;
    try (LobsterReader reader = open(GOOD_MSG, GOOD_OB)) {
      expected = allRows(reader);
    }
    assertThat(expected).hasSize(3);
    Path m = dir.resolve("crlf_message_1.csv");
    Path o = dir.resolve("crlf_orderbook_1.csv");
    Files.writeString(m, String.join("\r\n", GOOD_MSG) + "\r\n");
    Files.writeString(o, String.join("\r\n", GOOD_OB));
    try (LobsterReader reader = LobsterReader.open(m, o)) {
      assertThat(allRows(reader)).isEqualTo(expected);
    }
  }

  @Test
  void takesTheLevelCountFromTheFirstRowWhenTheNamesDoNotTellIt() throws IOException {
    Path m = dir.resolve("m.csv");
    Path o = dir.resolve("o.csv");
    Files.writeString(m, "34200.1,1,1,100,1000000,1\n");
    Files.writeString(o, "1010000,5,1000000,100,1020000,6,-9999999999,0\n");
    try (LobsterReader reader = LobsterReader.open(m, o)) {
      assertThat(reader.levels()).isEqualTo(2);
      assertThat(reader.next()).isTrue();
      assertThat(reader.row().askSize(1)).isEqualTo(6);
    }
    Files.writeString(o, "1010000,5,1000000\n");
    assertThatThrownBy(() -> LobsterReader.open(m, o))
        .isInstanceOf(LobsterFormatException.class)
        .hasMessage(
            "o.csv line 1: 3 fields is not a multiple of 4 (ask price, ask size, bid price,"
                + " bid size per level)");
  }

  @Test
  void readsAZipWithTheFilesInAFolder() throws IOException {
    Path zip = dir.resolve("day.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("day/" + OB));
      z.write((String.join("\n", GOOD_OB) + "\n").getBytes(StandardCharsets.US_ASCII));
      z.putNextEntry(new ZipEntry("day/" + MSG));
      z.write((String.join("\n", GOOD_MSG) + "\n").getBytes(StandardCharsets.US_ASCII));
      z.putNextEntry(new ZipEntry("ReadMe.txt"));
      z.write('x');
    }
    try (LobsterReader reader = LobsterReader.open(zip)) {
      assertThat(reader.messageFileName()).isEqualTo(MSG);
      int n = 0;
      while (reader.next()) {
        n++;
      }
      assertThat(n).isEqualTo(3);
    }
  }

  @Test
  void closingBeforeTheEndStopsTheUnzipThread() throws Exception {
    try (LobsterReader reader = LobsterReader.open(SharedData.lobster("AMZN_2012-06-21_1"))) {
      for (int i = 0; i < 10; i++) {
        assertThat(reader.next()).isTrue();
      }
      assertThat(readAheadThreads()).isPositive();
    }
    assertThat(readAheadThreads()).isZero();
  }

  private static long readAheadThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("lobster-read-ahead") && t.isAlive())
        .count();
  }

  @Test
  void aMissingFileIsANoSuchFileException() {
    assertThatThrownBy(() -> LobsterReader.open(dir.resolve("nope.zip")))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageEndingWith("nope.zip");
    assertThatThrownBy(() -> LobsterReader.open(dir.resolve("a.csv"), dir.resolve("b.csv")))
        .isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void aZipWithoutLobsterFilesOrNotAZipIsOneClearMessage() throws IOException {
    Path zip = dir.resolve("empty.zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      z.putNextEntry(new ZipEntry("ReadMe.txt"));
      z.write('x');
    }
    assertThatThrownBy(() -> LobsterReader.open(zip))
        .isInstanceOf(IOException.class)
        .hasMessage("empty.zip: no LOBSTER message file (*_message_N.csv) in the archive");
    Path text = Files.writeString(dir.resolve("text.zip"), "hello");
    assertThatThrownBy(() -> LobsterReader.open(text))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("text.zip: not a zip archive");
  }

  @Test
  void filesOfDifferentDaysAreNotAPair() throws IOException {
    Path m = Files.writeString(dir.resolve("A_2012-06-21_34200000_57600000_message_1.csv"), "");
    Path o = Files.writeString(dir.resolve("B_2012-06-21_34200000_57600000_orderbook_1.csv"), "");
    assertThatThrownBy(() -> LobsterReader.open(m, o))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("are not a message/orderbook pair of one day");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "34200.000000002,1,2,50,1010000 | field direction: missing (expected 6 fields, found 5)",
        "34200.000000002,1,2,50,1010000,-1,7 | field 7: unexpected extra field (expected 6 fields,"
            + " found 7)",
        "34200.000000002,1,2,50,1010000,-1,7,8 | field 7: unexpected extra field (expected 6"
            + " fields, found 8)",
        "34200.0000x0002,1,2,50,1010000,-1 | field time: \"34200.0000x0002\" is not a time in"
            + " seconds",
        "34200.,1,2,50,1010000,-1 | field time: \"34200.\" is not a time in seconds",
        "34200.000000002,a,2,50,1010000,-1 | field type: \"a\" is not an integer",
        "34200.000000002,8,2,50,1010000,-1 | field type: \"8\" is not a LOBSTER event type (1..7)",
        "34200.000000002,0,2,50,1010000,-1 | field type: \"0\" is not a LOBSTER event type (1..7)",
        "34200.000000002,1,-5,50,1010000,-1 | field order id: \"-5\" is not a non-negative"
            + " integer",
        "34200.000000002,1,2,-3,1010000,-1 | field size: \"-3\" is not a positive integer",
        "34200.000000002,1,2,0,1010000,-1 | field size: \"0\" is not a positive integer",
        "34200.000000002,1,2,,1010000,-1 | field size: \"\" is not an integer",
        "34200.000000002,1,2,50,101.5,-1 | field price: \"101.5\" is not an integer",
        "34200.000000002,1,2,50,-1010000,-1 | field price: \"-1010000\" is not a positive price",
        "34200.000000002,1,2,50,1010000,0 | field direction: \"0\" is not a direction (1 or -1)",
        "34200.000000002,1,2,50,1010000,+1 | field direction: \"+1\" is not an integer",
        "'' | empty line (expected 6 fields)",
      })
  void aMalformedMessageRowNamesFileLineAndField(String line2, String problem) throws IOException {
    String[] msg = GOOD_MSG.clone();
    msg[1] = line2;
    LobsterFormatException e = readUntilError(msg, GOOD_OB);
    assertThat(e.getMessage())
        .isEqualTo(MSG + " line 2" + (problem.startsWith("field") ? ", " : ": ") + problem);
    assertThat(e.fileName()).isEqualTo(MSG);
    assertThat(e.line()).isEqualTo(2);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1010000,50,1000000 | field bid size 1: missing (expected 4 fields, found 3)",
        "1010000,50,1000000,100,5 | field 5: unexpected extra field (expected 4 fields, found 5)",
        "1010000,x,1000000,100 | field ask size 1: \"x\" is not an integer",
        "1010000,0,1000000,100 | field ask size 1: \"0\" is not a positive integer",
        "9999999999,5,1000000,100 | field ask size 1: \"5\" is not 0 (the level is empty)",
        "-1010000,50,1000000,100 | field ask price 1: \"-1010000\" is not a positive price",
        "1010000,50,0,100 | field bid price 1: \"0\" is not a positive price",
        "1010000,50,1000000,-2 | field bid size 1: \"-2\" is not a positive integer",
        "1010000,50,1000000,99999999999999999999 | field bid size 1: \"99999999999999999999\" is"
            + " not an integer",
      })
  void aMalformedOrderbookRowNamesFileLineAndField(String line2, String problem)
      throws IOException {
    String[] ob = GOOD_OB.clone();
    ob[1] = line2;
    LobsterFormatException e = readUntilError(GOOD_MSG, ob);
    assertThat(e.getMessage()).isEqualTo(OB + " line 2, " + problem);
    assertThat(e.fileName()).isEqualTo(OB);
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.field()).isEqualTo(problem.substring(6, problem.indexOf(':')));
  }

  @Test
  void rowCountsThatDifferNameTheShorterFile() throws IOException {
    String[] shortOb = {GOOD_OB[0], GOOD_OB[1]};
    assertThat(readUntilError(GOOD_MSG, shortOb))
        .hasMessage(
            OB
                + " line 3: missing row: the orderbook file ends after 2 rows but the message file"
                + " goes on");
    String[] shortMsg = {GOOD_MSG[0], GOOD_MSG[1]};
    assertThat(readUntilError(shortMsg, GOOD_OB))
        .hasMessage(
            MSG
                + " line 3: missing row: the message file ends after 2 rows but the orderbook file"
                + " goes on");
  }

  @Test
  void aBadRowDeepInALargeFileIsFoundAcrossBufferRefills() throws IOException {
    int rows = 60_000;
    Path m = dir.resolve(MSG);
    Path o = dir.resolve(OB);
    try (OutputStream mo = Files.newOutputStream(m);
        OutputStream oo = Files.newOutputStream(o)) {
      for (int i = 1; i <= rows; i++) {
        String size = i == 50_001 ? "-3" : "100";
        mo.write(
            ("34200." + String.format("%09d", i) + ",1," + i + "," + size + ",1000000,1\n")
                .getBytes(StandardCharsets.US_ASCII));
        oo.write(("1010000,50,1000000," + (100L * i) + "\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
    try (LobsterReader reader = LobsterReader.open(m, o)) {
      LobsterRow r = reader.row();
      for (int i = 1; i <= 50_000; i++) {
        assertThat(reader.next()).isTrue();
        if (r.orderId() != i
            || r.bidSize(0) != 100L * i
            || r.timeNanos() != 34_200_000_000_000L + i) {
          throw new AssertionError("row " + i + " read as " + r);
        }
      }
      assertThatThrownBy(reader::next)
          .hasMessage(MSG + " line 50001, field size: \"-3\" is not a positive integer");
    }
  }

  private LobsterReader open(String[] msg, String[] ob) throws IOException {
    Path m = dir.resolve(MSG);
    Path o = dir.resolve(OB);
    Files.writeString(m, String.join("\n", msg) + "\n");
    Files.writeString(o, String.join("\n", ob) + "\n");
    return LobsterReader.open(m, o);
  }

  private LobsterFormatException readUntilError(String[] msg, String[] ob) throws IOException {
    try (LobsterReader reader = open(msg, ob)) {
      while (reader.next()) {
        // read on
      }
    } catch (LobsterFormatException e) {
      return e;
    }
    throw new AssertionError("no LobsterFormatException");
  }

  private static List<String> allRows(LobsterReader reader) throws IOException {
    List<String> rows = new ArrayList<>();
    while (reader.next()) {
      rows.add(reader.row().toString());
    }
    return rows;
  }
}
