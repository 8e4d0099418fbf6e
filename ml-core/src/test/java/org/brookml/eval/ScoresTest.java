package org.brookml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scores of every view against their definitions: scikit-learn 1.2.1 on the same labels
 * (figures printed by {@code sklearn.metrics} on the literal sequences below), kappa-M and
 * kappa-temporal replayed by MOA's rules, windows against a fresh cumulative view of the last
 * examples, and fading against the weighted sums written out.
 */
class ScoresTest {

  private static final int[] TRUTH = {0, 1, 2, 2, 1, 0, 0, 2, 1, 1, 0, 2, 2, 2, 0, 1, 0, 0, 1, 2,
      1, 1, 0, 2, 0, 0, 1, 2, 2, 1};
  private static final int[] PREDICTED = {0, 2, 2, 1, 1, 0, 1, 2, 1, 0, 0, 2, 0, 2, 0, 1, 1, 0, 1,
      2, 2, 1, 0, 2, 0, 1, 1, 1, 2, 1};

  @Test
  void precisionRecallF1AndBalancedAccuracy_matchScikitLearn() {
    ClassificationMetrics m = new ClassificationMetrics(3, 100);
    for (int i = 0; i < TRUTH.length; i++) {
      m.update(TRUTH[i], PREDICTED[i], Double.NaN);
    }
    ClassificationScores s = m.cumulative();
    assertThat(s.accuracy()).isCloseTo(0.7, within(1e-12));
    assertThat(s.kappa()).isCloseTo(0.55, within(1e-12));
    double[] precision = {0.7777777777777778, 0.5833333333333334, 0.7777777777777778};
    double[] f1 = {0.7368421052631577, 0.6363636363636365, 0.7368421052631577};
    for (int c = 0; c < 3; c++) {
      assertThat(s.precision(c)).isCloseTo(precision[c], within(1e-12));
      assertThat(s.recall(c)).isCloseTo(0.7, within(1e-12));
      assertThat(s.f1(c)).isCloseTo(f1[c], within(1e-12));
    }
    assertThat(s.macroPrecision()).isCloseTo(0.7129629629629629, within(1e-12));
    assertThat(s.macroRecall()).isCloseTo(0.7, within(1e-12));
    assertThat(s.macroF1()).isCloseTo(0.7033492822966506, within(1e-12));
    assertThat(s.microF1()).isCloseTo(0.7, within(1e-12));
    assertThat(s.balancedAccuracy()).isCloseTo(0.7, within(1e-12));
    assertThat(m.window().macroF1()).isCloseTo(0.7033492822966506, within(1e-12));
  }

  @Test
  void kappaMAndKappaTemporal_followMoasRules() {
    SplittableRandom random = new SplittableRandom(3);
    ClassificationMetrics m = new ClassificationMetrics(4, 1_000_000);
    double[] truthCounts = new double[4];
    double majorityRight = 0;
    double noChangeRight = 0;
    double right = 0;
    int last = 0;
    int truth = 0;
    for (int i = 0; i < 5_000; i++) {
      truth = random.nextInt(10) < 7 ? truth : random.nextInt(4); // runs, as streams have
      int predicted = random.nextInt(10) < 6 ? truth : random.nextInt(4);
      m.update(truth, predicted, Double.NaN);
      truthCounts[truth]++; // MOA counts the example's class, then asks for the majority
      int majority = 0;
      for (int c = 1; c < 4; c++) {
        if (truthCounts[c] > truthCounts[majority]) {
          majority = c;
        }
      }
      majorityRight += majority == truth ? 1 : 0;
      noChangeRight += last == truth ? 1 : 0;
      right += predicted == truth ? 1 : 0;
      last = truth;
    }
    double accuracy = right / 5_000;
    double pm = majorityRight / 5_000;
    double pt = noChangeRight / 5_000;
    assertThat(m.cumulative().kappaM()).isCloseTo((accuracy - pm) / (1 - pm), within(1e-12));
    assertThat(m.cumulative().kappaTemporal()).isCloseTo((accuracy - pt) / (1 - pt),
        within(1e-12));
    assertThat(m.cumulative().kappaTemporal()).isLessThan(m.cumulative().kappaM());
  }

