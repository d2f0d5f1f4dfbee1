package org.mmlab.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mmlab.sim.binance.BinanceTestFiles.depth;
import static org.mmlab.sim.binance.BinanceTestFiles.futuresDepth;
import static org.mmlab.sim.binance.BinanceTestFiles.gz;
import static org.mmlab.sim.binance.BinanceTestFiles.lv;
import static org.mmlab.sim.binance.BinanceTestFiles.shared;
import static org.mmlab.sim.binance.BinanceTestFiles.snapshot;
import static org.mmlab.sim.binance.BinanceTestFiles.trade;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmlab.lob.Side;
import org.mmlab.sim.Instrument;

class BinanceReaderTest {
  private static final Instrument SPOT = BinanceInstruments.SPOT_BTCUSDT;
  private static final Instrument USDM = BinanceInstruments.USDM_BTCUSDT;

  @TempDir Path tmp;

  /** What a whole pass over a capture saw. */
  private static final class Pass {
    long snapshotLine;
    long snapshotId;
    long snapshotBid;
    long snapshotBidSize;
    long snapshotAsk;
    long snapshotAskSize;
    long firstAppliedLine;
    long crossedAfterUpdate;
    long tickersCompared;
    long tickersMatching;
    long firstUpdateOfSecondFile = -1;
    final BinanceBook book = new BinanceBook();
    BinanceReader reader;
  }

  private static Pass pass(Instrument instrument, Path... files) throws IOException {
    Pass p = new Pass();
    String firstFile = files[0].getFileName().toString();
    try (BinanceReader r = BinanceReader.open(instrument, files)) {
      p.reader = r;
      BinanceMessage m = r.message();
      BinanceBook b = p.book;
      long lastDepthU = -1;
      while (r.next()) {
        switch (m.type()) {
          case DEPTH_SNAPSHOT:
            b.apply(m);
            p.snapshotLine = m.line();
            p.snapshotId = m.finalUpdateId();
            p.snapshotBid = b.bestBid();
            p.snapshotBidSize = b.sizeAt(Side.BID, 0);
            p.snapshotAsk = b.bestAsk();
            p.snapshotAskSize = b.sizeAt(Side.ASK, 0);
            lastDepthU = m.finalUpdateId();
            break;
          case DEPTH_UPDATE:
            if (p.firstAppliedLine == 0) {
              p.firstAppliedLine = m.line();
            }
            if (p.firstUpdateOfSecondFile < 0 && !m.fileName().equals(firstFile)) {
              p.firstUpdateOfSecondFile = m.firstUpdateId();
            }
            b.apply(m);
            if (b.isCrossed()) {
              p.crossedAfterUpdate++;
            }
            lastDepthU = m.finalUpdateId();
            break;
          case BOOK_TICKER:
            // A ticker with the same update id as the last depth update shows the same top.
            if (r.hasSnapshot() && m.finalUpdateId() == lastDepthU) {
              p.tickersCompared++;
              if (m.bidPrice(0) == b.bestBid()
                  && m.bidSize(0) == b.sizeAt(Side.BID, 0)
                  && m.askPrice(0) == b.bestAsk()
                  && m.askSize(0) == b.sizeAt(Side.ASK, 0)) {
                p.tickersMatching++;
              }
            }
            break;
          default:
            break;
        }
      }
    }
    return p;
  }

  private static void assertTop(BinanceBook b, long[] bids, long[] asks) {
    for (int i = 0; i < bids.length / 2; i++) {
      assertThat(b.price(Side.BID, i)).as("bid %d", i).isEqualTo(bids[2 * i]);
      assertThat(b.sizeAt(Side.BID, i)).as("bid size %d", i).isEqualTo(bids[2 * i + 1]);
    }
    for (int i = 0; i < asks.length / 2; i++) {
      assertThat(b.price(Side.ASK, i)).as("ask %d", i).isEqualTo(asks[2 * i]);
      assertThat(b.sizeAt(Side.ASK, i)).as("ask size %d", i).isEqualTo(asks[2 * i + 1]);
    }
  }

  private static long sumTop(BinanceBook b, Side side, int n) {
    long s = 0;
    for (int i = 0; i < n; i++) {
      s += b.sizeAt(side, i);
    }
    return s;
  }

