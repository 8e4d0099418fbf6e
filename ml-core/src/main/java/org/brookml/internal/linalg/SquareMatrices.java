package org.brookml.internal.linalg;

/**
 * The few operations on square row-major {@code n x n} matrices ({@code a[i * n + j]}) that
 * recursive least squares needs. Brook keeps its core free of a matrix library; these are
 * checked against EJML in the tests.
 */
public final class SquareMatrices {

  private SquareMatrices() {}

  /** {@code out = a v} for an {@code n x n} matrix {@code a}. */
  public static void multiply(double[] a, double[] v, double[] out, int n) {
    for (int i = 0; i < n; i++) {
      double sum = 0;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        sum += a[row + j] * v[j];
      }
      out[i] = sum;
    }
  }

  /**
   * {@code a = (a + alpha u u') * scale}, the symmetric rank-one update. Each term is formed as
   * {@code alpha * (u_i * u_j)} so that a symmetric {@code a} stays exactly symmetric: rounding
   * {@code (alpha * u_i) * u_j} differs between the two halves, and recursive least squares with
   * forgetting amplifies that difference until {@code P} is no longer positive definite.
   */
  public static void rankOneUpdate(double[] a, double alpha, double[] u, double scale, int n) {
    for (int i = 0; i < n; i++) {
      int row = i * n;
      for (int j = 0; j < n; j++) {
        a[row + j] = (a[row + j] + alpha * (u[i] * u[j])) * scale;
      }
    }
  }

  /**
   * The inverse of {@code a} by Gauss-Jordan elimination with partial pivoting, or {@code null}
   * if {@code a} is singular to working precision (a pivot of 0 or a non-finite result).
   * {@code a} is not changed.
   */
  public static double[] inverse(double[] a, int n) {
    double[] work = a.clone();
    double[] inverse = new double[n * n];
    for (int i = 0; i < n; i++) {
      inverse[i * n + i] = 1;
    }
    for (int column = 0; column < n; column++) {
      int pivot = column;
      for (int r = column + 1; r < n; r++) {
        if (Math.abs(work[r * n + column]) > Math.abs(work[pivot * n + column])) {
          pivot = r;
        }
      }
      double pivotValue = work[pivot * n + column];
      if (pivotValue == 0) {
        return null;
      }
      swapRows(work, pivot, column, n);
      swapRows(inverse, pivot, column, n);
      scaleRow(work, column, 1 / pivotValue, n);
      scaleRow(inverse, column, 1 / pivotValue, n);
      for (int r = 0; r < n; r++) {
        double factor = work[r * n + column];
        if (r != column && factor != 0) {
          subtractRow(work, column, r, factor, n);
          subtractRow(inverse, column, r, factor, n);
        }
      }
    }
    for (double value : inverse) {
      if (!Double.isFinite(value)) {
        return null;
      }
    }
    return inverse;
  }

  private static void swapRows(double[] m, int a, int b, int n) {
    if (a == b) {
      return;
    }
    for (int j = 0; j < n; j++) {
      double t = m[a * n + j];
      m[a * n + j] = m[b * n + j];
      m[b * n + j] = t;
    }
  }

  private static void scaleRow(double[] m, int row, double factor, int n) {
    for (int j = 0; j < n; j++) {
      m[row * n + j] *= factor;
    }
  }

  private static void subtractRow(double[] m, int source, int target, double factor, int n) {
    for (int j = 0; j < n; j++) {
      m[target * n + j] -= factor * m[source * n + j];
    }
  }
}
