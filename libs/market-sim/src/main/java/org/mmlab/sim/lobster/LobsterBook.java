package org.mmlab.sim.lobster;

import java.util.Arrays;

/**
 * Order-level replay book of a LOBSTER day: price levels per side, each a FIFO queue of orders with
 * their ids and remaining sizes, and an id &rarr; order map. Driven by LOBSTER messages; it needs
 * no matching engine because LOBSTER reports every effect of every trade.
 *
 * <p>Sides use LOBSTER's direction: {@link #BID} = 1 (buy orders), {@link #ASK} = -1 (sell orders).
 * Levels are 0-based from the best; beyond the last level the LOBSTER sentinels are returned
 * ({@link LobsterRow#EMPTY_ASK_PRICE}, {@link LobsterRow#EMPTY_BID_PRICE}, size 0). The book keeps
 * every level it has learned of, including ones that have drifted outside the file's visible window
 * (their state is then only as good as the last time they were visible).
 *
 * <p>Message rules ({@link #apply(int, long, long, long, int)}):
 *
 * <ul>
 *   <li>1 new: the order joins the back of its level's queue.
 *   <li>2 cancel, 3 delete, 4 execute: the named order loses {@code size} shares (3 removes it; if
 *       it had more than {@code size} left the excess stays in its place as an anonymous order).
 *       Shares the message names that the order cannot supply (an unknown id, e.g. an order resting
 *       before 09:30) come from the level's synthetic orders first, front to back; then, for
 *       executions, from the front of the queue, for cancels and deletes from the back.
 *   <li>5 hidden execution and 6 cross trade: no change to the visible book.
 *   <li>7 halt indicator: recorded as {@link #tradingState()}.
 * </ul>
 *
 * <p>Synthetic (anonymous) orders have negative ids; real LOBSTER ids are non-negative. Every order
 * carries a sequence number that increases with arrival, so a simulator can place a virtual order
 * behind the real ones with {@link #reserveSequence()} and ask {@link #sizeAheadOfSequence(int,
 * long, long)}. Not thread-safe; no allocation per message except when an internal array grows.
 */
public final class LobsterBook {
  /** Bid side (buy orders), LOBSTER direction 1. */
  public static final int BID = LobsterRow.BUY;

  /** Ask side (sell orders), LOBSTER direction -1. */
  public static final int ASK = LobsterRow.SELL;

  /** Trading state after a halt message with price -1. */
  public static final int HALTED = -1;

  /** Trading state after a halt message with price 0: quoting resumed, trading not yet. */
  public static final int QUOTING = 0;

  /** Normal trading (the initial state, and after a halt message with price 1). */
  public static final int TRADING = 1;

  /** Receives the orders of one level, front of the queue first. */
  @FunctionalInterface
  public interface OrderVisitor {
    /**
     * Called once per order.
     *
     * @param orderId LOBSTER id, negative for a synthetic order
     * @param size remaining shares
     * @param sequence arrival sequence number
     */
    void order(long orderId, long size, long sequence);
  }

  // Orders: struct of arrays, free list through oNext.
  private long[] oId;
  private long[] oSize;
  private long[] oSeq;
  private int[] oNext;
  private int[] oPrev;
  private int[] oLevel;
  private int orderFree = -1;
  private int orderTop;
  private int orderCount;

  // Levels: struct of arrays, free list through lHead.
  private long[] lPrice;
  private long[] lTotal;
  private int[] lHead;
  private int[] lTail;
  private int[] lCount;
  private boolean[] lAsk;
  private int levelFree = -1;
  private int levelTop;

  private final Ladder asks = new Ladder(true);
  private final Ladder bids = new Ladder(false);
  private final LongIntHashMap ids;

  private long sequence;
  private long lastOrderSequence = -1;
  private long nextSyntheticId = -1;
  private int tradingState = TRADING;
  private long anomalies;
  private long wipes;

  /** Creates an empty book sized for a typical LOBSTER day (a few thousand resting orders). */
  public LobsterBook() {
    this(1 << 11);
  }

