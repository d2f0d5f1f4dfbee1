package org.mmlab.lob;

import java.util.Arrays;

/**
 * The fast {@link LimitOrderBook}: allocation-free after warm-up, for the simulator's hot loop.
 *
 * <p>Layout (LMAX / exchange-core style, no objects per order):
 *
 * <ul>
 *   <li>Orders live in parallel primitive arrays indexed by an int slot, recycled through a free
 *       list; the pool doubles only when exhausted.
 *   <li>An open-addressing {@code long -> int} map finds an order's slot from its id.
 *   <li>Price levels are pooled the same way; each holds a doubly-linked FIFO of order slots and
 *       its total size, so a cancel or a move is O(1) once the slot is known.
 *   <li>Each side has a {@link PriceLadder}: a price-to-level map plus the levels sorted with the
 *       best at the end, so the best level is O(1) to read and to remove. Levels emptied below the
 *       best stay in the ladder, dormant, so that the constant moving of orders between nearby
 *       prices rarely inserts into or removes from the sorted array; dormant levels are purged when
 *       they outnumber live ones.
 *   <li>Best bid and ask are cached in fields: crossing checks are two compares.
 * </ul>
 *
 * <p>The event contract is documented on {@link LimitOrderBook}. Not thread-safe.
 */
public final class OrderBook implements LimitOrderBook {
  private static final int NIL = -1;

  /** Default number of dormant (empty, below best) levels allowed beyond the live count. */
  private static final int DEFAULT_DORMANT_SLACK = 64;

  // ---- orders (struct of arrays, indexed by slot) ----
  private long[] orderIds;
  private long[] orderOwners;
  private long[] orderPrices;
  private long[] orderSizes;
  private int[] orderNext; // next in level FIFO (towards the back); free-list link when free
  private int[] orderPrev;
  private int[] orderLevels;
  private boolean[] orderAsk;
  private int freeOrder = NIL;
  private int orderHighWater; // slots below this have been handed out at least once
  private int orderCount;
  private final LongIntHashMap slotById;

  // ---- price levels (struct of arrays, shared pool for both sides) ----
  private long[] levelPrices;
  private long[] levelTotals;
  private int[] levelHeads; // first (oldest) order; free-list link when free
  private int[] levelTails;
  private int[] levelOrderCounts;
  private int freeLevel = NIL;
  private int levelHighWater;

  private final PriceLadder bids;
  private final PriceLadder asks;
  private int[] scratch = new int[64];
  private final int dormantSlack;
  private long bestBid = NO_BID;
  private long bestAsk = NO_ASK;

  private OrderBookListener[] listeners = new OrderBookListener[0];
  private OrderBookListener listener = ListenerFanout.NONE;

  /** Creates a book sized for 1,024 resting orders and 256 levels a side; it grows as needed. */
  public OrderBook() {
    this(1024, 256);
  }

  /**
   * Creates a book preallocated for the given load; it grows (allocating) only beyond it.
   *
   * @param expectedOrders resting orders held without growing
   * @param expectedLevelsPerSide price levels per side held without growing
   */
  public OrderBook(int expectedOrders, int expectedLevelsPerSide) {
    this(expectedOrders, expectedLevelsPerSide, DEFAULT_DORMANT_SLACK);
  }

  /** As {@link #OrderBook(int, int)}; tests lower {@code dormantSlack} to purge levels often. */
  OrderBook(int expectedOrders, int expectedLevelsPerSide, int dormantSlack) {
    this.dormantSlack = dormantSlack;
    final int orders = Math.max(16, expectedOrders);
    final int levels = Math.max(16, expectedLevelsPerSide);
    orderIds = new long[orders];
    orderOwners = new long[orders];
    orderPrices = new long[orders];
    orderSizes = new long[orders];
    orderNext = new int[orders];
    orderPrev = new int[orders];
    orderLevels = new int[orders];
    orderAsk = new boolean[orders];
    slotById = new LongIntHashMap(orders);
    final int levelPool = 2 * levels;
    levelPrices = new long[levelPool];
    levelTotals = new long[levelPool];
    levelHeads = new int[levelPool];
    levelTails = new int[levelPool];
    levelOrderCounts = new int[levelPool];
    bids = new PriceLadder(false, levels);
    asks = new PriceLadder(true, levels);
  }

