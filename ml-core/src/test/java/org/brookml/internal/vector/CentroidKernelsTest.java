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

  /**
   * Tied centres (each one repeated in the next) give the lower number, in the batch search and
   * the one-row search of every implementation, wherever in a block of 16 the tie falls.
   */
  @ParameterizedTest
  @MethodSource("centreCounts")
  void tiedCentres_giveTheLowerNumber(int k) {
    SplittableRandom rnd = new SplittableRandom(100 + k);
    int d = 5;
    int stride = (k + 15) / 16 * 16;
    double[] centers = random(rnd, k * d);
    for (int c = 1; c < k; c += 2) {
      System.arraycopy(centers, (c - 1) * d, centers, c * d, d);
    }
    double[] transposed = transposed(centers, k, d, stride);
    double[] norms = norms(centers, k, d, stride);
    // Each row is a centre itself, so its nearest centres are it and its twin.
    int rows = 2 * k;
    double[] batch = new double[rows * d];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(centers, (r % k) * d, batch, r * d, d);
    }
    for (KernelSet kernels : implementations()) {
      int[] out = new int[rows];
      assertThat(kernels.centroids().nearestCenters(batch, 0, rows, d, transposed, norms, stride,
          out, new double[stride])).isTrue();
      for (int r = 0; r < rows; r++) {
        int expected = (r % k) & ~1;
        assertThat(out[r]).as(kernels.name() + " batch row " + r + ", k=" + k).isEqualTo(expected);
        assertThat(kernels.centroids().nearestCenter(batch, r * d, d, transposed, norms, stride,
            new double[stride])).as(kernels.name() + " row " + r + ", k=" + k).isEqualTo(expected);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("centreCounts")
  void nearestCenter_matchesBruteForce(int k) {
    SplittableRandom rnd = new SplittableRandom(k);
    for (int d : new int[] {1, 2, 3, 7, 32, 33}) {
      int stride = (k + 15) / 16 * 16;
      double[] centers = random(rnd, k * d);
      double[] transposed = transposed(centers, k, d, stride);
      double[] norms = norms(centers, k, d, stride);
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

  /**
   * With small integer coordinates every score is exact in any order of additions, so ties are
   * exact and frequent: each implementation's batch search gives the lowest-numbered nearest
   * centre, for rows in every position of a block, cold and compiled.
   */
  @ParameterizedTest
  @MethodSource("centreCounts")
  void exactTies_goToTheLowestNumber_compiledOrNot(int k) {
    SplittableRandom rnd = new SplittableRandom(200 + k);
    int rows = 31;
    for (int round = 0; round < 600; round++) {
      int d = 1 + round % 9;
      int stride = (k + 15) / 16 * 16;
      double[] centers = smallIntegers(rnd, k * d);
      double[] transposed = transposed(centers, k, d, stride);
      double[] norms = norms(centers, k, d, stride);
      double[] batch = smallIntegers(rnd, rows * d);
      for (KernelSet kernels : implementations()) {
        int[] out = new int[rows];
        assertThat(kernels.centroids().nearestCenters(batch, 0, rows, d, transposed, norms, stride,
            out, new double[stride])).isTrue();
        for (int r = 0; r < rows; r++) {
          int expected = 0;
          for (int c = 1; c < k; c++) {
            if (distance(batch, r * d, centers, c * d, d)
                < distance(batch, r * d, centers, expected * d, d)) {
              expected = c;
            }
          }
          assertThat(out[r]).as("%s row %d, k=%d, d=%d, round %d", kernels.name(), r, k, d, round)
              .isEqualTo(expected);
        }
      }
    }
  }

  /**
   * A centre moved toward rows in one call ends as a plain replay of c += eta (x - c) row after row
   * (within rounding, since kernels may fuse), and bit for bit as one call per row of the same
   * kernel: grouping rows never changes a centre. Every dimension up to 70 covers each loop's tail.
   */
  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void moveTowardRows_replaysOneRowAtATime(int d) {
    SplittableRandom rnd = new SplittableRandom(300 + d);
    int rows = 7;
    double[] xs = random(rnd, 3 + rows * d);
    int[] order = {9, 6, 2, 0, 5, 3}; // rows 6, 2, 0, 5, 3 at positions 1..5 (position 0 unused)
    double[] etas = {99, 0.5, 1.0 / 3, 0.25, 0.125, 1e-3};
    double[] c0 = random(rnd, 2 + d);
    double[] expected = c0.clone();
    for (int i = 1; i < order.length; i++) {
      for (int j = 0; j < d; j++) {
        expected[2 + j] += etas[i] * (xs[3 + order[i] * d + j] - expected[2 + j]);
      }
    }
    for (KernelSet kernels : implementations()) {
      double[] grouped = c0.clone();
      kernels.centroids().moveTowardRows(xs, 3, d, order, 1, order.length, etas, grouped, 2);
      assertThat(grouped).as(kernels.name() + " d=" + d).containsExactly(expected, within(1e-12));
      double[] oneByOne = c0.clone();
      for (int i = 1; i < order.length; i++) {
        kernels.centroids().moveTowardRows(xs, 3, d, order, i, i + 1, etas, oneByOne, 2);
      }
      assertThat(grouped).as(kernels.name() + " d=" + d).isEqualTo(oneByOne);
      double[] untouched = c0.clone();
      kernels.centroids().moveTowardRows(xs, 3, d, order, 4, 4, etas, untouched, 2);
      assertThat(untouched).as(kernels.name() + " no rows").isEqualTo(c0);
    }
  }

  private static double[] smallIntegers(SplittableRandom rnd, int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = rnd.nextInt(-2, 3);
    }
    return values;
  }

  private static double distance(double[] a, int aOff, double[] b, int bOff, int d) {
    double sum = 0;
    for (int j = 0; j < d; j++) {
      sum += (a[aOff + j] - b[bOff + j]) * (a[aOff + j] - b[bOff + j]);
    }
    return sum;
  }

  /** The centres coordinate-major, {@code stride} apart, as the kernels read them. */
  private static double[] transposed(double[] centers, int k, int d, int stride) {
    double[] transposed = new double[d * stride];
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < d; j++) {
        transposed[j * stride + c] = centers[c * d + j];
      }
    }
    return transposed;
  }

  /** Each centre's squared norm, +infinity in the padding up to {@code stride}. */
  private static double[] norms(double[] centers, int k, int d, int stride) {
    double[] norms = new double[stride];
    java.util.Arrays.fill(norms, Double.POSITIVE_INFINITY);
    for (int c = 0; c < k; c++) {
      double norm = 0;
      for (int j = 0; j < d; j++) {
        norm += centers[c * d + j] * centers[c * d + j];
      }
      norms[c] = norm;
    }
    return norms;
  }

  static Stream<Integer> centreCounts() {
    return Stream.of(1, 2, 5, 15, 16, 17, 33);
  }

}
