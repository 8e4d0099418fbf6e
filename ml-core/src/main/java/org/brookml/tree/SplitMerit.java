package org.brookml.tree;

/** Scores of a binary split: information gain (bits) and Gini gain, with their ranges. */
final class SplitMerit {

  private static final double LN2 = Math.log(2);

  private SplitMerit() {}

  /** The impurity of class weights: entropy in bits, or Gini impurity. */
  static double impurity(HoeffdingTree.SplitCriterion criterion, double[] weights) {
    return criterion == HoeffdingTree.SplitCriterion.GINI ? gini(weights, sum(weights))
        : entropy(weights, sum(weights));
  }

  /**
   * The merit of splitting weights of impurity {@code parentImpurity} into {@code left} and
   * {@code right}: the parent's impurity minus the weight-averaged impurity of the sides.
   * Information gain is {@code -inf} when fewer than two sides hold more than
   * {@code minBranchFraction} of the weight.
   */
  static double of(HoeffdingTree.SplitCriterion criterion, double parentImpurity, double[] left,
      double[] right, double minBranchFraction) {
    double leftWeight = sum(left);
    double rightWeight = sum(right);
    double total = leftWeight + rightWeight;
    if (total <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (criterion == HoeffdingTree.SplitCriterion.GINI) {
      return parentImpurity
          - (leftWeight * gini(left, leftWeight) + rightWeight * gini(right, rightWeight)) / total;
    }
    if (leftWeight / total <= minBranchFraction || rightWeight / total <= minBranchFraction) {
      return Double.NEGATIVE_INFINITY;
    }
    return parentImpurity
        - (leftWeight * entropy(left, leftWeight) + rightWeight * entropy(right, rightWeight))
        / total;
  }

  /** The largest possible merit: {@code log2(numClasses)} bits, or 1 for Gini. */
  static double range(HoeffdingTree.SplitCriterion criterion, int numClasses) {
    return criterion == HoeffdingTree.SplitCriterion.GINI ? 1 : Math.log(numClasses) / LN2;
  }

  static double entropy(double[] weights, double total) {
    if (total <= 0) {
      return 0;
    }
    double h = 0;
    for (double w : weights) {
      if (w > 0) {
        double p = w / total;
        h -= p * Math.log(p);
      }
    }
    return h / LN2;
  }

  static double gini(double[] weights, double total) {
    if (total <= 0) {
      return 0;
    }
    double g = 1;
    for (double w : weights) {
      double p = w / total;
      g -= p * p;
    }
    return g;
  }

  private static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
