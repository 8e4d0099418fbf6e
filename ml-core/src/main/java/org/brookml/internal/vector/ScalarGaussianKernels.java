package org.brookml.internal.vector;

/**
 * Plain-Java {@link GaussianKernels}. Element-wise loops are left simple so that C2 vectorizes them;
 * reductions use four independent accumulators, because floating-point addition is not
 * associative and the JIT will not split a single-accumulator sum by itself.
 */
public final class ScalarGaussianKernels implements GaussianKernels {

  /** The one instance. */
  public static final ScalarGaussianKernels INSTANCE = new ScalarGaussianKernels();

  private ScalarGaussianKernels() {}
  @Override
  public void welfordAdd(double[] x, double w, double[] weight, double[] mean, double[] m2,
      double[] min, double[] max, int off, int n) {
    welfordAddRange(x, w, weight, mean, m2, min, max, off, 0, n);
  }

  /** {@link #welfordAdd} for {@code j} in {@code [from, to)}. */
  static void welfordAddRange(double[] x, double w, double[] weight, double[] mean, double[] m2,
      double[] min, double[] max, int off, int from, int to) {
    for (int j = from; j < to; j++) {
      int cell = off + j;
      double v = x[j];
      double total = weight[cell] + w;
      double delta = v - mean[cell];
      double updated = mean[cell] + w * delta / total;
      mean[cell] = updated;
      // >= 0 in exact arithmetic; rounding (a weight w != 1 on an empty cell: w v / w != v)
      // could leave it a hair below 0, a negative variance
      m2[cell] = Math.max(0.0, m2[cell] + w * delta * (v - updated));
      weight[cell] = total;
      if (v < min[cell]) {
        min[cell] = v;
      }
      if (v > max[cell]) {
        max[cell] = v;
      }
    }
  }

  /**
   * {@link #welfordAdd} for the values of {@code x} that are not NaN (missing): each cell learns
   * only from its own feature's observed values. Scalar in every kernel mode, so that rows with
   * missing values give the same bits in both.
   */
  public static void welfordAddPresent(double[] x, double w, double[] weight, double[] mean,
      double[] m2, double[] min, double[] max, int off, int n) {
    for (int j = 0; j < n; j++) {
      if (!Double.isNaN(x[j])) {
        welfordAddRange(x, w, weight, mean, m2, min, max, off, j, j + 1);
      }
    }
  }

  @Override
  public void gaussianTerms(double[] weight, double[] m2, int off, int n, double epsilon,
      double[] halfPrecision, double[] logNormalizer) {
    gaussianTermsRange(weight, m2, off, 0, n, epsilon, halfPrecision, logNormalizer);
  }

  /** {@link #gaussianTerms} for cells {@code off + from .. off + to}. */
  static void gaussianTermsRange(double[] weight, double[] m2, int off, int from, int to,
      double epsilon, double[] halfPrecision, double[] logNormalizer) {
    for (int i = from; i < to; i++) {
      int cell = off + i;
      double variance = (weight[cell] > 1 ? m2[cell] / (weight[cell] - 1) : 0) + epsilon;
      halfPrecision[cell] = variance > 0 ? 0.5 / variance : 0;
      logNormalizer[cell] = variance > 0 ? -0.5 * Math.log(2 * Math.PI * variance) : 0;
    }
  }

  @Override
  public double gaussianLogLikelihood(double[] x, double[] mean, double[] halfPrecision,
      double[] logNormalizer, int off, int n, double floor) {
    // Four independent sums, so the additions need not wait for one another.
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += logDensity(x[i], mean, halfPrecision, logNormalizer, off + i, floor);
      s1 += logDensity(x[i + 1], mean, halfPrecision, logNormalizer, off + i + 1, floor);
      s2 += logDensity(x[i + 2], mean, halfPrecision, logNormalizer, off + i + 2, floor);
      s3 += logDensity(x[i + 3], mean, halfPrecision, logNormalizer, off + i + 3, floor);
    }
    return (s0 + s1) + (s2 + s3) + gaussianLogLikelihoodRange(x, mean, halfPrecision,
        logNormalizer, off, i, n, floor);
  }

  /** Plain sum of {@link #gaussianLogLikelihood}'s terms for cells {@code from .. to}. */
  static double gaussianLogLikelihoodRange(double[] x, double[] mean, double[] halfPrecision,
      double[] logNormalizer, int off, int from, int to, double floor) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += logDensity(x[i], mean, halfPrecision, logNormalizer, off + i, floor);
    }
    return sum;
  }

  /**
   * The plain sum of {@link #gaussianLogLikelihood}'s terms over the features {@code j} whose
   * value is not NaN (missing) and that {@code excluded} does not exclude (null: none excluded).
   */
  public static double gaussianLogLikelihoodPresent(double[] x, double[] mean,
      double[] halfPrecision, double[] logNormalizer, int off, int n, double floor,
      boolean[] excluded) {
    double sum = 0;
    for (int j = 0; j < n; j++) {
      if (!Double.isNaN(x[j]) && (excluded == null || !excluded[j])) {
        sum += logDensity(x[j], mean, halfPrecision, logNormalizer, off + j, floor);
      }
    }
    return sum;
  }

  private static double logDensity(double v, double[] mean, double[] halfPrecision,
      double[] logNormalizer, int cell, double floor) {
    double d = v - mean[cell];
    double h = halfPrecision[cell];
    double logDensity = h > 0 ? logNormalizer[cell] - h * d * d : d == 0 ? 0 : floor;
    return logDensity > floor ? logDensity : floor;
  }
}
