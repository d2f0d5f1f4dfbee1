package org.mmlab.lob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mmlab.lob.LimitOrderBook.NO_ASK;
import static org.mmlab.lob.LimitOrderBook.NO_BID;
import static org.mmlab.lob.LimitOrderBook.NO_OWNER;
import static org.mmlab.lob.OrderType.IOC;
import static org.mmlab.lob.OrderType.LIMIT;
import static org.mmlab.lob.OrderType.MARKET;
import static org.mmlab.lob.OrderType.POST_ONLY;
import static org.mmlab.lob.Side.ASK;
import static org.mmlab.lob.Side.BID;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link LimitOrderBook} contract, event by event, run against both implementations (see the
 * subclasses {@link OrderBookTest} and {@link ReferenceOrderBookTest}). Event text is positional,
 * as {@link EventLog#describe} prints it:
 *
 * <pre>
 * ACCEPTED(id, owner, side, type, price, size)       REJECTED(command, id, owner, reason)
 * TRADE(maker, taker, makerOwner, takerOwner, price, size, aggressor, makerLeft, takerLeft)
 * CANCELLED(id, owner, side, price, size, reason)    LEVEL(side, price, total)
 * REPLACED(id, owner, side, oldPrice, oldSize, newPrice, newSize, priorityKept)
 * </pre>
 */
abstract class LimitOrderBookContract {
  static final long ALICE = 1;
  static final long BOB = 2;
  static final long CAROL = 3;

  LimitOrderBook book;
  EventLog log;

  abstract LimitOrderBook newBook();

  @BeforeEach
  void setUp() {
    book = newBook();
    log = new EventLog();
    book.addListener(log);
  }

  List<String> events() {
    return log.drain();
  }

  /** Submits a resting limit order and discards its events. */
  void rest(long id, long owner, Side side, long price, long size) {
    assertThat(book.submit(id, owner, side, LIMIT, price, size)).isTrue();
    assertThat(book.remainingSize(id)).isEqualTo(size);
    log.reset();
  }

  // ---------------------------------------------------------------- limit orders

  @Test
  void limitOrderRestsAndReportsItsLevel() {
    assertThat(book.submit(1, ALICE, BID, LIMIT, 100, 10)).isTrue();
    assertThat(events())
        .containsExactly("ACCEPTED(1, 1, BID, LIMIT, 100, 10)", "LEVEL(BID, 100, 10)");
    assertThat(book.bestBid()).isEqualTo(100);
    assertThat(book.bestAsk()).isEqualTo(NO_ASK);
    assertThat(book.orderCount()).isEqualTo(1);
    assertThat(book.remainingSize(1)).isEqualTo(10);
    assertThat(book.orderPrice(1)).isEqualTo(100);
  }

  @Test
  void emptyBookReportsSentinels() {
    assertThat(book.bestBid()).isEqualTo(NO_BID);
    assertThat(book.bestAsk()).isEqualTo(NO_ASK);
    assertThat(book.orderCount()).isZero();
    assertThat(book.levelCount(BID)).isZero();
    assertThat(book.remainingSize(1)).isZero();
    assertThat(book.queuePosition(1)).isEqualTo(-1);
    assertThat(book.orderPrice(1)).isEqualTo(LimitOrderBook.MARKET_PRICE);
    assertThat(book.sizeAt(ASK, 100)).isZero();
  }

  @Test
  void crossingLimitTradesAtMakerPriceAndRestsRemainder() {
    rest(1, ALICE, ASK, 101, 5);
    assertThat(book.submit(2, BOB, BID, LIMIT, 103, 8)).isTrue();
    assertThat(events())
        .containsExactly(
            "ACCEPTED(2, 2, BID, LIMIT, 103, 8)",
            "TRADE(1, 2, 1, 2, 101, 5, BID, 0, 3)",
            "LEVEL(ASK, 101, 0)",
            "LEVEL(BID, 103, 3)");
    assertThat(book.bestBid()).isEqualTo(103);
    assertThat(book.bestAsk()).isEqualTo(NO_ASK);
    assertThat(book.remainingSize(1)).isZero();
    assertThat(book.remainingSize(2)).isEqualTo(3);
  }

  @Test
  void fullyFilledTakerGetsNoFurtherEvent() {
    rest(1, ALICE, BID, 100, 10);
    assertThat(book.submit(2, BOB, ASK, LIMIT, 100, 4)).isTrue();
    assertThat(events())
        .containsExactly(
            "ACCEPTED(2, 2, ASK, LIMIT, 100, 4)",
            "TRADE(1, 2, 1, 2, 100, 4, ASK, 6, 0)",
            "LEVEL(BID, 100, 6)");
    assertThat(book.remainingSize(2)).isZero();
    assertThat(book.orderCount()).isEqualTo(1);
  }

  @Test
  void priceThenTimePriority() {
    rest(1, ALICE, ASK, 102, 1);
    rest(2, BOB, ASK, 101, 1);
    rest(3, CAROL, ASK, 101, 1);
    rest(4, ALICE, ASK, 101, 1);
    assertThat(book.submit(5, 9, BID, LIMIT, 102, 4)).isTrue();
    assertThat(events())
        .containsExactly(
            "ACCEPTED(5, 9, BID, LIMIT, 102, 4)",
            "TRADE(2, 5, 2, 9, 101, 1, BID, 0, 3)",
            "TRADE(3, 5, 3, 9, 101, 1, BID, 0, 2)",
            "TRADE(4, 5, 1, 9, 101, 1, BID, 0, 1)",
            "LEVEL(ASK, 101, 0)",
            "TRADE(1, 5, 1, 9, 102, 1, BID, 0, 0)",
            "LEVEL(ASK, 102, 0)");
    assertThat(book.orderCount()).isZero();
  }

  @Test
  void sweepStopsAtLimitPrice() {
    rest(1, ALICE, BID, 100, 2);
    rest(2, ALICE, BID, 99, 2);
    rest(3, ALICE, BID, 98, 2);
    assertThat(book.submit(4, BOB, ASK, LIMIT, 99, 10)).isTrue();
    assertThat(events())
        .containsExactly(
            "ACCEPTED(4, 2, ASK, LIMIT, 99, 10)",
            "TRADE(1, 4, 1, 2, 100, 2, ASK, 0, 8)",
            "LEVEL(BID, 100, 0)",
            "TRADE(2, 4, 1, 2, 99, 2, ASK, 0, 6)",
            "LEVEL(BID, 99, 0)",
            "LEVEL(ASK, 99, 6)");
    assertThat(book.bestBid()).isEqualTo(98);
    assertThat(book.bestAsk()).isEqualTo(99);
  }

  @Test
  void extremeValidPricesWork() {
    rest(1, ALICE, ASK, LimitOrderBook.MAX_PRICE, 1);
    rest(2, ALICE, BID, LimitOrderBook.MIN_PRICE, 1);
    assertThat(book.bestAsk()).isEqualTo(LimitOrderBook.MAX_PRICE);
    assertThat(book.bestBid()).isEqualTo(LimitOrderBook.MIN_PRICE);
    assertThat(book.submit(3, BOB, BID, LIMIT, LimitOrderBook.MAX_PRICE, 1)).isTrue();
    assertThat(book.bestAsk()).isEqualTo(NO_ASK);
  }

  // ---------------------------------------------------------------- IOC, market, post-only

  @Test
  void iocRemainderIsCancelled() {
    rest(1, ALICE, ASK, 101, 3);
    assertThat(book.submit(2, BOB, BID, IOC, 101, 5)).isTrue();
    assertThat(events())
        .containsExactly(
            "ACCEPTED(2, 2, BID, IOC, 101, 5)",
            "TRADE(1, 2, 1, 2, 101, 3, BID, 0, 2)",
            "LEVEL(ASK, 101, 0)",
            "CANCELLED(2, 2, BID, 101, 2, IOC_REMAINDER)");
    assertThat(book.orderCount()).isZero();
  }

  @Test
  void iocThatDoesNotCrossIsCancelledWhole() {
    rest(1, ALICE, ASK, 101, 3);
    assertThat(book.submit(2, BOB, BID, IOC, 100, 5)).isTrue();
    assertThat(events())
        .containsExactly(
            "ACCEPTED(2, 2, BID, IOC, 100, 5)", "CANCELLED(2, 2, BID, 100, 5, IOC_REMAINDER)");
  }

  @Test
  void fullyFilledIocHasNoRemainderEvent() {
    rest(1, ALICE, ASK, 101, 5);
    assertThat(book.submit(2, BOB, BID, IOC, 105, 5)).isTrue();
    assertThat(events())
        .containsExactly(
            "ACCEPTED(2, 2, BID, IOC, 105, 5)",
            "TRADE(1, 2, 1, 2, 101, 5, BID, 0, 0)",
            "LEVEL(ASK, 101, 0)");
  }

  @Test
  void marketOrderSweepsAnyPriceAndCancelsRemainder() {
    rest(1, ALICE, BID, 100, 2);
    rest(2, CAROL, BID, 1, 2);
    assertThat(book.submit(3, BOB, ASK, MARKET, -42, 10)).isTrue(); // price ignored
    assertThat(events())
        .containsExactly(
            "ACCEPTED(3, 2, ASK, MARKET, 0, 10)",
            "TRADE(1, 3, 1, 2, 100, 2, ASK, 0, 8)",
            "LEVEL(BID, 100, 0)",
            "TRADE(2, 3, 3, 2, 1, 2, ASK, 0, 6)",
            "LEVEL(BID, 1, 0)",
            "CANCELLED(3, 2, ASK, 0, 6, MARKET_REMAINDER)");
    assertThat(book.bestBid()).isEqualTo(NO_BID);
  }

  @Test
  void marketOrderOnEmptySideIsCancelledWhole() {
    assertThat(book.submit(1, BOB, BID, MARKET, 0, 7)).isTrue();
    assertThat(events())
        .containsExactly(
            "ACCEPTED(1, 2, BID, MARKET, 0, 7)", "CANCELLED(1, 2, BID, 0, 7, MARKET_REMAINDER)");
  }

  @Test
  void postOnlyRestsWhenItDoesNotCross() {
    rest(1, ALICE, ASK, 101, 3);
    assertThat(book.submit(2, BOB, BID, POST_ONLY, 100, 5)).isTrue();
    assertThat(events())
        .containsExactly("ACCEPTED(2, 2, BID, POST_ONLY, 100, 5)", "LEVEL(BID, 100, 5)");
  }

  @Test
  void postOnlyThatWouldCrossIsRejected() {
    rest(1, ALICE, ASK, 101, 3);
    rest(2, ALICE, BID, 99, 3);
    assertThat(book.submit(3, BOB, BID, POST_ONLY, 101, 5)).isFalse();
    assertThat(book.submit(4, BOB, ASK, POST_ONLY, 99, 5)).isFalse();
    assertThat(book.submit(5, BOB, ASK, POST_ONLY, 50, 5)).isFalse();
    assertThat(events())
        .containsExactly(
            "REJECTED(SUBMIT, 3, 2, POST_ONLY_WOULD_CROSS)",
            "REJECTED(SUBMIT, 4, 2, POST_ONLY_WOULD_CROSS)",
            "REJECTED(SUBMIT, 5, 2, POST_ONLY_WOULD_CROSS)");
    assertThat(book.orderCount()).isEqualTo(2);
  }

  @Test
  void postOnlyIsRejectedEvenIfOnlyItsOwnOrderWouldCross() {
    rest(1, ALICE, ASK, 101, 3);
    assertThat(book.submit(2, ALICE, BID, POST_ONLY, 101, 5)).isFalse();
    assertThat(events()).containsExactly("REJECTED(SUBMIT, 2, 1, POST_ONLY_WOULD_CROSS)");
  }

  // ---------------------------------------------------------------- rejections

  @Test
  void everySubmitRejectionReason() {
    rest(7, ALICE, BID, 100, 1);
    assertThat(book.submit(0, ALICE, BID, LIMIT, 100, 1)).isFalse();
    assertThat(book.submit(-5, ALICE, BID, LIMIT, 100, 1)).isFalse();
    assertThat(book.submit(1, ALICE, null, LIMIT, 100, 1)).isFalse();
    assertThat(book.submit(1, ALICE, BID, null, 100, 1)).isFalse();
    assertThat(book.submit(1, ALICE, BID, LIMIT, 0, 1)).isFalse();
    assertThat(book.submit(1, ALICE, BID, IOC, -1, 1)).isFalse();
    assertThat(book.submit(1, ALICE, ASK, POST_ONLY, Long.MAX_VALUE, 1)).isFalse();
    assertThat(book.submit(1, ALICE, BID, LIMIT, 100, 0)).isFalse();
    assertThat(book.submit(1, ALICE, BID, MARKET, 100, -3)).isFalse();
    assertThat(book.submit(7, BOB, ASK, LIMIT, 200, 1)).isFalse();
    assertThat(events())
        .containsExactly(
            "REJECTED(SUBMIT, 0, 1, BAD_ORDER_ID)",
            "REJECTED(SUBMIT, -5, 1, BAD_ORDER_ID)",
            "REJECTED(SUBMIT, 1, 1, BAD_SIDE)",
            "REJECTED(SUBMIT, 1, 1, BAD_ORDER_TYPE)",
            "REJECTED(SUBMIT, 1, 1, BAD_PRICE)",
            "REJECTED(SUBMIT, 1, 1, BAD_PRICE)",
            "REJECTED(SUBMIT, 1, 1, BAD_PRICE)",
            "REJECTED(SUBMIT, 1, 1, BAD_SIZE)",
            "REJECTED(SUBMIT, 1, 1, BAD_SIZE)",
            "REJECTED(SUBMIT, 7, 2, DUPLICATE_ORDER_ID)");
    assertThat(book.orderCount()).isEqualTo(1);
  }

  @Test
  void validationOrderIsIdSideTypePriceSizeDuplicatePostOnly() {
    rest(7, ALICE, ASK, 100, 1);
    book.submit(-1, ALICE, null, null, 0, 0);
    book.submit(1, ALICE, null, null, 0, 0);
    book.submit(1, ALICE, BID, null, 0, 0);
    book.submit(1, ALICE, BID, LIMIT, 0, 0);
    book.submit(1, ALICE, BID, MARKET, 0, 0);
    book.submit(7, ALICE, BID, POST_ONLY, 100, 1);
    assertThat(events())
        .containsExactly(
            "REJECTED(SUBMIT, -1, 1, BAD_ORDER_ID)",
            "REJECTED(SUBMIT, 1, 1, BAD_SIDE)",
            "REJECTED(SUBMIT, 1, 1, BAD_ORDER_TYPE)",
            "REJECTED(SUBMIT, 1, 1, BAD_PRICE)",
            "REJECTED(SUBMIT, 1, 1, BAD_SIZE)",
            "REJECTED(SUBMIT, 7, 1, DUPLICATE_ORDER_ID)");
  }

  @Test
  void idMayBeReusedOnceTheOrderHasLeftTheBook() {
    rest(1, ALICE, BID, 100, 1);
    book.cancel(1);
    assertThat(book.submit(1, ALICE, BID, LIMIT, 100, 1)).isTrue();
    assertThat(book.submit(2, BOB, ASK, IOC, 100, 1)).isTrue(); // fills order 1
    assertThat(book.submit(2, BOB, ASK, IOC, 100, 1)).isTrue(); // IOC id 2 never rested
    assertThat(book.submit(1, BOB, ASK, LIMIT, 105, 1)).isTrue();
  }

  // ---------------------------------------------------------------- cancel

  @Test
  void cancelRemovesOrderAndEmptiedLevel() {
    rest(1, ALICE, BID, 100, 4);
    rest(2, BOB, BID, 100, 6);
    assertThat(book.cancel(1)).isTrue();
    assertThat(events())
        .containsExactly("CANCELLED(1, 1, BID, 100, 4, USER)", "LEVEL(BID, 100, 6)");
    assertThat(book.cancel(2)).isTrue();
    assertThat(events())
        .containsExactly("CANCELLED(2, 2, BID, 100, 6, USER)", "LEVEL(BID, 100, 0)");
    assertThat(book.bestBid()).isEqualTo(NO_BID);
    assertThat(book.levelCount(BID)).isZero();
  }

  @Test
  void cancelOfBestLevelUpdatesBest() {
    rest(1, ALICE, ASK, 101, 1);
    rest(2, ALICE, ASK, 103, 1);
    rest(3, ALICE, ASK, 102, 1);
    book.cancel(1);
    assertThat(book.bestAsk()).isEqualTo(102);
    book.cancel(2);
    assertThat(book.bestAsk()).isEqualTo(102);
  }

  @Test
  void cancelUnknownIsRejected() {
    rest(1, ALICE, BID, 100, 4);
    assertThat(book.cancel(99)).isFalse();
    assertThat(book.cancel(0)).isFalse();
    assertThat(book.cancel(-1)).isFalse();
    book.cancel(1);
    log.reset();
    assertThat(book.cancel(1)).isFalse();
    assertThat(events()).containsExactly("REJECTED(CANCEL, 1, " + NO_OWNER + ", UNKNOWN_ORDER)");
  }

  @Test
  void cancelOfPartiallyFilledOrderCancelsTheRemainder() {
    rest(1, ALICE, BID, 100, 10);
    book.submit(2, BOB, ASK, IOC, 100, 3);
    log.reset();
    book.cancel(1);
    assertThat(events())
        .containsExactly("CANCELLED(1, 1, BID, 100, 7, USER)", "LEVEL(BID, 100, 0)");
  }

  // ---------------------------------------------------------------- replace

  @Test
  void sizeDecreaseKeepsQueuePriority() {
    rest(1, ALICE, BID, 100, 10);
    rest(2, BOB, BID, 100, 10);
    assertThat(book.replace(1, 100, 4)).isTrue();
    assertThat(events())
        .containsExactly("REPLACED(1, 1, BID, 100, 10, 100, 4, true)", "LEVEL(BID, 100, 14)");
    assertThat(book.queuePosition(1)).isZero();
    assertThat(book.queuePosition(2)).isEqualTo(4);
    book.submit(3, CAROL, ASK, IOC, 100, 5);
    assertThat(events())
        .containsExactly(
            "ACCEPTED(3, 3, ASK, IOC, 100, 5)",
            "TRADE(1, 3, 1, 3, 100, 4, ASK, 0, 1)",
            "TRADE(2, 3, 2, 3, 100, 1, ASK, 9, 0)",
            "LEVEL(BID, 100, 9)");
  }

  @Test
  void unchangedReplaceKeepsPriorityWithoutLevelEvent() {
    rest(1, ALICE, BID, 100, 10);
    rest(2, BOB, BID, 100, 10);
    assertThat(book.replace(1, 100, 10)).isTrue();
    assertThat(events()).containsExactly("REPLACED(1, 1, BID, 100, 10, 100, 10, true)");
    assertThat(book.queuePosition(1)).isZero();
  }

  @Test
  void sizeIncreaseLosesQueuePriority() {
    rest(1, ALICE, ASK, 100, 10);
    rest(2, BOB, ASK, 100, 10);
    assertThat(book.replace(1, 100, 12)).isTrue();
    assertThat(events())
        .containsExactly("REPLACED(1, 1, ASK, 100, 10, 100, 12, false)", "LEVEL(ASK, 100, 22)");
    assertThat(book.queuePosition(1)).isEqualTo(10);
    assertThat(book.queuePosition(2)).isZero();
  }

  @Test
  void sizeIncreaseOfLastOrderStaysLast() {
    rest(1, ALICE, ASK, 100, 10);
    assertThat(book.replace(1, 100, 12)).isTrue();
    assertThat(events())
        .containsExactly("REPLACED(1, 1, ASK, 100, 10, 100, 12, false)", "LEVEL(ASK, 100, 12)");
    assertThat(book.remainingSize(1)).isEqualTo(12);
  }

  @Test
  void priceChangeLosesPriorityEvenWhenMovingBack() {
    rest(1, ALICE, BID, 100, 5);
    rest(2, BOB, BID, 100, 5);
    rest(3, CAROL, BID, 99, 5);
    assertThat(book.replace(1, 99, 5)).isTrue();
    assertThat(events())
        .containsExactly(
            "REPLACED(1, 1, BID, 100, 5, 99, 5, false)",
            "LEVEL(BID, 100, 5)",
            "LEVEL(BID, 99, 10)");
    assertThat(book.queuePosition(1)).isEqualTo(5);
    book.replace(1, 100, 5);
    assertThat(book.queuePosition(1)).isEqualTo(5);
    assertThat(book.orderPrice(1)).isEqualTo(100);
  }

  @Test
  void priceChangeToNewBestLevelUpdatesBest() {
    rest(1, ALICE, BID, 100, 5);
    book.replace(1, 101, 5);
    assertThat(events())
        .containsExactly(
            "REPLACED(1, 1, BID, 100, 5, 101, 5, false)",
            "LEVEL(BID, 100, 0)",
            "LEVEL(BID, 101, 5)");
    assertThat(book.bestBid()).isEqualTo(101);
    assertThat(book.levelCount(BID)).isEqualTo(1);
  }

  @Test
  void replaceToCrossingPriceMatchesAsLimit() {
    rest(1, ALICE, ASK, 102, 3);
    rest(2, BOB, BID, 100, 5);
    assertThat(book.replace(2, 102, 5)).isTrue();
    assertThat(events())
        .containsExactly(
            "REPLACED(2, 2, BID, 100, 5, 102, 5, false)",
            "LEVEL(BID, 100, 0)",
            "TRADE(1, 2, 1, 2, 102, 3, BID, 0, 2)",
            "LEVEL(ASK, 102, 0)",
            "LEVEL(BID, 102, 2)");
    assertThat(book.remainingSize(2)).isEqualTo(2);
    assertThat(book.bestBid()).isEqualTo(102);
  }

  @Test
  void replaceThatFillsCompletelyRemovesTheOrder() {
    rest(1, ALICE, ASK, 102, 9);
    rest(2, BOB, BID, 100, 5);
    book.replace(2, 103, 4);
    assertThat(events())
        .containsExactly(
            "REPLACED(2, 2, BID, 100, 5, 103, 4, false)",
            "LEVEL(BID, 100, 0)",
            "TRADE(1, 2, 1, 2, 102, 4, BID, 5, 0)",
            "LEVEL(ASK, 102, 5)");
    assertThat(book.remainingSize(2)).isZero();
    assertThat(book.orderCount()).isEqualTo(1);
    assertThat(book.submit(2, BOB, BID, LIMIT, 90, 1)).isTrue(); // id free again
  }

  @Test
  void crossingReplaceOfPostOnlyOrderTrades() {
    rest(1, ALICE, ASK, 102, 3);
    book.submit(2, BOB, BID, POST_ONLY, 100, 3);
    log.reset();
    assertThat(book.replace(2, 102, 3)).isTrue();
    assertThat(book.orderCount()).isZero();
  }

  @Test
  void everyReplaceRejectionReason() {
    rest(1, ALICE, BID, 100, 5);
    assertThat(book.replace(9, 100, 5)).isFalse();
    assertThat(book.replace(0, 100, 5)).isFalse();
    assertThat(book.replace(1, 0, 5)).isFalse();
    assertThat(book.replace(1, -100, 5)).isFalse();
    assertThat(book.replace(1, Long.MAX_VALUE, 5)).isFalse();
    assertThat(book.replace(1, 100, 0)).isFalse();
    assertThat(book.replace(1, 101, -1)).isFalse();
    assertThat(book.replace(9, 0, 0)).isFalse(); // unknown wins
    assertThat(book.replace(1, 0, 0)).isFalse(); // then price
    assertThat(events())
        .containsExactly(
            "REJECTED(REPLACE, 9, " + NO_OWNER + ", UNKNOWN_ORDER)",
            "REJECTED(REPLACE, 0, " + NO_OWNER + ", UNKNOWN_ORDER)",
            "REJECTED(REPLACE, 1, 1, BAD_PRICE)",
            "REJECTED(REPLACE, 1, 1, BAD_PRICE)",
            "REJECTED(REPLACE, 1, 1, BAD_PRICE)",
            "REJECTED(REPLACE, 1, 1, BAD_SIZE)",
            "REJECTED(REPLACE, 1, 1, BAD_SIZE)",
            "REJECTED(REPLACE, 9, " + NO_OWNER + ", UNKNOWN_ORDER)",
            "REJECTED(REPLACE, 1, 1, BAD_PRICE)");
    assertThat(book.remainingSize(1)).isEqualTo(5);
    assertThat(book.orderPrice(1)).isEqualTo(100);
  }

  // ---------------------------------------------------------------- self-trade prevention

  @Test
  void selfTradeCancelsRestingOrderAndMatchingContinues() {
    rest(1, BOB, ASK, 101, 2);
    rest(2, ALICE, ASK, 101, 3);
    rest(3, BOB, ASK, 101, 4);
    rest(4, ALICE, ASK, 102, 5);
    assertThat(book.submit(5, ALICE, BID, LIMIT, 102, 6)).isTrue();
    assertThat(events())
        .containsExactly(
            "ACCEPTED(5, 1, BID, LIMIT, 102, 6)",
            "TRADE(1, 5, 2, 1, 101, 2, BID, 0, 4)",
            "CANCELLED(2, 1, ASK, 101, 3, SELF_TRADE)",
            "TRADE(3, 5, 2, 1, 101, 4, BID, 0, 0)",
            "LEVEL(ASK, 101, 0)");
    // Filled before reaching 102: ALICE's order there is untouched.
    assertThat(book.remainingSize(4)).isEqualTo(5);
  }

  @Test
  void selfTradeCancelsEveryOwnOrderThenRests() {
    rest(1, ALICE, ASK, 101, 2);
    rest(2, ALICE, ASK, 102, 3);
    assertThat(book.submit(3, ALICE, BID, LIMIT, 102, 6)).isTrue();
    assertThat(events())
        .containsExactly(
            "ACCEPTED(3, 1, BID, LIMIT, 102, 6)",
            "CANCELLED(1, 1, ASK, 101, 2, SELF_TRADE)",
            "LEVEL(ASK, 101, 0)",
            "CANCELLED(2, 1, ASK, 102, 3, SELF_TRADE)",
            "LEVEL(ASK, 102, 0)",
            "LEVEL(BID, 102, 6)");
    assertThat(book.bestAsk()).isEqualTo(NO_ASK);
  }

  @Test
  void selfTradePreventionAppliesToIocMarketAndReplace() {
    rest(1, ALICE, ASK, 101, 2);
    book.submit(2, ALICE, BID, IOC, 101, 1);
    assertThat(events())
        .containsExactly(
            "ACCEPTED(2, 1, BID, IOC, 101, 1)",
            "CANCELLED(1, 1, ASK, 101, 2, SELF_TRADE)",
            "LEVEL(ASK, 101, 0)",
            "CANCELLED(2, 1, BID, 101, 1, IOC_REMAINDER)");
    rest(3, ALICE, ASK, 101, 2);
    book.submit(4, ALICE, BID, MARKET, 0, 1);
    assertThat(events())
        .containsExactly(
            "ACCEPTED(4, 1, BID, MARKET, 0, 1)",
            "CANCELLED(3, 1, ASK, 101, 2, SELF_TRADE)",
            "LEVEL(ASK, 101, 0)",
            "CANCELLED(4, 1, BID, 0, 1, MARKET_REMAINDER)");
    rest(5, ALICE, ASK, 101, 2);
    rest(6, ALICE, BID, 99, 2);
    book.replace(6, 101, 2);
    assertThat(events())
        .containsExactly(
            "REPLACED(6, 1, BID, 99, 2, 101, 2, false)",
            "LEVEL(BID, 99, 0)",
            "CANCELLED(5, 1, ASK, 101, 2, SELF_TRADE)",
            "LEVEL(ASK, 101, 0)",
            "LEVEL(BID, 101, 2)");
  }

  // ---------------------------------------------------------------- queries

  @Test
  void queuePositionIsSizeAhead() {
    rest(1, ALICE, BID, 100, 3);
    rest(2, BOB, BID, 100, 4);
    rest(3, CAROL, BID, 100, 5);
    rest(4, CAROL, BID, 99, 5);
    assertThat(book.queuePosition(1)).isZero();
    assertThat(book.queuePosition(2)).isEqualTo(3);
    assertThat(book.queuePosition(3)).isEqualTo(7);
    assertThat(book.queuePosition(4)).isZero();
    book.submit(5, 9, ASK, IOC, 100, 4); // fills 1 and 1 lot of 2
    assertThat(book.queuePosition(2)).isZero();
    assertThat(book.queuePosition(3)).isEqualTo(3);
    book.cancel(2);
    assertThat(book.queuePosition(3)).isZero();
    assertThat(book.queuePosition(2)).isEqualTo(-1);
  }

  @Test
  void depthIsBestFirstAndBounded() {
    rest(1, ALICE, BID, 100, 1);
    rest(2, ALICE, BID, 98, 2);
    rest(3, ALICE, BID, 99, 3);
    rest(4, BOB, BID, 99, 4);
    rest(5, ALICE, ASK, 103, 5);
    rest(6, ALICE, ASK, 102, 6);
    long[] prices = new long[5];
    long[] sizes = new long[5];
    assertThat(book.depth(BID, 5, prices, sizes)).isEqualTo(3);
    assertThat(prices).startsWith(100, 99, 98);
    assertThat(sizes).startsWith(1, 7, 2);
    assertThat(book.depth(ASK, 5, prices, sizes)).isEqualTo(2);
    assertThat(prices).startsWith(102, 103);
    assertThat(sizes).startsWith(6, 5);
    assertThat(book.depth(BID, 2, prices, sizes)).isEqualTo(2);
    assertThat(book.depth(BID, 5, new long[1], new long[5])).isEqualTo(1);
    assertThat(book.depth(BID, 0, prices, sizes)).isZero();
    assertThat(book.levelCount(BID)).isEqualTo(3);
    assertThat(book.sizeAt(BID, 99)).isEqualTo(7);
    assertThat(book.sizeAt(BID, 97)).isZero();
  }

  @Test
  void stateHashDependsOnFifoOrderNotHistory() {
    rest(1, ALICE, BID, 100, 3);
    rest(2, BOB, BID, 100, 4);
    long h = book.stateHash();

    LimitOrderBook other = newBook();
    other.submit(2, BOB, BID, LIMIT, 100, 4);
    other.submit(1, ALICE, BID, LIMIT, 100, 3);
    assertThat(other.stateHash()).isNotEqualTo(h);

    LimitOrderBook same = newBook();
    same.submit(9, CAROL, ASK, LIMIT, 100, 1);
    same.submit(1, ALICE, BID, LIMIT, 101, 4); // trades with 9, rests 3 at 101
    same.replace(1, 100, 3);
    same.submit(2, BOB, BID, LIMIT, 100, 4);
    assertThat(same.stateHash()).isEqualTo(h);
    assertThat(newBook().stateHash()).isEqualTo(new ReferenceOrderBook().stateHash());
  }

  @Test
  void clearEmptiesTheBookSilently() {
    rest(1, ALICE, BID, 100, 3);
    rest(2, BOB, ASK, 101, 4);
    long emptyHash = newBook().stateHash();
    book.clear();
    assertThat(events()).isEmpty();
    assertThat(book.orderCount()).isZero();
    assertThat(book.bestBid()).isEqualTo(NO_BID);
    assertThat(book.bestAsk()).isEqualTo(NO_ASK);
    assertThat(book.stateHash()).isEqualTo(emptyHash);
    assertThat(book.submit(1, ALICE, BID, LIMIT, 100, 3)).isTrue();
    assertThat(book.remainingSize(1)).isEqualTo(3);
  }

  @Test
  void listenersReceiveEventsInRegistrationOrder() {
    StringBuilder order = new StringBuilder();
    OrderBookListener a =
        new OrderBookListener() {
          @Override
          public void onLevelChanged(Side side, long price, long totalSize) {
            order.append('a');
          }
        };
    OrderBookListener b =
        new OrderBookListener() {
          @Override
          public void onLevelChanged(Side side, long price, long totalSize) {
            order.append('b');
          }
        };
    book.addListener(a);
    book.addListener(b);
    book.submit(1, ALICE, BID, LIMIT, 100, 1);
    assertThat(order).hasToString("ab");
    assertThat(events()).hasSize(2);
    assertThat(book.removeListener(a)).isTrue();
    assertThat(book.removeListener(a)).isFalse();
    assertThat(book.removeListener(log)).isTrue();
    book.submit(2, ALICE, BID, LIMIT, 100, 1);
    assertThat(order).hasToString("abb");
    assertThat(events()).isEmpty();
  }

  @Test
  void levelsEmptiedBelowTheBestVanishFromQueries() {
    // Build 1,000 bid levels, then empty all but every 100th: the fast book keeps emptied levels
    // dormant and purges them in bulk; no query may see them either way.
    for (int i = 0; i < 1_000; i++) {
      rest(i + 1, ALICE, BID, 10_000 - i, 1 + i % 3);
    }
    for (int i = 1; i < 1_000; i++) {
      if (i % 100 != 0) {
        assertThat(book.cancel(i + 1)).isTrue();
      }
    }
    assertThat(book.levelCount(BID)).isEqualTo(10);
    long[] prices = new long[20];
    long[] sizes = new long[20];
    assertThat(book.depth(BID, 20, prices, sizes)).isEqualTo(10);
    assertThat(prices).startsWith(10_000, 9_900, 9_800);
    assertThat(book.sizeAt(BID, 9_999)).isZero();
    // Revive some emptied prices, and fill the book from the other side through them.
    rest(5_001, BOB, BID, 9_950, 7);
    rest(5_002, BOB, BID, 9_999, 5);
    assertThat(book.depth(BID, 20, prices, sizes)).isEqualTo(12);
    assertThat(prices).startsWith(10_000, 9_999, 9_950, 9_900);
    assertThat(book.submit(6_000, CAROL, ASK, MARKET, 0, 1 + 5 + 7)).isTrue();
    assertThat(book.bestBid()).isEqualTo(9_900);
    assertThat(book.levelCount(BID)).isEqualTo(9);
    LimitOrderBook expected = newBook();
    for (int i = 1; i < 1_000; i++) {
      if (i % 100 == 0) {
        expected.submit(i + 1, ALICE, BID, LIMIT, 10_000 - i, 1 + i % 3);
      }
    }
    assertThat(book.stateHash()).isEqualTo(expected.stateHash());
  }

  @Test
  void manyLevelsAndOrdersGrowThePools() {
    for (int i = 1; i <= 5_000; i++) {
      rest(i, i % 3, BID, 1_000 + (i * 7919L) % 3_000, 1 + i % 5);
      rest(100_000 + i, i % 3, ASK, 5_000 + (i * 104_729L) % 3_000, 1 + i % 5);
    }
    assertThat(book.orderCount()).isEqualTo(10_000);
    assertThat(book.bestBid()).isLessThan(book.bestAsk());
    assertThat(book.submit(1_000_000, 9, BID, MARKET, 0, Long.MAX_VALUE / 2)).isTrue();
    assertThat(book.levelCount(ASK)).isZero();
    assertThat(book.orderCount()).isEqualTo(5_000);
  }
}
