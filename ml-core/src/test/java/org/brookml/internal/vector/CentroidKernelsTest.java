package org.brookml.internal.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.brookml.internal.vector.KernelTestSupport.implementations;
import static org.brookml.internal.vector.KernelTestSupport.random;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link CentroidKernels}: nearest-centre search against brute force, in every implementation. */
class CentroidKernelsTest {

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
      for (KernelSet kernels : implementations()) {
        int[] out = new int[rows];
        assertThat(kernels.centroids().nearestCenters(
            batch, 1, rows, d, transposed, norms, stride, out, new double[stride])).isTrue();
        for (int bad = 0; bad < rows; bad++) {
          for (double value : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
              Double.NEGATIVE_INFINITY}) {
            double[] poisoned = batch.clone();
            poisoned[1 + bad * d + (bad % d)] = value;
            assertThat(kernels.centroids().nearestCenters(poisoned, 1, rows, d, transposed, norms,
                stride, new int[rows], new double[stride]))
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
        for (KernelSet kernels : implementations()) {
          int got = kernels.centroids().nearestCenter(x, 1, d, transposed, norms, stride,
              new double[stride]);
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

}
