package org.brookml.internal.vector;

/**
 * Hoeffding-tree split scoring: the class weights on each side of candidate thresholds under
 * per-class normal estimates, and each split's merit (information gain or Gini). A new split
 * criterion touches this family only. No argument checking.
 *
 * <p>Both kernels give the same bits in every implementation: their logarithms and exponentials
 * are {@code Math.log} and {@code Math.exp}, never the Vector API's lanewise {@code LOG} or
 * {@code EXP}, whose compiled and interpreted forms may differ in the last bit.
 */
public interface SplitKernels {

  /**
   * Normal-estimate split weights of one class over features {@code j < n}, for a Hoeffding tree's
   * split candidates: with {@code cell = off + j}, {@code out = outOff + j},
   * {@code v = thresholds[j]} and {@code w = weight[cell]}, {@code left[out]} becomes 0 if
   * {@code w = 0} or {@code v < min[cell]}; else {@code w} if {@code v >= max[cell]}; else, for
   * {@code sd[cell] <= 0}, {@code w} if {@code v >= mean[cell]} and 0 otherwise; else
   * {@code w * Normal.cdf((v - mean[cell]) / sd[cell])}. {@code right[out] = w - left[out]}.
   */
  void normalSplitWeights(double[] thresholds, double[] weight, double[] mean, double[] sd,
      double[] min, double[] max, int off, int n, double[] left, double[] right, int outOff);

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
