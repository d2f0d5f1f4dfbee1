package org.mmlab.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mmlab.lob.LimitOrderBook;
import org.mmlab.lob.Side;

class BinanceBookTest {

  @Test
  void levelsAreSetReplacedAndRemoved() {
    BinanceBook b = new BinanceBook();
    assertThat(b.bestBid()).isEqualTo(LimitOrderBook.NO_BID);
    assertThat(b.bestAsk()).isEqualTo(LimitOrderBook.NO_ASK);
    assertThat(b.set(Side.BID, 100, 5)).isZero();
    assertThat(b.set(Side.BID, 98, 7)).isZero();
    assertThat(b.set(Side.BID, 99, 1)).isZero();
    assertThat(b.set(Side.ASK, 103, 2)).isZero();
    assertThat(b.set(Side.ASK, 101, 4)).isZero();
    assertThat(b.bestBid()).isEqualTo(100);
    assertThat(b.bestAsk()).isEqualTo(101);
    assertThat(b.set(Side.BID, 100, 3)).isEqualTo(5);
    assertThat(b.size(Side.BID, 100)).isEqualTo(3);
    assertThat(b.set(Side.BID, 100, 0)).isEqualTo(3);
    assertThat(b.set(Side.ASK, 150, 0)).isZero();
    assertThat(b.bestBid()).isEqualTo(99);
    long[] px = new long[5];
    long[] sz = new long[5];
    assertThat(b.depth(Side.BID, 5, px, sz)).isEqualTo(2);
    assertThat(px).startsWith(99, 98);
    assertThat(sz).startsWith(1, 7);
    assertThat(b.depth(Side.ASK, 1, px, sz)).isEqualTo(1);
    assertThat(px[0]).isEqualTo(101);
    assertThat(b.price(Side.ASK, 1)).isEqualTo(103);
    assertThat(b.sizeAt(Side.ASK, 1)).isEqualTo(2);
    assertThat(b.isCrossed()).isFalse();
    b.set(Side.ASK, 99, 1);
    assertThat(b.isCrossed()).isTrue();
  }

  @Test
  void matchesAMapUnderRandomUpdates() {
    BinanceBook b = new BinanceBook();
    Map<Long, Long> bids = new TreeMap<>();
    Map<Long, Long> asks = new TreeMap<>();
    Random r = new Random(7);
    for (int i = 0; i < 200_000; i++) {
      boolean bid = r.nextBoolean();
      long price = bid ? 1 + r.nextInt(3_000) : 3_001 + r.nextInt(3_000);
      long size = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(1_000);
      Map<Long, Long> side = bid ? bids : asks;
      Long prev = size == 0 ? side.remove(price) : side.put(price, size);
      assertThat(b.set(bid ? Side.BID : Side.ASK, price, size)).isEqualTo(prev == null ? 0 : prev);
    }
    assertThat(b.levels(Side.BID)).isEqualTo(bids.size());
    assertThat(b.levels(Side.ASK)).isEqualTo(asks.size());
    int i = 0;
    for (long p : ((TreeMap<Long, Long>) bids).descendingKeySet()) {
      assertThat(b.price(Side.BID, i)).isEqualTo(p);
      assertThat(b.sizeAt(Side.BID, i++)).isEqualTo(bids.get(p));
    }
    i = 0;
    for (Map.Entry<Long, Long> e : asks.entrySet()) {
      assertThat(b.price(Side.ASK, i)).isEqualTo(e.getKey());
      assertThat(b.sizeAt(Side.ASK, i++)).isEqualTo(e.getValue());
    }
  }

  @Test
  void decimalsConvertExactlyOrRound() {
    DecimalStep tick = new DecimalStep(new BigDecimal("0.1"));
    assertThat(convert(tick, "61800.20", false)).isEqualTo(618_002);
    assertThat(convert(tick, "61800.25", false)).isEqualTo(DecimalStep.NOT_A_MULTIPLE);
    assertThat(convert(tick, "61800.25", true)).isEqualTo(618_003);
    assertThat(tick.rounded()).isTrue();
    assertThat(convert(tick, "7", false)).isEqualTo(70);
    assertThat(convert(tick, "0.", false)).isZero();
    assertThat(convert(tick, "1e5", false)).isEqualTo(DecimalStep.NOT_A_NUMBER);
    assertThat(convert(tick, "-1", false)).isEqualTo(DecimalStep.NOT_A_NUMBER);
    assertThat(convert(tick, "1.2.3", false)).isEqualTo(DecimalStep.NOT_A_NUMBER);
    assertThat(convert(tick, ".", false)).isEqualTo(DecimalStep.NOT_A_NUMBER);
    DecimalStep lot = new DecimalStep(new BigDecimal("0.00001"));
    assertThat(convert(lot, "3.78826000", false)).isEqualTo(378_826);
    assertThat(convert(lot, "0.00000000", false)).isZero();
    assertThat(convert(lot, "25.42618900", true)).isEqualTo(2_542_619);
    assertThat(convert(lot, "0.000001", true)).isEqualTo(1);
    assertThat(lot.rounded()).isTrue();
    assertThat(convert(lot, "0.00001000000000000000000000", false)).isEqualTo(1);
    // Beyond the fast path: exact through BigDecimal.
    assertThat(convert(lot, "12345678901234.00001", false)).isEqualTo(1_234_567_890_123_400_001L);
    DecimalStep half = new DecimalStep(new BigDecimal("0.5"));
    assertThat(convert(half, "2.5", false)).isEqualTo(5);
    assertThat(convert(half, "2.25", false)).isEqualTo(DecimalStep.NOT_A_MULTIPLE);
  }

  private static long convert(DecimalStep s, String text, boolean round) {
    char[] c = ("xx" + text + "yy").toCharArray();
    return s.convert(c, 2, text.length(), round);
  }
}