  @Test
  void spotFileChainsFromTheSnapshotToTheEnd() throws IOException {
    Pass p = pass(SPOT, shared("spot/btcusdt_20240808.gz"));
    BinanceReader r = p.reader;
    assertThat(r.venue()).isEqualTo(BinanceVenue.SPOT);
    assertThat(r.symbol()).isEqualTo("BTCUSDT");
    assertThat(r.lines()).isEqualTo(41_249);
    // 3451 depth lines: two older than the snapshot, the rest chained.
    assertThat(r.depthUpdates()).isEqualTo(3_449);
    assertThat(r.staleDepthUpdates()).isEqualTo(2);
    assertThat(r.trades()).isEqualTo(9_757);
    assertThat(r.bookTickers()).isEqualTo(28_040);
    assertThat(r.snapshots()).isEqualTo(1);
    assertThat(r.otherMessages()).isZero();
    // Three legacy 6-decimal sizes far from the market (e.g. 25.426189 BTC at 200000).
    assertThat(r.roundedQuantities()).isEqualTo(3);
    // Line 8: {"lastUpdateId":50093239218,"bids":[["61837.63000000","3.78826000"],...],
    // "asks":[["61837.64000000","1.54698000"],...]}
    assertThat(p.snapshotLine).isEqualTo(8);
    assertThat(p.snapshotId).isEqualTo(50_093_239_218L);
    assertThat(p.snapshotBid).isEqualTo(6_183_763);
    assertThat(p.snapshotBidSize).isEqualTo(378_826);
    assertThat(p.snapshotAsk).isEqualTo(6_183_764);
    assertThat(p.snapshotAskSize).isEqualTo(154_698);
    // Line 6 (U=50093239208, u=50093239224) arrived before the snapshot and bridges it.
    assertThat(p.firstAppliedLine).isEqualTo(6);
    assertThat(p.crossedAfterUpdate).isZero();
    assertThat(r.lastFinalUpdateId()).isEqualTo(50_093_421_584L);
    // Final book as an independent Python replay of the file computes it.
    assertThat(p.book.levels(Side.BID)).isEqualTo(1_209);
    assertThat(p.book.levels(Side.ASK)).isEqualTo(2_196);
    assertTop(
        p.book,
        new long[] {6_168_599, 100_870, 6_168_598, 10_972, 6_168_557, 32_412},
        new long[] {6_168_600, 229_327, 6_168_601, 9, 6_168_602, 45_446});
    assertThat(sumTop(p.book, Side.BID, 20)).isEqualTo(1_428_694);
    assertThat(sumTop(p.book, Side.ASK, 20)).isEqualTo(446_259);
  }

  @Test
  void spotNextFileContinuesTheChain() throws IOException {
    Pass p = pass(SPOT, shared("spot/btcusdt_20240808.gz"), shared("spot/btcusdt_20240809.gz"));
    BinanceReader r = p.reader;
    assertThat(r.lines()).isEqualTo(41_249 + 58_325);
    assertThat(r.depthUpdates()).isEqualTo(3_449 + 3_044);
    assertThat(r.trades()).isEqualTo(9_757 + 10_147);
    assertThat(r.bookTickers()).isEqualTo(28_040 + 45_134);
    assertThat(r.roundedQuantities()).isEqualTo(7);
    // The 9 August file starts where the 8 August one ends: U = 50093421584 + 1.
    assertThat(p.firstUpdateOfSecondFile).isEqualTo(50_093_421_585L);
    assertThat(r.lastFinalUpdateId()).isEqualTo(50_093_696_318L);
    assertThat(p.crossedAfterUpdate).isZero();
    assertThat(p.book.levels(Side.BID)).isEqualTo(1_971);
    assertThat(p.book.levels(Side.ASK)).isEqualTo(2_962);
    assertTop(
        p.book,
        new long[] {6_160_201, 167_177, 6_160_200, 9_122, 6_160_175, 3_197},
        new long[] {6_160_202, 266_795, 6_160_279, 19, 6_160_280, 26_021});
    assertThat(sumTop(p.book, Side.BID, 20)).isEqualTo(422_184);
    assertThat(sumTop(p.book, Side.ASK, 20)).isEqualTo(575_766);
  }

  @Test
  void spotContinuationFileAloneHasNoSnapshot() {
    assertThatThrownBy(() -> pass(SPOT, shared("spot/btcusdt_20240809.gz")))
        .isInstanceOf(BinanceFormatException.class)
        .hasMessageContaining("btcusdt_20240809.gz")
        .hasMessageContaining("no depth snapshot")
        .hasMessageContaining("give that file first");
  }