  // =====================================================================================
  // Commands
  // =====================================================================================

  @Override
  public boolean submit(
      long orderId, long owner, Side side, OrderType type, long price, long size) {
    final RejectReason invalid = validateSubmit(orderId, side, type, price, size);
    if (invalid != null) {
      listener.onRejected(CommandType.SUBMIT, orderId, owner, invalid);
      return false;
    }
    final boolean ask = side == Side.ASK;
    final boolean market = type == OrderType.MARKET;
    if (type == OrderType.POST_ONLY && (ask ? price <= bestBid : price >= bestAsk)) {
      listener.onRejected(CommandType.SUBMIT, orderId, owner, RejectReason.POST_ONLY_WOULD_CROSS);
      return false;
    }
    final long limit = market ? (ask ? MIN_PRICE : MAX_PRICE) : price;
    listener.onAccepted(orderId, owner, side, type, market ? MARKET_PRICE : limit, size);

    final long remaining = match(orderId, owner, ask, limit, size);
    if (remaining > 0) {
      switch (type) {
        case IOC:
          listener.onCancelled(orderId, owner, side, price, remaining, CancelReason.IOC_REMAINDER);
          break;
        case MARKET:
          listener.onCancelled(
              orderId, owner, side, MARKET_PRICE, remaining, CancelReason.MARKET_REMAINDER);
          break;
        default:
          final int slot = allocOrder();
          orderIds[slot] = orderId;
          orderOwners[slot] = owner;
          orderAsk[slot] = ask;
          slotById.put(orderId, slot);
          orderCount++;
          rest(slot, ask, price, remaining);
      }
    }
    return true;
  }

  private RejectReason validateSubmit(
      long orderId, Side side, OrderType type, long price, long size) {
    if (orderId <= 0) {
      return RejectReason.BAD_ORDER_ID;
    }
    if (side == null) {
      return RejectReason.BAD_SIDE;
    }
    if (type == null) {
      return RejectReason.BAD_ORDER_TYPE;
    }
    if (type != OrderType.MARKET && (price < MIN_PRICE || price > MAX_PRICE)) {
      return RejectReason.BAD_PRICE;
    }
    if (size <= 0) {
      return RejectReason.BAD_SIZE;
    }
    if (slotById.get(orderId) != LongIntHashMap.MISSING) {
      return RejectReason.DUPLICATE_ORDER_ID;
    }
    return null;
  }

  @Override
  public boolean cancel(long orderId) {
    // Remove from the id map straight away: one probe sequence instead of a get and a remove.
    final int slot = orderId > 0 ? slotById.remove(orderId) : LongIntHashMap.MISSING;
    if (slot == LongIntHashMap.MISSING) {
      listener.onRejected(CommandType.CANCEL, orderId, NO_OWNER, RejectReason.UNKNOWN_ORDER);
      return false;
    }
    final boolean ask = orderAsk[slot];
    final long price = orderPrices[slot];
    final long size = orderSizes[slot];
    final long owner = orderOwners[slot];
    final long total = unlink(slot, ask);
    releaseOrder(slot);
    final Side side = ask ? Side.ASK : Side.BID;
    listener.onCancelled(orderId, owner, side, price, size, CancelReason.USER);
    listener.onLevelChanged(side, price, total);
    return true;
  }

