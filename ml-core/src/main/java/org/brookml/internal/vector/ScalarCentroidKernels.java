package org.brookml.internal.vector;

/**
 * Plain-Java {@link CentroidKernels}. Element-wise loops are left simple so that C2 vectorizes them;
 * reductions use four independent accumulators, because floating-point addition is not
 * associative and the JIT will not split a single-accumulator sum by itself.
 */
public final class ScalarCentroidKernels implements CentroidKernels {

  /** The one instance. */
  public static final ScalarCentroidKernels INSTANCE = new ScalarCentroidKernels();

  private ScalarCentroidKernels() {}
  @Override
  public int nearestCenter(
      double[] x, int xOff, int d, double[] transposedCenters, double[] norms, int stride,
      double[] scratch) {
    // Eight centres at a time: eight independent sums over the coordinates, contiguous loads.
    for (int c = 0; c < stride; c += 8) {
      double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
      for (int j = 0; j < d; j++) {
        double xj = x[xOff + j];
        int at = j * stride + c;
        s0 += xj * transposedCenters[at];
        s1 += xj * transposedCenters[at + 1];
        s2 += xj * transposedCenters[at + 2];
        s3 += xj * transposedCenters[at + 3];
        s4 += xj * transposedCenters[at + 4];
        s5 += xj * transposedCenters[at + 5];
        s6 += xj * transposedCenters[at + 6];
        s7 += xj * transposedCenters[at + 7];
      }
      scratch[c] = norms[c] - 2 * s0;
      scratch[c + 1] = norms[c + 1] - 2 * s1;
      scratch[c + 2] = norms[c + 2] - 2 * s2;
      scratch[c + 3] = norms[c + 3] - 2 * s3;
      scratch[c + 4] = norms[c + 4] - 2 * s4;
      scratch[c + 5] = norms[c + 5] - 2 * s5;
      scratch[c + 6] = norms[c + 6] - 2 * s6;
      scratch[c + 7] = norms[c + 7] - 2 * s7;
    }
    return indexOfMin(scratch, stride);
  }

  /** Index of the smallest of {@code values[0 .. n)}; the first on ties, 0 if all are NaN. */
  static int indexOfMin(double[] values, int n) {
    int best = 0;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (values[i] < bestValue) {
        bestValue = values[i];
        best = i;
      }
    }
    return best;
  }

  @Override
  public boolean nearestCenters(
      double[] xs, int xOff, int rows, int d, double[] transposedCenters, double[] norms,
      int stride, int[] out, double[] scratch) {
    double check = 0;
    for (int r = 0; r < rows; r++) {
      out[r] = nearestCenter(xs, xOff + r * d, d, transposedCenters, norms, stride, scratch);
      check += scratch[out[r]] * 0.0; // NaN once any best score is not finite
    }
    return check == 0.0;
  }

  @Override
  public void moveTowardRows(double[] xs, int xOff, int d, int[] rows, int from, int to,
      double[] etas, double[] c, int cOff) {
    moveCoordinates(xs, xOff, d, rows, from, to, etas, c, cOff, d);
  }

  /**
   * {@link #moveTowardRows} for the {@code count} coordinates from {@code xOff} and {@code cOff}
   * of rows {@code stride} apart: four coordinates at a time, each kept in a local across the rows,
   * then the rest one by one; never fused.
   */
  static void moveCoordinates(double[] xs, int xOff, int stride, int[] rows, int from, int to,
      double[] etas, double[] c, int cOff, int count) {
    int j = 0;
    for (; j + 3 < count; j += 4) {
      double c0 = c[cOff + j];
      double c1 = c[cOff + j + 1];
      double c2 = c[cOff + j + 2];
      double c3 = c[cOff + j + 3];
      for (int i = from; i < to; i++) {
        int at = xOff + rows[i] * stride + j;
        double eta = etas[i];
        c0 += eta * (xs[at] - c0);
        c1 += eta * (xs[at + 1] - c1);
        c2 += eta * (xs[at + 2] - c2);
        c3 += eta * (xs[at + 3] - c3);
      }
      c[cOff + j] = c0;
      c[cOff + j + 1] = c1;
      c[cOff + j + 2] = c2;
      c[cOff + j + 3] = c3;
    }
    for (; j < count; j++) {
      double cj = c[cOff + j];
      for (int i = from; i < to; i++) {
        cj += etas[i] * (xs[xOff + rows[i] * stride + j] - cj);
      }
      c[cOff + j] = cj;
    }
  }
}
