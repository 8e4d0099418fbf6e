package org.brookml.internal.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.brookml.internal.vector.KernelTestSupport.implementations;
import static org.brookml.internal.vector.KernelTestSupport.random;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link GaussianKernels}: the formulas, bit for bit across implementations where promised. */
class GaussianKernelsTest {

  /**
   * Normal log-density terms and the floored naive-Bayes sum against the formulas, with cells of
   * weight 0, weight 1 and zero variance (point masses) mixed in, at an offset.
   */
  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void gaussianKernels_matchTheFormulas(int n) {
    checkAgainstTheFormulas(n, 0, Math.log(1e-9));
    // Variance smoothing: every variance gets epsilon added, so no cell is a point mass.
    checkAgainstTheFormulas(n, 0.25, -Double.MAX_VALUE / (n + 1));
  }

  private static void checkAgainstTheFormulas(int n, double epsilon, double floor) {
    SplittableRandom rnd = new SplittableRandom(5000 + n);
    int off = 3;
    double[] weight = new double[off + n];
    double[] m2 = new double[off + n];
    double[] mean = new double[off + n];
    for (int i = off; i < off + n; i++) {
      weight[i] = i % 7 == 0 ? 0 : i % 11 == 0 ? 1 : rnd.nextDouble(1.5, 50);
      m2[i] = i % 5 == 0 ? 0 : rnd.nextDouble(0.01, 30);
      mean[i] = rnd.nextDouble(-3, 3);
    }
    double[] x = random(rnd, n);
    for (int i = 0; i < n; i += 4) {
      x[i] = mean[off + i]; // exactly at the mean: a point mass scores 0 there
    }
    double[] expectedHalf = new double[off + n];
    double[] expectedLog = new double[off + n];
    double expectedSum = 0;
    for (int i = off; i < off + n; i++) {
      double variance = (weight[i] > 1 ? m2[i] / (weight[i] - 1) : 0) + epsilon;
      expectedHalf[i] = variance > 0 ? 0.5 / variance : 0;
      expectedLog[i] = variance > 0 ? -0.5 * Math.log(2 * Math.PI * variance) : 0;
      double d = x[i - off] - mean[i];
      double logDensity = variance > 0
          ? -0.5 * Math.log(2 * Math.PI * variance) - d * d / (2 * variance)
          : d == 0 ? 0 : Double.NEGATIVE_INFINITY;
      expectedSum += Math.max(logDensity, floor);
    }
    for (KernelSet k : implementations()) {
      double[] half = new double[off + n];
      double[] log = new double[off + n];
      k.gaussians().gaussianTerms(weight, m2, off, n, epsilon, half, log);
      assertThat(half).as(k.name()).containsExactly(expectedHalf, within(1e-12));
      assertThat(log).as(k.name()).containsExactly(expectedLog, within(1e-12));
      assertThat(k.gaussians().gaussianLogLikelihood(x, mean, half, log, off, n, floor))
          .as(k.name())
          .isCloseTo(expectedSum, within(1e-9 * (n + 1)));
    }
  }

  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void welfordAdd_isWestsUpdate_bitForBitInEveryImplementation(int n) {
    SplittableRandom rnd = new SplittableRandom(6000 + n);
    int off = 3;
    double[] weight0 = new double[off + n];
    double[] mean0 = new double[off + n];
    double[] m20 = new double[off + n];
    double[] min0 = new double[off + n];
    double[] max0 = new double[off + n];
    for (int cell = 0; cell < off + n; cell++) {
      boolean empty = rnd.nextInt(4) == 0;
      weight0[cell] = empty ? 0 : rnd.nextDouble(0.5, 100);
      mean0[cell] = empty ? 0 : rnd.nextDouble(-5, 5);
      m20[cell] = empty ? 0 : rnd.nextDouble(0, 50);
      min0[cell] = empty ? Double.POSITIVE_INFINITY : mean0[cell] - rnd.nextDouble(0, 3);
      max0[cell] = empty ? Double.NEGATIVE_INFINITY : mean0[cell] + rnd.nextDouble(0, 3);
    }
    double[] x = random(rnd, n);
    double w = 2.5;
    double[] weight = weight0.clone();
    double[] mean = mean0.clone();
    double[] m2 = m20.clone();
    double[] min = min0.clone();
    double[] max = max0.clone();
    for (int j = 0; j < n; j++) { // West (1979), one cell at a time
      int cell = off + j;
      double newWeight = weight[cell] + w;
      double delta = x[j] - mean[cell];
      double newMean = mean[cell] + w * delta / newWeight;
      // Never below 0: on an empty cell w x / w may round away from x, and the increment, 0 in
      // exact arithmetic, comes out a hair negative (-3.8e-15 in one of these cases).
      m2[cell] = Math.max(0.0, m2[cell] + w * delta * (x[j] - newMean));
      mean[cell] = newMean;
      weight[cell] = newWeight;
      min[cell] = Math.min(min[cell], x[j]);
      max[cell] = Math.max(max[cell], x[j]);
    }
    for (KernelSet k : implementations()) {
      double[] kw = weight0.clone();
      double[] km = mean0.clone();
      double[] k2 = m20.clone();
      double[] klo = min0.clone();
      double[] khi = max0.clone();
      k.gaussians().welfordAdd(x, w, kw, km, k2, klo, khi, off, n);
      assertThat(kw).as(k.name()).containsExactly(weight);
      assertThat(km).as(k.name()).containsExactly(mean);
      assertThat(k2).as(k.name()).containsExactly(m2);
      assertThat(klo).as(k.name()).containsExactly(min);
      assertThat(khi).as(k.name()).containsExactly(max);
    }
  }

}