  /**
   * Creates an empty book.
   *
   * @param orderCapacity expected number of resting orders (grows as needed)
   */
  public LobsterBook(int orderCapacity) {
    int oc = Math.max(16, orderCapacity);
    oId = new long[oc];
    oSize = new long[oc];
    oSeq = new long[oc];
    oNext = new int[oc];
    oPrev = new int[oc];
    oLevel = new int[oc];
    int lc = 256;
    lPrice = new long[lc];
    lTotal = new long[lc];
    lHead = new int[lc];
    lTail = new int[lc];
    lCount = new int[lc];
    lAsk = new boolean[lc];
    ids = new LongIntHashMap(oc);
  }

  /** Empties the book and resets its counters and trading state. */
  public void clear() {
    orderFree = -1;
    orderTop = 0;
    orderCount = 0;
    levelFree = -1;
    levelTop = 0;
    asks.n = 0;
    bids.n = 0;
    ids.clear();
    sequence = 0;
    nextSyntheticId = -1;
    lastOrderSequence = -1;
    tradingState = TRADING;
    anomalies = 0;
    wipes = 0;
  }

  /**
   * Seeds the book with the state before the row's message, derived from the row's window (the
   * state after it) by undoing the message: a new order's size is taken off its level, a cancel's,
   * delete's or visible execution's size is put back on its level. Each level gets one synthetic
   * order. Apply the same row afterwards to reach the row's state with the message's order id in
   * place.
   *
   * @param first the first row of a day
   */
  public void seed(LobsterRow first) {
    clear();
    int n = first.levels();
    for (int i = 0; i < n; i++) {
      if (first.askPrice[i] != LobsterRow.EMPTY_ASK_PRICE) {
        addSynthetic(ASK, first.askPrice[i], first.askSize[i]);
      }
      if (first.bidPrice[i] != LobsterRow.EMPTY_BID_PRICE) {
        addSynthetic(BID, first.bidPrice[i], first.bidSize[i]);
      }
    }
    int side = first.direction == LobsterRow.BUY ? BID : ASK;
    switch (first.type) {
      case LobsterMessageType.NEW:
        {
          Ladder ladder = ladder(side);
          int idx = ladder.find(first.price);
          if (idx >= 0) {
            int lvl = ladder.lvl[idx];
            consume(lvl, first.size, false);
            if (lCount[lvl] == 0) {
              removeLevelAt(ladder, idx);
            }
          }
          break;
        }
      case LobsterMessageType.CANCEL:
      case LobsterMessageType.DELETE:
      case LobsterMessageType.EXECUTE:
        {
          Ladder ladder = ladder(side);
          int idx = ladder.find(first.price);
          if (idx >= 0) {
            // Still one synthetic order per level: it grows by the shares the message takes.
            int lvl = ladder.lvl[idx];
            oSize[lHead[lvl]] += first.size;
            lTotal[lvl] += first.size;
          } else {
            addSynthetic(side, first.price, first.size);
          }
          break;
        }
      default:
        break;
    }
  }

  /**
   * Applies the message part of a row.
   *
   * @param row a row whose message is applied; its orderbook part is ignored
   */
  public void apply(LobsterRow row) {
    apply(row.type, row.orderId, row.size, row.price, row.direction);
  }

  /**
   * Applies one LOBSTER message (see the class comment for the rules).
   *
   * @param type {@link LobsterMessageType} 1..7
   * @param orderId order id
   * @param size shares
   * @param price dollars &times; 10000 (halt code for type 7)
   * @param direction {@link #BID} or {@link #ASK}
   * @throws IllegalArgumentException on an unknown type
   */
  public void apply(int type, long orderId, long size, long price, int direction) {
    int side = direction == LobsterRow.BUY ? BID : ASK;
    lastOrderSequence = -1;
    switch (type) {
      case LobsterMessageType.NEW:
        add(orderId, side, price, size);
        break;
      case LobsterMessageType.CANCEL:
      case LobsterMessageType.DELETE:
      case LobsterMessageType.EXECUTE:
        reduce(orderId, side, price, size, type);
        break;
      case LobsterMessageType.EXECUTE_HIDDEN:
      case LobsterMessageType.CROSS:
        break;
      case LobsterMessageType.HALT:
        tradingState = price < 0 ? HALTED : price == 0 ? QUOTING : TRADING;
        break;
      default:
        throw new IllegalArgumentException("unknown LOBSTER message type " + type);
    }
  }