  @Test
  void futuresFileChainsByPreviousUpdateId() throws IOException {
    Pass p = pass(USDM, shared("usdm/btcusdt_20240808.gz"));
    BinanceReader r = p.reader;
    assertThat(r.venue()).isEqualTo(BinanceVenue.USDM_FUTURES);
    assertThat(r.lines()).isEqualTo(93_954);
    assertThat(r.depthUpdates()).isEqualTo(6_547);
    assertThat(r.staleDepthUpdates()).isEqualTo(4);
    assertThat(r.trades()).isEqualTo(21_313);
    assertThat(r.bookTickers()).isEqualTo(66_089);
    // The README lists markPrice, but this capture holds none.
    assertThat(r.markPrices()).isZero();
    assertThat(r.roundedQuantities()).isZero();
    // Line 55: {"lastUpdateId":5123107852948,...,"bids":[["61800.20","2.909"],...],
    // "asks":[["61800.30","1.072"],...]}
    assertThat(p.snapshotLine).isEqualTo(55);
    assertThat(p.snapshotId).isEqualTo(5_123_107_852_948L);
    assertThat(p.snapshotBid).isEqualTo(618_002);
    assertThat(p.snapshotBidSize).isEqualTo(2_909);
    assertThat(p.snapshotAsk).isEqualTo(618_003);
    assertThat(p.snapshotAskSize).isEqualTo(1_072);
    // Line 42 (U=5123107850310 <= 5123107852948 <= u=5123107853551) bridges it.
    assertThat(p.firstAppliedLine).isEqualTo(42);
    assertThat(p.crossedAfterUpdate).isZero();
    assertThat(r.lastFinalUpdateId()).isEqualTo(5_123_135_475_514L);
    assertThat(p.book.levels(Side.BID)).isEqualTo(5_018);
    assertThat(p.book.levels(Side.ASK)).isEqualTo(4_578);
    assertTop(
        p.book,
        new long[] {616_597, 1_486, 616_590, 2, 616_581, 33},
        new long[] {616_598, 981, 616_599, 188, 616_600, 7_977});
    assertThat(sumTop(p.book, Side.BID, 20)).isEqualTo(12_103);
    assertThat(sumTop(p.book, Side.ASK, 20)).isEqualTo(9_814);
    // Every book ticker carrying the last depth update's id shows exactly the book's top.
    assertThat(p.tickersCompared).isGreaterThan(100);
    assertThat(p.tickersMatching).isEqualTo(p.tickersCompared);
  }

  @Test
  void probeInfersTheTableStepsFromEachSnapshot() throws IOException {
    BinanceCaptureInfo spot = BinanceCaptureInfo.probe(shared("spot/btcusdt_20240808.gz"));
    assertThat(spot.venue()).isEqualTo(BinanceVenue.SPOT);
    assertThat(spot.symbol()).isEqualTo("BTCUSDT");
    assertThat(spot.priceStep()).isEqualByComparingTo(SPOT.tickSize());
    assertThat(spot.quantityStep()).isEqualByComparingTo(SPOT.lotSize());
    assertThat(BinanceInstruments.of(spot)).isSameAs(SPOT);
    BinanceCaptureInfo usdm = BinanceCaptureInfo.probe(shared("usdm/btcusdt_20240808.gz"));
    assertThat(usdm.venue()).isEqualTo(BinanceVenue.USDM_FUTURES);
    assertThat(usdm.priceStep()).isEqualByComparingTo(USDM.tickSize());
    assertThat(usdm.quantityStep()).isEqualByComparingTo(USDM.lotSize());
    assertThat(BinanceInstruments.of(usdm)).isSameAs(USDM);
    assertThat(BinanceCaptureInfo.lastReceiveTimeNanos(shared("usdm/btcusdt_20240808.gz")))
        .isEqualTo(1_723_161_599_833_492_584L);
    // No snapshot in the continuation file: the venue is known, the steps are not.
    BinanceCaptureInfo next = BinanceCaptureInfo.probe(shared("spot/btcusdt_20240809.gz"));
    assertThat(next.venue()).isEqualTo(BinanceVenue.SPOT);
    assertThat(next.priceStep()).isNull();
  }

  @Test
  void unknownSymbolTakesItsStepsFromTheSnapshot() throws IOException {
    Path f =
        gz(
            tmp,
            "ethbtc.gz",
            snapshot(1, 5, lv("0.05210", "1.20"), lv("0.05215", "0.35")),
            depth(2, 1, 6, 6, "", "").replace("BTCUSDT", "ETHBTC"));
    BinanceCaptureInfo info = BinanceCaptureInfo.probe(f);
    assertThat(info.symbol()).isEqualTo("ETHBTC");
    Instrument i = BinanceInstruments.of(info);
    assertThat(i.tickSize()).isEqualByComparingTo(new BigDecimal("0.00005"));
    assertThat(i.lotSize()).isEqualByComparingTo(new BigDecimal("0.05"));
  }

