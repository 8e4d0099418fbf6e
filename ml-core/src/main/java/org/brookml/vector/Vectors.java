package org.brookml.vector;

import java.util.Objects;
import org.brookml.internal.vector.VectorKernelsProvider;

/**
 * Dense and sparse vector kernels: dot, axpy, scale, squared distance, norms. Every method checks
 * lengths and ranges, then runs the implementation chosen once per JVM: the Vector API kernels when
 * the JVM was started with {@code --add-modules jdk.incubator.vector} (and the platform suits them),
 * the scalar kernels otherwise. Set {@code -Dbrook.vector=scalar} to force the scalar path, or
 * {@code panama} to insist on the Vector API. The two paths add in a different order, so results of
 * reductions can differ in the last bits.
 *
 * <p>No method allocates. Values are not checked for finiteness here; learners do that at their
 * edge with {@link #requireInRange(double[], String)}.
 */
public final class Vectors {


  private Vectors() {}

  /** Name of the kernel implementation in use: {@code scalar} or {@code panama-256}. */
  public static String implementation() {
    return VectorKernelsProvider.kernels().name();
  }

  /** {@code a . b}. */
  public static double dot(double[] a, double[] b) {
    requireSameLength(a, b);
    return VectorKernelsProvider.primitives().dot(a, 0, b, 0, a.length);
  }