  @Override
  public boolean replace(long orderId, long newPrice, long newSize) {
    final int slot = orderId > 0 ? slotById.get(orderId) : LongIntHashMap.MISSING;
    if (slot == LongIntHashMap.MISSING) {
      listener.onRejected(CommandType.REPLACE, orderId, NO_OWNER, RejectReason.UNKNOWN_ORDER);
      return false;
    }
    final long owner = orderOwners[slot];
    if (newPrice < MIN_PRICE || newPrice > MAX_PRICE) {
      listener.onRejected(CommandType.REPLACE, orderId, owner, RejectReason.BAD_PRICE);
      return false;
    }
    if (newSize <= 0) {
      listener.onRejected(CommandType.REPLACE, orderId, owner, RejectReason.BAD_SIZE);
      return false;
    }
    final boolean ask = orderAsk[slot];
    final Side side = ask ? Side.ASK : Side.BID;
    final long oldPrice = orderPrices[slot];
    final long oldSize = orderSizes[slot];
    final int level = orderLevels[slot];

    if (newPrice == oldPrice) {
      if (newSize <= oldSize) {
        // Shrinking in place keeps the queue place: nothing ahead of the order changes.
        orderSizes[slot] = newSize;
        final long total = levelTotals[level] - (oldSize - newSize);
        levelTotals[level] = total;
        listener.onReplaced(orderId, owner, side, oldPrice, oldSize, newPrice, newSize, true);
        if (newSize != oldSize) {
          listener.onLevelChanged(side, newPrice, total);
        }
        return true;
      }
      // Growing loses priority: move to the back of the same level (cannot cross, the book is
      // not crossed).
      listener.onReplaced(orderId, owner, side, oldPrice, oldSize, newPrice, newSize, false);
      if (levelTails[level] != slot) {
        unlinkFromList(slot, level);
        appendToList(slot, level);
      }
      orderSizes[slot] = newSize;
      final long total = levelTotals[level] + (newSize - oldSize);
      levelTotals[level] = total;
      listener.onLevelChanged(side, newPrice, total);
      return true;
    }

    listener.onReplaced(orderId, owner, side, oldPrice, oldSize, newPrice, newSize, false);
    // The slot and its id mapping are kept while the order is off the book: the common
    // non-crossing move then costs no hash-map writes.
    final long oldTotal = unlink(slot, ask);
    listener.onLevelChanged(side, oldPrice, oldTotal);
    final long remaining = match(orderId, owner, ask, newPrice, newSize);
    if (remaining > 0) {
      rest(slot, ask, newPrice, remaining);
    } else {
      slotById.remove(orderId);
      releaseOrder(slot);
    }
    return true;
  }

  // =====================================================================================
  // Matching and book maintenance
  // =====================================================================================

  /** Matches a taker against the opposite side up to {@code limit}; returns its remainder. */
  private long match(long takerId, long takerOwner, boolean takerAsk, long limit, long size) {
    long remaining = size;
    if (takerAsk) {
      while (remaining > 0 && bestBid >= limit) {
        remaining = matchBestLevel(bids, Side.BID, takerId, takerOwner, Side.ASK, remaining);
      }
    } else {
      while (remaining > 0 && bestAsk <= limit) {
        remaining = matchBestLevel(asks, Side.ASK, takerId, takerOwner, Side.BID, remaining);
      }
    }
    return remaining;
  }

  /** Works the best level of {@code ladder} in FIFO order; returns the taker's remainder. */
  private long matchBestLevel(
      PriceLadder ladder,
      Side makerSide,
      long takerId,
      long takerOwner,
      Side takerSide,
      long remaining) {
    final int level = ladder.bestLevel();
    final long price = levelPrices[level];
    long total = levelTotals[level];
    int slot = levelHeads[level];
    while (slot != NIL && remaining > 0) {
      final int next = orderNext[slot];
      final long makerId = orderIds[slot];
      final long makerOwner = orderOwners[slot];
      final long makerSize = orderSizes[slot];
      if (makerOwner == takerOwner) {
        // Self-trade prevention: cancel the resting order, keep matching behind it.
        total -= makerSize;
        levelTotals[level] = total;
        removeFromHead(slot, level);
        listener.onCancelled(
            makerId, makerOwner, makerSide, price, makerSize, CancelReason.SELF_TRADE);
      } else {
        final long qty = Math.min(makerSize, remaining);
        final long makerLeft = makerSize - qty;
        remaining -= qty;
        total -= qty;
        levelTotals[level] = total;
        if (makerLeft == 0) {
          removeFromHead(slot, level);
        } else {
          orderSizes[slot] = makerLeft;
        }
        listener.onTrade(
            makerId, takerId, makerOwner, takerOwner, price, qty, takerSide, makerLeft, remaining);
      }
      slot = next;
    }
    if (levelHeads[level] == NIL) {
      ladder.emptied();
      dropEmptyBest(ladder);
      refreshBest(ladder == asks);
    }
    listener.onLevelChanged(makerSide, price, total);
    return remaining;
  }

