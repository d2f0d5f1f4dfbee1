package org.mmlab.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mmlab.strategy.features.FeatureEngine;

class StrategyQuotesTest {
  private final QuoteDecision out = new QuoteDecision();

  private static MutableMarketContext ctx(long bid, long ask) {
    return new MutableMarketContext().book(bid, 10, ask, 10).maxInventory(10);
  }

  @Test
  void symmetricQuotesAFixedDistanceFromTheMid() {
    SymmetricStrategy s = new SymmetricStrategy(SymmetricStrategy.Params.defaults());
    s.decide(ctx(100, 102), out); // mid 101 ± 1
    assertThat(out.bidPrice()).isEqualTo(100);
    assertThat(out.askPrice()).isEqualTo(102);
    assertThat(out.bidSize()).isEqualTo(1);
    assertThat(out.askSize()).isEqualTo(1);

    s.decide(ctx(100, 101), out); // mid 100.5 ± 1 → 99.5 / 101.5, rounded away from the mid
    assertThat(out.bidPrice()).isEqualTo(99);
    assertThat(out.askPrice()).isEqualTo(102);

    SymmetricStrategy tight = new SymmetricStrategy(new SymmetricStrategy.Params(0.5, 3));
    tight.decide(ctx(100, 101), out);
    assertThat(out.bidPrice()).isEqualTo(100);
    assertThat(out.askPrice()).isEqualTo(101);
    assertThat(out.bidSize()).isEqualTo(3);
  }

  @Test
  void inventoryLimitCapsOrRemovesASide() {
    SymmetricStrategy s = new SymmetricStrategy(new SymmetricStrategy.Params(1, 3));
    s.decide(ctx(100, 102).inventory(8), out); // room to buy 2, to sell 18
    assertThat(out.bidSize()).isEqualTo(2);
    assertThat(out.askSize()).isEqualTo(3);
    s.decide(ctx(100, 102).inventory(10), out);
    assertThat(out.hasBid()).isFalse();
    assertThat(out.bidPrice()).isZero();
    assertThat(out.askSize()).isEqualTo(3);
    s.decide(ctx(100, 102).inventory(-10), out);
    assertThat(out.hasAsk()).isFalse();
    assertThat(out.bidSize()).isEqualTo(3);
  }

  @Test
  void noMidNoQuote() {
    SymmetricStrategy s = new SymmetricStrategy(SymmetricStrategy.Params.defaults());
    out.set(1, 1, 2, 1);
    s.decide(new MutableMarketContext(), out);
    assertThat(out.hasBid()).isFalse();
    assertThat(out.hasAsk()).isFalse();
  }

  @Test
  void oneSidedBookUsesTheLastMidFromTheFeatures() {
    SymmetricStrategy s = new SymmetricStrategy(SymmetricStrategy.Params.defaults());
    MutableMarketContext c =
        new MutableMarketContext().book(100, 5, 0, 0).feature(FeatureEngine.MID, 101.5);
    s.decide(c, out);
    assertThat(out.bidPrice()).isEqualTo(100);
    assertThat(out.askPrice()).isEqualTo(103);
  }

  @Test
  void avellanedaStoikovFormulas() {
    // γ = 0.1, σ = 2, τ = 5, k = 1.5: γσ²τ = 2; (2/γ)ln(1 + γ/k) = 20·ln(16/15).
    double base = 20 * Math.log(16.0 / 15.0);
    assertThat(AvellanedaStoikovStrategy.reservationPrice(1000, 3, 0.1, 2, 5)).isEqualTo(994.0);
    assertThat(AvellanedaStoikovStrategy.optimalSpread(0.1, 2, 5, 1.5))
        .isCloseTo(2 + base, within(1e-12));
    assertThat(base).isCloseTo(1.290771, within(1e-6)); // the paper's 1.29
  }

  @Test
  void avellanedaStoikovQuotesOnAHandComputedContext() {
    AvellanedaStoikovStrategy as =
        new AvellanedaStoikovStrategy(
            new AvellanedaStoikovStrategy.Params(0.1, 10, 2, EstimatorParams.fixed(2, 1.5, 140)));
    // Horizon 10 s, half the episode left: τ = 5 s. q = 1: r = 1000 − 2 = 998,
    // half spread = (2 + 1.290771)/2 = 1.645385: bid 996.35 → 996, ask 999.65 → 1000.
    MutableMarketContext c = ctx(999, 1001).inventory(1).remainingFraction(0.5);
    as.decide(c, out);
    assertThat(out.bidPrice()).isEqualTo(996);
    assertThat(out.askPrice()).isEqualTo(1000);
    assertThat(out.bidSize()).isEqualTo(2);
    assertThat(out.askSize()).isEqualTo(2);

    // q = 3: r = 994, ask 995.65 would cross the bid at 999: it is held at 1000.
    as.decide(c.inventory(3), out);
    assertThat(out.bidPrice()).isEqualTo(992);
    assertThat(out.askPrice()).isEqualTo(1000);

    // At the horizon only the constant spread is left, centred on the mid.
    as.decide(c.inventory(0).remainingFraction(0.0), out);
    assertThat(out.bidPrice()).isEqualTo(999); // 1000 − 0.645 → 999
    assertThat(out.askPrice()).isEqualTo(1001);
  }

