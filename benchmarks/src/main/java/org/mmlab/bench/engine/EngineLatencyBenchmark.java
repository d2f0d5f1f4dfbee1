package org.mmlab.bench.engine;

import org.HdrHistogram.Histogram;
import org.mmlab.lob.OrderBook;
import org.mmlab.lob.Side;

/**
 * Per-command latency of {@link OrderBook} on the {@link EngineCommandStream} mix, recorded in
 * HdrHistograms (overall and per command type) and printed as percentiles. Each command is timed on
 * its own with {@link System#nanoTime()}, so the figures include one timer read (the measured timer
 * overhead is printed too). Warm-up passes run first; the book is reset to the stream's start state
 * before every pass, outside the timed region.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.mmlab.bench.engine.EngineLatencyBenchmark [passes]
 * </pre>
 */
public final class EngineLatencyBenchmark {
  private static final long HIGHEST_NANOS = 10_000_000_000L;

  private EngineLatencyBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional number of measured passes over the stream (default 5)
   */
  public static void main(String[] args) {
    final int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    final int warmUpPasses = 5;
    final EngineCommandStream stream = EngineCommandStream.generate(1_000_000, 20_240_601L);
    final OrderBook book = new OrderBook(4_096, 1_024);
    final CountingListener listener = new CountingListener();
    book.addListener(listener);

    describe(stream, book, listener);

    final Histogram all = new Histogram(HIGHEST_NANOS, 3);
    final Histogram[] byOp = new Histogram[EngineCommandStream.OP_NAMES.length];
    for (int k = 0; k < byOp.length; k++) {
      byOp[k] = new Histogram(HIGHEST_NANOS, 3);
    }
    for (int pass = 0; pass < warmUpPasses + passes; pass++) {
      if (pass == warmUpPasses) {
        all.reset();
        for (Histogram h : byOp) {
          h.reset();
        }
      }
      stream.reset(book);
      runTimed(stream, book, all, byOp);
    }

    final Histogram overhead = new Histogram(HIGHEST_NANOS, 3);
    for (int i = 0; i < 5_000_000; i++) {
      final long t0 = System.nanoTime();
      overhead.recordValue(System.nanoTime() - t0);
    }

    System.out.printf(
        "%nlatency per command, ns (%d passes x %,d commands, after %d warm-up passes)%n",
        passes, stream.measuredLength(), warmUpPasses);
    System.out.printf(
        "%-10s %12s %8s %8s %8s %8s %8s %8s %10s%n",
        "command", "count", "mean", "p50", "p90", "p99", "p99.9", "p99.99", "max");
    print("all", all);
    for (int k = 0; k < byOp.length; k++) {
      print(EngineCommandStream.OP_NAMES[k], byOp[k]);
    }
    print("nanoTime", overhead);
    System.out.println("(checksum " + listener.checksum() + ")");
  }

  private static void runTimed(
      EngineCommandStream stream, OrderBook book, Histogram all, Histogram[] byOp) {
    final byte[] ops = stream.op;
    for (int i = stream.measuredStart; i < stream.length; i++) {
      final long t0 = System.nanoTime();
      stream.apply(book, i);
      final long dt = System.nanoTime() - t0;
      all.recordValue(dt);
      byOp[ops[i]].recordValue(dt);
    }
  }

  private static void print(String name, Histogram h) {
    System.out.printf(
        "%-10s %,12d %8.1f %8d %8d %8d %8d %8d %,10d%n",
        name,
        h.getTotalCount(),
        h.getMean(),
        h.getValueAtPercentile(50),
        h.getValueAtPercentile(90),
        h.getValueAtPercentile(99),
        h.getValueAtPercentile(99.9),
        h.getValueAtPercentile(99.99),
        h.getMaxValue());
  }

  /** Prints the stream's mix and the steady state it holds the book in. */
  private static void describe(EngineCommandStream stream, OrderBook book, CountingListener l) {
    final int[] mix = stream.measuredMix();
    final int n = stream.measuredLength();
    final StringBuilder sb = new StringBuilder("command mix:");
    for (int k = 0; k < mix.length; k++) {
      sb.append(String.format(" %s %.1f%%", EngineCommandStream.OP_NAMES[k], 100.0 * mix[k] / n));
    }
    System.out.println(sb);
    stream.reset(book);
    long orders = 0;
    long bidLevels = 0;
    long askLevels = 0;
    int minOrders = Integer.MAX_VALUE;
    int maxOrders = 0;
    int tradingCommands = 0;
    for (int i = stream.measuredStart; i < stream.length; i++) {
      final long before = l.trades;
      stream.apply(book, i);
      if (l.trades != before) {
        tradingCommands++;
      }
      if ((i & 1023) == 0) {
        orders += book.orderCount();
        bidLevels += book.levelCount(Side.BID);
        askLevels += book.levelCount(Side.ASK);
        minOrders = Math.min(minOrders, book.orderCount());
        maxOrders = Math.max(maxOrders, book.orderCount());
      }
    }
    final int samples = (n + 1023) / 1024;
    System.out.printf(
        "steady state: resting orders avg %d (min %d, max %d), levels avg %d bid / %d ask,"
            + " trading commands %.2f%%%n",
        orders / samples,
        minOrders,
        maxOrders,
        bidLevels / samples,
        askLevels / samples,
        100.0 * tradingCommands / n);
  }
}
