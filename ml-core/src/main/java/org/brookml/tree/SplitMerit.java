package org.brookml.tree;

import org.brookml.internal.vector.ScalarSplitKernels;

/**
 * Impurity of class weights and the range of a split's merit. The merits themselves come from the
 * {@code splitMerits} kernel, scored for all features at once (see {@link SplitSearch}).
 */
final class SplitMerit {

  private SplitMerit() {}

  /** The impurity of class weights: entropy in bits, or Gini impurity. */
  static double impurity(HoeffdingTree.SplitCriterion criterion, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    return criterion == HoeffdingTree.SplitCriterion.GINI
        ? ScalarSplitKernels.gini(weights, 0, 1, weights.length, total)
        : ScalarSplitKernels.entropy(weights, 0, 1, weights.length, total);
  }

  /** The largest possible merit: {@code log2(numClasses)} bits, or 1 for Gini. */
  static double range(HoeffdingTree.SplitCriterion criterion, int numClasses) {
    return criterion == HoeffdingTree.SplitCriterion.GINI ? 1 : Math.log(numClasses) / Math.log(2);
  }
}