  private static List<String> types(Instrument instrument, Path... files) throws IOException {
    List<String> out = new ArrayList<>();
    try (BinanceReader r = BinanceReader.open(instrument, files)) {
      BinanceMessage m = r.message();
      while (r.next()) {
        out.add(m.type() + "@" + m.line() + (m.isDeferred() ? "d" : ""));
      }
    }
    return out;
  }

  @Test
  void updatesBeforeTheSnapshotAreHeldAndFiltered() throws IOException {
    Path f =
        gz(
            tmp,
            "held.gz",
            depth(1, 1, 3, 5, lv("99.00", "1"), ""),
            trade(2, 1, "100.00", "0.1", true),
            depth(3, 1, 6, 9, lv("99.00", "2"), ""),
            snapshot(4, 7, lv("100.00", "1"), lv("100.01", "1")),
            depth(5, 1, 10, 12, lv("99.00", "3"), ""));
    // 3..5 is older than lastUpdateId 7; 6..9 bridges 8; the trade is not held.
    assertThat(types(SPOT, f))
        .containsExactly("TRADE@2", "DEPTH_SNAPSHOT@4", "DEPTH_UPDATE@3d", "DEPTH_UPDATE@5");
  }

  @Test
  void brokenSpotChainNamesFileAndLine() throws IOException {
    Path f =
        gz(
            tmp,
            "btcusdt_20240808.gz",
            snapshot(1, 100, lv("100.00", "1"), lv("100.01", "1")),
            depth(2, 1, 95, 105, "", ""),
            trade(3, 1, "100.00", "0.1", true),
            depth(4, 2, 106, 110, "", ""),
            depth(5, 3, 112, 120, "", ""));
    assertThatThrownBy(() -> types(SPOT, f))
        .isInstanceOf(BinanceFormatException.class)
        .hasMessage(
            "btcusdt_20240808.gz line 5: depth update chain broken: U=112 expected 111"
                + " (u=110 at btcusdt_20240808.gz line 4)")
        .extracting(e -> ((BinanceFormatException) e).line())
        .isEqualTo(5L);
  }

  @Test
  void brokenFuturesChainNamesThePreviousUpdateId() throws IOException {
    Path f =
        gz(
            tmp,
            "usdm.gz",
            snapshot(1, 100, lv("100.0", "1"), lv("100.1", "1")),
            futuresDepth(2, 1, 90, 104, 89, "", ""),
            futuresDepth(3, 2, 120, 130, 104, "", ""),
            futuresDepth(4, 3, 150, 160, 131, "", ""));
    assertThatThrownBy(() -> types(USDM, f))
        .isInstanceOf(BinanceFormatException.class)
        .hasMessage(
            "usdm.gz line 4: depth update chain broken: pu=131 expected 130 (u=130 at usdm.gz"
                + " line 3)");
  }

  @Test
  void firstUpdateMustBridgeTheSnapshot() throws IOException {
    Path f =
        gz(
            tmp,
            "gap.gz",
            snapshot(1, 100, lv("100.00", "1"), lv("100.01", "1")),
            depth(2, 1, 90, 100, "", ""),
            depth(3, 1, 103, 110, "", ""));
    assertThatThrownBy(() -> types(SPOT, f))
        .isInstanceOf(BinanceFormatException.class)
        .hasMessageStartingWith("gap.gz line 3: first depth update after the snapshot")
        .hasMessageContaining("expected U <= 101 <= u");
  }

  @Test
  void chainIsCheckedAcrossFiles() throws IOException {
    Path a =
        gz(
            tmp,
            "a.gz",
            snapshot(1, 100, lv("100.00", "1"), lv("100.01", "1")),
            depth(2, 1, 100, 105, "", ""));
    Path b = gz(tmp, "b.gz", depth(3, 2, 106, 107, "", ""), depth(4, 3, 109, 110, "", ""));
    assertThatThrownBy(() -> types(SPOT, a, b))
        .hasMessage(
            "b.gz line 2: depth update chain broken: U=109 expected 108 (u=107 at b.gz"
                + " line 1)");
    Path c = gz(tmp, "c.gz", depth(3, 2, 106, 107, "", ""), depth(4, 3, 108, 110, "", ""));
    assertThat(types(SPOT, a, c)).hasSize(4);
  }

  @Test
  void malformedJsonNamesTheLine() throws IOException {
    Path f =
        gz(
            tmp,
            "bad.gz",
            snapshot(1, 100, lv("100.00", "1"), lv("100.01", "1")),
            depth(2, 1, 100, 105, "", ""),
            "3 {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"p\":",
            depth(4, 2, 106, 107, "", ""));
    assertThatThrownBy(() -> types(SPOT, f))
        .isInstanceOf(BinanceFormatException.class)
        .hasMessageStartingWith("bad.gz line 3: malformed JSON: ");
  }

