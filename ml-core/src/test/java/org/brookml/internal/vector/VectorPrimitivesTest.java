package org.brookml.internal.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.brookml.internal.vector.KernelTestSupport.implementations;
import static org.brookml.internal.vector.KernelTestSupport.random;
import static org.brookml.internal.vector.KernelTestSupport.tolerance;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link VectorPrimitives}: scalar and Vector API against naive references at every tail size. */
class VectorPrimitivesTest {

  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
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
    for (KernelSet k : implementations()) {
      assertThat(k.primitives().dot(a, 3, b, 5, n))
          .as(k.name()).isCloseTo(dot, within(tolerance(n)));
      assertThat(k.primitives().squaredDistance(a, 3, b, 5, n)).as(k.name())
          .isCloseTo(dist, within(tolerance(n) * 10));
    }
  }

  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void dots_giveEachRowTheBitsOfItsOwnDot(int n) {
    SplittableRandom rnd = new SplittableRandom(500 + n);
    double[] a = random(rnd, n + 2);
    for (int rows = 0; rows <= 5; rows++) {
      double[] xs = random(rnd, 3 + rows * n);
      for (KernelSet k : implementations()) {
        double[] out = new double[rows + 4];
        out[0] = 42;
        out[rows + 1] = 43;
        k.primitives().dots(a, 2, xs, 3, rows, n, out, 1);
        for (int r = 0; r < rows; r++) {
          assertThat(out[1 + r]).as(k.name() + " row " + r + " of " + rows)
              .isEqualTo(k.primitives().dot(a, 2, xs, 3 + r * n, n));
        }
        assertThat(out[0]).as(k.name()).isEqualTo(42);
        assertThat(out[rows + 1]).as(k.name()).isEqualTo(43);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void allWithin_findsAValueOutOfRangeAnywhere(int n) {
    double[] x = random(new SplittableRandom(n), n + 2);
    for (KernelSet k : implementations()) {
      assertThat(k.primitives().allWithin(x, 1, n, 1e50)).as(k.name()).isTrue();
      for (int at = 0; at < n; at += Math.max(1, n / 7)) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 2e50, -1e154}) {
          double[] y = x.clone();
          y[1 + at] = bad;
          assertThat(k.primitives().allWithin(y, 1, n, 1e50))
              .as(k.name() + " " + bad + " at " + at).isFalse();
        }
      }
      double[] outside = x.clone();
      outside[0] = Double.NaN;
      outside[n + 1] = Double.NaN;
      assertThat(k.primitives().allWithin(outside, 1, n, 1e50))
          .as(k.name() + " looks outside its range").isTrue();
    }
  }

  /**
   * The answer is exact at the limit, whatever shortcut a kernel takes: rows of large values within
   * it (whose sum of squares is far beyond the limit's square) pass, the next double up fails.
   */
  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void allWithin_isExactAtTheLimit(int n) {
    double limit = 1e50;
    for (KernelSet k : implementations()) {
      double[] atLimit = new double[n];
      Arrays.fill(atLimit, -limit);
      assertThat(k.primitives().allWithin(atLimit, 0, n, limit)).as(k.name()).isTrue();
      double[] mixed = random(new SplittableRandom(7 + n), n);
      for (int i = 0; i < n; i += 2) {
        mixed[i] = 0.9 * limit;
      }
      assertThat(k.primitives().allWithin(mixed, 0, n, limit)).as(k.name()).isTrue();
      for (int at = 0; at < n; at += Math.max(1, n / 5)) {
        double[] y = mixed.clone();
        y[at] = -Math.nextUp(limit);
        assertThat(k.primitives().allWithin(y, 0, n, limit)).as(k.name() + " at " + at).isFalse();
        y[at] = -0.0;
        assertThat(k.primitives().allWithin(y, 0, n, limit)).as(k.name() + " at " + at).isTrue();
      }
      assertThat(k.primitives().allWithin(mixed, 0, n, Double.POSITIVE_INFINITY)).as(k.name())
          .isTrue();
      assertThat(k.primitives().allWithin(new double[] {Double.POSITIVE_INFINITY}, 0, 1,
          Double.POSITIVE_INFINITY)).as(k.name()).isTrue();
      assertThat(k.primitives().allWithin(new double[] {Double.NaN}, 0, 1,
          Double.POSITIVE_INFINITY)).as(k.name()).isFalse();
    }
  }

  /**
   * A sparse row's check finds an index outside {@code [0, dimension)} or a value beyond the limit
   * (NaN, infinite, or just past it) at every position, in vector lanes and tails alike, and
   * passes rows at the edges: indices 0 and {@code dimension - 1}, values at the limit, -0.0.
   */
  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void sparseEntriesValid_findsABadIndexOrValueAnywhere(int n) {
    SplittableRandom rnd = new SplittableRandom(2000 + n);
    int dimension = 50;
    double limit = 1e50;
    int[] indices = new int[n + 2];
    double[] values = new double[n + 2];
    for (int i = 0; i < n; i++) {
      indices[i] = rnd.nextInt(dimension);
      values[i] = rnd.nextDouble(-limit, limit);
    }
    indices[n] = -1; // past the n entries: never read
    values[n] = Double.NaN;
    for (KernelSet k : implementations()) {
      assertThat(k.primitives().sparseEntriesValid(indices, values, n, dimension, limit))
          .as(k.name()).isTrue();
      for (int at = 0; at < n; at++) {
        int index = indices[at];
        double value = values[at];
        for (int bad : new int[] {-1, dimension, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
          indices[at] = bad;
          assertThat(k.primitives().sparseEntriesValid(indices, values, n, dimension, limit))
              .as("%s index %d at %d", k.name(), bad, at).isFalse();
        }
        for (int good : new int[] {0, dimension - 1}) {
          indices[at] = good;
          assertThat(k.primitives().sparseEntriesValid(indices, values, n, dimension, limit))
              .as("%s index %d at %d", k.name(), good, at).isTrue();
        }
        indices[at] = index;
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Math.nextUp(limit), -Math.nextUp(limit)}) {
          values[at] = bad;
          assertThat(k.primitives().sparseEntriesValid(indices, values, n, dimension, limit))
              .as("%s value %s at %d", k.name(), bad, at).isFalse();
        }
        for (double good : new double[] {limit, -limit, -0.0, Double.MIN_VALUE}) {
          values[at] = good;
          assertThat(k.primitives().sparseEntriesValid(indices, values, n, dimension, limit))
              .as("%s value %s at %d", k.name(), good, at).isTrue();
        }
        values[at] = value;
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.brookml.internal.vector.KernelTestSupport#sizes")
  void axpyAndScale_matchNaiveReference(int n) {
    SplittableRandom rnd = new SplittableRandom(1000 + n);
    double[] x = random(rnd, n + 1);
    double[] y0 = random(rnd, n + 2);
    double[] expectedAxpy = y0.clone();
    double[] expectedScale = y0.clone();
    for (int i = 0; i < n; i++) {
      expectedAxpy[i + 2] += 0.37 * x[i + 1];
      expectedScale[i + 2] *= -1.5;
    }
    for (KernelSet k : implementations()) {
      double[] y = y0.clone();
      k.primitives().axpy(0.37, x, 1, y, 2, n);
      assertThat(y).as(k.name()).containsExactly(expectedAxpy, within(1e-12));
      double[] z = y0.clone();
      k.primitives().scale(-1.5, z, 2, n);
      assertThat(z).as(k.name()).containsExactly(expectedScale, within(0.0));
    }
  }

  /**
   * The Vector API dot product equals, bit for bit, a scalar replay of its own order (four
   * accumulators of fused multiply-adds, lanes summed pairwise, then the tail), on its first calls
   * and after C2 has compiled it: a sum across lanes must not depend on how warm the JIT is (Java
   * 25's {@code reduceLanes(ADD)} did).
   */
  @Test
  void panamaDot_addsInOneFixedOrder_compiledOrNot() {
    KernelSet panama = VectorKernelsProvider.panamaOrNull();
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
      assertThat(panama.primitives().dot(a, 2, b, 5, n)).as("n=%d, round %d", n, round)
          .isEqualTo(replayedDot(a, 2, b, 5, n, lanes));
    }
  }
  /** The two-row product keeps that order too, cold and compiled: each row as its own dot. */
  @Test
  void panamaDots_addInTheDotsOrder_compiledOrNot() {
    KernelSet panama = VectorKernelsProvider.panamaOrNull();
    assumeTrue(panama != null, "skipped: the Vector API module is absent");
    int lanes = Integer.parseInt(panama.name().substring("panama-".length())) / 64;
    SplittableRandom rnd = new SplittableRandom(10);
    double[] out = new double[4];
    for (int round = 0; round < 3_000; round++) {
      int n = round % 150;
      int rows = 1 + round % 3;
      double[] a = random(rnd, n + 2);
      double[] xs = random(rnd, 5 + rows * n);
      for (int i = 0; i < xs.length; i += 3) {
        xs[i] *= 1e6;
      }
      panama.primitives().dots(a, 2, xs, 5, rows, n, out, 1);
      for (int r = 0; r < rows; r++) {
        assertThat(out[1 + r]).as("n=%d, row %d of %d, round %d", n, r, rows, round)
            .isEqualTo(replayedDot(a, 2, xs, 5 + r * n, n, lanes));
      }
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
