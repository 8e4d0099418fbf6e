package org.brookml.internal.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential tests: the scalar and Vector API kernels against a naive reference, on every size
 * from 0 to 70 (every loop tail) and a few large ones, at non-zero offsets. Tolerances scale with
 * the length, since the implementations add in different orders.
 */
class VectorKernelsTest {

  static Stream<Integer> sizes() {
    return Stream.concat(IntStream.rangeClosed(0, 70).boxed(), Stream.of(127, 128, 129, 1000, 4099));
  }

  static List<VectorKernels> implementations() {
    List<VectorKernels> kernels = new ArrayList<>();
    kernels.add(ScalarVectorKernels.INSTANCE);
    VectorKernels panama = VectorKernelsProvider.panamaOrNull();
    if (panama != null) {
      kernels.add(panama);
    }
    return kernels;
  }

  private static double[] random(SplittableRandom rnd, int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = rnd.nextDouble(-10, 10);
    }
    return x;
  }

  /** {@code x} stored from {@code offset} on, after values a kernel must not read (NaN). */
  private static double[] shifted(double[] x, int offset) {
    double[] padded = new double[offset + x.length];
    java.util.Arrays.fill(padded, 0, offset, Double.NaN);
    System.arraycopy(x, 0, padded, offset, x.length);
    return padded;
  }

  private static double tolerance(int n) {
    return 1e-12 * (n + 1) * 100;
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void dotAndDistance_matchNaiveReference(int n) {
    SplittableRandom rnd = new SplittableRandom(n);
    double[] a = random(rnd, n + 3);
    double[] b = random(rnd, n + 5);
    double dot = 0;
    double dist = 0;
    for (int i = 0; i < n; i++) {
      dot += a[i + 3] * b[i + 5];
      double d = a[i + 3] - b[i + 5];
      dist += d * d;
    }
    for (VectorKernels k : implementations()) {
      assertThat(k.dot(a, 3, b, 5, n)).as(k.name()).isCloseTo(dot, within(tolerance(n)));
      assertThat(k.squaredDistance(a, 3, b, 5, n)).as(k.name())
          .isCloseTo(dist, within(tolerance(n) * 10));
    }
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void allFinite_findsANonFiniteValueAnywhere(int n) {
    double[] x = random(new SplittableRandom(n), n + 2);
    for (VectorKernels k : implementations()) {
      assertThat(k.allFinite(x, 1, n)).as(k.name()).isTrue();
      for (int at = 0; at < n; at += Math.max(1, n / 7)) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
          double[] y = x.clone();
          y[1 + at] = bad;
          assertThat(k.allFinite(y, 1, n)).as(k.name() + " " + bad + " at " + at).isFalse();
        }
      }
      double[] outside = x.clone();
      outside[0] = Double.NaN;
      outside[n + 1] = Double.NaN;
      assertThat(k.allFinite(outside, 1, n)).as(k.name() + " looks outside its range").isTrue();
    }
  }

  /**
   * Normal log-density terms and the floored naive-Bayes sum against the formulas, with cells of
   * weight 0, weight 1 and zero variance (point masses) mixed in, at an offset.
   */
  @ParameterizedTest
  @MethodSource("sizes")
  void gaussianKernels_matchTheFormulas(int n) {
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
    double floor = Math.log(1e-9);
    double[] expectedHalf = new double[off + n];
    double[] expectedLog = new double[off + n];
    double expectedSum = 0;
    for (int i = off; i < off + n; i++) {
      double variance = weight[i] > 1 ? m2[i] / (weight[i] - 1) : 0;
      expectedHalf[i] = variance > 0 ? 0.5 / variance : 0;
      expectedLog[i] = variance > 0 ? -0.5 * Math.log(2 * Math.PI * variance) : 0;
      double d = x[i - off] - mean[i];
      double logDensity = variance > 0
          ? -0.5 * Math.log(2 * Math.PI * variance) - d * d / (2 * variance)
          : d == 0 ? 0 : Double.NEGATIVE_INFINITY;
      expectedSum += Math.max(logDensity, floor);
    }
    for (VectorKernels k : implementations()) {
      double[] half = new double[off + n];
      double[] log = new double[off + n];
      k.gaussianTerms(weight, m2, off, n, half, log);
      assertThat(half).as(k.name()).containsExactly(expectedHalf, within(1e-12));
      assertThat(log).as(k.name()).containsExactly(expectedLog, within(1e-12));
      assertThat(k.gaussianLogLikelihood(x, mean, half, log, off, n, floor)).as(k.name())
          .isCloseTo(expectedSum, within(1e-9 * (n + 1)));
    }
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void adaGradStep_matchesTheFormula_andLeavesZeroCoordinatesAlone(int n) {
    SplittableRandom rnd = new SplittableRandom(2000 + n);
    double[] x = random(rnd, n);
    for (int i = 0; i < n; i += 3) {
      x[i] = 0;
    }
    double[] w0 = random(rnd, n);
    double[] s0 = new double[n];
    for (int i = 0; i < n; i++) {
      s0[i] = Math.abs(w0[i]);
    }
    double[] expectedW = w0.clone();
    double[] expectedS = s0.clone();
    for (int i = 0; i < n; i++) {
      double gi = -0.7 * x[i] + (x[i] != 0 ? 0.01 * w0[i] : 0);
      expectedS[i] += gi * gi;
      expectedW[i] -= 0.3 * gi / Math.sqrt(expectedS[i] + 1e-8);
    }
    for (VectorKernels k : implementations()) {
      double[] w = w0.clone();
      double[] s = s0.clone();
      k.adaGradStep(-0.7, shifted(x, 5), 5, w, s, n, 0.3, 0.01, 1e-8);
      assertThat(w).as(k.name()).containsExactly(expectedW, within(1e-12));
      assertThat(s).as(k.name()).containsExactly(expectedS, within(1e-12));
      for (int i = 0; i < n; i += 3) {
        assertThat(w[i]).isEqualTo(w0[i]);
        assertThat(s[i]).isEqualTo(s0[i]);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void ftrlStep_matchesMcMahanAlgorithm1_andLeavesZeroCoordinatesAlone(int n) {
    SplittableRandom rnd = new SplittableRandom(3000 + n);
    double[] x = random(rnd, n);
    for (int i = 0; i < n; i += 3) {
      x[i] = 0;
    }
    double[] w0 = random(rnd, n);
    double[] z0 = random(rnd, n);
    double[] n0 = new double[n];
    for (int i = 0; i < n; i++) {
      n0[i] = Math.abs(w0[i]) * 3;
      z0[i] *= 0.1; // some |z| below l1 = 0.5, some above
    }
    double alpha = 0.2;
    double beta = 1;
    double l1 = 0.5;
    double l2 = 0.1;
    double g = 0.3;
    double[] ew = w0.clone();
    double[] ez = z0.clone();
    double[] en = n0.clone();
    for (int i = 0; i < n; i++) {
      double gi = g * x[i];
      double sigma = (Math.sqrt(en[i] + gi * gi) - Math.sqrt(en[i])) / alpha;
      ez[i] += gi - sigma * ew[i];
      en[i] += gi * gi;
      ew[i] = Math.abs(ez[i]) <= l1 ? 0
          : -(ez[i] - Math.signum(ez[i]) * l1) / ((beta + Math.sqrt(en[i])) / alpha + l2);
    }
    for (VectorKernels k : implementations()) {
      double[] w = w0.clone();
      double[] z = z0.clone();
      double[] sums = n0.clone();
      k.ftrlStep(g, shifted(x, 3), 3, w, z, sums, n, alpha, beta, l1, l2);
      assertThat(z).as(k.name()).containsExactly(ez, within(1e-12));
      assertThat(sums).as(k.name()).containsExactly(en, within(1e-12));
      assertThat(w).as(k.name()).containsExactly(ew, within(1e-12));
    }
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void axpyAndScale_matchNaiveReference(int n) {
    SplittableRandom rnd = new SplittableRandom(1000 + n);
    double[] x = random(rnd, n + 1);
    double[] y0 = random(rnd, n + 2);
    double[] expectedAxpy = y0.clone();
    double[] expectedScale = y0.clone();
    double[] expectedMove = y0.clone();
    for (int i = 0; i < n; i++) {
      expectedAxpy[i + 2] += 0.37 * x[i + 1];
      expectedScale[i + 2] *= -1.5;
      expectedMove[i + 2] = (1 - 0.3) * y0[i + 2] + 0.3 * x[i + 1];
    }
    for (VectorKernels k : implementations()) {
      double[] y = y0.clone();
      k.axpy(0.37, x, 1, y, 2, n);
      assertThat(y).as(k.name()).containsExactly(expectedAxpy, within(1e-12));
      double[] z = y0.clone();
      k.scale(-1.5, z, 2, n);
      assertThat(z).as(k.name()).containsExactly(expectedScale, within(0.0));
      double[] c = y0.clone();
      k.moveToward(0.3, x, 1, c, 2, n);
      assertThat(c).as(k.name()).containsExactly(expectedMove, within(1e-12));
    }
  }

  @ParameterizedTest
  @MethodSource("centreCounts")
  void nearestCenter_matchesBruteForce(int k) {
    SplittableRandom rnd = new SplittableRandom(k);
    for (int d : new int[] {1, 2, 3, 7, 32, 33}) {
      int stride = (k + 15) / 16 * 16;
      double[] centers = random(rnd, k * d);
      double[] transposed = new double[d * stride];
      double[] norms = new double[stride];
      java.util.Arrays.fill(norms, Double.POSITIVE_INFINITY);
      for (int c = 0; c < k; c++) {
        double norm = 0;
        for (int j = 0; j < d; j++) {
          transposed[j * stride + c] = centers[c * d + j];
          norm += centers[c * d + j] * centers[c * d + j];
        }
        norms[c] = norm;
      }
      int rows = 9;
      double[] batch = random(rnd, 1 + rows * d);
      for (VectorKernels kernels : implementations()) {
        int[] out = new int[rows];
        assertThat(kernels.nearestCenters(
            batch, 1, rows, d, transposed, norms, stride, out, new double[stride])).isTrue();
        for (int bad = 0; bad < rows; bad++) {
          for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
              Double.NEGATIVE_INFINITY}) {
            double[] poisoned = batch.clone();
            poisoned[1 + bad * d + (bad % d)] = value;
            assertThat(kernels.nearestCenters(poisoned, 1, rows, d, transposed, norms, stride,
                new int[rows], new double[stride]))
                .as(kernels.name() + " reports " + value + " in row " + bad).isFalse();
          }
        }
        for (int r = 0; r < rows; r++) {
          double best = Double.POSITIVE_INFINITY;
          for (int c = 0; c < k; c++) {
            best = Math.min(best, distance(batch, 1 + r * d, centers, c * d, d));
          }
          assertThat(distance(batch, 1 + r * d, centers, out[r] * d, d))
              .as(kernels.name() + " batch row " + r + " k=" + k + " d=" + d)
              .isCloseTo(best, within(1e-9 * (1 + best)));
        }
      }
      for (int trial = 0; trial < 200; trial++) {
        double[] x = random(rnd, d + 1);
        int expected = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          double dist = 0;
          for (int j = 0; j < d; j++) {
            double diff = x[1 + j] - centers[c * d + j];
            dist += diff * diff;
          }
          if (dist < best) {
            best = dist;
            expected = c;
          }
        }
        for (VectorKernels kernels : implementations()) {
          int got = kernels.nearestCenter(x, 1, d, transposed, norms, stride, new double[stride]);
          double gotDist = 0;
          for (int j = 0; j < d; j++) {
            double diff = x[1 + j] - centers[got * d + j];
            gotDist += diff * diff;
          }
          // Ties within rounding may pick either centre; anything else must be the nearest.
          assertThat(gotDist).as(kernels.name() + " k=" + k + " d=" + d)
              .isCloseTo(best, within(1e-9 * (1 + best)));
          if (gotDist > best * (1 + 1e-9) + 1e-9) {
            assertThat(got).isEqualTo(expected);
          }
        }
      }
    }
  }

  private static double distance(double[] a, int aOff, double[] b, int bOff, int d) {
    double sum = 0;
    for (int j = 0; j < d; j++) {
      sum += (a[aOff + j] - b[bOff + j]) * (a[aOff + j] - b[bOff + j]);
    }
    return sum;
  }

  static Stream<Integer> centreCounts() {
    return Stream.of(1, 2, 5, 15, 16, 17, 33);
  }

  @Test
  void panamaIsSelected_whenTheVectorRunAsksForIt() {
    assumeTrue("panama".equals(System.getProperty("brook.vector")),
        "only in the surefire run with --add-modules jdk.incubator.vector");
    assertThat(VectorKernelsProvider.kernels().name()).isIn("panama-256", "panama-512");
  }

  @Test
  void scalarIsSelected_withoutTheModule() {
    assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty(),
        "only when the Vector API module is absent");
    assertThat(VectorKernelsProvider.kernels().name()).isEqualTo("scalar");
    assertThat(VectorKernelsProvider.panamaOrNull()).isNull();
  }

  /**
   * Cells of two classes over {@code n} features with every case of the split-weight rule: empty
   * cells, thresholds below the minimum and at or above the maximum, point masses, and spreads.
   */
  @ParameterizedTest
  @MethodSource("sizes")
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
    for (VectorKernels k : implementations()) {
      double[] left = new double[cells];
      double[] right = new double[cells];
      for (int c = 0; c < 2; c++) {
        k.normalSplitWeights(thresholds, weight, mean, sd, min, max, c * n, n, left, right);
      }
      for (int cell = 0; cell < cells; cell++) {
        assertThat(left[cell]).as("%s cell %d", k.name(), cell)
            .isCloseTo(expectedLeft[cell], within(2e-7 * weight[cell]));
        assertThat(left[cell] + right[cell]).isCloseTo(weight[cell], within(1e-12 * weight[cell]));
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
  @MethodSource("sizes")
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
      for (VectorKernels k : implementations()) {
        double[] merits = new double[n];
        k.splitMerits(left, right, classes, n, parent, gini, 0.01, merits,
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

  @ParameterizedTest
  @MethodSource("sizes")
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
      m2[cell] = m2[cell] + w * delta * (x[j] - newMean);
      mean[cell] = newMean;
      weight[cell] = newWeight;
      min[cell] = Math.min(min[cell], x[j]);
      max[cell] = Math.max(max[cell], x[j]);
    }
    for (VectorKernels k : implementations()) {
      double[] kw = weight0.clone();
      double[] km = mean0.clone();
      double[] k2 = m20.clone();
      double[] klo = min0.clone();
      double[] khi = max0.clone();
      k.welfordAdd(x, w, kw, km, k2, klo, khi, off, n);
      assertThat(kw).as(k.name()).containsExactly(weight);
      assertThat(km).as(k.name()).containsExactly(mean);
      assertThat(k2).as(k.name()).containsExactly(m2);
      assertThat(klo).as(k.name()).containsExactly(min);
      assertThat(khi).as(k.name()).containsExactly(max);
    }
  }

  /**
   * The kernels with logarithms and exponentials give the scalar kernels' bits exactly, so that a
   * tree or naive Bayes model does not depend on the Vector API module or on the JIT's state.
   */
  @ParameterizedTest
  @MethodSource("sizes")
  void transcendentalKernels_giveTheScalarBitsExactly(int n) {
    assertThat(transcendentalMismatches(n)).isEmpty();
  }

  /**
   * The same after C2 has compiled the kernels: the lanewise LOG and EXP that these kernels avoid
   * gave other bits once compiled than interpreted.
   */
  @Test
  void transcendentalKernels_giveTheScalarBitsExactly_onceCompiled() {
    List<String> mismatches = new ArrayList<>();
    for (int round = 0; round < 5_000; round++) {
      mismatches.addAll(transcendentalMismatches(17 + round % 48));
    }
    assertThat(mismatches).isEmpty();
  }

  /** Which outputs of which implementation differ from the scalar kernels' bits, for size n. */
  private static List<String> transcendentalMismatches(int n) {
    SplittableRandom rnd = new SplittableRandom(7000 + n);
    int cells = 2 * n;
    double[] weight = new double[cells];
    double[] mean = new double[cells];
    double[] m2 = new double[cells];
    double[] sd = new double[cells];
    double[] min = new double[cells];
    double[] max = new double[cells];
    for (int cell = 0; cell < cells; cell++) {
      weight[cell] = rnd.nextInt(5) == 0 ? rnd.nextInt(2) : rnd.nextDouble(1, 500);
      mean[cell] = rnd.nextDouble(-5, 5);
      m2[cell] = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble(0, 1000);
      sd[cell] = Math.sqrt(weight[cell] > 1 ? m2[cell] / (weight[cell] - 1) : 0);
      min[cell] = mean[cell] - rnd.nextDouble(0, 10);
      max[cell] = mean[cell] + rnd.nextDouble(0, 10);
    }
    double[] thresholds = random(rnd, n);
    VectorKernels scalar = ScalarVectorKernels.INSTANCE;
    double[] half = new double[cells];
    double[] log = new double[cells];
    scalar.gaussianTerms(weight, m2, 0, cells, half, log);
    double[] left = new double[cells];
    double[] right = new double[cells];
    for (int c = 0; c < 2; c++) {
      scalar.normalSplitWeights(thresholds, weight, mean, sd, min, max, c * n, n, left, right);
    }
    double[] gains = new double[n];
    double[] ginis = new double[n];
    scalar.splitMerits(left, right, 2, n, 0.9, false, 0.01, gains, new double[5 * n]);
    scalar.splitMerits(left, right, 2, n, 0.4, true, 0.01, ginis, new double[5 * n]);
    List<String> mismatches = new ArrayList<>();
    for (VectorKernels k : implementations()) {
      double[] kHalf = new double[cells];
      double[] kLog = new double[cells];
      k.gaussianTerms(weight, m2, 0, cells, kHalf, kLog);
      double[] kLeft = new double[cells];
      double[] kRight = new double[cells];
      for (int c = 0; c < 2; c++) {
        k.normalSplitWeights(thresholds, weight, mean, sd, min, max, c * n, n, kLeft, kRight);
      }
      double[] kGains = new double[n];
      double[] kGinis = new double[n];
      k.splitMerits(left, right, 2, n, 0.9, false, 0.01, kGains, new double[5 * n]);
      k.splitMerits(left, right, 2, n, 0.4, true, 0.01, kGinis, new double[5 * n]);
      double[][] got = {kHalf, kLog, kLeft, kRight, kGains, kGinis};
      double[][] expected = {half, log, left, right, gains, ginis};
      String[] names = {"halfPrecision", "logNormalizer", "left", "right", "gains", "ginis"};
      for (int o = 0; o < names.length; o++) {
        if (!java.util.Arrays.equals(got[o], expected[o])) {
          mismatches.add(k.name() + " " + names[o] + " n=" + n);
        }
      }
    }
    return mismatches;
  }

  /**
   * The Vector API dot product equals, bit for bit, a scalar replay of its own order (four
   * accumulators of fused multiply-adds, lanes summed pairwise, then the tail), on its first calls
   * and after C2 has compiled it: a sum across lanes must not depend on how warm the JIT is (Java
   * 25's {@code reduceLanes(ADD)} did).
   */
  @Test
  void panamaDot_addsInOneFixedOrder_compiledOrNot() {
    VectorKernels panama = VectorKernelsProvider.panamaOrNull();
    assumeTrue(panama != null, "skipped: the Vector API module is absent");
    int lanes = Integer.parseInt(panama.name().substring("panama-".length())) / 64;
    SplittableRandom rnd = new SplittableRandom(9);
    for (int round = 0; round < 3_000; round++) {
      int n = round % 150;
      double[] a = random(rnd, n + 2);
      double[] b = random(rnd, n + 5);
      for (int i = 0; i < b.length; i += 3) {
        b[i] *= 1e6; // magnitudes far apart, so that the order of additions shows
      }
      assertThat(panama.dot(a, 2, b, 5, n)).as("n=%d, round %d", n, round)
          .isEqualTo(replayedDot(a, 2, b, 5, n, lanes));
    }
  }

  private static double replayedDot(double[] a, int aOff, double[] b, int bOff, int n,
      int lanes) {
    int i = 0;
    double sum = 0;
    if (n >= 2 * lanes) {
      double[][] acc = new double[4][lanes];
      for (int unrolled = n - n % (4 * lanes); i < unrolled; i += 4 * lanes) {
        for (int k = 0; k < 4; k++) {
          for (int l = 0; l < lanes; l++) {
            int at = i + k * lanes + l;
            acc[k][l] = Math.fma(a[aOff + at], b[bOff + at], acc[k][l]);
          }
        }
      }
      for (int bound = n - n % lanes; i < bound; i += lanes) {
        for (int l = 0; l < lanes; l++) {
          acc[0][l] = Math.fma(a[aOff + i + l], b[bOff + i + l], acc[0][l]);
        }
      }
      double[] total = new double[lanes];
      for (int l = 0; l < lanes; l++) {
        total[l] = (acc[0][l] + acc[1][l]) + (acc[2][l] + acc[3][l]);
      }
      sum = (total[0] + total[1]) + (total[2] + total[3]);
      if (lanes == 8) {
        sum += (total[4] + total[5]) + (total[6] + total[7]);
      }
    }
    for (; i < n; i++) {
      sum += a[aOff + i] * b[bOff + i];
    }
    return sum;
  }
}