  /** Removes the front order of a level while matching: list, id map and pool. */
  private void removeFromHead(int slot, int level) {
    final int next = orderNext[slot];
    levelHeads[level] = next;
    if (next == NIL) {
      levelTails[level] = NIL;
    } else {
      orderPrev[next] = NIL;
    }
    levelOrderCounts[level]--;
    slotById.remove(orderIds[slot]);
    releaseOrder(slot);
  }

  /**
   * Puts an order (slot with id, owner and side already set) at the back of the level at {@code
   * price}, creating the level if needed, and reports the level.
   */
  private void rest(int slot, boolean ask, long price, long size) {
    final PriceLadder ladder = ask ? asks : bids;
    int level = ladder.find(price);
    if (level == LongIntHashMap.MISSING) {
      level = allocLevel(price);
      ladder.insert(price, level);
    }
    if (levelOrderCounts[level] == 0) { // a new or dormant level comes alive
      ladder.activated();
      if (ask ? price < bestAsk : price > bestBid) {
        if (ask) {
          bestAsk = price;
        } else {
          bestBid = price;
        }
      }
    }
    orderPrices[slot] = price;
    orderSizes[slot] = size;
    orderLevels[slot] = level;
    appendToList(slot, level);
    final long total = levelTotals[level] + size;
    levelTotals[level] = total;
    listener.onLevelChanged(ask ? Side.ASK : Side.BID, price, total);
  }

  /**
   * Takes a resting order off its level (the slot stays allocated and mapped); returns the level's
   * new total. An emptied best level is removed; an emptied level below the best stays dormant.
   */
  private long unlink(int slot, boolean ask) {
    final int level = orderLevels[slot];
    unlinkFromList(slot, level);
    // A queuePosition() walk from an order that is off the book must not follow stale links.
    orderPrev[slot] = NIL;
    final long total = levelTotals[level] - orderSizes[slot];
    levelTotals[level] = total;
    if (levelHeads[level] == NIL) {
      final PriceLadder ladder = ask ? asks : bids;
      ladder.emptied();
      if (levelPrices[level] == (ask ? bestAsk : bestBid)) {
        dropEmptyBest(ladder);
        refreshBest(ask);
      } else if (ladder.dormantCount() > ladder.liveCount() + dormantSlack) {
        compact(ladder);
      }
    }
    return total;
  }

  /** Removes empty entries from the top of a ladder, so that its last entry is live again. */
  private void dropEmptyBest(PriceLadder ladder) {
    int level = ladder.bestLevel();
    while (level != LongIntHashMap.MISSING && levelOrderCounts[level] == 0) {
      ladder.removeBest(levelPrices[level]);
      releaseLevel(level);
      level = ladder.bestLevel();
    }
  }

  /** Purges dormant levels; amortised O(1) as it runs only once they outnumber live ones. */
  private void compact(PriceLadder ladder) {
    if (scratch.length < ladder.count()) {
      scratch = new int[ladder.count() * 2];
    }
    final int removed = ladder.compact(levelOrderCounts, levelPrices, scratch);
    for (int i = 0; i < removed; i++) {
      releaseLevel(scratch[i]);
    }
  }

  private void unlinkFromList(int slot, int level) {
    final int prev = orderPrev[slot];
    final int next = orderNext[slot];
    if (prev == NIL) {
      levelHeads[level] = next;
    } else {
      orderNext[prev] = next;
    }
    if (next == NIL) {
      levelTails[level] = prev;
    } else {
      orderPrev[next] = prev;
    }
    levelOrderCounts[level]--;
  }

