package org.mmlab.lob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Drives {@link OrderBook} and {@link ReferenceOrderBook} with the same seeded random commands and
 * requires identical answers, identical event streams (checked after every command) and identical
 * state (best prices and order count after every command, state hash, depth and per-order queries
 * periodically, state hash at the end).
 */
class DifferentialTest {
  private static final int OPS_PER_SEED = 1_000_000;
  private static final int FULL_CHECK_EVERY = 1_000;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1L, 7L, 42L, 20_240_601L})
  void fastBookProducesTheReferenceEventStream(long seed) {
    // Tiny initial pools, so that growth runs during the test, and a low dormant-level slack, so
    // that level purges run often.
    OrderBook fast = new OrderBook(16, 4, (int) (seed % 3));
    ReferenceOrderBook ref = new ReferenceOrderBook();
    EventLog fastLog = new EventLog();
    EventLog refLog = new EventLog();
    CoverageCounter coverage = new CoverageCounter();
    fast.addListener(fastLog);
    ref.addListener(refLog);
    ref.addListener(coverage);
    RandomCommands commands = new RandomCommands(seed, 400);
    long[] fp = new long[10];
    long[] fs = new long[10];
    long[] rp = new long[10];
    long[] rs = new long[10];
    int maxOrders = 0;

    for (int op = 0; op < OPS_PER_SEED; op++) {
      commands.next(ref);
      boolean fastAnswer = commands.apply(fast);
      boolean refAnswer = commands.apply(ref);
      int diff = fastLog.firstDifference(refLog);
      if (diff >= 0 || fastAnswer != refAnswer) {
        fail(
            "seed "
                + seed
                + " op "
                + op
                + " "
                + commands.describe()
                + ": answers fast="
                + fastAnswer
                + " ref="
                + refAnswer
                + "; first differing event #"
                + diff
                + "\n fast: "
                + fastLog.describe(Math.max(diff, 0))
                + "\n ref:  "
                + refLog.describe(Math.max(diff, 0))
                + "\nfast events:\n"
                + fastLog.dump()
                + "ref events:\n"
                + refLog.dump());
      }
      fastLog.reset();
      refLog.reset();
      if (fast.bestBid() != ref.bestBid()
          || fast.bestAsk() != ref.bestAsk()
          || fast.orderCount() != ref.orderCount()) {
        fail("seed " + seed + " op " + op + " " + commands.describe() + ": top of book differs");
      }
      maxOrders = Math.max(maxOrders, ref.orderCount());
      if (op % FULL_CHECK_EVERY == 0) {
        String where = "seed " + seed + " op " + op;
        assertThat(fast.stateHash()).as(where).isEqualTo(ref.stateHash());
        for (Side side : Side.values()) {
          assertThat(fast.levelCount(side)).as(where).isEqualTo(ref.levelCount(side));
          int n = fast.depth(side, 10, fp, fs);
          assertThat(ref.depth(side, 10, rp, rs)).as(where).isEqualTo(n);
          for (int i = 0; i < n; i++) {
            assertThat(fp[i]).as(where).isEqualTo(rp[i]);
            assertThat(fs[i]).as(where).isEqualTo(rs[i]);
            assertThat(fast.sizeAt(side, fp[i])).as(where).isEqualTo(rs[i]);
          }
        }
        for (long id = Math.max(1, commands.id - 50); id <= commands.id + 1; id++) {
          assertThat(fast.remainingSize(id))
              .as(where + " id " + id)
              .isEqualTo(ref.remainingSize(id));
          assertThat(fast.queuePosition(id))
              .as(where + " id " + id)
              .isEqualTo(ref.queuePosition(id));
          assertThat(fast.orderPrice(id)).as(where + " id " + id).isEqualTo(ref.orderPrice(id));
        }
      }
    }
    assertThat(fast.stateHash()).isEqualTo(ref.stateHash());

    // The stream must have exercised every outcome, or the comparison proves little.
    for (RejectReason r : RejectReason.values()) {
      assertThat(coverage.rejects[r.ordinal()]).as(r + " in " + coverage).isPositive();
    }
    for (CancelReason c : CancelReason.values()) {
      assertThat(coverage.cancels[c.ordinal()]).as(c + " in " + coverage).isPositive();
    }
    for (OrderType t : OrderType.values()) {
      assertThat(coverage.accepted[t.ordinal()]).as(t + " in " + coverage).isPositive();
    }
    assertThat(coverage.replacesKept).as(coverage.toString()).isGreaterThan(1000);
    assertThat(coverage.replacesMoved).as(coverage.toString()).isGreaterThan(1000);
    assertThat(coverage.trades).as(coverage.toString()).isGreaterThan(10_000);
    System.out.println("seed " + seed + ": max resting orders " + maxOrders + "; " + coverage);
  }
}
