package org.mmlab.bench;

import java.util.concurrent.TimeUnit;
import org.mmlab.bench.engine.CountingListener;
import org.mmlab.bench.engine.EngineCommandStream;
import org.mmlab.lob.OrderBook;
import org.mmlab.lob.ReferenceOrderBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-threaded throughput of the matching engine on the exchange-core style command mix (see
 * {@link EngineCommandStream}: ~71% move, 13% new GTC, 7% cancel, 7% size reduce, 2% IOC, ~1,000
 * resting orders over ~250 levels a side).
 *
 * <p>Each invocation replays the whole pre-generated measured stream ({@value #COMMANDS} commands)
 * on a book reset to the stream's start state; the reset runs in an invocation-level setup, outside
 * the measured region (an invocation lasts tens of milliseconds, so the per-invocation timing
 * overhead is negligible). Scores are commands per second. The fast book must show {@code
 * gc.alloc.rate.norm} ~0 B/op under {@code -prof gc}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark -f 1 -wi 3 -i 5
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark.orderBook -f 1 -wi 3 -i 5 -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineBenchmark {
  /** Measured commands per invocation. */
  public static final int COMMANDS = 1_000_000;

  private static final long SEED = 20_240_601L;

  /** The fast book and its stream. */
  @State(Scope.Thread)
  public static class FastState {
    EngineCommandStream stream;
    OrderBook book;
    CountingListener listener;

    /** Generates the stream and warms the book's pools. */
    @Setup(Level.Trial)
    public void generate() {
      stream = EngineCommandStream.generate(COMMANDS, SEED);
      book = new OrderBook(4_096, 1_024);
      listener = new CountingListener();
      book.addListener(listener);
    }

    /** Puts the book back in the stream's start state (not measured). */
    @Setup(Level.Invocation)
    public void reset() {
      stream.reset(book);
    }
  }

  /** The reference book, for comparison. */
  @State(Scope.Thread)
  public static class ReferenceState {
    EngineCommandStream stream;
    ReferenceOrderBook book;
    CountingListener listener;

    /** Generates the stream. */
    @Setup(Level.Trial)
    public void generate() {
      stream = EngineCommandStream.generate(COMMANDS, SEED);
      book = new ReferenceOrderBook();
      listener = new CountingListener();
      book.addListener(listener);
    }

    /** Puts the book back in the stream's start state (not measured). */
    @Setup(Level.Invocation)
    public void reset() {
      stream.reset(book);
    }
  }

  /**
   * Replays the measured stream on {@link OrderBook}.
   *
   * @param s state
   * @return a value depending on every event, so nothing is dead code
   */
  @Benchmark
  @OperationsPerInvocation(COMMANDS)
  public long orderBook(FastState s) {
    final EngineCommandStream stream = s.stream;
    final OrderBook book = s.book;
    for (int i = stream.measuredStart; i < stream.length; i++) {
      stream.apply(book, i);
    }
    return s.listener.checksum() + book.orderCount();
  }

  /**
   * Replays the measured stream on {@link ReferenceOrderBook}.
   *
   * @param s state
   * @return a value depending on every event
   */
  @Benchmark
  @OperationsPerInvocation(COMMANDS)
  public long referenceOrderBook(ReferenceState s) {
    final EngineCommandStream stream = s.stream;
    final ReferenceOrderBook book = s.book;
    for (int i = stream.measuredStart; i < stream.length; i++) {
      stream.apply(book, i);
    }
    return s.listener.checksum() + book.orderCount();
  }
}
