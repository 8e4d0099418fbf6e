package org.brookml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.brookml.io.Snapshots;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Loss;
import org.brookml.optim.Losses;
import org.brookml.optim.Optimizer;
import org.brookml.optim.RegressionLoss;
import org.junit.jupiter.api.Test;

/**
 * {@code learnBatch} over a row-major array: the same model as {@code learn} on each row, on both
 * of its paths (a small batch checked before learning, a large one checked as it is learned and
 * rolled back from a copy of the state), and all-or-nothing on bad input.
 */
class LinearBatchTest {

  private static final int D = 40;
  private static final int SMALL = 100; // 4,000 values: checked first
  private static final int LARGE = 1_000; // 40,000 values: checked while learning

  private static Map<String, Optimizer> optimizers() {
    Map<String, Optimizer> optimizers = new LinkedHashMap<>();
    optimizers.put("sgd", Optimizer.sgd(LearningRate.optimal(1e-4), 1e-4, 0, 1));
    optimizers.put("elastic net", Optimizer.sgd(LearningRate.inverseScaling(0.1, 0.5), 1e-3, 0.5,
        0.01));
    optimizers.put("averaged sgd", Optimizer.averagedSgd(LearningRate.optimal(1e-4), 1e-4, 0, 1));
    optimizers.put("adagrad", Optimizer.adaGrad(0.1, 1e-4));
    optimizers.put("adam", Optimizer.adam(0.01, 0.9, 0.999, 1e-4));
    optimizers.put("ftrl", Optimizer.ftrl(0.1, 1, 0.01, 0.01));
    return optimizers;
  }

