package org.brookml.internal.vector;

/**
 * The dense kernels behind {@link org.brookml.vector.Vectors}. Implementations do no argument
 * checking: callers have already checked every range. Results of reductions may differ between
 * implementations in the last bits, because they add in a different order.
 */
public interface VectorKernels {

  /** Short name of this implementation, for logs and benchmark reports. */
  String name();

  /** Sum of {@code a[aOff+i] * b[bOff+i]} over {@code i < n}. */
  double dot(double[] a, int aOff, double[] b, int bOff, int n);

  /** {@code y[yOff+i] += alpha * x[xOff+i]} for {@code i < n}. */
  void axpy(double alpha, double[] x, int xOff, double[] y, int yOff, int n);

  /** {@code c[cOff+i] += eta * (x[xOff+i] - c[cOff+i])} for {@code i < n}: move c toward x. */
  void moveToward(double eta, double[] x, int xOff, double[] c, int cOff, int n);

  /**
   * One AdaGrad step over {@code n} coordinates, where {@code x_i = 0} leaves a coordinate exactly
   * as it is: {@code g_i = g x_i + (x_i != 0 ? l2 w_i : 0)}, {@code sumSq_i += g_i^2},
   * {@code w_i -= eta g_i / sqrt(sumSq_i + eps)}, with {@code x_i = x[xOff + i]}.
   */
  void adaGradStep(double g, double[] x, int xOff, double[] w, double[] sumSq, int n, double eta, double l2,
      double eps);

  /**
   * One FTRL-Proximal step (McMahan et al. 2013) over {@code n} coordinates; where {@code x_i = 0}
   * nothing changes. With {@code g_i = g x_i}: {@code sigma = (sqrt(n_i + g_i^2) - sqrt(n_i)) /
   * alpha}, {@code z_i += g_i - sigma w_i}, {@code n_i += g_i^2}, and {@code w_i = 0} if
   * {@code |z_i| <= l1}, else {@code -(z_i - sign(z_i) l1) / ((beta + sqrt(n_i)) / alpha + l2)};
   * {@code x_i = x[xOff + i]}.
   */
  void ftrlStep(double g, double[] x, int xOff, double[] w, double[] z, double[] sumSq, int n, double alpha,
      double beta, double l1, double l2);

  /** {@code x[off+i] *= alpha} for {@code i < n}. */
  void scale(double alpha, double[] x, int off, int n);

  /** Whether every one of {@code x[off .. off+n)} is finite (neither NaN nor infinite). */
  boolean allFinite(double[] x, int off, int n);

  /** Sum of {@code (a[aOff+i] - b[bOff+i])^2} over {@code i < n}. */
  double squaredDistance(double[] a, int aOff, double[] b, int bOff, int n);

  /**
   * Index of the centre with the smallest {@code norms[c] - 2 * (x . centre c)}, that is the centre
   * nearest to {@code x} in Euclidean distance.
   *
   * @param x the point, read at {@code x[xOff .. xOff+d)}
   * @param transposedCenters centre coordinates laid out coordinate-major: coordinate {@code j} of
   *     centre {@code c} is at {@code j * stride + c}; {@code stride} is a multiple of 16
   * @param norms squared norms of the centres, {@code +Infinity} in padding slots
   * @param scratch at least {@code stride} doubles, overwritten
   */
  int nearestCenter(
      double[] x, int xOff, int d, double[] transposedCenters, double[] norms, int stride,
      double[] scratch);

  /**
   * {@link #nearestCenter} for each of {@code rows} consecutive rows of {@code d} values starting at
   * {@code xs[xOff]}; row {@code r}'s answer goes to {@code out[r]}. Implementations may process
   * several rows at once, which hides the latency of the multiply-adds.
   *
   * @return whether every row's best score was finite; false whenever a row holds a NaN or an
   *     infinity (every score of such a row is then NaN or infinite), so callers may skip checking
   *     finiteness up front and check only when this returns false
   */
  boolean nearestCenters(
      double[] xs, int xOff, int rows, int d, double[] transposedCenters, double[] norms,
      int stride, int[] out, double[] scratch);

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

  /*
   * gaussianTerms, normalSplitWeights and splitMerits give the same bits in every implementation:
   * their logarithms and exponentials are Math.log and Math.exp, never the Vector API's lanewise
   * LOG or EXP, whose compiled and interpreted forms may differ in the last bit. A model must not
   * depend on how warm the JIT is, nor on whether the Vector API module is present.
   */

  /**
   * Per-cell terms of normal log densities for {@code n} cells from {@code off}: with
   * {@code var = weight > 1 ? m2 / (weight - 1) : 0}, {@code halfPrecision = 0.5 / var} and
   * {@code logNormalizer = -0.5 log(2 pi var)} where {@code var > 0}, both 0 elsewhere.
   */
  void gaussianTerms(double[] weight, double[] m2, int off, int n, double[] halfPrecision,
      double[] logNormalizer);

  /**
   * Sum over {@code n} cells from {@code off} of {@code max(floor, log density of x[i])}, the log
   * density {@code logNormalizer - halfPrecision (x - mean)^2}, or, for a cell with
   * {@code halfPrecision = 0} (a point mass), 0 at its mean and {@code floor} elsewhere.
   */
  double gaussianLogLikelihood(double[] x, double[] mean, double[] halfPrecision,
      double[] logNormalizer, int off, int n, double floor);

  /**
   * Normal-estimate split weights of one class over features {@code j < n}, for a Hoeffding tree's
   * split candidates: with {@code cell = off + j}, {@code v = thresholds[j]} and
   * {@code w = weight[cell]}, {@code left[cell]} becomes 0 if {@code w = 0} or
   * {@code v < min[cell]}; else {@code w} if {@code v >= max[cell]}; else, for
   * {@code sd[cell] <= 0}, {@code w} if {@code v >= mean[cell]} and 0 otherwise; else
   * {@code w * Normal.cdf((v - mean[cell]) / sd[cell])}. {@code right[cell] = w - left[cell]}.
   */
  void normalSplitWeights(double[] thresholds, double[] weight, double[] mean, double[] sd,
      double[] min, double[] max, int off, int n, double[] left, double[] right);

  /**
   * Merit of each of {@code n} binary splits, {@code merits[j]}: the class weights of split j's
   * sides are {@code left[c * n + j]} and {@code right[c * n + j]} for {@code c < numClasses}.
   * The merit is {@code parentImpurity} minus the side-weighted impurity (Gini, or entropy in bits),
   * {@code -inf} if the sides weigh nothing, and, for entropy, {@code -inf} if a side holds at most
   * {@code minBranchFraction} of the weight. {@code scratch} holds at least
   * {@code (2 * numClasses + 1) * n} values, which the kernel may overwrite.
   */
  void splitMerits(double[] left, double[] right, int numClasses, int n, double parentImpurity,
      boolean gini, double minBranchFraction, double[] merits, double[] scratch);
}