  private void appendToList(int slot, int level) {
    final int tail = levelTails[level];
    orderPrev[slot] = tail;
    orderNext[slot] = NIL;
    if (tail == NIL) {
      levelHeads[level] = slot;
    } else {
      orderNext[tail] = slot;
    }
    levelTails[level] = slot;
    levelOrderCounts[level]++;
  }

  private void refreshBest(boolean ask) {
    if (ask) {
      final int level = asks.bestLevel();
      bestAsk = level == LongIntHashMap.MISSING ? NO_ASK : levelPrices[level];
    } else {
      final int level = bids.bestLevel();
      bestBid = level == LongIntHashMap.MISSING ? NO_BID : levelPrices[level];
    }
  }

  // =====================================================================================
  // Pools
  // =====================================================================================

  private int allocOrder() {
    final int slot = freeOrder;
    if (slot != NIL) {
      freeOrder = orderNext[slot];
      return slot;
    }
    if (orderHighWater == orderIds.length) {
      growOrders();
    }
    return orderHighWater++;
  }

  /** Returns a slot (already unlinked and unmapped) to the pool. */
  private void releaseOrder(int slot) {
    orderNext[slot] = freeOrder;
    freeOrder = slot;
    orderCount--;
  }

  private void growOrders() {
    final int capacity = orderIds.length << 1;
    orderIds = Arrays.copyOf(orderIds, capacity);
    orderOwners = Arrays.copyOf(orderOwners, capacity);
    orderPrices = Arrays.copyOf(orderPrices, capacity);
    orderSizes = Arrays.copyOf(orderSizes, capacity);
    orderNext = Arrays.copyOf(orderNext, capacity);
    orderPrev = Arrays.copyOf(orderPrev, capacity);
    orderLevels = Arrays.copyOf(orderLevels, capacity);
    orderAsk = Arrays.copyOf(orderAsk, capacity);
  }

  private int allocLevel(long price) {
    int level = freeLevel;
    if (level != NIL) {
      freeLevel = levelHeads[level];
    } else {
      if (levelHighWater == levelPrices.length) {
        growLevels();
      }
      level = levelHighWater++;
    }
    levelPrices[level] = price;
    levelTotals[level] = 0;
    levelHeads[level] = NIL;
    levelTails[level] = NIL;
    levelOrderCounts[level] = 0;
    return level;
  }

  private void releaseLevel(int level) {
    levelHeads[level] = freeLevel;
    freeLevel = level;
  }

  private void growLevels() {
    final int capacity = levelPrices.length << 1;
    levelPrices = Arrays.copyOf(levelPrices, capacity);
    levelTotals = Arrays.copyOf(levelTotals, capacity);
    levelHeads = Arrays.copyOf(levelHeads, capacity);
    levelTails = Arrays.copyOf(levelTails, capacity);
    levelOrderCounts = Arrays.copyOf(levelOrderCounts, capacity);
  }

  // =====================================================================================
  // Listeners and queries
  // =====================================================================================

  @Override
  public void addListener(OrderBookListener listener) {
    listeners = ListenerFanout.add(listeners, listener);
    this.listener = ListenerFanout.of(listeners);
  }

  @Override
  public boolean removeListener(OrderBookListener listener) {
    final OrderBookListener[] before = listeners;
    listeners = ListenerFanout.remove(listeners, listener);
    this.listener = ListenerFanout.of(listeners);
    return before != listeners;
  }

  @Override
  public long bestBid() {
    return bestBid;
  }

  @Override
  public long bestAsk() {
    return bestAsk;
  }

  @Override
  public int depth(Side side, int maxLevels, long[] prices, long[] sizes) {
    final PriceLadder ladder = side == Side.ASK ? asks : bids;
    final int limit = Math.min(maxLevels, Math.min(prices.length, sizes.length));
    int n = 0;
    for (int i = 0; i < ladder.count() && n < limit; i++) {
      final int level = ladder.levelAt(i);
      if (levelOrderCounts[level] != 0) { // skip dormant levels
        prices[n] = levelPrices[level];
        sizes[n] = levelTotals[level];
        n++;
      }
    }
    return n;
  }

