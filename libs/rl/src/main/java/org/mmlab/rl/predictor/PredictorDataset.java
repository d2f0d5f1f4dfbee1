package org.mmlab.rl.predictor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.mmlab.lob.Side;
import org.mmlab.sim.BookSnapshot;
import org.mmlab.sim.Market;
import org.mmlab.sim.MarketConditions;
import org.mmlab.sim.MarketListener;
import org.mmlab.sim.binance.BinanceCaptureInfo;
import org.mmlab.sim.binance.BinanceInstruments;
import org.mmlab.sim.binance.BinanceMarket;
import org.mmlab.sim.core.Durations;
import org.mmlab.sim.lobster.LobsterMarket;
import org.mmlab.sim.market.MarketFactory;
import org.mmlab.strategy.features.FeatureConfig;
import org.mmlab.strategy.features.FeatureEngine;

/**
 * The predictor's samples from a market, one per top-of-book event in time order: the input of
 * {@link PredictorInput} right after the event, and the mid after it (labels are made from the mids
 * by {@link Labels}).
 *
 * <p>The market is any spec of {@code --market}. A replay ({@code lobster:PATH}, {@code
 * binance:PATH}) is read from its first usable moment (for LOBSTER 09:35, after the five minutes in
 * which the replayed book still holds anonymous pre-open orders; for Binance the synchronisation
 * point) to its end; a model ({@code zi}, {@code hawkes}, {@code as}) runs for {@code
 * simulatedNanos} from the seed. Either stops after {@code maxEvents} events. The market is seen
 * exactly as an agent sees it, through the market-data latency of {@link MarketConditions#DEFAULT},
 * with the default feature windows.
 *
 * @param spec the market spec
 * @param inputs row-major inputs, {@code size × PredictorInput.SIZE}
 * @param mids the mid after each event, ticks
 * @param times event times, nanoseconds
 * @param size events
 */
public record PredictorDataset(String spec, float[] inputs, double[] mids, long[] times, int size) {

  /** Upper bound on events, to bound memory (about 80 bytes per event). */
  public static final int MAX_EVENTS = 20_000_000;

  /**
   * Records a market.
   *
   * @param spec market spec
   * @param horizon the predictor's horizon {@code H} (some inputs look back {@code H} events)
   * @param maxEvents stop after this many events, {@code > 0}
   * @param simulatedNanos how long a model runs (replays run to their end), {@code > 0}
   * @param seed the model's seed (ignored by replays)
   * @return the dataset
   * @throws IllegalArgumentException naming what is wrong with the spec or data
   */
  public static PredictorDataset record(
      String spec, int horizon, int maxEvents, long simulatedNanos, long seed) {
    if (horizon <= 0) {
      throw new IllegalArgumentException("--horizon must be > 0 events, got " + horizon);
    }
    if (maxEvents <= 0 || maxEvents > MAX_EVENTS) {
      throw new IllegalArgumentException(
          "--max-events must be in 1.." + MAX_EVENTS + ", got " + maxEvents);
    }
    if (simulatedNanos <= 0) {
      throw new IllegalArgumentException("--duration must be positive");
    }
    MarketConditions conditions = MarketConditions.DEFAULT;
    Market market = open(spec, conditions);
    boolean replay = spec.startsWith("lobster:") || spec.startsWith("binance:");
    Recorder recorder = new Recorder(horizon, maxEvents);
    try {
      market.setListener(recorder);
      market.reset(seed);
      long start = market.now();
      long t = start;
      long end = replay ? Long.MAX_VALUE : start + simulatedNanos;
      while (!market.exhausted() && recorder.size < maxEvents && t < end) {
        t = Math.min(end, t + Durations.SECOND);
        market.advanceTo(t);
        recorder.features.advanceTime(market.now());
      }
    } finally {
      if (market instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          // The data is read; a failing close loses nothing.
        }
      }
    }
    if (recorder.size == 0) {
      throw new IllegalArgumentException("--data " + spec + " produced no two-sided book");
    }
    int n = recorder.size;
    return new PredictorDataset(
        spec,
        Arrays.copyOf(recorder.inputs, n * PredictorInput.SIZE),
        Arrays.copyOf(recorder.mids, n),
        Arrays.copyOf(recorder.times, n),
        n);
  }

  private static Market open(String spec, MarketConditions conditions) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("--data is required");
    }
    // A replay is read whole: episodes "as long as the day" pin the start to the first usable
    // moment instead of a seeded draw.
    if (spec.startsWith("lobster:") && spec.length() > "lobster:".length()) {
      return LobsterMarket.open(
          spec, Path.of(spec.substring("lobster:".length())), conditions, Long.MAX_VALUE / 4);
    }
    if (spec.startsWith("binance:") && spec.length() > "binance:".length()) {
      List<Path> files = BinanceMarket.resolve(spec.substring("binance:".length()));
      BinanceCaptureInfo info;
      try {
        info = BinanceCaptureInfo.probe(files.get(0));
      } catch (IOException e) {
        throw new IllegalArgumentException("market " + spec + ": " + e.getMessage());
      }
      return new BinanceMarket(
          spec, files, BinanceInstruments.of(info), conditions, Long.MAX_VALUE / 4);
    }
    return MarketFactory.create(spec, conditions);
  }

  /**
   * The input row of an event.
   *
   * @param i event index
   * @param out receives {@link PredictorInput#SIZE} values
   */
  public void input(int i, float[] out) {
    System.arraycopy(inputs, i * PredictorInput.SIZE, out, 0, PredictorInput.SIZE);
  }

  /** Listens as an agent would and keeps one row per event. */
  private static final class Recorder implements MarketListener {
    final FeatureEngine features = new FeatureEngine(FeatureConfig.defaults());
    final EventHistory history;
    final float[] row = new float[PredictorInput.SIZE];
    final int horizon;
    final int maxEvents;
    float[] inputs = new float[1024 * PredictorInput.SIZE];
    double[] mids = new double[1024];
    long[] times = new long[1024];
    int size;

    Recorder(int horizon, int maxEvents) {
      this.history = new EventHistory(horizon);
      this.horizon = horizon;
      this.maxEvents = maxEvents;
    }

    @Override
    public void onBook(long t, BookSnapshot book) {
      features.onBook(
          t,
          book.bidPrices(),
          book.bidSizes(),
          book.bidLevels(),
          book.askPrices(),
          book.askSizes(),
          book.askLevels());
      boolean event =
          history.onTopOfBook(
              t, book.bestBid(), book.bestBidSize(), book.bestAsk(), book.bestAskSize());
      if (!event || !history.hasMid() || size >= maxEvents) {
        return;
      }
      if (size == mids.length) {
        int cap = mids.length * 2;
        inputs = Arrays.copyOf(inputs, cap * PredictorInput.SIZE);
        mids = Arrays.copyOf(mids, cap);
        times = Arrays.copyOf(times, cap);
      }
      PredictorInput.fill(features, history, horizon, row);
      System.arraycopy(row, 0, inputs, size * PredictorInput.SIZE, PredictorInput.SIZE);
      mids[size] = history.mid();
      times[size] = t;
      size++;
    }

    @Override
    public void onTrade(long t, long price, long size, Side aggressor) {
      features.onTrade(t, price, size, aggressor == Side.BID);
    }
  }
}
