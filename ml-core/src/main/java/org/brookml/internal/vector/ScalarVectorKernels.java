package org.brookml.internal.vector;

import org.brookml.internal.stats.Normal;

/**
 * Plain-Java kernels. Element-wise loops are left simple so that C2 vectorizes them; reductions use
 * four independent accumulators, because floating-point addition is not associative and the JIT will
 * not split a single-accumulator sum by itself.
 */
public final class ScalarVectorKernels implements VectorKernels {

  public static final ScalarVectorKernels INSTANCE = new ScalarVectorKernels();

  static final double LN2 = Math.log(2);

  private ScalarVectorKernels() {}

  @Override
  public String name() {
    return "scalar";
  }

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

  @Override
  public void scale(double alpha, double[] x, int off, int n) {
    for (int i = 0; i < n; i++) {
      x[off + i] *= alpha;
    }
  }

  @Override
  public boolean allFinite(double[] x, int off, int n) {
    // v * 0.0 is (+/-)0 for finite v and NaN otherwise, so the sum is 0 exactly when all are finite.
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    int i = 0;
    for (int bound = n & ~3; i < bound; i += 4) {
      s0 += x[off + i] * 0.0;
      s1 += x[off + i + 1] * 0.0;
      s2 += x[off + i + 2] * 0.0;
      s3 += x[off + i + 3] * 0.0;
    }
    for (; i < n; i++) {
      s0 += x[off + i] * 0.0;
    }
    return (s0 + s1) + (s2 + s3) == 0.0;
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
      m2[cell] += w * delta * (v - updated);
      weight[cell] = total;
      if (v < min[cell]) {
        min[cell] = v;
      }
      if (v > max[cell]) {
        max[cell] = v;
      }
    }
  }

  @Override
  public void gaussianTerms(double[] weight, double[] m2, int off, int n, double[] halfPrecision,
      double[] logNormalizer) {
    gaussianTermsRange(weight, m2, off, 0, n, halfPrecision, logNormalizer);
  }

  /** {@link #gaussianTerms} for cells {@code off + from .. off + to}. */
  static void gaussianTermsRange(double[] weight, double[] m2, int off, int from, int to,
      double[] halfPrecision, double[] logNormalizer) {
    for (int i = from; i < to; i++) {
      int cell = off + i;
      double variance = weight[cell] > 1 ? m2[cell] / (weight[cell] - 1) : 0;
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

  private static double logDensity(double v, double[] mean, double[] halfPrecision,
      double[] logNormalizer, int cell, double floor) {
    double d = v - mean[cell];
    double h = halfPrecision[cell];
    double logDensity = h > 0 ? logNormalizer[cell] - h * d * d : d == 0 ? 0 : floor;
    return logDensity > floor ? logDensity : floor;
  }

  @Override
  public void normalSplitWeights(double[] thresholds, double[] weight, double[] mean, double[] sd,
      double[] min, double[] max, int off, int n, double[] left, double[] right) {
    normalSplitWeightsRange(thresholds, weight, mean, sd, min, max, off, 0, n, left, right);
  }

  /** {@link #normalSplitWeights} for features {@code [from, to)}. */
  static void normalSplitWeightsRange(double[] thresholds, double[] weight, double[] mean,
      double[] sd, double[] min, double[] max, int off, int from, int to, double[] left,
      double[] right) {
    for (int j = from; j < to; j++) {
      int cell = off + j;
      double v = thresholds[j];
      double w = weight[cell];
      double l;
      if (w == 0 || v < min[cell]) {
        l = 0;
      } else if (v >= max[cell]) {
        l = w;
      } else if (sd[cell] <= 0) {
        l = v >= mean[cell] ? w : 0;
      } else {
        l = w * Normal.cdf((v - mean[cell]) / sd[cell]);
      }
      left[cell] = l;
      right[cell] = w - l;
    }
  }

  @Override
  public void splitMerits(double[] left, double[] right, int numClasses, int n,
      double parentImpurity, boolean gini, double minBranchFraction, double[] merits,
      double[] scratch) {
    splitMeritsRange(left, right, numClasses, n, 0, n, parentImpurity, gini, minBranchFraction,
        merits);
  }

  /** {@link #splitMerits} for splits {@code [from, to)} of {@code n}. */
  static void splitMeritsRange(double[] left, double[] right, int numClasses, int n, int from,
      int to, double parentImpurity, boolean gini, double minBranchFraction, double[] merits) {
    for (int j = from; j < to; j++) {
      double leftWeight = 0;
      for (int c = 0; c < numClasses; c++) {
        leftWeight += left[c * n + j];
      }
      double rightWeight = 0;
      for (int c = 0; c < numClasses; c++) {
        rightWeight += right[c * n + j];
      }
      double total = leftWeight + rightWeight;
      double merit;
      if (total <= 0) {
        merit = Double.NEGATIVE_INFINITY;
      } else if (gini) {
        merit = parentImpurity - (leftWeight * gini(left, j, n, numClasses, leftWeight)
            + rightWeight * gini(right, j, n, numClasses, rightWeight)) / total;
      } else if (leftWeight / total <= minBranchFraction
          || rightWeight / total <= minBranchFraction) {
        merit = Double.NEGATIVE_INFINITY;
      } else {
        merit = parentImpurity - (leftWeight * entropy(left, j, n, numClasses, leftWeight)
            + rightWeight * entropy(right, j, n, numClasses, rightWeight)) / total;
      }
      merits[j] = merit;
    }
  }

  /**
   * Entropy in bits of the {@code k} weights {@code values[off + c * stride]} summing to
   * {@code total}; 0 if {@code total <= 0}.
   */
  public static double entropy(double[] values, int off, int stride, int k, double total) {
    if (total <= 0) {
      return 0;
    }
    double h = 0;
    for (int c = 0; c < k; c++) {
      double p = values[off + c * stride] / total;
      if (p > 0) {
        h -= p * Math.log(p);
      }
    }
    return h / LN2;
  }

  /** Gini impurity of weights laid out as in {@link #entropy}; 0 if {@code total <= 0}. */
  public static double gini(double[] values, int off, int stride, int k, double total) {
    if (total <= 0) {
      return 0;
    }
    double g = 1;
    for (int c = 0; c < k; c++) {
      double p = values[off + c * stride] / total;
      g -= p * p;
    }
    return g;
  }
}