  /** Row-major rows, a third of the values zero (the sparse-aware paths skip those). */
  private static double[] rows(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] xs = new double[rows * D];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextInt(3) == 0 ? 0 : random.nextGaussian();
    }
    return xs;
  }

  private static int[] labels(double[] xs, int rows) {
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      double score = 0.2;
      for (int j = 0; j < D; j++) {
        score += (j % 5 - 2) * xs[r * D + j];
      }
      labels[r] = score > 0 ? 1 : 0;
    }
    return labels;
  }

  private static double[] row(double[] xs, int r) {
    double[] x = new double[D];
    System.arraycopy(xs, r * D, x, 0, D);
    return x;
  }

  @Test
  void classifierBatches_giveTheModelOfLearningRowByRow_forEveryOptimizer() {
    for (Map.Entry<String, Optimizer> entry : optimizers().entrySet()) {
      for (int rows : new int[] {SMALL, LARGE}) {
        SgdClassifier batched = SgdClassifier.builder(D).optimizer(entry.getValue()).build();
        SgdClassifier oneByOne = batched.copy();
        for (int batch = 0; batch < 3; batch++) {
          double[] xs = rows(rows, 10 * batch + rows);
          int[] labels = labels(xs, rows);
          batched.learnBatch(xs, rows, labels);
          for (int r = 0; r < rows; r++) {
            oneByOne.learn(row(xs, r), labels[r]);
          }
        }
        assertThat(batched.samplesSeen()).isEqualTo(3L * rows);
        assertThat(Snapshots.write(batched)).as("%s, batches of %d", entry.getKey(), rows)
            .isEqualTo(Snapshots.write(oneByOne));
      }
    }
  }

  @Test
  void regressorBatches_giveTheModelOfLearningRowByRow() {
    for (RegressionLoss loss : List.of(Losses.squared(), Losses.huber(1), Losses.poisson())) {
      for (int rows : new int[] {SMALL, LARGE}) {
        SgdRegressor batched = SgdRegressor.builder(D).loss(loss)
            .optimizer(Optimizer.adaGrad(0.01, 1e-4)).build();
        SgdRegressor oneByOne = batched.copy();
        double[] xs = rows(rows, rows);
        double[] ys = new double[rows];
        for (int r = 0; r < rows; r++) {
          ys[r] = Math.abs(xs[r * D] - 0.5 * xs[r * D + 1]);
          oneByOne.learn(row(xs, r), ys[r]);
        }
        batched.learnBatch(xs, rows, ys);
        assertThat(Snapshots.write(batched)).as("%s, %d rows", loss.name(), rows)
            .isEqualTo(Snapshots.write(oneByOne));
      }
    }
  }

  @Test
  void aNonFiniteValueAnywhere_leavesTheModelAsItWas_onBothPaths() {
    for (Map.Entry<String, Optimizer> entry : optimizers().entrySet()) {
      for (int rows : new int[] {SMALL, LARGE}) {
        SgdClassifier model = SgdClassifier.builder(D).optimizer(entry.getValue()).build();
        double[] warmUp = rows(rows, 7);
        model.learnBatch(warmUp, rows, labels(warmUp, rows));
        byte[] before = Snapshots.write(model);
        for (int badRow : new int[] {0, rows / 2, rows - 1}) {
          for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
              Double.NEGATIVE_INFINITY}) {
            double[] xs = rows(rows, 8);
            int[] labels = labels(xs, rows);
            xs[badRow * D + 13] = bad;
            assertThatThrownBy(() -> model.learnBatch(xs, rows, labels))
                .as("%s, %d rows", entry.getKey(), rows)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row " + badRow + ", column 13 is not finite");
            assertThat(Snapshots.write(model)).as("%s, %d rows, bad row %d", entry.getKey(), rows,
                badRow).isEqualTo(before);
          }
        }
        // The restored state learns on as if the bad batches never came.
        SgdClassifier untouched = Snapshots.read(before, SgdClassifier.class);
        double[] xs = rows(rows, 9);
        model.learnBatch(xs, rows, labels(xs, rows));
        untouched.learnBatch(xs, rows, labels(xs, rows));
        assertThat(Snapshots.write(model)).isEqualTo(Snapshots.write(untouched));
      }
    }
  }

  @Test
  void badLabelsTargetsAndShapes_areRejectedBeforeAnythingChanges() {
    SgdClassifier classifier = SgdClassifier.builder(D).build();
    double[] xs = rows(LARGE, 3);
    int[] labels = labels(xs, LARGE);
    labels[LARGE - 1] = 2;
    byte[] before = Snapshots.write(classifier);
    assertThatThrownBy(() -> classifier.learnBatch(xs, LARGE, labels))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2");
    assertThatThrownBy(() -> classifier.learnBatch(xs, LARGE + 1, new int[LARGE + 1]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fewer than");
    assertThatThrownBy(() -> classifier.learnBatch(null, 1, new int[1]))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("xs");
    assertThat(Snapshots.write(classifier)).isEqualTo(before);

    SgdRegressor poisson = SgdRegressor.builder(D).loss(Losses.poisson()).build();
    double[] ys = new double[LARGE];
    ys[LARGE - 1] = -1;
    byte[] poissonBefore = Snapshots.write(poisson);
    assertThatThrownBy(() -> poisson.learnBatch(xs, LARGE, ys))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 0");
    ys[LARGE - 1] = Double.NaN;
    assertThatThrownBy(() -> poisson.learnBatch(xs, LARGE, ys))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not finite");
    assertThat(Snapshots.write(poisson)).isEqualTo(poissonBefore);
  }

  @Test
  void divergenceInsideALargeBatch_throwsInsteadOfLeavingNaNWeights() {
    SgdClassifier model = SgdClassifier.builder(D)
        .optimizer(Optimizer.sgd(LearningRate.constant(1e300), 0, 0, 1)).build();
    double[] xs = rows(LARGE, 4);
    for (int i = 0; i < xs.length; i++) {
      xs[i] *= 1e10;
    }
    assertThatThrownBy(() -> model.learnBatch(xs, LARGE, labels(xs, LARGE)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("diverged");
    for (int j = 0; j < D; j++) {
      assertThat(model.weight(j)).isFinite();
    }
  }

  /**
   * Batch prediction scores rows in place, two per pass over the weights where the kernels allow
   * it: every row still gets the bits of predicting it alone, at widths around the kernels'
   * unrolling, for even and odd counts and across the 256-row blocks, for every optimizer.
   */
  @Test
  void predictBatches_giveTheBitsOfPredictingRowByRow_forEveryOptimizer() {
    for (int d : new int[] {3, 13, 16, 40, 101}) {
      for (Map.Entry<String, Optimizer> entry : optimizers().entrySet()) {
        SplittableRandom random = new SplittableRandom(d);
        SgdClassifier classifier = SgdClassifier.builder(d).optimizer(entry.getValue()).build();
        SgdRegressor regressor = SgdRegressor.builder(d).optimizer(entry.getValue()).build();
        double[] xs = new double[600 * d];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = random.nextGaussian();
        }
        for (int r = 0; r < 200; r++) {
          double[] x = Arrays.copyOfRange(xs, r * d, r * d + d);
          classifier.learn(x, x[0] + x[d - 1] > 0 ? 1 : 0);
          regressor.learn(x, x[0] - 0.5 * x[d - 1]);
        }
        for (int[] range : new int[][] {{0, 1}, {3, 2}, {5, 7}, {1, 599}}) {
          int from = range[0];
          int rows = range[1];
          int[] classes = classifier.predictBatch(xs, from, rows, new int[600]);
          double[] proba = classifier.predictProbaBatch(xs, from, rows, new double[1200]);
          double[] values = regressor.predictBatch(xs, from, rows, new double[600]);
          for (int r = from; r < from + rows; r++) {
            double[] x = Arrays.copyOfRange(xs, r * d, r * d + d);
            String where = entry.getKey() + ", d = " + d + ", row " + r;
            assertThat(classes[r]).as(where).isEqualTo(classifier.predict(x));
            assertThat(Arrays.copyOfRange(proba, 2 * r, 2 * r + 2)).as(where)
                .containsExactly(classifier.predictProba(x, new double[2]));
            assertThat(values[r]).as(where).isEqualTo(regressor.predict(x));
          }
        }
      }
    }
  }

  @Test
  void predictBatch_namesARowWithANonFiniteValue_andChangesNothing() {
    for (Map.Entry<String, Optimizer> entry : optimizers().entrySet()) {
      SgdClassifier model = SgdClassifier.builder(D).optimizer(entry.getValue()).build();
      double[] warmUp = rows(SMALL, 7);
      model.learnBatch(warmUp, SMALL, labels(warmUp, SMALL));
      byte[] before = Snapshots.write(model);
      for (int badRow : new int[] {0, 299, 511}) {
        double[] xs = rows(512, 8);
        xs[badRow * D + 13] = Double.NaN;
        assertThatThrownBy(() -> model.predictBatch(xs, 0, 512, new int[512]))
            .as("%s, bad row %d", entry.getKey(), badRow)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("row " + badRow + ", column 13 is not finite");
        assertThatThrownBy(() -> model.predictProbaBatch(xs, 0, 512, new double[1024]))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("row " + badRow + ", column 13 is not finite");
      }
      assertThatThrownBy(() -> model.predictBatch(rows(2, 1), 0, 2, new int[1]))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("out holds");
      assertThat(Snapshots.write(model)).as(entry.getKey()).isEqualTo(before);
    }
  }
}
