package org.brookml.internal.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

class SquareMatricesTest {

  @Test
  void inverse_agreesWithEjml_onRandomMatrices() {
    SplittableRandom random = new SplittableRandom(11);
    for (int n = 1; n <= 12; n++) {
      double[] a = new double[n * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = random.nextGaussian();
      }
      double[] before = a.clone();
      double[] inverse = SquareMatrices.inverse(a, n);
      DMatrixRMaj expected = new DMatrixRMaj(n, n);
      assertThat(CommonOps_DDRM.invert(new DMatrixRMaj(n, n, true, a), expected)).isTrue();
      assertThat(a).as("input unchanged").containsExactly(before);
      for (int i = 0; i < a.length; i++) {
        assertThat(inverse[i]).as("n=%d entry %d", n, i)
            .isCloseTo(expected.data[i], within(1e-9 * (1 + Math.abs(expected.data[i]))));
      }
    }
  }

  @Test
  void rankOneUpdate_keepsASymmetricMatrixExactlySymmetric() {
    SplittableRandom random = new SplittableRandom(5);
    int n = 6;
    double[] a = new double[n * n];
    double[] u = new double[n];
    for (int step = 0; step < 1_000; step++) {
      for (int i = 0; i < n; i++) {
        u[i] = random.nextGaussian() * 1e3;
      }
      SquareMatrices.rankOneUpdate(a, 0.3 + random.nextDouble(), u, 0.98, n);
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        assertThat(a[i * n + j]).as("(%d, %d)", i, j).isEqualTo(a[j * n + i]);
      }
    }
  }

  @Test
  void inverse_ofASingularMatrix_isNull() {
    assertThat(SquareMatrices.inverse(new double[] {1, 2, 2, 4}, 2)).isNull();
    assertThat(SquareMatrices.inverse(new double[] {0, 0, 0, 0}, 2)).isNull();
  }

  @Test
  void multiplyAndRankOneUpdate_followTheirDefinitions() {
    double[] a = {1, 2, 3, 4};
    double[] out = new double[2];
    SquareMatrices.multiply(a, new double[] {5, 6}, out, 2);
    assertThat(out).containsExactly(17, 39);
    SquareMatrices.rankOneUpdate(a, -0.5, new double[] {2, 4}, 2, 2);
    // (a + (-0.5) u u') * 2 with u u' = [[4, 8], [8, 16]]
    assertThat(a).containsExactly(-2, -4, -2, -8);
  }
}
