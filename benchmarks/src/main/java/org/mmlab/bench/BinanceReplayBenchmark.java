package org.mmlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mmlab.lob.Side;
import org.mmlab.sim.Instrument;
import org.mmlab.sim.binance.BinanceBook;
import org.mmlab.sim.binance.BinanceCaptureInfo;
import org.mmlab.sim.binance.BinanceInstruments;
import org.mmlab.sim.binance.BinanceMessage;
import org.mmlab.sim.binance.BinanceReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of the Binance capture reader and L2 replay book on a whole capture file, straight
 * from the gzip: each invocation opens the file, decompresses and decodes every line and checks the
 * depth update chain ({@code parse}), or also applies the snapshot and every depth update to a
 * {@link BinanceBook} ({@code replay}).
 *
 * <p>The primary score is files per second; the {@code messages} secondary score is messages
 * (lines) per second. The file is the {@code file} parameter, relative to the working directory
 * (run from the project root), or the system property {@code mmlab.binance.file}; the default is
 * the USD-M capture (93,954 lines).
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar BinanceReplay -f 1 -wi 2 -i 3
 * java -jar benchmarks/target/benchmarks.jar BinanceReplay -p file=../shared/data/binance/spot/btcusdt_20240808.gz
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@State(Scope.Benchmark)
public class BinanceReplayBenchmark {

  /** The capture file to read. */
  @Param({"../shared/data/binance/usdm/btcusdt_20240808.gz"})
  public String file;

  private List<Path> files;
  private Instrument instrument;

  /**
   * Resolves the file and its instrument, and fails early with a clear message when it is missing.
   *
   * @throws IOException when the file cannot be probed
   */
  @Setup(Level.Trial)
  public void locate() throws IOException {
    Path path =
        Path.of(System.getProperty("mmlab.binance.file", file)).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          "Binance capture not found: "
              + path
              + " (run from the project root, or pass -p file=... or -Dmmlab.binance.file=...)");
    }
    files = List.of(path);
    instrument = BinanceInstruments.of(BinanceCaptureInfo.probe(path));
  }

  /**
   * Decompresses and decodes the whole file into the reusable cursor, checking the depth chain.
   *
   * @param counter messages counter
   * @return a checksum of decoded fields, so nothing is optimised away
   * @throws IOException on a read error
   */
  @Benchmark
  public long parse(MessageCounter counter) throws IOException {
    long sum = 0;
    try (BinanceReader reader = BinanceReader.open(instrument, files)) {
      BinanceMessage m = reader.message();
      while (reader.next()) {
        sum += m.receiveTimeNanos() + m.price() + m.bidCount() + m.askCount();
      }
      counter.messages += reader.lines();
    }
    return sum;
  }

  /**
   * Decompresses and decodes the whole file and replays its depth into the L2 book.
   *
   * @param counter messages counter
   * @return a checksum of the book, so nothing is optimised away
   * @throws IOException on a read error
   */
  @Benchmark
  public long replay(MessageCounter counter) throws IOException {
    long sum = 0;
    BinanceBook book = new BinanceBook();
    try (BinanceReader reader = BinanceReader.open(instrument, files)) {
      BinanceMessage m = reader.message();
      while (reader.next()) {
        book.apply(m);
        sum += book.bestBid() + book.levels(Side.ASK);
      }
      counter.messages += reader.lines();
    }
    return sum;
  }
}
