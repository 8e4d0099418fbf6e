package org.brookml.internal.vector;

/**
 * Dense primitives behind {@link org.brookml.vector.Vectors}: dot product, axpy, scaling, squared
 * distance, finiteness. Implementations do no argument checking: callers have checked every range.
 * Reductions may differ between implementations in the last bits, because they add in another
 * order.
 */
public interface VectorPrimitives {

  /** Sum of {@code a[aOff+i] * b[bOff+i]} over {@code i < n}. */
  double dot(double[] a, int aOff, double[] b, int bOff, int n);

  /**
   * {@code out[outOff+r] = dot(a, aOff, xs, xsOff + r n, n)} for {@code r < rows}: the row-major
   * matrix of {@code rows} rows of {@code n} values times {@code a}, each result the same bits as
   * {@link #dot} gives for its row alone.
   */
  void dots(double[] a, int aOff, double[] xs, int xsOff, int rows, int n, double[] out,
      int outOff);

  /** {@code y[yOff+i] += alpha * x[xOff+i]} for {@code i < n}. */
  void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n);

  /** {@code x[off+i] *= alpha} for {@code i < n}. */
  void scale(double alpha, double[] x, int off, int n);

  /**
   * Whether every element of {@code x[off .. off+n)} is a number of magnitude at most
   * {@code limit} (false for NaN and infinities).
   */
  boolean allWithin(double[] x, int off, int n, double limit);

  /**
   * Whether the first {@code n} entries of a sparse row are valid: every index in
   * {@code [0, dimension)} and every value a number of magnitude at most {@code limit >= 0}
   * (false for NaN and infinities). A kernel of its own rather than {@link #allWithin} on the
   * values: the JIT profiles a method over all its callers, and a check shaped by dense rows of
   * another length ran sparse learners 13-15% slower than in a fresh JVM.
   */
  boolean sparseEntriesValid(int[] indices, double[] values, int n, int dimension, double limit);

  /** Sum of {@code (a[aOff+i] - b[bOff+i])^2} over {@code i < n}. */
  double squaredDistance(double[] a, int aOff, double[] b, int bOff, int n);
}
