package org.brookml.tree;

import org.brookml.internal.vector.ScalarSplitKernels;

/**
 * A leaf's search for the best split on one nominal feature, from its per-class value weights
 * (missing values left out, as MOA's nominal observer leaves them): the multiway split (one branch
 * per value, as VFDT and MOA make it) and every binary split "value {@code v} versus the rest" (as
 * River's binary option makes it); the best of them by merit, the multiway split first, a binary
 * one replacing it only when strictly better. Merit is the criterion's reduction of impurity
 * relative to the leaf's impurity, the branches weighted by their share of the observed weight. A
 * candidate scores {@code -inf} unless at least two branches hold weight, and with information
 * gain more than {@code minBranchFraction} of it (MOA's rule). Owns its scratch: allocates
 * nothing.
 */
final class NominalSplitSearch {

  private final int numClasses;
  private final boolean gini;
  /** The share of the weight a branch must exceed to count as a branch. */
  private final double branchShare;
  private final double[] rest;

  /** The best merit of the last search, {@code -inf} if no candidate qualified. */
  double merit;
  /** Its value for a binary split, or -1 for the multiway split. */
  int value;

  NominalSplitSearch(int numClasses, boolean gini, double minBranchFraction) {
    this.numClasses = numClasses;
    this.gini = gini;
    this.branchShare = gini ? 0 : minBranchFraction;
    this.rest = new double[numClasses];
  }

  /**
   * Searches one feature of {@code values} values whose weights are {@code counts[c * values +
   * v]}, with {@code observed[c]} their sum per class; the multiway split competes unless
   * {@code binaryOnly}.
   */
  void run(double[] counts, double[] observed, int values, double parentImpurity,
      boolean binaryOnly) {
    merit = Double.NEGATIVE_INFINITY;
    value = -1;
    double total = 0;
    for (double w : observed) {
      total += w;
    }
    if (total <= 0) {
      return;
    }
    if (!binaryOnly) {
      merit = multiwayMerit(counts, values, total, parentImpurity);
    }
    for (int v = 0; v < values; v++) {
      double left = 0;
      for (int c = 0; c < numClasses; c++) {
        double w = counts[c * values + v];
        rest[c] = observed[c] - w;
        left += w;
      }
      double right = total - left;
      if (!branchesQualify(left, right, total)) {
        continue;
      }
      double candidate = parentImpurity - (left * impurity(counts, v, values, left)
          + right * impurity(rest, 0, 1, right)) / total;
      if (candidate > merit) {
        merit = candidate;
        value = v;
      }
    }
  }

  private double multiwayMerit(double[] counts, int values, double total,
      double parentImpurity) {
    double weighted = 0;
    int heavy = 0;
    for (int v = 0; v < values; v++) {
      double branch = 0;
      for (int c = 0; c < numClasses; c++) {
        branch += counts[c * values + v];
      }
      if (branch / total > branchShare) {
        heavy++;
      }
      weighted += branch * impurity(counts, v, values, branch);
    }
    return heavy < 2 ? Double.NEGATIVE_INFINITY : parentImpurity - weighted / total;
  }

  private boolean branchesQualify(double left, double right, double total) {
    return left / total > branchShare && right / total > branchShare;
  }

  private double impurity(double[] weights, int off, int stride, double total) {
    return gini ? ScalarSplitKernels.gini(weights, off, stride, numClasses, total)
        : ScalarSplitKernels.entropy(weights, off, stride, numClasses, total);
  }
}
