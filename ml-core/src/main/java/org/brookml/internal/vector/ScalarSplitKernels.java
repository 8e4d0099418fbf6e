package org.brookml.internal.vector;

/**
 * Plain-Java {@link SplitKernels}. Element-wise loops are left simple so that C2 vectorizes them;
 * reductions use four independent accumulators, because floating-point addition is not
 * associative and the JIT will not split a single-accumulator sum by itself.
 */
public final class ScalarSplitKernels implements SplitKernels {

  /** The one instance. */
  public static final ScalarSplitKernels INSTANCE = new ScalarSplitKernels();

  static final double LN2 = Math.log(2);

  private ScalarSplitKernels() {}

  @Override
  public void normalSplitWeights(double[] thresholds, double[] weight, double[] mean, double[] sd,
      double[] min, double[] max, int off, int n, double[] left, double[] right, int outOff) {
    normalSplitWeightsRange(thresholds, weight, mean, sd, min, max, off, 0, n, left, right,
        outOff);
  }

  /** {@link #normalSplitWeights} for features {@code [from, to)}. */
  static void normalSplitWeightsRange(double[] thresholds, double[] weight, double[] mean,
      double[] sd, double[] min, double[] max, int off, int from, int to, double[] left,
      double[] right, int outOff) {
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
      left[outOff + j] = l;
      right[outOff + j] = w - l;
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
