package org.mmlab.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MarketParameterEstimatorTest {
  private static final long S = 1_000_000_000L;

  @Test
  void recoversSigmaOfARandomWalk() {
    // ±1 tick every 0.25 s: variance 4 ticks² per second, σ = 2 ticks/√s.
    EstimatorParams p =
        new EstimatorParams(300, 600, 50, Double.NaN, Double.NaN, Double.NaN, 1, 1.5, 1);
    MarketParameterEstimator e = new MarketParameterEstimator(p);
    SplittableRandom rng = new SplittableRandom(11);
    long bid = 10_000;
    assertThat(e.sigma()).isEqualTo(1.0); // fallback before data
    for (int i = 0; i <= 4 * 600; i++) {
      e.onTopOfBook(i * S / 4, bid, 5, bid + 2, 5);
      bid += rng.nextBoolean() ? 1 : -1;
    }
    e.advance(600 * S);
    assertThat(e.isSigmaEstimated()).isTrue();
    assertThat(e.sigma()).isCloseTo(2.0, within(0.2));
  }

  @Test
  void recoversAAndKFromTradeDistances() {
    // Mid fixed at 100 (99/101). Ten trades a second at distance 1 + G ticks, P(G >= g) = e^{-kg}:
    // λ(δ) = 10·e^{−k(δ−1)}, so A = 10·e^{k}.
    double k = 0.8;
    EstimatorParams p = EstimatorParams.defaults(); // 300 s window, 50 trades minimum
    MarketParameterEstimator e = new MarketParameterEstimator(p);
    SplittableRandom rng = new SplittableRandom(5);
    e.onTopOfBook(0, 99, 10, 101, 10);
    assertThat(e.k()).isEqualTo(1.5); // fallbacks
    assertThat(e.a()).isEqualTo(1.0);
    for (int i = 1; i <= 3000; i++) {
      long g = (long) Math.floor(Math.log(rng.nextDouble()) / -k);
      long distance = 1 + g;
      long price = rng.nextBoolean() ? 100 + distance : 100 - distance;
      e.onTrade(i * S / 10, price);
    }
    e.advance(300 * S);
    assertThat(e.isIntensityEstimated()).isTrue();
    assertThat(e.tradesInWindow()).isEqualTo(3000);
    assertThat(e.k()).isCloseTo(k, within(0.05 * k));
    assertThat(e.a()).isCloseTo(10 * Math.exp(k), within(0.1 * 10 * Math.exp(k)));

    // The window rolls: 100 s later only the last 200 s of trades count, and the rate with them.
    e.advance(400 * S);
    assertThat(e.tradesInWindow()).isEqualTo(2000);
    assertThat(e.a() * Math.exp(-e.k())).isCloseTo(2000 / 300.0, within(1.0));
  }

  @Test
  void halfTickDistancesOnAOneTickSpread() {
    // Mid 100.5 (100/101): trades at the touch are 0.5 away, one level deeper 1.5, ...
    double k = 1.2;
    MarketParameterEstimator e = new MarketParameterEstimator(EstimatorParams.defaults());
    SplittableRandom rng = new SplittableRandom(9);
    e.onTopOfBook(0, 100, 10, 101, 10);
    for (int i = 1; i <= 3000; i++) {
      long g = (long) Math.floor(Math.log(rng.nextDouble()) / -k);
      long price = rng.nextBoolean() ? 101 + g : 100 - g;
      e.onTrade(i * S / 10, price);
    }
    e.advance(300 * S);
    assertThat(e.k()).isCloseTo(k, within(0.05 * k));
    // λ(0.5) = 10/s: A = 10·e^{0.5k}.
    assertThat(e.a()).isCloseTo(10 * Math.exp(0.5 * k), within(0.1 * 10 * Math.exp(0.5 * k)));
  }

  @Test
  void fallsBackWithTooFewTradesOrOneDistance() {
    MarketParameterEstimator e = new MarketParameterEstimator(EstimatorParams.defaults());
    e.onTopOfBook(0, 99, 10, 101, 10);
    for (int i = 1; i <= 100; i++) {
      e.onTrade(i * S, 101); // every trade at the touch: no slope to fit
    }
    assertThat(e.isIntensityEstimated()).isFalse();
    assertThat(e.k()).isEqualTo(1.5);
    e.reset();
    assertThat(e.tradesInWindow()).isZero();
  }

  @Test
  void fixedValuesBypassEstimation() {
    MarketParameterEstimator e = new MarketParameterEstimator(EstimatorParams.fixed(3, 2, 50));
    e.onTopOfBook(0, 99, 10, 101, 10);
    assertThat(e.sigma()).isEqualTo(3.0);
    assertThat(e.k()).isEqualTo(2.0);
    assertThat(e.a()).isEqualTo(50.0);
  }

  @Test
  void strategiesFeedTheirEstimatorFromTheCallbacks() {
    AvellanedaStoikovStrategy as =
        new AvellanedaStoikovStrategy(AvellanedaStoikovStrategy.Params.defaults());
    as.reset(0);
    as.onTopOfBook(0, 99, 10, 101, 10);
    as.onMarketTrade(1, 101, 1, true);
    assertThat(as.estimator().tradesInWindow()).isEqualTo(1);
    as.reset(0);
    assertThat(as.estimator().tradesInWindow()).isZero();
  }
}
