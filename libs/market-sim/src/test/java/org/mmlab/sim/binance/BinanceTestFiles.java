package org.mmlab.sim.binance;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** The shared Binance captures (read in place) and small synthetic captures for tests. */
final class BinanceTestFiles {
  static final String PROPERTY = "mmlab.shared.data";

  private BinanceTestFiles() {}

  /** A shared capture, e.g. {@code spot/btcusdt_20240808.gz}. */
  static Path shared(String relative) {
    String dir = System.getProperty(PROPERTY);
    if (dir == null || dir.isBlank()) {
      throw new IllegalStateException(
          "system property "
              + PROPERTY
              + " is not set: run the tests through Maven (surefire sets it to ../shared/data)"
              + " or pass -D"
              + PROPERTY
              + "=/path/to/shared/data");
    }
    Path p = Path.of(dir, "binance", relative);
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("shared Binance capture not found: " + p);
    }
    return p;
  }

  /** Writes a gzip capture, one line per argument. */
  static Path gz(Path dir, String name, String... lines) throws IOException {
    Path f = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f));
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
    return f;
  }

  /** A spot snapshot line. */
  static String snapshot(long ns, long lastUpdateId, String bids, String asks) {
    return ns
        + " {\"lastUpdateId\":"
        + lastUpdateId
        + ",\"bids\":["
        + bids
        + "],\"asks\":["
        + asks
        + "]}";
  }

  /** A spot depth update line. */
  static String depth(long ns, long eventMs, long first, long last, String bids, String asks) {
    return ns
        + " {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":"
        + eventMs
        + ",\"s\":\"BTCUSDT\",\"U\":"
        + first
        + ",\"u\":"
        + last
        + ",\"b\":["
        + bids
        + "],\"a\":["
        + asks
        + "]}}";
  }

  /** A USD-M depth update line. */
  static String futuresDepth(
      long ns, long ms, long first, long last, long prev, String bids, String asks) {
    return ns
        + " {\"stream\":\"btcusdt@depth@0ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":"
        + ms
        + ",\"T\":"
        + ms
        + ",\"s\":\"BTCUSDT\",\"U\":"
        + first
        + ",\"u\":"
        + last
        + ",\"pu\":"
        + prev
        + ",\"b\":["
        + bids
        + "],\"a\":["
        + asks
        + "]}}";
  }

  /** A spot trade line; {@code buyerMaker} true means a seller-initiated trade. */
  static String trade(long ns, long tradeMs, String price, String qty, boolean buyerMaker) {
    return ns
        + " {\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":"
        + tradeMs
        + ",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\""
        + price
        + "\",\"q\":\""
        + qty
        + "\",\"T\":"
        + tradeMs
        + ",\"m\":"
        + buyerMaker
        + ",\"M\":true}}";
  }

  /** A level {@code ["price","qty"]}. */
  static String lv(String price, String qty) {
    return "[\"" + price + "\",\"" + qty + "\"]";
  }
}
