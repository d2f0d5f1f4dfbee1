package org.mmlab.bench.engine;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.mmlab.lob.LimitOrderBook;
import org.mmlab.lob.OrderBook;
import org.mmlab.lob.OrderBookListener;
import org.mmlab.lob.OrderType;
import org.mmlab.lob.Side;

/**
 * A pre-generated, replayable command stream in the style of exchange-core's benchmarks: about 71%
 * moves (replace to a new price), 13% new GTC limit orders, 7% cancels, 7% size reductions and 2%
 * IOC orders, on a book held near 1,000 resting orders spread over about 250 price levels a side.
 * Resting orders are placed around a fixed mid and never cross, so the IOCs are the only trading
 * commands (~2%); the IOC size is steered to keep the order count steady.
 *
 * <p>Commands are primitive arrays. The stream has a prefix (the initial book plus a warm-up period
 * that reaches the steady state) and a measured part; {@link #reset} replays the prefix so that the
 * measured part can be replayed again and again from the identical state.
 */
public final class EngineCommandStream {
  /** Op code: new GTC limit order. */
  public static final byte GTC = 0;

  /** Op code: new IOC order. */
  public static final byte IOC = 1;

  /** Op code: cancel. */
  public static final byte CANCEL = 2;

  /** Op code: replace to a new price, same size (loses priority). */
  public static final byte MOVE = 3;

  /** Op code: replace to a smaller size, same price (keeps priority). */
  public static final byte REDUCE = 4;

  /** Names of the op codes, by code. */
  public static final String[] OP_NAMES = {"new GTC", "IOC", "cancel", "move", "reduce"};

  private static final long MID = 1_000_000;
  private static final int HALF_WIDTH = 300; // price range a side, in ticks from mid
  private static final int TARGET_ORDERS = 1_000;
  private static final int OWNERS = 64;
  private static final long IOC_OWNER = 1_000; // never rests, so no self-trade cancels

  /** Op code of each command. */
  public final byte[] op;

  /** Order id of each command. */
  public final long[] orderId;

  /** Owner of each submit. */
  public final long[] owner;

  /** Limit price of each submit, new price of each replace. */
  public final long[] price;

  /** Size of each submit, new size of each replace. */
  public final long[] size;

  /** Side of each submit: 0 bid, 1 ask. */
  public final byte[] side;

  /** Index of the first measured command; commands before it only build the initial state. */
  public final int measuredStart;

  /** Number of commands, prefix included. */
  public final int length;

  private EngineCommandStream(int capacity, int measuredStart, int length) {
    this.op = new byte[capacity];
    this.orderId = new long[capacity];
    this.owner = new long[capacity];
    this.price = new long[capacity];
    this.size = new long[capacity];
    this.side = new byte[capacity];
    this.measuredStart = measuredStart;
    this.length = length;
  }

  /**
   * Number of measured commands.
   *
   * @return {@code length - measuredStart}
   */
  public int measuredLength() {
    return length - measuredStart;
  }

  /**
   * Generates a stream.
   *
   * @param measured number of measured commands
   * @param seed random seed
   * @return the stream
   */
  public static EngineCommandStream generate(int measured, long seed) {
    return new Generator(seed).run(measured);
  }

  /**
   * Clears {@code book} and replays the prefix, leaving it in the measured part's start state.
   *
   * @param book the book
   */
  public void reset(OrderBook book) {
    book.clear();
    for (int i = 0; i < measuredStart; i++) {
      apply(book, i);
    }
  }

  /**
   * Clears {@code book} and replays the prefix (any implementation).
   *
   * @param book the book
   */
  public void reset(LimitOrderBook book) {
    book.clear();
    for (int i = 0; i < measuredStart; i++) {
      apply(book, i);
    }
  }

  /**
   * Applies command {@code i}; typed to the concrete class so the call is direct.
   *
   * @param book the book
   * @param i command index
   */
  public void apply(OrderBook book, int i) {
    switch (op[i]) {
      case GTC:
        book.submit(
            orderId[i],
            owner[i],
            side[i] == 0 ? Side.BID : Side.ASK,
            OrderType.LIMIT,
            price[i],
            size[i]);
        break;
      case IOC:
        book.submit(
            orderId[i],
            owner[i],
            side[i] == 0 ? Side.BID : Side.ASK,
            OrderType.IOC,
            price[i],
            size[i]);
        break;
      case CANCEL:
        book.cancel(orderId[i]);
        break;
      default:
        book.replace(orderId[i], price[i], size[i]);
    }
  }

  /**
   * Applies command {@code i} to any implementation.
   *
   * @param book the book
   * @param i command index
   */
  public void apply(LimitOrderBook book, int i) {
    switch (op[i]) {
      case GTC:
        book.submit(
            orderId[i],
            owner[i],
            side[i] == 0 ? Side.BID : Side.ASK,
            OrderType.LIMIT,
            price[i],
            size[i]);
        break;
      case IOC:
        book.submit(
            orderId[i],
            owner[i],
            side[i] == 0 ? Side.BID : Side.ASK,
            OrderType.IOC,
            price[i],
            size[i]);
        break;
      case CANCEL:
        book.cancel(orderId[i]);
        break;
      default:
        book.replace(orderId[i], price[i], size[i]);
    }
  }

  /**
   * Counts of each op code among the measured commands.
   *
   * @return counts indexed by op code
   */
  public int[] measuredMix() {
    int[] counts = new int[OP_NAMES.length];
    for (int i = measuredStart; i < length; i++) {
      counts[op[i]]++;
    }
    return counts;
  }