  private void add(long id, int side, long price, long size) {
    int lvl = levelFor(side, price);
    int o = newOrder(id, lvl, size);
    lastOrderSequence = oSeq[o];
    int existing = ids.put(id, o);
    if (existing >= 0) {
      // A reused id: the old order stays as an anonymous one.
      anomalies++;
      oId[existing] = nextSyntheticId--;
    }
  }

  private void reduce(long id, int side, long price, long qty, int type) {
    Ladder ladder = ladder(side);
    int idx = ladder.find(price);
    int lvl = idx >= 0 ? ladder.lvl[idx] : -1;
    long left = qty;
    int o = ids.get(id);
    if (o >= 0) {
      if (oLevel[o] == lvl) {
        lastOrderSequence = oSeq[o];
        long take = Math.min(left, oSize[o]);
        oSize[o] -= take;
        lTotal[lvl] -= take;
        left -= take;
        if (oSize[o] == 0) {
          removeOrder(o);
        } else if (type == LobsterMessageType.DELETE) {
          // The order is gone but we credited it with more: keep the excess anonymous, in place.
          ids.remove(id);
          oId[o] = nextSyntheticId--;
        }
      } else {
        anomalies++;
      }
    }
    if (left > 0) {
      if (lvl < 0) {
        anomalies++;
        return;
      }
      left = consume(lvl, left, type == LobsterMessageType.EXECUTE);
      if (left > 0) {
        anomalies++;
      }
    }
    if (lvl >= 0 && lCount[lvl] == 0) {
      removeLevelAt(ladder, idx);
    }
  }

  /**
   * Takes {@code qty} shares off a level for an event whose order is unknown: synthetic orders
   * first (front to back), then the front (executions) or the back (cancels) of the queue.
   */
  private long consume(int lvl, long qty, boolean fromFront) {
    long left = qty;
    for (int o = lHead[lvl]; o >= 0 && left > 0; ) {
      int next = oNext[o];
      if (oId[o] < 0) {
        left -= take(o, left);
      }
      o = next;
    }
    if (fromFront) {
      for (int o = lHead[lvl]; o >= 0 && left > 0; ) {
        int next = oNext[o];
        left -= take(o, left);
        o = next;
      }
    } else {
      for (int o = lTail[lvl]; o >= 0 && left > 0; ) {
        int prev = oPrev[o];
        left -= take(o, left);
        o = prev;
      }
    }
    return left;
  }

  private long take(int o, long max) {
    long t = Math.min(max, oSize[o]);
    oSize[o] -= t;
    lTotal[oLevel[o]] -= t;
    if (oSize[o] == 0) {
      removeOrder(o);
    }
    return t;
  }

  // ---------------------------------------------------------------------------------------------
  // Refresh from the orderbook file

  /**
   * Takes from the file's row the levels that entered the visible window from deeper in the book
   * since the previous row, and forgets levels the row shows to be gone beyond the window.
   *
   * @return true when at least one level entered from deeper (a "refreshed" row)
   */
  boolean refresh(
      LobsterRow row,
      int askDepth,
      boolean askWasFull,
      long askWorst,
      int bidDepth,
      boolean bidWasFull,
      long bidWorst) {
    boolean a = refreshSide(ASK, row, askDepth, askWasFull, askWorst);
    boolean b = refreshSide(BID, row, bidDepth, bidWasFull, bidWorst);
    return a | b;
  }

