package org.mmlab.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The queue model on hand-built sequences (lots; exchange times in ms). */
class BinanceQueuePositionTest {

  @Test
  void tradesTakeTheQueueAheadThenReachTheOrder() {
    QueuePosition q = new QueuePosition();
    q.join(5, 0, Long.MIN_VALUE, 1_000);
    assertThat(q.ahead()).isEqualTo(5);
    // A trade of 3 at our price, not yet in the depth: 2 left ahead.
    assertThat(q.onTrade(3, 1_010, 1_000)).isZero();
    assertThat(q.ahead()).isEqualTo(2);
    assertThat(q.pendingTrades()).isEqualTo(3);
    // The depth then shows the level 5 -> 2: fully explained by the trade.
    q.onLevelChange(5, 2, 1_020);
    q.onDepthUpdate(1_020);
    assertThat(q.ahead()).isEqualTo(2);
    assertThat(q.pendingTrades()).isZero();
    // Orders join behind: 2 -> 6.
    q.onLevelChange(2, 6, 1_030);
    assertThat(q.ahead()).isEqualTo(2);
    // A cancel-like decrease of 3 with 2 ahead and 4 behind: round(3 * 2 / 6) = 1 from ahead.
    q.onLevelChange(6, 3, 1_040);
    assertThat(q.ahead()).isEqualTo(1);
    // A trade of 4 at our price: 1 ahead, 3 reach the order.
    assertThat(q.onTrade(4, 1_050, 1_040)).isEqualTo(3);
    assertThat(q.ahead()).isZero();
    // Further trades reach the order in full.
    assertThat(q.onTrade(2, 1_060, 1_040)).isEqualTo(2);
  }

  @Test
  void aDecreaseLargerThanTheQueueBehindComesFromAhead() {
    QueuePosition q = new QueuePosition();
    q.join(8);
    q.onLevelChange(8, 10, 1);
    // 8 ahead, 2 behind; a decrease of 6: round(6 * 8 / 10) = 5 from ahead, 1 from behind.
    q.onLevelChange(10, 4, 2);
    assertThat(q.ahead()).isEqualTo(3);
    // 3 ahead, 1 behind; a decrease of 4 must take everything.
    q.onLevelChange(4, 0, 3);
    assertThat(q.ahead()).isZero();
  }

  @Test
  void cancellationsNeverFillAndAheadNeverExceedsTheLevel() {
    QueuePosition q = new QueuePosition();
    q.join(10);
    q.onLevelChange(10, 0, 1);
    assertThat(q.ahead()).isZero();
    q.join(10);
    q.onLevelChange(10, 12, 1);
    q.onLevelChange(12, 3, 2);
    assertThat(q.ahead()).isLessThanOrEqualTo(3);
  }

  @Test
  void aTradeArrivingAfterTheDepthThatShowedItIsNotCountedTwice() {
    QueuePosition q = new QueuePosition();
    q.join(5, 0, Long.MIN_VALUE, 100);
    q.onLevelChange(5, 10, 110);
    // 5 ahead, 5 behind. The depth shows 10 -> 7 (at exchange time 120) before the trade of 3
    // (time 115) that caused it arrives: first taken as a cancel, round(3 * 5 / 10) = 2 ahead.
    q.onLevelChange(10, 7, 120);
    q.onDepthUpdate(120);
    assertThat(q.ahead()).isEqualTo(3);
    // The late trade explains it: the 3 came from ahead, so ahead = 5 - 3 = 2, not 3 - 3 = 0.
    assertThat(q.onTrade(3, 115, 120)).isZero();
    assertThat(q.ahead()).isEqualTo(2);
  }

  @Test
  void tradesFromBeforeTheJoinAreIgnoredAndUnreflectedOnesCountAtJoin() {
    QueuePosition q = new QueuePosition();
    q.join(5, 0, Long.MIN_VALUE, 100);
    // A trade from before the depth the order joined: already in the visible size.
    assertThat(q.onTrade(3, 90, 100)).isZero();
    assertThat(q.ahead()).isEqualTo(5);
    // Joining while 2 lots traded at the price are not yet in the depth: 5 - 2 ahead, and the
    // depth decrease that follows is explained by them.
    q.join(5, 2, 105, 100);
    assertThat(q.ahead()).isEqualTo(3);
    q.onLevelChange(5, 3, 110);
    q.onDepthUpdate(110);
    assertThat(q.ahead()).isEqualTo(3);
  }

  @Test
  void shareRoundsAndSurvivesLargeProducts() {
    assertThat(QueuePosition.share(3, 2, 6)).isEqualTo(1);
    assertThat(QueuePosition.share(1, 1, 2)).isEqualTo(1);
    assertThat(QueuePosition.share(1, 1, 3)).isZero();
    assertThat(QueuePosition.share(5, 0, 0)).isZero();
    long big = 3_000_000_000_000L;
    assertThat(QueuePosition.share(big, big, 2 * big)).isEqualTo(big / 2);
  }
}
