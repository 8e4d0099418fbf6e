package org.brookml.internal.vector;

/**
 * Plain-Java {@link VectorPrimitives}. Element-wise loops are left simple so that C2 vectorizes them;
 * reductions use four independent accumulators, because floating-point addition is not
 * associative and the JIT will not split a single-accumulator sum by itself.
 */
public final class ScalarVectorPrimitives implements VectorPrimitives {

  /** The one instance. */
  public static final ScalarVectorPrimitives INSTANCE = new ScalarVectorPrimitives();

  private ScalarVectorPrimitives() {}
  @Override
  public double dot(double[] a, int aOff, double[] b, int bOff, int n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    int bound = n & ~3;
    for (; i < bound; i += 4) {
      s0 += a[aOff + i] * b[bOff + i];
      s1 += a[aOff + i + 1] * b[bOff + i + 1];
      s2 += a[aOff + i + 2] * b[bOff + i + 2];
      s3 += a[aOff + i + 3] * b[bOff + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[aOff + i] * b[bOff + i];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public void dots(double[] a, int aOff, double[] xs, int xsOff, int rows, int n, double[] out,
      int outOff) {
    for (int r = 0; r < rows; r++) {
      out[outOff + r] = dot(a, aOff, xs, xsOff + r * n, n);
    }
  }

  @Override
  public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void scale(double alpha, double[] x, int off, int n) {
    for (int i = 0; i < n; i++) {
      x[off + i] *= alpha;
    }
  }

  @Override
  public boolean allWithin(double[] x, int off, int n, double limit) {
    // On the bits: a magnitude's bits (sign cleared) order like the magnitude, and NaN's and the
    // infinities' lie above every finite one, so limitBits - bits is negative exactly for a value
    // beyond the limit or not finite. OR-ing those differences keeps any sign bit; no comparison
    // waits for another (Math.max on doubles cost about 0.7 ns per value here).
    if (!(limit >= 0)) {
      return n == 0;
    }
    return valuesWithin(x, off, off + n, Double.doubleToRawLongBits(limit));
  }

  @Override
  public boolean sparseEntriesValid(int[] indices, double[] values, int n, int dimension,
      double limit) {
    return sparseIndicesValid(indices, 0, n, dimension)
        && valuesWithin(values, 0, n, Double.doubleToRawLongBits(limit));
  }

  /**
   * No branch per entry: an index outside the range makes the index or
   * {@code dimension - 1 - index} negative, and OR-ing keeps the sign.
   */
  static boolean sparseIndicesValid(int[] indices, int from, int to, int dimension) {
    int outside = 0;
    for (int i = from; i < to; i++) {
      outside |= indices[i] | (dimension - 1 - indices[i]);
    }
    return outside >= 0;
  }

  /**
   * {@link #allWithin}'s test on the bits of {@code values[from .. to)}, for a limit of bits
   * {@code limitBits >= 0}.
   */
  static boolean valuesWithin(double[] values, int from, int to, long limitBits) {
    long beyond = 0;
    for (int i = from; i < to; i++) {
      beyond |= limitBits - (Double.doubleToRawLongBits(values[i]) & ~Long.MIN_VALUE);
    }
    return beyond >= 0;
  }

  @Override
  public double squaredDistance(double[] a, int aOff, double[] b, int bOff, int n) {
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    int bound = n & ~3;
    for (; i < bound; i += 4) {
      double d0 = a[aOff + i] - b[bOff + i];
      double d1 = a[aOff + i + 1] - b[bOff + i + 1];
      double d2 = a[aOff + i + 2] - b[bOff + i + 2];
      double d3 = a[aOff + i + 3] - b[bOff + i + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; i < n; i++) {
      double d0 = a[aOff + i] - b[bOff + i];
      s0 += d0 * d0;
    }
    return (s0 + s1) + (s2 + s3);
  }
}