  private boolean refreshSide(
      int side, LobsterRow row, int depth, boolean wasFull, long prevWorst) {
    final Ladder ladder = ladder(side);
    final int n = row.levels();
    final long[] px = side == BID ? row.bidPrice : row.askPrice;
    final long[] sz = side == BID ? row.bidSize : row.askSize;
    final long prevKey = ladder.key(prevWorst);
    boolean entering = wasFull && depth > 0 && ladder.key(px[depth - 1]) < prevKey;
    if (!entering) {
      if (depth < n && ladder.n > depth) {
        // The side has fewer than N levels: nothing exists beyond the window.
        int lo = depth == 0 ? ladder.n : ladder.lowerBound(ladder.key(px[depth - 1]));
        if (lo > 0) {
          for (int i = lo - 1; i >= 0; i--) {
            removeLevelAt(ladder, i);
          }
          wipes++;
        }
      }
      return false;
    }
    // Zone of prices worse than the previous row's worst: up to this row's worst when the window
    // is full, else everything beyond.
    int hi = ladder.lowerBound(prevKey);
    int lo = depth == n ? ladder.lowerBound(ladder.key(px[depth - 1])) : 0;
    for (int i = hi - 1; i >= lo; i--) {
      long p = ladder.price(i);
      boolean shown = false;
      for (int j = 0; j < depth; j++) {
        if (px[j] == p) {
          shown = true;
          break;
        }
      }
      if (!shown) {
        removeLevelAt(ladder, i);
      }
    }
    for (int j = 0; j < depth; j++) {
      if (ladder.key(px[j]) < prevKey) {
        reconcile(side, px[j], sz[j]);
      }
    }
    return true;
  }

  /**
   * Sets a level that entered the window from deeper to the file's size, keeping what we knew where
   * it is consistent: equal size keeps every order; more shares than known adds a synthetic order
   * at the back for the difference (orders that arrived while the level was out of view); fewer
   * shares removes the one order whose size equals the difference if there is one (a single unseen
   * delete, searched from the back), else trims orders from the back.
   */
  private void reconcile(int side, long price, long size) {
    Ladder ladder = ladder(side);
    int idx = ladder.find(price);
    long known = idx >= 0 ? lTotal[ladder.lvl[idx]] : 0;
    if (size == known) {
      return;
    }
    if (size > known) {
      addSynthetic(side, price, size - known);
      return;
    }
    int lvl = ladder.lvl[idx];
    long excess = known - size;
    for (int o = lTail[lvl]; o >= 0; o = oPrev[o]) {
      if (oSize[o] == excess) {
        take(o, excess);
        return;
      }
    }
    for (int o = lTail[lvl]; o >= 0 && excess > 0; ) {
      int prev = oPrev[o];
      excess -= take(o, excess);
      o = prev;
    }
  }

