package org.brookml.internal.vector;

/**
 * Weighted normal estimates per class and feature: West's weighted Welford update, the per-cell
 * log-density terms, and naive-Bayes log-likelihoods. No argument checking.
 *
 * <p>{@link #gaussianTerms} gives the same bits in every implementation: its logarithms are
 * {@code Math.log}, never the Vector API's lanewise {@code LOG}, whose compiled and interpreted
 * forms may differ in the last bit. A model must not depend on how warm the JIT is, nor on whether
 * the Vector API module is present.
 */
public interface GaussianKernels {

  /**
   * Adds {@code x[j]} with weight {@code w > 0} to the weighted normal estimate of cell
   * {@code off + j} for {@code j < n} (West 1979): {@code total = weight + w},
   * {@code delta = x - mean}, {@code mean += w delta / total},
   * {@code m2 += w delta (x - mean)} with the new mean, {@code weight = total}; {@code min} and
   * {@code max} take {@code x} where it is below or above them. Every implementation gives the same
   * bits: no fused multiply-add.
   */
  void welfordAdd(double[] x, double w, double[] weight, double[] mean, double[] m2, double[] min,
      double[] max, int off, int n);

  /**
   * Per-cell terms of normal log densities for {@code n} cells from {@code off}: with
   * {@code var = (weight > 1 ? m2 / (weight - 1) : 0) + epsilon} ({@code epsilon >= 0}),
   * {@code halfPrecision = 0.5 / var} and {@code logNormalizer = -0.5 log(2 pi var)} where
   * {@code var > 0}, both 0 elsewhere.
   */
  void gaussianTerms(double[] weight, double[] m2, int off, int n, double epsilon,
      double[] halfPrecision, double[] logNormalizer);

  /**
   * Sum over {@code n} cells from {@code off} of {@code max(floor, log density of x[i])}, the log
   * density {@code logNormalizer - halfPrecision (x - mean)^2}, or, for a cell with
   * {@code halfPrecision = 0} (a point mass), 0 at its mean and {@code floor} elsewhere.
   */
  double gaussianLogLikelihood(double[] x, double[] mean, double[] halfPrecision,
      double[] logNormalizer, int off, int n, double floor);
}