  /** {@code a[aOffset ..] . b[bOffset ..]} over {@code length} elements. */
  public static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
    Objects.checkFromIndexSize(aOffset, length, a.length);
    Objects.checkFromIndexSize(bOffset, length, b.length);
    return VectorKernelsProvider.primitives().dot(a, aOffset, b, bOffset, length);
  }

  /** {@code y += alpha * x}; {@code y} is modified. */
  public static void axpy(double alpha, double[] x, double[] y) {
    requireSameLength(x, y);
    VectorKernelsProvider.primitives().axpy(alpha, x, 0, y, 0, x.length);
  }

  /** {@code y[yOffset ..] += alpha * x[xOffset ..]} over {@code length} elements. */
  public static void axpy(double alpha, double[] x, int xOffset, double[] y, int yOffset,
      int length) {
    Objects.checkFromIndexSize(xOffset, length, x.length);
    Objects.checkFromIndexSize(yOffset, length, y.length);
    VectorKernelsProvider.primitives().axpy(alpha, x, xOffset, y, yOffset, length);
  }

  /** {@code x *= alpha}; {@code x} is modified. */
  public static void scale(double alpha, double[] x) {
    VectorKernelsProvider.primitives().scale(alpha, x, 0, x.length);
  }

  /** {@code x[offset ..] *= alpha} over {@code length} elements. */
  public static void scale(double alpha, double[] x, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, x.length);
    VectorKernelsProvider.primitives().scale(alpha, x, offset, length);
  }

  /** {@code ||a - b||^2}. */
  public static double squaredDistance(double[] a, double[] b) {
    requireSameLength(a, b);
    return VectorKernelsProvider.primitives().squaredDistance(a, 0, b, 0, a.length);
  }

  /** {@code ||a[aOffset ..] - b[bOffset ..]||^2} over {@code length} elements. */
  public static double squaredDistance(
      double[] a, int aOffset, double[] b, int bOffset, int length) {
    Objects.checkFromIndexSize(aOffset, length, a.length);
    Objects.checkFromIndexSize(bOffset, length, b.length);
    return VectorKernelsProvider.primitives().squaredDistance(a, aOffset, b, bOffset, length);
  }

  /** {@code ||x||^2}. */
  public static double squaredNorm(double[] x) {
    return VectorKernelsProvider.primitives().dot(x, 0, x, 0, x.length);
  }

  /** {@code ||x||}, the Euclidean norm. */
  public static double norm(double[] x) {
    return Math.sqrt(squaredNorm(x));
  }

  /** {@code x . dense}: costs O(non-zeros). */
  public static double dot(SparseVector x, double[] dense) {
    return dot(x, dense, 0);
  }

  /**
   * {@code x . dense[offset ..]}: sparse index {@code i} meets {@code dense[offset + i]}.
   *
   * @throws IndexOutOfBoundsException if an index falls outside {@code dense}
   */
  public static double dot(SparseVector x, double[] dense, int offset) {
    int[] indices = x.indices();
    double[] values = x.values();
    int n = x.size();
    double s0 = 0, s1 = 0;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      s0 += values[i] * dense[offset + indices[i]];
      s1 += values[i + 1] * dense[offset + indices[i + 1]];
    }
    if (i < n) {
      s0 += values[i] * dense[offset + indices[i]];
    }
    return s0 + s1;
  }

  /** {@code y += alpha * x}: costs O(non-zeros). */
  public static void axpy(double alpha, SparseVector x, double[] y) {
    axpy(alpha, x, y, 0);
  }

  /** {@code y[offset ..] += alpha * x}: sparse index {@code i} updates {@code y[offset + i]}. */
  public static void axpy(double alpha, SparseVector x, double[] y, int offset) {
    int[] indices = x.indices();
    double[] values = x.values();
    int n = x.size();
    for (int i = 0; i < n; i++) {
      y[offset + indices[i]] += alpha * values[i];
    }
  }

  /** {@code ||x||^2} of a sparse vector whose indices are distinct. */
  public static double squaredNorm(SparseVector x) {
    double[] values = x.values();
    double sum = 0;
    for (int i = 0, n = x.size(); i < n; i++) {
      sum += values[i] * values[i];
    }
    return sum;
  }

  /**
   * The largest magnitude Brook accepts in an input value (a feature, a target, a value given to
   * a drift detector): 1e50. Squares, products and the sums and updates built on them then stay
   * far below overflow (about 1e100 per product), so a model's state stays finite; a NaN, an
   * infinity or a finite value beyond it (a sentinel such as {@code Double.MAX_VALUE}, say) is
   * refused with its position, before the model changes.
   */
  public static final double MAX_MAGNITUDE = 1e50;

  /**
   * Checks that {@code x} is not null and every element is a number within
   * {@code +/-MAX_MAGNITUDE}.
   *
   * @param what names the argument in the message, e.g. {@code "x"}
   * @throws NullPointerException if {@code x} is null
   * @throws IllegalArgumentException naming the first value out of range
   */
  public static void requireInRange(double[] x, String what) {
    Objects.requireNonNull(x, what);
    requireInRange(x, 0, x.length, what);
  }

  /** Checks {@code x[offset .. offset+length)} as {@link #requireInRange(double[], String)}. */
  public static void requireInRange(double[] x, int offset, int length, String what) {
    int bad = indexOutOfRange(x, offset, length);
    if (bad >= 0) {
      throw new IllegalArgumentException(what + "[" + bad + "] " + outOfRange(x[offset + bad]));
    }
  }

  /**
   * Checks one value as {@link #requireInRange(double[], String)} checks each element.
   *
   * @return the value
   * @throws IllegalArgumentException naming {@code what} if the value is out of range
   */
  public static double requireInRange(double value, String what) {
    if (!(Math.abs(value) <= MAX_MAGNITUDE)) {
      throw new IllegalArgumentException(what + " " + outOfRange(value));
    }
    return value;
  }

  /**
   * What is wrong with a value out of range, for a message: {@code "is not finite: NaN"} or
   * {@code "is 1.0E154, beyond +/-1e50 ..."}.
   */
  public static String outOfRange(double value) {
    return Double.isFinite(value) ? "is " + value + ", beyond +/-1e50 (Vectors.MAX_MAGNITUDE): its "
        + "square or an update built on it could overflow; rescale it, or treat it as missing"
        : "is not finite: " + value;
  }

  /**
   * Position (relative to {@code offset}) of the first element of {@code x[offset ..
   * offset+length)} that is NaN, infinite or beyond {@link #MAX_MAGNITUDE}, or -1 if there is
   * none.
   */
  public static int indexOutOfRange(double[] x, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, x.length);
    if (VectorKernelsProvider.primitives().allWithin(x, offset, length, MAX_MAGNITUDE)) {
      return -1;
    }
    for (int j = 0; j < length; j++) {
      if (!(Math.abs(x[offset + j]) <= MAX_MAGNITUDE)) {
        return j;
      }
    }
    return -1;
  }

  private static void requireSameLength(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vector dimensions differ: " + a.length + " != " + b.length);
    }
  }
}
