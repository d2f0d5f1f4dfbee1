package org.mmlab.service.gateway.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmlab.api.CancelReason;
import org.mmlab.api.InstrumentInfo;
import org.mmlab.api.OrderType;
import org.mmlab.api.ProblemCode;
import org.mmlab.api.Side;
import org.mmlab.api.execution.ExecutionReport;
import org.mmlab.api.execution.OrderAccepted;
import org.mmlab.api.execution.OrderCancelled;
import org.mmlab.api.execution.OrderFilled;
import org.mmlab.api.execution.OrderRejected;
import org.mmlab.api.execution.OrderReplaced;

/**
 * The report ring gives back exactly the record the gateway would have built at the time (the
 * reference here builds it directly, as the gateway did before keeping columns), for every kind,
 * across wrap-around and growth.
 */
class ReportHistoryTest {
  private static final InstrumentInfo CENTS =
      new InstrumentInfo("TEST", new BigDecimal("0.01"), BigDecimal.ONE);
  private static final InstrumentInfo SATS =
      new InstrumentInfo("BTCUSDT", new BigDecimal("0.1"), new BigDecimal("0.00001"));

  static LongStream seeds() {
    return LongStream.range(1, 31);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void givesBackTheRecordsItWasGiven(long seed) {
    Random rnd = new Random(seed);
    int limit = seed % 3 == 0 ? 257 + rnd.nextInt(600) : 1 + rnd.nextInt(30);
    ReportHistory history = new ReportHistory(limit);
    ArrayDeque<ExecutionReport> reference = new ArrayDeque<>();
    long seq = 0;
    for (int step = 0; step < limit * 4; step++) {
      ExecutionReport expected = append(history, rnd, ++seq);
      reference.addLast(expected);
      if (reference.size() > limit) {
        reference.removeFirst();
      }
      assertThat(history.report(history.next() - 1)).isEqualTo(expected);
    }
    assertThat(history.next() - history.first()).isEqualTo(reference.size());
    List<ExecutionReport> kept = new ArrayList<>();
    for (long p = history.first(); p < history.next(); p++) {
      assertThat(history.seq(p)).isEqualTo(history.report(p).seq());
      kept.add(history.report(p));
    }
    assertThat(kept).containsExactlyElementsOf(reference);
  }

  @Test
  void aForgottenPositionIsRefused() {
    ReportHistory history = new ReportHistory(2);
    Random rnd = new Random(7);
    for (int seq = 1; seq <= 3; seq++) {
      append(history, rnd, seq);
    }
    assertThat(history.first()).isEqualTo(1);
    assertThatThrownBy(() -> history.report(0))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessageContaining("outside [1, 3)");
    assertThatThrownBy(() -> history.report(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aMarketOrderIsAcceptedWithoutAPrice() {
    ReportHistory history = new ReportHistory(4);
    long p = history.accepted(1, 5, "m-1", 10, 0, Side.BUY, OrderType.MARKET, 0, 3, false, CENTS);
    assertThat(((OrderAccepted) history.report(p)).price()).isNull();
  }

  /** Appends one random report and returns the record the gateway used to build for it. */
  private static ExecutionReport append(ReportHistory h, Random rnd, long seq) {
    InstrumentInfo i = rnd.nextBoolean() ? CENTS : SATS;
    long orderId = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(1_000_000);
    String coid = rnd.nextInt(6) == 0 ? null : "ord-" + rnd.nextInt(1000);
    long simTime = rnd.nextLong() >>> 1;
    Instant now =
        Instant.ofEpochSecond(
            1_700_000_000L + rnd.nextInt(100_000_000), rnd.nextInt(1_000_000_000));
    long t = EpochNanos.of(now);
    Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
    long price = 1 + rnd.nextInt(2_000_000);
    long size = 1 + rnd.nextInt(100_000);
    boolean flag = rnd.nextBoolean();
    switch (rnd.nextInt(5)) {
      case 0 -> {
        OrderType type = OrderType.values()[rnd.nextInt(OrderType.values().length)];
        h.accepted(seq, orderId, coid, simTime, t, side, type, price, size, flag, i);
        return new OrderAccepted(
            seq,
            orderId,
            coid,
            simTime,
            now,
            side,
            type,
            type == OrderType.MARKET ? null : i.price(price),
            i.size(size),
            flag);
      }
      case 1 -> {
        ProblemCode code = ProblemCode.values()[rnd.nextInt(ProblemCode.values().length)];
        String detail = rnd.nextBoolean() ? null : "because " + rnd.nextInt();
        h.rejected(seq, orderId, coid, simTime, t, code, detail);
        return new OrderRejected(seq, orderId, coid, simTime, now, code, detail);
      }
      case 2 -> {
        long remaining = rnd.nextInt(1000);
        long position = rnd.nextInt(20_000) - 10_000;
        h.filled(seq, orderId, coid, simTime, t, side, price, size, remaining, flag, position, i);
        return new OrderFilled(
            seq,
            orderId,
            coid,
            simTime,
            now,
            side,
            i.price(price),
            i.size(size),
            i.size(remaining),
            flag,
            i.size(position));
      }
      case 3 -> {
        CancelReason reason = CancelReason.values()[rnd.nextInt(CancelReason.values().length)];
        h.cancelled(seq, orderId, coid, simTime, t, size, reason, i);
        return new OrderCancelled(seq, orderId, coid, simTime, now, i.size(size), reason);
      }
      default -> {
        h.replaced(seq, orderId, coid, simTime, t, price, size, flag, i);
        return new OrderReplaced(
            seq, orderId, coid, simTime, now, i.price(price), i.size(size), flag);
      }
    }
  }
}
