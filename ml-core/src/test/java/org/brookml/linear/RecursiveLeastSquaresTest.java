package org.brookml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.vector.SparseVector;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class RecursiveLeastSquaresTest implements OnlineLearnerContract<RecursiveLeastSquares> {

  @Override
  public RecursiveLeastSquares newLearner() {
    return RecursiveLeastSquares.builder(4).forgetting(0.999).delta(1e4).build();
  }

  @Override
  public void train(RecursiveLeastSquares model, int n, long dataSeed) {
    SplittableRandom random = new SplittableRandom(dataSeed);
    double[] x = new double[4];
    for (int i = 0; i < n; i++) {
      double y = 1;
      for (int j = 0; j < 4; j++) {
        x[j] = random.nextGaussian();
        y += (j + 1) * x[j];
      }
      model.learn(x, y + 0.1 * random.nextGaussian(), 0.5 + random.nextDouble());
    }
  }

  @Override
  public double[] predictions(RecursiveLeastSquares model) {
    return new double[] {model.predict(new double[] {1, 2, 3, 4}), model.weight(0),
        model.intercept()};
  }

  @Override
  public Map<String, Consumer<RecursiveLeastSquares>> badInputs() {
    Map<String, Consumer<RecursiveLeastSquares>> bad = new LinkedHashMap<>();
    bad.put("NaN", m -> m.learn(new double[] {0, Double.NaN, 0, 0}, 1));
    bad.put("NaN target", m -> m.learn(new double[4], Double.NaN));
    bad.put("wrong dimension", m -> m.learn(new double[3], 1));
    bad.put("negative weight", m -> m.learn(new double[4], 1, -1));
    bad.put("sparse index out of range", m -> m.learn(new SparseVector().add(4, 1), 1));
    return bad;
  }

  /** With lambda = 1 and a weak prior, RLS equals batch (weighted) least squares on the rows. */
  @Test
  void matchesBatchLeastSquares() {
    int n = 500;
    int d = 4;
    SplittableRandom random = new SplittableRandom(7);
    DMatrixRMaj design = new DMatrixRMaj(n, d + 1);
    DMatrixRMaj targets = new DMatrixRMaj(n, 1);
    RecursiveLeastSquares rls = RecursiveLeastSquares.builder(d).forgetting(1).delta(1e10).build();
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      double weight = 0.5 + random.nextDouble();
      double y = 3;
      for (int j = 0; j < d; j++) {
        x[j] = random.nextGaussian() * (j + 1);
        y += (2 - j) * x[j];
        design.set(i, j, x[j] * Math.sqrt(weight));
      }
      y += random.nextGaussian();
      design.set(i, d, Math.sqrt(weight));
      targets.set(i, 0, y * Math.sqrt(weight));
      rls.learn(x, y, weight);
    }
    DMatrixRMaj solution = new DMatrixRMaj(d + 1, 1);
    assertThat(CommonOps_DDRM.solve(design, targets, solution)).isTrue();
    for (int j = 0; j < d; j++) {
      assertThat(rls.weight(j)).as("weight %d", j).isCloseTo(solution.get(j), within(1e-6));
    }
    assertThat(rls.intercept()).isCloseTo(solution.get(d), within(1e-6));
  }

  @Test
  void forgetting_tracksAnAbruptChange() {
    RecursiveLeastSquares forgetting = RecursiveLeastSquares.builder(1).forgetting(0.98)
        .delta(1e6).build();
    RecursiveLeastSquares remembering = RecursiveLeastSquares.builder(1).forgetting(1).delta(1e6)
        .build();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 4_000; i++) {
      double x = random.nextGaussian();
      double slope = i < 2_000 ? 1 : -1;
      forgetting.learn(new double[] {x}, slope * x);
      remembering.learn(new double[] {x}, slope * x);
    }
    assertThat(forgetting.weight(0)).isCloseTo(-1, within(0.01));
    assertThat(remembering.weight(0)).isCloseTo(0, within(0.1));
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> RecursiveLeastSquares.builder(2).forgetting(1.5).delta(1).build())
        .hasMessage("lambda must be in (0, 1], got 1.5");
    assertThatThrownBy(() -> RecursiveLeastSquares.builder(2).forgetting(1).delta(0).build())
        .hasMessage("delta must be finite and > 0, got 0.0");
  }

  /** Learns rows {@code from .. to} of a fixed noisy linear stream. */
  private static void learnRows(RecursiveLeastSquares model, int from, int to) {
    SplittableRandom random = new SplittableRandom(8);
    double[] x = new double[3];
    for (int i = 0; i < to; i++) {
      for (int j = 0; j < 3; j++) {
        x[j] = random.nextGaussian();
      }
      double y = 1.5 * x[0] - 2 * x[1] + 0.5 * x[2] + 3 + 0.1 * random.nextGaussian();
      if (i >= from) {
        model.learn(x, y);
      }
    }
  }

  private static void assertSameModel(RecursiveLeastSquares actual,
      RecursiveLeastSquares expected) {
    for (int j = 0; j < 3; j++) {
      assertThat(actual.weight(j)).as("weight %d", j).isCloseTo(expected.weight(j), within(1e-8));
    }
    assertThat(actual.intercept()).isCloseTo(expected.intercept(), within(1e-8));
    assertThat(actual.samplesSeen()).isEqualTo(expected.samplesSeen());
  }

  /** Without forgetting, merging in information form is exact: the prior is counted once. */
  @Test
  void merging_withoutForgetting_equalsOneModelOnAllTheData() {
    RecursiveLeastSquares all = RecursiveLeastSquares.builder(3).forgetting(1).delta(10).build();
    learnRows(all, 0, 900);
    RecursiveLeastSquares first = RecursiveLeastSquares.builder(3).forgetting(1).delta(10).build();
    RecursiveLeastSquares second = first.copy();
    RecursiveLeastSquares third = first.copy();
    learnRows(first, 0, 300);
    learnRows(second, 300, 500);
    learnRows(third, 500, 900);
    first.mergeFrom(List.of(second, third));
    assertSameModel(first, all);

    RecursiveLeastSquares base = RecursiveLeastSquares.builder(3).forgetting(1).delta(10).build();
    learnRows(base, 0, 300);
    RecursiveLeastSquares a = base.copy();
    RecursiveLeastSquares b = base.copy();
    learnRows(a, 300, 600);
    learnRows(b, 600, 900);
    base.addDeltas(List.of(a, b));
    assertSameModel(base, all);
    assertThatThrownBy(() -> base.mergeFrom(
        List.of(RecursiveLeastSquares.builder(3).forgetting(0.99).delta(10).build())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