  @Test
  void glftCoefficientsAndQuotesOnAHandComputedContext() {
    // γ = ξ = 0.1, Δ = 1, A = 10, k = 1.5, σ = 2.
    double c1 = 10 * Math.log(1 + 0.1 / 1.5);
    double c2 = Math.sqrt(0.1 / (2 * 10 * 1 * 1.5) * Math.pow(1 + 0.1 / 1.5, 1.5 / 0.1 + 1));
    assertThat(GlftStrategy.c1(0.1, 1, 1.5)).isCloseTo(c1, within(1e-12));
    assertThat(GlftStrategy.c2(0.1, 0.1, 1, 10, 1.5)).isCloseTo(c2, within(1e-12));
    assertThat(c1).isCloseTo(0.645385, within(1e-6));
    assertThat(c2).isCloseTo(0.096754, within(1e-6));
    // ξ = 0: c1 = 1/k and the power becomes e.
    assertThat(GlftStrategy.c1(0, 1, 1.5)).isCloseTo(1 / 1.5, within(1e-12));
    assertThat(GlftStrategy.c2(0.1, 0, 1, 10, 1.5))
        .isCloseTo(Math.sqrt(0.1 / 30 * Math.E), within(1e-12));

    GlftStrategy glft =
        new GlftStrategy(
            new GlftStrategy.Params(0.1, Double.NaN, 1, EstimatorParams.fixed(2, 1.5, 10)));
    // skew σ·c2 = 0.193508, half spread c1 + Δ/2·σc2 = 0.742139; q = 2:
    // bid = 1000 − (0.742139 + 0.387016) = 998.87 → 998; ask = 1000 + 0.742139 − 0.387016 →
    // 1000.355 → 1001.
    glft.decide(ctx(999, 1001).inventory(2), out);
    assertThat(out.bidPrice()).isEqualTo(998);
    assertThat(out.askPrice()).isEqualTo(1001);
    // Flat: ± 0.742 → 999 / 1001. Does not depend on the remaining time.
    glft.decide(ctx(999, 1001).remainingFraction(0.1), out);
    assertThat(out.bidPrice()).isEqualTo(999);
    assertThat(out.askPrice()).isEqualTo(1001);
  }

  @Test
  void randomIsSeededAndBounded() {
    RandomStrategy a = new RandomStrategy(new RandomStrategy.Params(3, 4));
    RandomStrategy b = new RandomStrategy(new RandomStrategy.Params(3, 4));
    a.reset(7);
    b.reset(7);
    QuoteDecision other = new QuoteDecision();
    MutableMarketContext c = ctx(1000, 1002).maxInventory(1000); // mid 1001
    boolean sawDifferent = false;
    long first = -1;
    for (int i = 0; i < 500; i++) {
      a.decide(c, out);
      b.decide(c, other);
      assertThat(out.toString()).isEqualTo(other.toString());
      assertThat(out.bidPrice()).isBetween(998L, 1001L);
      assertThat(out.askPrice()).isBetween(1001L, 1004L);
      assertThat(out.askPrice()).isGreaterThan(out.bidPrice());
      assertThat(out.bidSize()).isBetween(1L, 4L);
      assertThat(out.askSize()).isBetween(1L, 4L);
      if (first < 0) {
        first = out.bidPrice();
      } else if (out.bidPrice() != first) {
        sawDifferent = true;
      }
    }
    assertThat(sawDifferent).isTrue();
    a.reset(8);
    b.reset(7);
    int same = 0;
    for (int i = 0; i < 50; i++) {
      a.decide(c, out);
      b.decide(c, other);
      same += out.toString().equals(other.toString()) ? 1 : 0;
    }
    assertThat(same).isLessThan(50);
  }

  @Test
  void randomZeroOffsetsOnAnIntegerMidNeverLockItself() {
    RandomStrategy r = new RandomStrategy(new RandomStrategy.Params(0, 1));
    r.reset(1);
    r.decide(ctx(1000, 1002), out); // mid 1001: bid 1001, ask pushed to 1002
    assertThat(out.bidPrice()).isEqualTo(1001);
    assertThat(out.askPrice()).isEqualTo(1002);
  }

  @Test
  void registryBuildsEveryStrategyWithDefaultsAndParameters() {
    StrategyRegistry registry = StrategyRegistry.builtIn();
    assertThat(registry.names())
        .containsExactly("avellaneda-stoikov", "glft", "random", "symmetric");
    for (String name : registry.names()) {
      Strategy s = registry.create(name, Map.of());
      assertThat(s.name()).isEqualTo(name);
      s.reset(1);
      s.decide(ctx(100, 102), out);
      assertThat(out.hasBid() || out.hasAsk()).isTrue();
    }
    AvellanedaStoikovStrategy as =
        (AvellanedaStoikovStrategy)
            registry.create("avellaneda-stoikov", Map.of("gamma", "0.5", "sigma", "2", "k", "3"));
    assertThat(as.params().gamma()).isEqualTo(0.5);
    assertThat(as.estimator().sigma()).isEqualTo(2.0);
    assertThat(as.estimator().k()).isEqualTo(3.0);
    assertThat(registry.defaults("glft"))
        .containsEntry("gamma", "0.1")
        .containsEntry("xi", "gamma");
    assertThat(registry.defaults("symmetric").keySet()).containsExactly("half_spread", "size");
  }
}
