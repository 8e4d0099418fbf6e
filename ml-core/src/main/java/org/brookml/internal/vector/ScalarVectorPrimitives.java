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
  public void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n) {
    for (int i = 0; i < n; i++) {
      y[yOff + i] += alpha * x[xOff + i];
    }
  }

  @Override
  public void moveToward(double eta, double[] x, int xOff, double[] c, int cOff, int n) {
    for (int i = 0; i < n; i++) {
      c[cOff + i] += eta * (x[xOff + i] - c[cOff + i]);
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
    // Math.max passes NaN on, so the largest magnitude is NaN when any value is; NaN <= limit
    // is false. Four running maxima, so the comparisons need not wait for one another.
    double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
    int i = 0;
    for (int bound = n & ~3; i < bound; i += 4) {
      m0 = Math.max(m0, Math.abs(x[off + i]));
      m1 = Math.max(m1, Math.abs(x[off + i + 1]));
      m2 = Math.max(m2, Math.abs(x[off + i + 2]));
      m3 = Math.max(m3, Math.abs(x[off + i + 3]));
    }
    for (; i < n; i++) {
      m0 = Math.max(m0, Math.abs(x[off + i]));
    }
    return Math.max(Math.max(m0, m1), Math.max(m2, m3)) <= limit;
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
