package org.mmlab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mmlab.sim.lobster.LobsterBook;
import org.mmlab.sim.lobster.LobsterReader;
import org.mmlab.sim.lobster.LobsterReplay;
import org.mmlab.sim.lobster.LobsterRow;
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
 * Throughput of the LOBSTER reader and replay book on a whole day, straight from the vendor zip:
 * each invocation opens the archive, unzips and parses every message and orderbook row ({@code
 * parse}), or also rebuilds the order book and takes the levels entering the window from the
 * orderbook file ({@code replay}).
 *
 * <p>The primary score is days per second; the {@code messages} secondary score is messages per
 * second (rows of the message file). The archive is the {@code zip} parameter, relative to the
 * working directory (run from the project root), or the system property {@code mmlab.lobster.zip}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar LobsterReplay -f 1 -wi 3 -i 5
 * java -jar benchmarks/target/benchmarks.jar LobsterReplay -p zip=/path/to/LOBSTER_SampleFile_AAPL_2012-06-21_1.zip
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
public class LobsterReplayBenchmark {

  /** The LOBSTER archive to read. */
  @Param({"../shared/data/lobster/LOBSTER_SampleFile_AMZN_2012-06-21_5.zip"})
  public String zip;

  private Path path;

  /** Resolves the archive and fails early with a clear message when it is missing. */
  @Setup(Level.Trial)
  public void locate() {
    path = Path.of(System.getProperty("mmlab.lobster.zip", zip)).toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(
          "LOBSTER archive not found: "
              + path
              + " (run from the project root, or pass -p zip=... or -Dmmlab.lobster.zip=...)");
    }
  }

  /**
   * Unzips and parses the whole day into the reusable row cursor.
   *
   * @param counter messages counter
   * @return a checksum of the parsed fields, so nothing is optimised away
   * @throws IOException on a read error
   */
  @Benchmark
  public long parse(MessageCounter counter) throws IOException {
    long sum = 0;
    long rows = 0;
    try (LobsterReader reader = LobsterReader.open(path)) {
      LobsterRow row = reader.row();
      int last = reader.levels() - 1;
      while (reader.next()) {
        sum +=
            row.timeNanos()
                + row.orderId()
                + row.size()
                + row.price()
                + row.askPrice(0)
                + row.bidSize(last);
        rows++;
      }
    }
    counter.messages += rows;
    return sum;
  }

  /**
   * Unzips and parses the whole day and replays it into the order-level book.
   *
   * @param counter messages counter
   * @return a checksum of the book, so nothing is optimised away
   * @throws IOException on a read error
   */
  @Benchmark
  public long replay(MessageCounter counter) throws IOException {
    long sum = 0;
    try (LobsterReplay replay = LobsterReplay.open(path)) {
      LobsterBook book = replay.book();
      while (replay.next()) {
        sum += book.bestBid() + book.size(LobsterBook.ASK, 0);
      }
      counter.messages += replay.rows();
      sum += replay.refreshedRows();
    }
    return sum;
  }
}
