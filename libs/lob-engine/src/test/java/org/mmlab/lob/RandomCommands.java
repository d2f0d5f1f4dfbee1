package org.mmlab.lob;

import java.util.SplittableRandom;

/**
 * A seeded stream of random book commands covering every order type, cancels, replaces (size
 * decrease, increase, no change, price change, crossing), unknown and duplicate ids, bad prices and
 * sizes, and a handful of owners so self-trade prevention fires often. The mid price random-walks
 * so that old levels get swept. Call {@link #next} then {@link #apply}; the current command is held
 * in this object's fields (no allocation per command).
 */
final class RandomCommands {
  enum Kind {
    SUBMIT,
    CANCEL,
    REPLACE
  }

  private static final long[] OWNERS = {1, 2, 3, 4, 0, -1};
  private static final OrderType[] TYPES = OrderType.values();

  private final SplittableRandom random;
  private final int maxOrders;
  private final long[] recent = new long[1024];
  private LimitOrderBook view;
  private int recentCount;
  private int recentPos;
  private long nextId = 1;
  private long mid = 10_000;

  Kind kind;
  long id;
  long owner;
  Side side;
  OrderType type;
  long price;
  long size;
  private boolean samePrice;
  private boolean relativeSize;

  /**
   * @param seed the seed
   * @param maxOrders above this many resting orders, cancels and sweeps become more likely
   */
  RandomCommands(long seed, int maxOrders) {
    this.random = new SplittableRandom(seed);
    this.maxOrders = maxOrders;
  }

  /**
   * Generates the next command. "Same price" and relative replace sizes are resolved against {@code
   * view}, the book state before the command; pass the same view (or an identical book) to every
   * book the command is then applied to.
   */
  void next(LimitOrderBook view) {
    this.view = view;
    generate(view.orderCount());
    if (kind == Kind.REPLACE) {
      if (samePrice) {
        long p = view.orderPrice(id);
        price = p == LimitOrderBook.MARKET_PRICE ? mid : p;
      }
      if (relativeSize) {
        long current = view.remainingSize(id);
        size = Math.max(1, (current == 0 ? 10 : current) + size);
      }
    }
  }

  private void generate(int restingOrders) {
    if (random.nextInt(50) == 0) {
      mid = Math.max(100, mid + random.nextInt(7) - 3);
    }
    int r = random.nextInt(100);
    if (restingOrders > maxOrders && r < 50) {
      r = random.nextBoolean() ? 60 : 55; // cancel or market sweep
    }
    if (r < 36) {
      submit(OrderType.LIMIT, freshId());
    } else if (r < 44) {
      submit(OrderType.POST_ONLY, freshId());
    } else if (r < 50) {
      submit(OrderType.IOC, freshId());
    } else if (r < 53) {
      submit(OrderType.MARKET, freshId());
      if (random.nextInt(3) == 0) {
        size = 20 + random.nextInt(200);
      }
      price = random.nextInt(3) == 0 ? -random.nextInt(5) : price; // ignored for market
    } else if (r < 68) {
      kind = Kind.CANCEL;
      id = existingId();
    } else if (r < 90) {
      replace();
    } else if (r < 95) {
      // Reuse an id that may still rest (duplicate) or may have left the book (legal reuse).
      submit(TYPES[random.nextInt(TYPES.length)], existingId());
    } else {
      badSubmit();
    }
  }

  private void submit(OrderType t, long orderId) {
    kind = Kind.SUBMIT;
    id = orderId;
    type = t;
    owner = OWNERS[random.nextInt(OWNERS.length)];
    side = random.nextBoolean() ? Side.BID : Side.ASK;
    price = randomPrice(side);
    size = 1 + random.nextInt(random.nextInt(10) == 0 ? 100 : 20);
  }

  private long randomPrice(Side s) {
    int k = random.nextInt(1000);
    if (k == 0) {
      return s == Side.BID ? LimitOrderBook.MAX_PRICE : LimitOrderBook.MIN_PRICE; // sweep all
    }
    if (k == 1) {
      return s == Side.BID ? LimitOrderBook.MIN_PRICE : LimitOrderBook.MAX_PRICE; // far away
    }
    long d = random.nextInt(17) - 4; // mostly passive, sometimes crossing
    return s == Side.BID ? mid - d : mid + d;
  }

  private void replace() {
    kind = Kind.REPLACE;
    id = existingId();
    // The generator does not track book state: "same price" and relative sizes are resolved
    // against the book when the command is applied.
    samePrice = true;
    relativeSize = true;
    int k = random.nextInt(100);
    if (k < 30) {
      size = -(1 + random.nextInt(5)); // decrease: keeps priority
    } else if (k < 40) {
      size = 1 + random.nextInt(10); // increase: loses priority
    } else if (k < 45) {
      size = 0; // no change
    } else if (k < 88) {
      samePrice = false; // move, possibly crossing
      price = randomPrice(random.nextBoolean() ? Side.BID : Side.ASK);
      if (random.nextInt(3) > 0) {
        relativeSize = false;
        size = 1 + random.nextInt(30);
      } else {
        size = 0;
      }
    } else if (k < 94) {
      samePrice = false; // bad price
      price = random.nextBoolean() ? 0 : (random.nextBoolean() ? -3 : Long.MAX_VALUE);
      relativeSize = false;
      size = 5;
    } else {
      relativeSize = false; // bad size
      size = -random.nextInt(3);
    }
  }

  private void badSubmit() {
    submit(TYPES[random.nextInt(TYPES.length)], freshId());
    switch (random.nextInt(6)) {
      case 0:
        id = -random.nextInt(3);
        break;
      case 1:
        side = null;
        break;
      case 2:
        type = null;
        break;
      case 3:
        type = OrderType.LIMIT;
        price = random.nextBoolean() ? 0 : (random.nextBoolean() ? -1 : Long.MAX_VALUE);
        break;
      case 4:
        size = -random.nextInt(2);
        break;
      default:
        type = OrderType.POST_ONLY;
        price = side == Side.BID ? mid + 20 : mid - 20; // likely crossing
        break;
    }
  }

  private long freshId() {
    long fresh = nextId++;
    recent[recentPos] = fresh;
    recentPos = (recentPos + 1) & (recent.length - 1);
    recentCount = Math.min(recentCount + 1, recent.length);
    return fresh;
  }

  private long existingId() {
    int k = random.nextInt(100);
    if (k < 85 && recentCount > 0) {
      // Prefer an id that rests now, so that most cancels and replaces do something.
      long candidate = 0;
      for (int attempt = 0; attempt < 6; attempt++) {
        candidate = recent[random.nextInt(recentCount)];
        if (view.remainingSize(candidate) > 0) {
          break;
        }
      }
      return candidate;
    }
    if (k < 97) {
      return 1 + random.nextLong(nextId + 5); // old, resting, or never used
    }
    return -random.nextInt(2);
  }

  /** Applies the current command to {@code book}; returns the book's answer. */
  boolean apply(LimitOrderBook book) {
    switch (kind) {
      case SUBMIT:
        return book.submit(id, owner, side, type, price, size);
      case CANCEL:
        return book.cancel(id);
      default:
        return book.replace(id, price, size);
    }
  }

  /** The current command as text. */
  String describe() {
    switch (kind) {
      case SUBMIT:
        return "submit(" + id + ", " + owner + ", " + side + ", " + type + ", " + price + ", "
            + size + ")";
      case CANCEL:
        return "cancel(" + id + ")";
      default:
        return "replace(" + id + ", " + price + ", " + size + ")";
    }
  }
}
