package org.brookml.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorsTest {

  @Test
  void dot_rejectsDifferentLengths() {
    assertThatThrownBy(() -> Vectors.dot(new double[3], new double[4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 != 4");
  }

  @Test
  void offsetVariants_checkRanges() {
    assertThatThrownBy(() -> Vectors.dot(new double[3], 1, new double[3], 0, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> Vectors.axpy(1, new double[3], 0, new double[3], 2, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void denseKernels_computeTheirFormulas() {
    double[] a = {1, 2, 3};
    double[] b = {4, -5, 6};
    assertThat(Vectors.dot(a, b)).isEqualTo(12.0);
    assertThat(Vectors.squaredDistance(a, b)).isEqualTo(9 + 49 + 9);
    assertThat(Vectors.norm(new double[] {3, 4})).isEqualTo(5.0);
    double[] y = b.clone();
    Vectors.axpy(2, a, y);
    assertThat(y).containsExactly(6, -1, 12);
    Vectors.scale(0.5, y);
    assertThat(y).containsExactly(3, -0.5, 6);
  }

  @Test
  void sparseKernels_matchDenseOnes() {
    SparseVector x = new SparseVector(1).add(4, 2.0).add(0, -1.0).add(7, 0.5);
    double[] dense = x.toDense(new double[9]);
    double[] w = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    assertThat(Vectors.dot(x, w)).isCloseTo(Vectors.dot(dense, w), within(1e-15));
    double[] shifted = new double[11];
    System.arraycopy(w, 0, shifted, 2, 9);
    assertThat(Vectors.dot(x, shifted, 2)).isEqualTo(Vectors.dot(x, w));
    double[] y1 = w.clone();
    double[] y2 = w.clone();
    Vectors.axpy(-3, x, y1);
    Vectors.axpy(-3, dense, y2);
    assertThat(y1).containsExactly(y2, within(1e-15));
    assertThat(Vectors.squaredNorm(x)).isEqualTo(Vectors.squaredNorm(dense));
  }

  @Test
  void requireInRange_namesThePosition_andTheLimit() {
    Vectors.requireInRange(new double[] {1, -0.0, 1e50, -1e50}, "x");
    assertThatThrownBy(() -> Vectors.requireInRange(new double[] {1, 2, Double.NaN}, "x"))
        .hasMessage("x[2] is not finite: NaN");
    assertThatThrownBy(
            () -> Vectors.requireInRange(new double[] {Double.NEGATIVE_INFINITY}, "weights"))
        .hasMessage("weights[0] is not finite: -Infinity");
    for (double huge : new double[] {1.0000001e50, -1e154, Double.MAX_VALUE, -1e308}) {
      assertThatThrownBy(() -> Vectors.requireInRange(new double[] {0, huge}, "x"))
          .hasMessageStartingWith("x[1] is " + huge + ", beyond +/-1e50");
    }
    assertThatThrownBy(() -> Vectors.requireInRange(null, "x"))
        .isInstanceOf(NullPointerException.class).hasMessage("x");
    assertThat(Vectors.indexOutOfRange(new double[] {0, 1, 2, Double.POSITIVE_INFINITY}, 1, 2))
        .isEqualTo(-1);
    assertThat(Vectors.indexOutOfRange(new double[] {0, 1, 1e60, 3}, 0, 4)).isEqualTo(2);
  }

  @Test
  void sparseVector_validatesAndGrows() {
    SparseVector v = new SparseVector(0);
    for (int i = 0; i < 100; i++) {
      v.add(i, i);
    }
    assertThat(v.size()).isEqualTo(100);
    assertThat(v.index(99)).isEqualTo(99);
    v.requireValid(100);
    assertThatThrownBy(() -> v.requireValid(99)).hasMessageContaining("index 99 at entry 99");
    v.clear().add(3, Double.NaN);
    assertThatThrownBy(() -> v.requireValid(10)).hasMessageContaining("not finite: NaN");
    SparseVector copy = SparseVector.of(new int[] {1, 3}, new double[] {2, 4});
    assertThat(copy.toDense(new double[4])).containsExactly(0, 2, 0, 4);
    assertThat(copy).hasToString("SparseVector{1:2.0, 3:4.0}");
    assertThatThrownBy(() -> SparseVector.of(new int[1], new double[2]))
        .hasMessageContaining("differ in length");
  }
}