  @Test
  void otherLineProblemsNameTheLine() throws IOException {
    Path noTime = gz(tmp, "notime.gz", "{\"lastUpdateId\":1,\"bids\":[],\"asks\":[]}");
    assertThatThrownBy(() -> types(SPOT, noTime))
        .hasMessage(
            "notime.gz line 1: a line must start with the local receive time in nanoseconds,"
                + " found a JSON object");
    Path offTick =
        gz(
            tmp,
            "tick.gz",
            snapshot(1, 100, lv("100.00", "1"), lv("100.01", "1")),
            depth(2, 1, 100, 105, lv("100.005", "1"), ""));
    assertThatThrownBy(() -> types(SPOT, offTick))
        .hasMessage(
            "tick.gz line 2: field b: price \"100.005\" is not a multiple of the tick 0.01 of"
                + " BTCUSDT");
    Path missing =
        gz(
            tmp,
            "missing.gz",
            "1 {\"stream\":\"btcusdt@depth\",\"data\":{"
                + "\"e\":\"depthUpdate\",\"u\":5,\"b\":[],\"a\":[]}}");
    assertThatThrownBy(() -> types(SPOT, missing))
        .hasMessage("missing.gz line 1: message without field \"U\"");
    Path twoOnALine =
        gz(tmp, "two.gz", trade(1, 1, "1.00", "1", true) + " " + trade(2, 1, "1.00", "1", true));
    assertThatThrownBy(() -> types(SPOT, twoOnALine))
        .hasMessage("two.gz line 1: more than one message on the line");
    Path text = gz(tmp, "text.gz", trade(1, 1, "1.00", "1", true), "garbage here");
    assertThatThrownBy(() -> types(SPOT, text))
        .hasMessageStartingWith("text.gz line 2: malformed JSON");
  }

  @Test
  void otherStreamsAreSkippedAndTradesDecoded() throws IOException {
    Path f =
        gz(
            tmp,
            "mixed.gz",
            "1 {\"stream\":\"btcusdt@aggTrade\",\"data\":{\"e\":\"aggTrade\",\"a\":5,\"p\":\"1.00\"}}",
            trade(2, 1_700, "61837.63", "0.02", true),
            "3 {\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":9,\"s\":\"BTCUSDT\","
                + "\"b\":\"61837.63\",\"B\":\"3.78826\",\"a\":\"61837.64\",\"A\":\"1.5\"}}",
            "4 {\"stream\":\"btcusdt@markPrice\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":5,"
                + "\"s\":\"BTCUSDT\",\"p\":\"61837.63456\",\"T\":99}}");
    try (BinanceReader r = BinanceReader.open(SPOT, f)) {
      BinanceMessage m = r.message();
      assertThat(r.next()).isTrue();
      assertThat(m.type()).isEqualTo(BinanceMessageType.TRADE);
      assertThat(m.price()).isEqualTo(6_183_763);
      assertThat(m.size()).isEqualTo(2_000);
      assertThat(m.aggressor()).isEqualTo(Side.ASK);
      assertThat(m.exchangeTimeMillis()).isEqualTo(1_700);
      assertThat(m.receiveTimeNanos()).isEqualTo(2);
      assertThat(r.next()).isTrue();
      assertThat(m.type()).isEqualTo(BinanceMessageType.BOOK_TICKER);
      assertThat(m.bidPrice(0)).isEqualTo(6_183_763);
      assertThat(m.askSize(0)).isEqualTo(150_000);
      assertThat(m.finalUpdateId()).isEqualTo(9);
      assertThat(r.next()).isTrue();
      assertThat(m.type()).isEqualTo(BinanceMessageType.MARK_PRICE);
      assertThat(m.price()).isEqualTo(6_183_763);
      assertThat(m.exchangeTimeMillis()).isEqualTo(5);
      assertThat(r.next()).isFalse();
      assertThat(r.otherMessages()).isEqualTo(1);
    }
  }

  @Test
  void plainTextCapturesAreReadToo() throws IOException {
    Path f = tmp.resolve("plain.txt");
    java.nio.file.Files.writeString(
        f,
        snapshot(1, 100, lv("100.00", "1"), lv("100.01", "1"))
            + "\n"
            + depth(2, 1, 100, 105, lv("100.00", "0"), "")
            + "\n");
    assertThat(types(SPOT, f)).containsExactly("DEPTH_SNAPSHOT@1", "DEPTH_UPDATE@2");
  }
}
