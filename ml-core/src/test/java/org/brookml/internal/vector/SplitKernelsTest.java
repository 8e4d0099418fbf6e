package org.brookml.internal.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.brookml.internal.vector.KernelTestSupport.implementations;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link SplitKernels}: split weights and merits against the rules, in every implementation. */
class SplitKernelsTest {

  /**
   * Cells of two classes over {@code n} features with every case of the split-weight rule: empty
   * cells, thresholds below the minimum and at or above the maximum, point masses, and spreads.
   * Each class's weights are written to the other class's row: the output has its own offset.
   */
  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void normalSplitWeights_followTheRule_caseByCase(int n) {
    SplittableRandom rnd = new SplittableRandom(4000 + n);
    int cells = 2 * n;
    double[] weight = new double[cells];
    double[] mean = new double[cells];
    double[] sd = new double[cells];
    double[] min = new double[cells];
    double[] max = new double[cells];
    double[] thresholds = new double[n];
    for (int j = 0; j < n; j++) {
      thresholds[j] = rnd.nextDouble(-3, 3);
    }
    for (int cell = 0; cell < cells; cell++) {
      int kind = rnd.nextInt(6);
      weight[cell] = kind == 0 ? 0 : rnd.nextDouble(0.5, 50);
      mean[cell] = rnd.nextDouble(-2, 2);
      sd[cell] = kind == 1 ? 0 : rnd.nextDouble(0.01, 3);
      min[cell] = kind == 0 ? Double.POSITIVE_INFINITY : mean[cell] - rnd.nextDouble(0, 4);
      max[cell] = kind == 0 ? Double.NEGATIVE_INFINITY : mean[cell] + rnd.nextDouble(0, 4);
    }
    double[] expectedLeft = new double[cells];
    for (int c = 0; c < 2; c++) {
      for (int j = 0; j < n; j++) {
        int cell = c * n + j;
        double v = thresholds[j];
        double w = weight[cell];
        expectedLeft[cell] = w == 0 || v < min[cell] ? 0 : v >= max[cell] ? w
            : sd[cell] == 0 ? (v >= mean[cell] ? w : 0)
            : w * normalCdf((v - mean[cell]) / sd[cell]);
      }
    }
    for (KernelSet k : implementations()) {
      double[] left = new double[cells];
      double[] right = new double[cells];
      for (int c = 0; c < 2; c++) {
        k.splits().normalSplitWeights(thresholds, weight, mean, sd, min, max, c * n, n, left,
            right, (1 - c) * n);
      }
      for (int cell = 0; cell < cells; cell++) {
        int out = (cell + n) % cells; // the other class's row, same feature
        assertThat(left[out]).as("%s cell %d", k.name(), cell)
            .isCloseTo(expectedLeft[cell], within(2e-7 * weight[cell]));
        assertThat(left[out] + right[out]).isCloseTo(weight[cell], within(1e-12 * weight[cell]));
      }
    }
  }

  /** Independent normal CDF: trapezoid integration of the density from -10. */
  private static double normalCdf(double z) {
    if (z < -10) {
      return 0;
    }
    int steps = 200_000;
    double h = (z + 10) / steps;
    double sum = 0;
    for (int i = 0; i <= steps; i++) {
      double t = -10 + i * h;
      double f = Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
      sum += i == 0 || i == steps ? f / 2 : f;
    }
    return sum * h;
  }

  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void splitMerits_matchTheImpurityFormulas_forThreeClasses(int n) {
    SplittableRandom rnd = new SplittableRandom(5000 + n);
    int classes = 3;
    double[] left = new double[classes * n];
    double[] right = new double[classes * n];
    for (int i = 0; i < left.length; i++) {
      left[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble(0, 20);
      right[i] = rnd.nextInt(4) == 0 ? 0 : rnd.nextDouble(0, 20);
    }
    if (n > 2) { // an empty split and a lopsided one
      for (int c = 0; c < classes; c++) {
        left[c * n] = 0;
        right[c * n] = 0;
        left[c * n + 1] = 100;
        right[c * n + 1] = c == 0 ? 0.1 : 0;
      }
    }
    double parent = 1.4;
    for (boolean gini : new boolean[] {false, true}) {
      double[] expected = new double[n];
      for (int j = 0; j < n; j++) {
        double[] l = new double[classes];
        double[] r = new double[classes];
        for (int c = 0; c < classes; c++) {
          l[c] = left[c * n + j];
          r[c] = right[c * n + j];
        }
        double lw = l[0] + l[1] + l[2];
        double rw = r[0] + r[1] + r[2];
        double total = lw + rw;
        boolean lopsided = lw / total <= 0.01 || rw / total <= 0.01;
        expected[j] = total == 0 || (!gini && lopsided) ? Double.NEGATIVE_INFINITY
            : parent - (lw * impurity(l, gini) + rw * impurity(r, gini)) / total;
      }
      for (KernelSet k : implementations()) {
        double[] merits = new double[n];
        k.splits().splitMerits(left, right, classes, n, parent, gini, 0.01, merits,
            new double[(2 * classes + 1) * n]);
        for (int j = 0; j < n; j++) {
          if (expected[j] == Double.NEGATIVE_INFINITY) {
            assertThat(merits[j]).as("%s gini=%s split %d", k.name(), gini, j)
                .isEqualTo(Double.NEGATIVE_INFINITY);
          } else {
            assertThat(merits[j]).as("%s gini=%s split %d", k.name(), gini, j)
                .isCloseTo(expected[j], within(1e-12));
          }
        }
      }
    }
  }

  /** Entropy in bits or Gini impurity of class weights, straight from the definitions. */
  private static double impurity(double[] weights, boolean gini) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    if (total == 0) {
      return 0;
    }
    double sum = 0;
    for (double w : weights) {
      double p = w / total;
      sum += gini ? p * p : (p > 0 ? p * Math.log(p) / Math.log(2) : 0);
    }
    return gini ? 1 - sum : -sum;
  }

}