  @Override
  public long sizeAt(Side side, long price) {
    if (price < MIN_PRICE || price > MAX_PRICE) {
      return 0;
    }
    final int level = (side == Side.ASK ? asks : bids).find(price);
    return level == LongIntHashMap.MISSING ? 0 : levelTotals[level];
  }

  @Override
  public int levelCount(Side side) {
    return (side == Side.ASK ? asks : bids).liveCount();
  }

  @Override
  public int orderCount() {
    return orderCount;
  }

  private int slotOf(long orderId) {
    return orderId > 0 ? slotById.get(orderId) : LongIntHashMap.MISSING;
  }

  @Override
  public long remainingSize(long orderId) {
    final int slot = slotOf(orderId);
    return slot == LongIntHashMap.MISSING ? 0 : orderSizes[slot];
  }

  @Override
  public long orderPrice(long orderId) {
    final int slot = slotOf(orderId);
    return slot == LongIntHashMap.MISSING ? MARKET_PRICE : orderPrices[slot];
  }

  @Override
  public long queuePosition(long orderId) {
    final int slot = slotOf(orderId);
    if (slot == LongIntHashMap.MISSING) {
      return -1;
    }
    long ahead = 0;
    for (int s = orderPrev[slot]; s != NIL; s = orderPrev[s]) {
      ahead += orderSizes[s];
    }
    return ahead;
  }

  /** Receives the resting orders of {@link OrderBook#forEachOrder}. */
  @FunctionalInterface
  public interface RestingOrderVisitor {
    /**
     * One resting order.
     *
     * @param orderId the order id
     * @param owner the owner id
     * @param side its side
     * @param price limit price in ticks
     * @param size remaining lots
     */
    void order(long orderId, long owner, Side side, long price, long size);
  }

  /**
   * Visits every resting order, level by level and, within a level, in time priority: submitting
   * them in this order to an empty book as limit orders rebuilds an equal book (same {@link
   * #stateHash()}, same matching). Snapshots use it; not for hot paths.
   *
   * @param visitor receives each order
   */
  public void forEachOrder(RestingOrderVisitor visitor) {
    visitSide(bids, Side.BID, visitor);
    visitSide(asks, Side.ASK, visitor);
  }

  private void visitSide(PriceLadder ladder, Side side, RestingOrderVisitor visitor) {
    for (int i = 0; i < ladder.count(); i++) {
      final int level = ladder.levelAt(i);
      for (int s = levelHeads[level]; levelOrderCounts[level] != 0 && s != NIL; s = orderNext[s]) {
        visitor.order(orderIds[s], orderOwners[s], side, orderPrices[s], orderSizes[s]);
      }
    }
  }

  @Override
  public long stateHash() {
    long h = StateHash.SEED;
    h = hashSide(h, bids);
    h = hashSide(h, asks);
    return StateHash.finish(h);
  }

  private long hashSide(long hash, PriceLadder ladder) {
    long h = StateHash.mix(hash, ladder.liveCount());
    for (int i = 0; i < ladder.count(); i++) {
      final int level = ladder.levelAt(i);
      if (levelOrderCounts[level] == 0) {
        continue; // dormant
      }
      h = StateHash.mix(h, levelPrices[level]);
      h = StateHash.mix(h, levelOrderCounts[level]);
      for (int s = levelHeads[level]; s != NIL; s = orderNext[s]) {
        h = StateHash.mix(h, orderIds[s]);
        h = StateHash.mix(h, orderOwners[s]);
        h = StateHash.mix(h, orderSizes[s]);
      }
    }
    return h;
  }

  @Override
  public void clear() {
    slotById.clear();
    bids.clear();
    asks.clear();
    freeOrder = NIL;
    orderHighWater = 0;
    orderCount = 0;
    freeLevel = NIL;
    levelHighWater = 0;
    bestBid = NO_BID;
    bestAsk = NO_ASK;
  }
}
