package org.mmlab.sim.binance;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the first lines of a capture file say about it, read before the instrument is known (so
 * before a {@link BinanceReader} can convert anything): the venue, the symbol, and the price and
 * quantity steps implied by the snapshot — the greatest common divisor of its prices and of its
 * quantities (on the shared BTCUSDT captures: 0.01 and 0.00001 for spot, 0.1 and 0.001 for USD-M).
 *
 * @param venue spot or USD-M futures (from the first depth update: futures ones carry {@code pu})
 * @param symbol the symbol {@code s} of the first depth update
 * @param priceStep the GCD of the snapshot's prices, or null when the probed lines hold no snapshot
 * @param quantityStep the GCD of the snapshot's non-zero quantities, or null without a snapshot
 */
public record BinanceCaptureInfo(
    BinanceVenue venue, String symbol, BigDecimal priceStep, BigDecimal quantityStep) {

  /** Lines read at most by {@link #probe}. */
  public static final int PROBE_LINES = 100_000;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * Reads the first lines of a capture file (up to the snapshot and the first depth update).
   *
   * @param file a capture file, gzip or plain
   * @return what it holds
   * @throws BinanceFormatException when no depth update is found or a line is not JSON
   * @throws IOException on a read error
   */
  public static BinanceCaptureInfo probe(Path file) throws IOException {
    String name = file.getFileName().toString();
    BinanceVenue venue = null;
    String symbol = null;
    BigDecimal priceStep = null;
    BigDecimal quantityStep = null;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
      String line;
      long n = 0;
      while ((line = in.readLine()) != null && n < PROBE_LINES) {
        n++;
        int sp = line.indexOf(' ');
        if (sp < 0) {
          continue;
        }
        JsonNode root;
        try {
          root = JSON.readTree(line.substring(sp + 1));
        } catch (JacksonException e) {
          throw new BinanceFormatException(name, n, "malformed JSON: " + e.getOriginalMessage());
        }
        if (root.has("lastUpdateId")) {
          if (priceStep == null) {
            BigDecimal[] steps = steps(root);
            priceStep = steps[0];
            quantityStep = steps[1];
          }
        } else {
          JsonNode data = root.has("data") ? root.get("data") : root;
          if (venue == null && "depthUpdate".equals(data.path("e").asString(""))) {
            venue = data.has("pu") ? BinanceVenue.USDM_FUTURES : BinanceVenue.SPOT;
            symbol = data.path("s").asString("");
          }
        }
        if (venue != null && priceStep != null) {
          break;
        }
      }
    }
    if (venue == null) {
      throw new BinanceFormatException(
          name,
          0,
          "no depth update (\"e\":\"depthUpdate\") in the first lines: not a depth capture");
    }
    return new BinanceCaptureInfo(venue, symbol, priceStep, quantityStep);
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
  }

  private static BigDecimal[] steps(JsonNode snapshot) {
    BigInteger pg = BigInteger.ZERO;
    BigInteger qg = BigInteger.ZERO;
    int scale = 18;
    for (String side : new String[] {"bids", "asks"}) {
      for (JsonNode level : snapshot.path(side)) {
        BigDecimal p = new BigDecimal(level.path(0).asString("0")).setScale(scale);
        BigDecimal q = new BigDecimal(level.path(1).asString("0")).setScale(scale);
        pg = pg.gcd(p.unscaledValue());
        qg = qg.gcd(q.unscaledValue());
      }
    }
    BigDecimal ps = pg.signum() == 0 ? null : new BigDecimal(pg, scale).stripTrailingZeros();
    BigDecimal qs = qg.signum() == 0 ? null : new BigDecimal(qg, scale).stripTrailingZeros();
    return new BigDecimal[] {ps, qs};
  }

  /**
   * The last receive time of a capture file: the number starting its last line. Reads (and
   * decompresses) the whole file without parsing the JSON.
   *
   * @param file a capture file, gzip or plain
   * @return nanoseconds since the epoch, or -1 for an empty file
   * @throws IOException on a read error
   */
  public static long lastReceiveTimeNanos(Path file) throws IOException {
    long last = -1;
    long current = 0;
    boolean lineStart = true;
    boolean inNumber = false;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = open(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b == '\n') {
            lineStart = true;
            inNumber = false;
          } else if (lineStart) {
            if (b >= '0' && b <= '9') {
              current = b - '0';
              inNumber = true;
            }
            lineStart = false;
          } else if (inNumber) {
            if (b >= '0' && b <= '9') {
              current = current * 10 + (b - '0');
            } else {
              inNumber = false;
              last = current;
            }
          }
        }
      }
    }
    return last;
  }
}