  /** Builds the stream by driving a real book and tracking which orders rest. */
  private static final class Generator implements OrderBookListener {
    private final SplittableRandom random;
    private final OrderBook book = new OrderBook(4 * TARGET_ORDERS, 2 * HALF_WIDTH);
    // Resting ids, dense, for uniform random picks (setup code: boxing is fine here).
    private long[] resting = new long[4 * TARGET_ORDERS];
    private int restingCount;
    private final Map<Long, Integer> restingIndex = new HashMap<>();
    private long nextId = 1;
    private EngineCommandStream out;
    private int n;
    private final long[] depthPrices = new long[4 * HALF_WIDTH];
    private final long[] depthSizes = new long[4 * HALF_WIDTH];
    long trades;

    Generator(long seed) {
      this.random = new SplittableRandom(seed);
      book.addListener(this);
    }

    EngineCommandStream run(int measured) {
      final int prefill = TARGET_ORDERS;
      final int warmUp = 200_000;
      final int total = prefill + warmUp + measured;
      out = new EngineCommandStream(total, prefill + warmUp, total);
      for (int i = 0; i < prefill; i++) {
        newGtc(i % 2 == 0 ? Side.BID : Side.ASK);
      }
      while (n < total) {
        int r = random.nextInt(100);
        if (r < 71) {
          move();
        } else if (r < 84) {
          newGtc(random.nextBoolean() ? Side.BID : Side.ASK);
        } else if (r < 91) {
          cancel();
        } else if (r < 98) {
          reduce();
        } else {
          ioc();
        }
      }
      return out;
    }

    /** Distance from mid: half uniform over the book, half concentrated near the inside. */
    private long price(Side s) {
      final double u = random.nextDouble();
      final int d =
          random.nextBoolean() ? 1 + random.nextInt(HALF_WIDTH) : 1 + (int) (u * u * HALF_WIDTH);
      return s == Side.BID ? MID - d : MID + d;
    }

    private void emit(byte code, long id, long own, long p, long sz, Side s) {
      out.op[n] = code;
      out.orderId[n] = id;
      out.owner[n] = own;
      out.price[n] = p;
      out.size[n] = sz;
      out.side[n] = (byte) (s == Side.BID ? 0 : 1);
      out.apply(book, n);
      n++;
    }

    private void newGtc(Side s) {
      final long id = nextId++;
      emit(GTC, id, 1 + random.nextInt(OWNERS), price(s), 1 + random.nextInt(100), s);
      if (book.remainingSize(id) > 0) {
        add(id);
      }
    }

    private long pick() {
      return resting[random.nextInt(restingCount)];
    }

    private void move() {
      final long id = pick();
      final long old = book.orderPrice(id);
      final Side s = old < MID ? Side.BID : Side.ASK;
      long p = price(s);
      if (p == old) {
        p = s == Side.BID ? Math.max(MID - HALF_WIDTH, p - 1) : Math.min(MID + HALF_WIDTH, p + 1);
        if (p == old) {
          p = s == Side.BID ? p + 1 : p - 1;
        }
      }
      emit(MOVE, id, 0, p, book.remainingSize(id), s);
    }

    private void cancel() {
      final long id = pick();
      emit(CANCEL, id, 0, 0, 0, Side.BID);
      remove(id);
    }

    private void reduce() {
      final long id = pick();
      final long size = book.remainingSize(id);
      final long newSize = size <= 1 ? 1 : size - 1 - random.nextLong(size / 2);
      emit(REDUCE, id, 0, book.orderPrice(id), Math.max(1, newSize), Side.BID);
    }

    private void ioc() {
      final Side s = random.nextBoolean() ? Side.BID : Side.ASK;
      final Side opposite = s.opposite();
      final int levels = book.depth(opposite, depthPrices.length, depthPrices, depthSizes);
      if (levels == 0) {
        newGtc(opposite);
        return;
      }
      // Steer: take ~3 orders' worth at the target count, more above it, fewer below.
      final long excess = restingCount - TARGET_ORDERS;
      final long ordersToTake = Math.max(1, Math.min(15, 3 + excess / 20));
      long restingSize = 0;
      for (int i = 0; i < levels; i++) {
        restingSize += depthSizes[i];
      }
      final int sideOrders = Math.max(1, restingCount / 2);
      final long size = Math.max(1, ordersToTake * restingSize / sideOrders);
      final long limit = s == Side.BID ? depthPrices[0] + 20 : depthPrices[0] - 20;
      emit(IOC, nextId++, IOC_OWNER, limit, size, s);
    }

    private void add(long id) {
      if (restingCount == resting.length) {
        resting = Arrays.copyOf(resting, restingCount * 2);
      }
      restingIndex.put(id, restingCount);
      resting[restingCount++] = id;
    }

    private void remove(long id) {
      final Integer index = restingIndex.remove(id);
      if (index == null) {
        return;
      }
      final long last = resting[--restingCount];
      if (last != id) {
        resting[index] = last;
        restingIndex.put(last, index);
      }
    }

    @Override
    public void onTrade(
        long makerOrderId,
        long takerOrderId,
        long makerOwner,
        long takerOwner,
        long price,
        long size,
        Side aggressorSide,
        long makerRemaining,
        long takerRemaining) {
      trades++;
      if (makerRemaining == 0) {
        remove(makerOrderId);
      }
    }
  }
}
