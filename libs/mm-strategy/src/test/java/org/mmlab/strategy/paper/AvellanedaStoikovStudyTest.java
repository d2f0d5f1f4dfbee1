package org.mmlab.strategy.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mmlab.strategy.paper.AvellanedaStoikovStudy.Row;

/**
 * Compares 1000 simulations per row with the paper's table (also 1000 simulations): a difference of
 * two independent sample means (standard deviations) is judged against 3 standard errors of the
 * difference, {@code sqrt(se_ours² + se_paper²)}.
 */
class AvellanedaStoikovStudyTest {
  private static final int N = 1000;
  private static final long SEED = 42;
  private static List<Row> rows;

  @BeforeAll
  static void runStudy() {
    rows = new AvellanedaStoikovStudy().run(N, SEED);
  }

  /** Standard error of a mean with standard deviation {@code sd}. */
  private static double seMean(double sd) {
    return sd / Math.sqrt(N);
  }

  /** Standard error of a (normal) sample standard deviation {@code sd}. */
  private static double seStd(double sd) {
    return sd / Math.sqrt(2.0 * (N - 1));
  }

  private static void assertProfitAgrees(Row ours, Row paper) {
    double se = Math.hypot(seMean(ours.profitStd()), seMean(paper.profitStd()));
    assertThat(ours.profitMean())
        .as("profit mean, gamma %s %s", ours.gamma(), ours.strategy())
        .isCloseTo(paper.profitMean(), within(3 * se));
  }

  private static void assertQStdAgrees(Row ours, Row paper) {
    double se = Math.hypot(seStd(ours.qStd()), seStd(paper.qStd()));
    assertThat(ours.qStd())
        .as("std of final q, gamma %s %s", ours.gamma(), ours.strategy())
        .isCloseTo(paper.qStd(), within(3 * se));
  }

  @Test
  void rowsAreInThePapersOrder() {
    List<Row> paper = AvellanedaStoikovStudy.published();
    assertThat(rows).hasSize(6);
    for (int i = 0; i < 6; i++) {
      assertThat(rows.get(i).gamma()).isEqualTo(paper.get(i).gamma());
      assertThat(rows.get(i).strategy()).isEqualTo(paper.get(i).strategy());
    }
  }

  @Test
  void symmetricRowsReproduceThePaper() {
    List<Row> paper = AvellanedaStoikovStudy.published();
    for (int i = 1; i < 6; i += 2) {
      Row ours = rows.get(i);
      Row published = paper.get(i);
      // The symmetric spread is exactly the tabulated one.
      assertThat(ours.spread()).isCloseTo(published.spread(), within(0.005));
      assertProfitAgrees(ours, published);
      assertQStdAgrees(ours, published);
      assertThat(ours.qMean()).isCloseTo(published.qMean(), within(3 * 2 * seMean(ours.qStd())));
    }
  }

  @Test
  void inventoryRowsReproduceThePaperWhereTheModelDoes() {
    List<Row> paper = AvellanedaStoikovStudy.published();
    assertProfitAgrees(rows.get(0), paper.get(0)); // γ = 0.1
    assertQStdAgrees(rows.get(0), paper.get(0));
    assertProfitAgrees(rows.get(2), paper.get(2)); // γ = 0.01
    assertQStdAgrees(rows.get(4), paper.get(4)); // γ = 0.5
    // Average spread: the tabulated (2/γ)ln(1 + γ/k) plus the time average of γσ²(T − t).
    double[] gammas = {0.1, 0.01, 0.5};
    for (int i = 0; i < 3; i++) {
      double g = gammas[i];
      double expected = (2 / g) * Math.log1p(g / 1.5) + g * 4 * (1 + 0.005) / 2;
      assertThat(rows.get(2 * i).spread()).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void documentedDeviationsFromThePublishedTable() {
    // Published figures the stated model does not produce (see the class Javadoc): pinned here so
    // a change to the model that moves them is noticed.
    Row gamma05 = rows.get(4);
    assertThat(gamma05.profitMean()).isCloseTo(47.3, within(1.0)); // published 33.92
    Row gamma001 = rows.get(2);
    assertThat(gamma001.qStd()).isCloseTo(5.3, within(0.35)); // published 4.70
  }

  @Test
  void theInventoryStrategyCutsDispersion() {
    for (int i = 0; i < 6; i += 2) {
      Row inventory = rows.get(i);
      Row symmetric = rows.get(i + 1);
      assertThat(inventory.profitStd()).isLessThan(symmetric.profitStd());
      assertThat(inventory.qStd()).isLessThan(symmetric.qStd());
      assertThat(inventory.profitMean()).isLessThan(symmetric.profitMean());
    }
  }

  @Test
  void noDiscretizationReproducesTheGamma05InventoryProfit() {
    // The published 33.92 (s.d. 4.72) is at least ~30 standard errors from every reading of the
    // model: the evidence behind the documented deviation.
    Row paper = AvellanedaStoikovStudy.published().get(4);
    List<AvellanedaStoikovStudy.Discretization> all = AvellanedaStoikovStudy.Discretization.all();
    assertThat(all).hasSize(8).doesNotHaveDuplicates();
    assertThat(all.get(0)).isEqualTo(AvellanedaStoikovStudy.Discretization.standard());
    for (AvellanedaStoikovStudy.Discretization d : all) {
      Row ours =
          new AvellanedaStoikovStudy(AvellanedaStoikovStudy.Config.paper(), d)
              .run(0.5, N, SEED)
              .get(0);
      double se = Math.hypot(seMean(ours.profitStd()), seMean(paper.profitStd()));
      assertThat(Math.abs(ours.profitMean() - paper.profitMean()) / se)
          .as(d.describe())
          .isGreaterThan(30);
    }
  }

  @Test
  void discretizationChoicesMoveTheFiguresTheWayTheyShould() {
    AvellanedaStoikovStudy.Config paper = AvellanedaStoikovStudy.Config.paper();
    Row full = rows.get(4);
    Row constant =
        new AvellanedaStoikovStudy(
                paper, new AvellanedaStoikovStudy.Discretization(true, false, false))
            .run(0.5, N, SEED)
            .get(0);
    Row poisson =
        new AvellanedaStoikovStudy(
                paper, new AvellanedaStoikovStudy.Discretization(true, true, true))
            .run(0.5, N, SEED)
            .get(0);
    // Without the risk term the spread is the tabulated constant, and a narrower spread earns less
    // per fill; 1 − exp(−λdt) < λdt means fewer fills and less profit.
    assertThat(constant.spread()).isCloseTo(rows.get(5).spread(), within(1e-12));
    assertThat(constant.profitMean()).isLessThan(full.profitMean() - 10);
    assertThat(poisson.profitMean()).isLessThan(full.profitMean() - 2);
    // The symmetric strategy ignores the spread option.
    Row symmetric =
        new AvellanedaStoikovStudy(
                paper, new AvellanedaStoikovStudy.Discretization(true, false, false))
            .run(0.5, N, SEED)
            .get(1);
    assertThat(symmetric).isEqualTo(rows.get(5));
  }

  @Test
  void deterministicForASeed() {
    AvellanedaStoikovStudy study = new AvellanedaStoikovStudy();
    assertThat(study.run(0.1, 50, 7)).isEqualTo(study.run(0.1, 50, 7));
    assertThat(study.run(0.1, 50, 7)).isNotEqualTo(study.run(0.1, 50, 8));
    assertThatThrownBy(() -> study.run(0.1, 0, 7)).hasMessageContaining("simulations");
  }
}