  @Test
  void aNoChangeClassifier_hasKappaTemporalZero() {
    ClassificationMetrics m = new ClassificationMetrics(2, 50);
    int last = 0;
    SplittableRandom random = new SplittableRandom(1);
    int truth = 0;
    for (int i = 0; i < 2_000; i++) {
      truth = random.nextInt(20) == 0 ? 1 - truth : truth;
      m.update(truth, last, Double.NaN);
      last = truth;
    }
    assertThat(m.cumulative().accuracy()).isGreaterThan(0.9);
    assertThat(m.cumulative().kappaTemporal()).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void windowAuc_matchesScikitLearn_withTies() {
    int[] truth = {1, 0, 1, 1, 0, 0, 1, 0, 1, 1};
    double[] score = {0.9, 0.3, 0.6, 0.6, 0.6, 0.1, 0.8, 0.35, 0.2, 0.7};
    ClassificationMetrics m = new ClassificationMetrics(2, 10);
    assertThatThrownBy(m::windowAuc).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("both classes");
    for (int i = 0; i < truth.length; i++) {
      double ofTruth = truth[i] == 1 ? score[i] : 1 - score[i];
      m.update(truth[i], score[i] >= 0.5 ? 1 : 0, ofTruth);
    }
    assertThat(m.windowAuc()).isCloseTo(0.8333333333333334, within(1e-12));
    assertThatThrownBy(() -> new ClassificationMetrics(3, 5).windowAuc())
        .hasMessageContaining("two classes");
  }

  @Test
  void r2AndMape_matchScikitLearn_cumulativeAndWindowed() {
    double[] y = {3.0, -0.5, 2.0, 7.0, 4.2, 0.0, 1.5};
    double[] p = {2.5, 0.0, 2.1, 7.8, 3.9, 0.3, 1.0};
    RegressionMetrics m = new RegressionMetrics(4);
    for (int i = 0; i < y.length; i++) {
      m.update(y[i], p[i]);
    }
    assertThat(m.cumulative().r2()).isCloseTo(0.9603783047932937, within(1e-12));
    assertThat(m.cumulative().mape()).isCloseTo(0.2892857142857143, within(1e-12));
    assertThat(m.window().r2()).isCloseTo(0.9625448499168636, within(1e-12));
    assertThat(m.window().mape()).isCloseTo(0.17301587301587304, within(1e-12));
  }

  @Test
  void windowedViews_equalACumulativeViewOfTheLastExamples_andFadedViewsTheWeightedSums() {
    SplittableRandom random = new SplittableRandom(11);
    int window = 300;
    double alpha = 0.99;
    int n = 5_000;
    int[] truth = new int[n];
    int[] predicted = new int[n];
    double[] y = new double[n];
    double[] q = new double[n];
    ClassificationMetrics c = new ClassificationMetrics(3, window, alpha);
    RegressionMetrics r = new RegressionMetrics(window, alpha);
    for (int i = 0; i < n; i++) {
      truth[i] = random.nextInt(3);
      predicted[i] = random.nextInt(3) == 0 ? random.nextInt(3) : truth[i];
      y[i] = 10 * random.nextGaussian();
      q[i] = y[i] + random.nextGaussian();
      c.update(truth[i], predicted[i], Double.NaN);
      r.update(y[i], q[i]);
    }
    ClassificationMetrics last = new ClassificationMetrics(3, 10);
    RegressionMetrics lastR = new RegressionMetrics(10);
    for (int i = n - window; i < n; i++) {
      last.update(truth[i], predicted[i], Double.NaN);
      lastR.update(y[i], q[i]);
    }
    assertThat(c.window().accuracy()).isCloseTo(last.cumulative().accuracy(), within(1e-12));
    assertThat(c.window().kappa()).isCloseTo(last.cumulative().kappa(), within(1e-12));
    assertThat(c.window().macroF1()).isCloseTo(last.cumulative().macroF1(), within(1e-12));
    assertThat(r.window().rmse()).isCloseTo(lastR.cumulative().rmse(), within(1e-9));
    assertThat(r.window().r2()).isCloseTo(lastR.cumulative().r2(), within(1e-9));
    assertThat(r.window().mape()).isCloseTo(lastR.cumulative().mape(), within(1e-9));
    double weight = 0;
    double rightWeight = 0;
    double absWeighted = 0;
    for (int i = 0; i < n; i++) {
      double w = Math.pow(alpha, n - 1 - i);
      weight += w;
      rightWeight += truth[i] == predicted[i] ? w : 0;
      absWeighted += w * Math.abs(y[i] - q[i]);
    }
    assertThat(c.faded().weight()).isCloseTo(weight, within(1e-9));
    assertThat(c.faded().accuracy()).isCloseTo(rightWeight / weight, within(1e-12));
    assertThat(r.faded().mae()).isCloseTo(absWeighted / weight, within(1e-12));
  }

  @Test
  void emptyViews_sayThereIsNothingToReport_neverNaN() {
    ClassificationMetrics c = new ClassificationMetrics(2, 5);
    RegressionMetrics r = new RegressionMetrics(5);
    for (Runnable score : new Runnable[] {c::accuracy, c::windowKappa, () -> c.faded().kappaM(),
        () -> c.window().macroF1(), c::logLoss, c::windowLogLoss, r::mae, () -> r.window().r2(),
        () -> r.faded().mape()}) {
      assertThatThrownBy(score::run).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("nothing to report");
    }
    r.update(0, 1);
    assertThatThrownBy(() -> r.cumulative().mape()).hasMessageContaining("every target");
    assertThatThrownBy(() -> r.cumulative().r2()).hasMessageContaining("vary");
    assertThat(c.toString()).contains("nothing to report yet");
    assertThatThrownBy(() -> c.update(0, 1, 1.5)).hasMessageContaining("probabilityOfTruth");
  }
}
