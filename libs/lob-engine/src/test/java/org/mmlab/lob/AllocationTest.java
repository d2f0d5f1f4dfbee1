package org.mmlab.lob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast book must not allocate per command once its pools have grown to the working set. Counts
 * this thread's allocated bytes (HotSpot's {@code com.sun.management.ThreadMXBean}) across a replay
 * of a pre-generated command stream; no timing is involved.
 */
class AllocationTest {

  @Test
  void steadyStateCommandsDoNotAllocate() {
    java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot allocation counter");
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
    assumeTrue(
        threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());

    // Pre-generate primitive command arrays: submit (0), cancel (1), replace (2).
    int n = 200_000;
    int[] kind = new int[n];
    long[] id = new long[n];
    long[] owner = new long[n];
    long[] price = new long[n];
    long[] size = new long[n];
    int[] typeAndSide = new int[n];
    SplittableRandom random = new SplittableRandom(5);
    long nextId = 1;
    for (int i = 0; i < n; i++) {
      int r = random.nextInt(100);
      kind[i] = r < 50 ? 0 : r < 70 ? 1 : 2;
      id[i] = kind[i] == 0 ? nextId++ : Math.max(1, nextId - 1 - random.nextInt(400));
      owner[i] = random.nextInt(4);
      boolean bid = random.nextBoolean();
      long d = random.nextInt(30) - 3;
      price[i] = bid ? 1_000 - d : 1_000 + d;
      size[i] = 1 + random.nextInt(20);
      typeAndSide[i] = random.nextInt(OrderType.values().length) * 2 + (bid ? 0 : 1);
    }
    OrderBook book = new OrderBook();
    OrderBookListener sink =
        new OrderBookListener() {
          long sum;

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
            sum += size;
          }
        };
    book.addListener(sink);
    OrderType[] types = OrderType.values();
    Side[] sides = Side.values();

    for (int round = 0; round < 6; round++) { // warm-up rounds grow pools and compile
      book.clear();
      long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
      for (int i = 0; i < n; i++) {
        switch (kind[i]) {
          case 0:
            book.submit(
                id[i],
                owner[i],
                sides[typeAndSide[i] & 1],
                types[typeAndSide[i] >> 1],
                price[i],
                size[i]);
            break;
          case 1:
            book.cancel(id[i]);
            break;
          default:
            book.replace(id[i], price[i], size[i]);
        }
      }
      long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
      if (round == 5) {
        // A little slack for the measurement call itself; 200k commands allocating anything per
        // command would be megabytes.
        assertThat(allocated).as("bytes allocated by %d commands", n).isLessThan(4_096);
      }
    }
  }
}
