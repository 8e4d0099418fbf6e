package org.brookml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {

  @Test
  void kappa_matchesTheTextbookExample() {
    // Confusion matrix [[20, 5], [10, 15]]: p_o = 0.7, p_e = (25*30 + 25*20) / 50^2 = 0.5.
    ClassificationMetrics m = new ClassificationMetrics(2, 1_000);
    record(m, 0, 0, 20);
    record(m, 0, 1, 5);
    record(m, 1, 0, 10);
    record(m, 1, 1, 15);
    assertThat(m.accuracy()).isCloseTo(0.7, within(1e-12));
    assertThat(m.kappa()).isCloseTo(0.4, within(1e-12));
    assertThat(m.windowKappa()).isCloseTo(0.4, within(1e-12));
  }

  @Test
  void aConstantPredictor_hasKappaZero_evenWithHighAccuracy() {
    ClassificationMetrics m = new ClassificationMetrics(2, 10);
    record(m, 0, 0, 90);
    record(m, 1, 0, 10);
    assertThat(m.accuracy()).isCloseTo(0.9, within(1e-12));
    assertThat(m.kappa()).isCloseTo(0.0, within(1e-12));
  }

  @Test
  void window_forgetsOldExamples() {
    ClassificationMetrics m = new ClassificationMetrics(3, 4);
    record(m, 2, 1, 10);
    record(m, 2, 2, 4);
    assertThat(m.accuracy()).isCloseTo(4 / 14.0, within(1e-12));
    assertThat(m.windowAccuracy()).isEqualTo(1.0);
    assertThat(m.count()).isEqualTo(14);
  }

  @Test
  void logLoss_isTheMeanNegativeLogProbabilityOfTheTruth() {
    ClassificationMetrics m = new ClassificationMetrics(2, 2);
    m.update(0, 0, 0.8);
    m.update(1, 0, 0.25);
    m.update(1, 1, Double.NaN);
    m.update(0, 0, 0.0);
    assertThat(m.logLoss())
        .isCloseTo((-Math.log(0.8) - Math.log(0.25) - Math.log(1e-15)) / 3, within(1e-12));
    assertThat(m.windowLogLoss())
        .isCloseTo((-Math.log(0.25) - Math.log(1e-15)) / 2, within(1e-12));
    assertThatThrownBy(() -> m.update(2, 0, 0.5)).hasMessage("label 2 is outside [0, 2)");
  }

  @Test
  void regressionMetrics_maeAndRmse() {
    RegressionMetrics m = new RegressionMetrics(2);
    m.update(1, 2);
    m.update(3, 1);
    m.update(0, 4);
    assertThat(m.mae()).isCloseTo(7 / 3.0, within(1e-12));
    assertThat(m.rmse()).isCloseTo(Math.sqrt(21 / 3.0), within(1e-12));
    assertThat(m.windowMae()).isCloseTo(3, within(1e-12));
    assertThat(m.windowRmse()).isCloseTo(Math.sqrt(10), within(1e-12));
    assertThatThrownBy(() -> m.update(Double.NaN, 1)).hasMessageContaining("finite");
  }

  @Test
  void slidingWindow_staysExactOverManyUpdates() {
    ClusteringMetrics m = new ClusteringMetrics(3);
    for (int i = 0; i < 100_000; i++) {
      m.update(i % 2 == 0 ? 1e8 : 1e-8);
    }
    m.update(1);
    m.update(2);
    m.update(3);
    assertThat(m.windowMeanInertia()).isEqualTo(2.0);
  }

  private static void record(ClassificationMetrics m, int truth, int predicted, int times) {
    for (int i = 0; i < times; i++) {
      m.update(truth, predicted, Double.NaN);
    }
  }
}