  /**
   * True when the book's best N levels equal the row's window on both sides, prices and sizes,
   * empty-level sentinels included.
   *
   * @param row a row of the orderbook file
   * @return whether the book matches it
   */
  public boolean matches(LobsterRow row) {
    int n = row.levels();
    for (int i = 0; i < n; i++) {
      if (price(ASK, i) != row.askPrice[i]
          || size(ASK, i) != row.askSize[i]
          || price(BID, i) != row.bidPrice[i]
          || size(BID, i) != row.bidSize[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The book's best {@code n} levels in the layout of {@link LobsterRow#windowString()}.
   *
   * @param n levels per side
   * @return e.g. {@code ask 2239500x100 ... | bid 2231800x100 ...}
   */
  public String windowString(int n) {
    StringBuilder sb = new StringBuilder("ask");
    for (int i = 0; i < n; i++) {
      sb.append(' ').append(price(ASK, i)).append('x').append(size(ASK, i));
    }
    sb.append(" | bid");
    for (int i = 0; i < n; i++) {
      sb.append(' ').append(price(BID, i)).append('x').append(size(BID, i));
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Queries

  /**
   * Number of price levels the book knows on a side (visible or not).
   *
   * @param side {@link #BID} or {@link #ASK}
   * @return level count
   */
  public int levelCount(int side) {
    return ladder(side).n;
  }

  /**
   * Price of a level.
   *
   * @param side {@link #BID} or {@link #ASK}
   * @param level 0-based, 0 = best
   * @return price, or the side's empty-level sentinel beyond the last level
   */
  public long price(int side, int level) {
    Ladder l = ladder(side);
    if (level >= l.n) {
      return side == BID ? LobsterRow.EMPTY_BID_PRICE : LobsterRow.EMPTY_ASK_PRICE;
    }
    return l.price(l.n - 1 - level);
  }

  /**
   * Total size of a level.
   *
   * @param side {@link #BID} or {@link #ASK}
   * @param level 0-based, 0 = best
   * @return shares, 0 beyond the last level
   */
  public long size(int side, int level) {
    Ladder l = ladder(side);
    return level >= l.n ? 0 : lTotal[l.lvl[l.n - 1 - level]];
  }

  /**
   * Best bid.
   *
   * @return best bid price or {@link LobsterRow#EMPTY_BID_PRICE}
   */
  public long bestBid() {
    return price(BID, 0);
  }

  /**
   * Best ask.
   *
   * @return best ask price or {@link LobsterRow#EMPTY_ASK_PRICE}
   */
  public long bestAsk() {
    return price(ASK, 0);
  }

  /**
   * Total size resting at a price.
   *
   * @param side {@link #BID} or {@link #ASK}
   * @param price dollars &times; 10000
   * @return shares, 0 if no level
   */
  public long sizeAtPrice(int side, long price) {
    Ladder l = ladder(side);
    int idx = l.find(price);
    return idx < 0 ? 0 : lTotal[l.lvl[idx]];
  }

  /**
   * Number of orders queued at a price.
   *
   * @param side {@link #BID} or {@link #ASK}
   * @param price dollars &times; 10000
   * @return orders, 0 if no level
   */
  public int orderCountAtPrice(int side, long price) {
    Ladder l = ladder(side);
    int idx = l.find(price);
    return idx < 0 ? 0 : lCount[l.lvl[idx]];
  }

  /**
   * Visits the queue at a price, front first. Do not modify the book from the visitor.
   *
   * @param side {@link #BID} or {@link #ASK}
   * @param price dollars &times; 10000
   * @param visitor receives each order
   */
  public void forEachOrder(int side, long price, OrderVisitor visitor) {
    Ladder l = ladder(side);
    int idx = l.find(price);
    if (idx < 0) {
      return;
    }
    for (int o = lHead[l.lvl[idx]]; o >= 0; o = oNext[o]) {
      visitor.order(oId[o], oSize[o], oSeq[o]);
    }
  }

  /**
   * Whether a real order is resting.
   *
   * @param orderId LOBSTER id
   * @return true if the book holds it
   */
  public boolean containsOrder(long orderId) {
    return ids.get(orderId) >= 0;
  }

  /**
   * Remaining size of a resting order.
   *
   * @param orderId LOBSTER id
   * @return shares, or 0 if unknown
   */
  public long orderSize(long orderId) {
    int o = ids.get(orderId);
    return o < 0 ? 0 : oSize[o];
  }

  /**
   * Price of a resting order.
   *
   * @param orderId LOBSTER id
   * @return price, or 0 if unknown
   */
  public long orderPrice(long orderId) {
    int o = ids.get(orderId);
    return o < 0 ? 0 : lPrice[oLevel[o]];
  }

  /**
   * Side of a resting order.
   *
   * @param orderId LOBSTER id
   * @return {@link #BID}, {@link #ASK}, or 0 if unknown
   */
  public int orderSide(long orderId) {
    int o = ids.get(orderId);
    return o < 0 ? 0 : lAsk[oLevel[o]] ? ASK : BID;
  }

  /**
   * Arrival sequence number of a resting order.
   *
   * @param orderId LOBSTER id
   * @return sequence, or -1 if unknown
   */
  public long orderSequence(long orderId) {
    int o = ids.get(orderId);
    return o < 0 ? -1 : oSeq[o];
  }

  /**
   * Shares queued ahead of a resting order at its price.
   *
   * @param orderId LOBSTER id
   * @return shares ahead, or -1 if the order is unknown
   */
  public long sizeAhead(long orderId) {
    int o = ids.get(orderId);
    if (o < 0) {
      return -1;
    }
    long ahead = 0;
    for (int q = oPrev[o]; q >= 0; q = oPrev[q]) {
      ahead += oSize[q];
    }
    return ahead;
  }

  /**
   * Shares at a price from orders that arrived before sequence {@code sequence}: the queue ahead of
   * a virtual order that took that sequence number.
   *
   * @param side {@link #BID} or {@link #ASK}
   * @param price dollars &times; 10000
   * @param sequence from {@link #reserveSequence()}
   * @return shares ahead
   */
  public long sizeAheadOfSequence(int side, long price, long sequence) {
    Ladder l = ladder(side);
    int idx = l.find(price);
    if (idx < 0) {
      return 0;
    }
    long ahead = 0;
    for (int o = lHead[l.lvl[idx]]; o >= 0 && oSeq[o] < sequence; o = oNext[o]) {
      ahead += oSize[o];
    }
    return ahead;
  }

  /**
   * Arrival sequence number of the order named by the last applied message, also when that message
   * removed it: lets a simulator tell whether an execution or cancel hit an order ahead of or
   * behind one of its own virtual orders.
   *
   * @return the sequence, or -1 when the message named no order the book knew (unknown ids, hidden
   *     executions, cross trades, halts)
   */
  public long lastOrderSequence() {
    return lastOrderSequence;
  }

  /**
   * Takes the next arrival sequence number without adding an order: every order added later queues
   * behind it.
   *
   * @return a sequence number larger than that of every order in the book
   */
  public long reserveSequence() {
    return ++sequence;
  }

  /**
   * Number of resting orders, synthetic ones included.
   *
   * @return resting orders
   */
  public int orderCount() {
    return orderCount;
  }

  /**
   * Whether an order id is synthetic (stands for orders of unknown id).
   *
   * @param orderId an id from {@link #forEachOrder}
   * @return true for synthetic ids
   */
  public static boolean isSynthetic(long orderId) {
    return orderId < 0;
  }

  /**
   * Trading state from the last halt message.
   *
   * @return {@link #TRADING}, {@link #HALTED} or {@link #QUOTING}
   */
  public int tradingState() {
    return tradingState;
  }

  /**
   * Messages the book could not attribute exactly (an order at another price than the message says,
   * a reused id, more shares named than the level holds). 0 on a consistent file.
   *
   * @return count since the last {@link #clear()}
   */
  public long anomalies() {
    return anomalies;
  }

  /**
   * Rows at which the book dropped levels beyond the window because the file showed fewer than N
   * levels on a side.
   *
   * @return count since the last {@link #clear()}
   */
  public long wipes() {
    return wipes;
  }

  // ---------------------------------------------------------------------------------------------
  // Internals

  private Ladder ladder(int side) {
    return side == BID ? bids : asks;
  }

  private void addSynthetic(int side, long price, long size) {
    if (size > 0) {
      newOrder(nextSyntheticId--, levelFor(side, price), size);
    }
  }

  private int levelFor(int side, long price) {
    Ladder ladder = ladder(side);
    int idx = ladder.find(price);
    if (idx >= 0) {
      return ladder.lvl[idx];
    }
    int lvl = levelFree;
    if (lvl >= 0) {
      levelFree = lHead[lvl];
    } else {
      if (levelTop == lPrice.length) {
        growLevels();
      }
      lvl = levelTop++;
    }
    lPrice[lvl] = price;
    lTotal[lvl] = 0;
    lHead[lvl] = -1;
    lTail[lvl] = -1;
    lCount[lvl] = 0;
    lAsk[lvl] = side == ASK;
    ladder.insertAt(-idx - 1, price, lvl);
    return lvl;
  }

  private void removeLevelAt(Ladder ladder, int idx) {
    int lvl = ladder.lvl[idx];
    for (int o = lHead[lvl]; o >= 0; ) {
      int next = oNext[o];
      removeOrder(o);
      o = next;
    }
    ladder.removeAt(idx);
    lHead[lvl] = levelFree;
    levelFree = lvl;
  }

  private int newOrder(long id, int lvl, long size) {
    int o = orderFree;
    if (o >= 0) {
      orderFree = oNext[o];
    } else {
      if (orderTop == oId.length) {
        growOrders();
      }
      o = orderTop++;
    }
    oId[o] = id;
    oSize[o] = size;
    oSeq[o] = ++sequence;
    oLevel[o] = lvl;
    oNext[o] = -1;
    int tail = lTail[lvl];
    oPrev[o] = tail;
    if (tail >= 0) {
      oNext[tail] = o;
    } else {
      lHead[lvl] = o;
    }
    lTail[lvl] = o;
    lCount[lvl]++;
    lTotal[lvl] += size;
    orderCount++;
    return o;
  }

  /** Unlinks and frees an order; its remaining size leaves the level total. */
  private void removeOrder(int o) {
    int lvl = oLevel[o];
    int prev = oPrev[o];
    int next = oNext[o];
    if (prev >= 0) {
      oNext[prev] = next;
    } else {
      lHead[lvl] = next;
    }
    if (next >= 0) {
      oPrev[next] = prev;
    } else {
      lTail[lvl] = prev;
    }
    lCount[lvl]--;
    lTotal[lvl] -= oSize[o];
    if (oId[o] >= 0) {
      ids.remove(oId[o]);
    }
    oNext[o] = orderFree;
    orderFree = o;
    orderCount--;
  }

  private void growOrders() {
    int c = oId.length << 1;
    oId = Arrays.copyOf(oId, c);
    oSize = Arrays.copyOf(oSize, c);
    oSeq = Arrays.copyOf(oSeq, c);
    oNext = Arrays.copyOf(oNext, c);
    oPrev = Arrays.copyOf(oPrev, c);
    oLevel = Arrays.copyOf(oLevel, c);
  }

  private void growLevels() {
    int c = lPrice.length << 1;
    lPrice = Arrays.copyOf(lPrice, c);
    lTotal = Arrays.copyOf(lTotal, c);
    lHead = Arrays.copyOf(lHead, c);
    lTail = Arrays.copyOf(lTail, c);
    lCount = Arrays.copyOf(lCount, c);
    lAsk = Arrays.copyOf(lAsk, c);
  }

  /**
   * Price levels of one side sorted by key ascending, best last: key = price for bids, -price for
   * asks. Levels near the best (most of the traffic) move the fewest entries.
   */
  static final class Ladder {
    final boolean ask;
    long[] keys = new long[64];
    int[] lvl = new int[64];
    int n;

    Ladder(boolean ask) {
      this.ask = ask;
    }

    long key(long price) {
      return ask ? -price : price;
    }

    long price(int idx) {
      return ask ? -keys[idx] : keys[idx];
    }

    /** Index of {@code price}, or {@code -(insertion point) - 1}. */
    int find(long price) {
      final long k = ask ? -price : price;
      final long[] ks = keys;
      // Messages touch the visible levels, next to the best: scan those first.
      int i = n - 1;
      final int stop = Math.max(0, n - 8);
      for (; i >= stop; i--) {
        long v = ks[i];
        if (v == k) {
          return i;
        }
        if (v < k) {
          return -(i + 1) - 1;
        }
      }
      int lo = 0;
      int hi = stop - 1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        long v = ks[mid];
        if (v < k) {
          lo = mid + 1;
        } else if (v > k) {
          hi = mid - 1;
        } else {
          return mid;
        }
      }
      return -(lo + 1);
    }

    /** First index whose key is &gt;= {@code k}. */
    int lowerBound(long k) {
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (keys[mid] < k) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    void insertAt(int idx, long price, int level) {
      if (n == keys.length) {
        keys = Arrays.copyOf(keys, n << 1);
        lvl = Arrays.copyOf(lvl, n << 1);
      }
      System.arraycopy(keys, idx, keys, idx + 1, n - idx);
      System.arraycopy(lvl, idx, lvl, idx + 1, n - idx);
      keys[idx] = ask ? -price : price;
      lvl[idx] = level;
      n++;
    }

    void removeAt(int idx) {
      System.arraycopy(keys, idx + 1, keys, idx, n - idx - 1);
      System.arraycopy(lvl, idx + 1, lvl, idx, n - idx - 1);
      n--;
    }
  }
}
