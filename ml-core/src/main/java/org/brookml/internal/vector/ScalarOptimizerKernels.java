package org.brookml.internal.vector;

/**
 * Plain-Java {@link OptimizerKernels}. Element-wise loops are left simple so that C2 vectorizes them;
 * reductions use four independent accumulators, because floating-point addition is not
 * associative and the JIT will not split a single-accumulator sum by itself.
 */
public final class ScalarOptimizerKernels implements OptimizerKernels {

  /** The one instance. */
  public static final ScalarOptimizerKernels INSTANCE = new ScalarOptimizerKernels();

  private ScalarOptimizerKernels() {}
  @Override
  public void adaGradStep(double g, double[] x, int xOff, double[] w, double[] sumSq, int n,
      double eta, double l2, double eps) {
    adaGradRange(g, x, xOff, w, sumSq, 0, n, eta, l2, eps);
  }

  /** {@link #adaGradStep} over coordinates {@code [from, to)}; the Vector API kernel's tail. */
  static void adaGradRange(double g, double[] x, int xOff, double[] w, double[] sumSq, int from,
      int to, double eta, double l2, double eps) {
    for (int i = from; i < to; i++) {
      double xi = x[xOff + i];
      double gi = g * xi + (xi != 0 ? l2 * w[i] : 0);
      double sum = sumSq[i] + gi * gi;
      sumSq[i] = sum;
      w[i] -= eta * gi / Math.sqrt(sum + eps);
    }
  }

  @Override
  public void ftrlStep(double g, double[] x, int xOff, double[] w, double[] z, double[] sumSq,
      int n, double alpha, double beta, double l1, double l2) {
    ftrlRange(g, x, xOff, w, z, sumSq, 0, n, alpha, beta, l1, l2);
  }

  /** {@link #ftrlStep} over coordinates {@code [from, to)}; the Vector API kernel's tail. */
  static void ftrlRange(double g, double[] x, int xOff, double[] w, double[] z, double[] sumSq,
      int from, int to, double alpha, double beta, double l1, double l2) {
    for (int i = from; i < to; i++) {
      double gi = g * x[xOff + i];
      double before = sumSq[i];
      double after = before + gi * gi;
      double root = Math.sqrt(after);
      double zi = z[i] + (gi - (root - Math.sqrt(before)) / alpha * w[i]);
      z[i] = zi;
      sumSq[i] = after;
      w[i] = Math.abs(zi) <= l1 ? 0 : -(zi - Math.signum(zi) * l1) / ((beta + root) / alpha + l2);
    }
  }
}
