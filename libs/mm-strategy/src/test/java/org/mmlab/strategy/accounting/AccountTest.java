package org.mmlab.strategy.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mmlab.lob.Side;
import org.mmlab.sim.Fees;

class AccountTest {
  private static final double EPS = 1e-9;

  /** Equity must always equal realized + unrealized − fees. */
  private static void assertConsistent(Account a, double mid) {
    assertThat(a.equity(mid))
        .isCloseTo(a.realizedPnl() + a.unrealizedPnl(mid) - a.feesPaid(), within(EPS));
  }

  @Test
  void roundTripWithAFlipThroughZero() {
    // Maker rebate 0.2 ticks/lot, taker fee 0.3 ticks/lot.
    Fees fees = Fees.perLot(-0.2, 0.3);
    Account a = new Account();

    a.onFill(Side.BID, 100, 10, fees.fee(100, 10, true));
    assertThat(a.position()).isEqualTo(10);
    assertThat(a.cash()).isEqualTo(-1000);
    assertThat(a.averageEntryPrice()).isEqualTo(100.0);
    assertThat(a.feesPaid()).isCloseTo(-2.0, within(EPS));

    a.onFill(Side.BID, 102, 10, fees.fee(102, 10, true));
    assertThat(a.position()).isEqualTo(20);
    assertThat(a.cash()).isEqualTo(-2020);
    assertThat(a.averageEntryPrice()).isEqualTo(101.0);
    assertThat(a.unrealizedPnl(103)).isEqualTo(40.0);
    assertConsistent(a, 103);

    a.onFill(Side.ASK, 104, 5, fees.fee(104, 5, false)); // reduce: realize 5 × (104 − 101)
    assertThat(a.position()).isEqualTo(15);
    assertThat(a.realizedPnl()).isEqualTo(15.0);
    assertThat(a.averageEntryPrice()).isEqualTo(101.0);
    assertThat(a.cash()).isEqualTo(-1500);
    assertThat(a.feesPaid()).isCloseTo(-2.5, within(EPS));

    a.onFill(
        Side.ASK,
        99,
        25,
        fees.fee(99, 25, true)); // flip: close 15 at a loss of 2, open 10 short at 99
    assertThat(a.position()).isEqualTo(-10);
    assertThat(a.realizedPnl()).isEqualTo(-15.0);
    assertThat(a.averageEntryPrice()).isEqualTo(99.0);
    assertThat(a.cash()).isEqualTo(975);
    assertThat(a.feesPaid()).isCloseTo(-7.5, within(EPS));
    assertThat(a.unrealizedPnl(98)).isEqualTo(10.0);
    assertThat(a.equity(98)).isCloseTo(2.5, within(EPS));
    assertConsistent(a, 98);

    a.onFill(Side.BID, 97, 4, fees.fee(97, 4, true)); // cover 4 of the short: +2 each
    assertThat(a.position()).isEqualTo(-6);
    assertThat(a.realizedPnl()).isEqualTo(-7.0);
    assertThat(a.averageEntryPrice()).isEqualTo(99.0);

    a.onFill(Side.BID, 100, 6, fees.fee(100, 6, true)); // flat: −1 each
    assertThat(a.position()).isZero();
    assertThat(a.realizedPnl()).isEqualTo(-13.0);
    assertThat(a.averageEntryPrice()).isNaN();
    assertThat(a.cash()).isEqualTo(-13);
    assertThat(a.feesPaid()).isCloseTo(-9.5, within(EPS));
    assertThat(a.unrealizedPnl(123)).isZero();
    assertThat(a.equity(123)).isCloseTo(-3.5, within(EPS));
    assertThat(a.volume()).isEqualTo(60);
    assertThat(a.fillCount()).isEqualTo(6);
    assertConsistent(a, 123);
  }

  @Test
  void shortFirstThenFlipLong() {
    Account a = new Account();
    a.onFill(Side.ASK, 50, 3, 0.0);
    a.onFill(Side.ASK, 53, 1, 0.0); // avg (150 + 53) / 4 = 50.75
    assertThat(a.averageEntryPrice()).isEqualTo(50.75);
    a.onFill(Side.BID, 49, 6, 0.0); // close 4 at +1.75 each, open 2 long at 49
    assertThat(a.realizedPnl()).isEqualTo(7.0);
    assertThat(a.position()).isEqualTo(2);
    assertThat(a.averageEntryPrice()).isEqualTo(49.0);
    assertThat(a.equity(50)).isEqualTo(9.0); // 7 realized + 2 unrealized
    assertConsistent(a, 50);
  }

  @Test
  void feesAsFractionsOfNotional() {
    Fees f = Fees.rates(-0.0001, 0.001);
    assertThat(f.fee(100, 10, false)).isCloseTo(1.0, within(EPS));
    assertThat(f.fee(100, 10, true)).isCloseTo(-0.1, within(EPS));
    Account a = new Account();
    a.onFill(Side.BID, 100, 10, f.fee(100, 10, false));
    assertThat(a.equity(100)).isCloseTo(-1.0, within(EPS));
  }

  @Test
  void resetAndValidation() {
    Account a = new Account();
    a.onFill(Side.BID, 10, 1, 0.0);
    a.reset();
    assertThat(a.position()).isZero();
    assertThat(a.cash()).isZero();
    assertThat(a.volume()).isZero();
    assertThatThrownBy(() -> a.onFill(Side.BID, 10, 0, 0.0)).hasMessageContaining("size");
    assertThatThrownBy(() -> Fees.rates(0.5, 0)).hasMessageContaining("makerRate");
  }
}
