package org.brookml.tree;

import org.brookml.tree.HoeffdingTree.Leaf;

/**
 * Scores every split a leaf's statistics allow: the best threshold of each numeric feature
 * ({@link SplitSearch}) and the best split of each nominal feature ({@link NominalSplitSearch}),
 * over the features the leaf may split on. Keeps the best and runner-up merits, the best split's
 * test, and the best merit of one feature asked for (an extremely fast decision tree's current
 * split). Owns its scratch: scoring allocates nothing. Not thread-safe; one per tree.
 */
final class CandidateSplits {

  private final int dimension;
  private final int[] nominalValues;
  /** Which features are nominal; null when none is. */
  private final boolean[] nominalMask;
  private final boolean binaryNominalSplits;
  private final HoeffdingTree.SplitCriterion criterion;
  private final SplitSearch search;
  private final NominalSplitSearch nominalSearch;
  private final boolean[] numericCandidates;

  /** The best feature of the last scoring, -1 if none beat the starting merit. */
  int bestAttribute;
  /** Its merit. */
  double best;
  /** The best merit of any other feature (or the starting merit). */
  double secondBest;
  /** The best feature's threshold, when numeric. */
  double bestThreshold;
  /** The best feature's value versus the rest, or -1 for its multiway split, when nominal. */
  int bestValue;
  /** The best merit of the feature asked for, {@code -inf} if it was no candidate. */
  double askedMerit;

  CandidateSplits(int dimension, int numClasses, int[] nominalValues, boolean[] nominalMask,
      boolean binaryNominalSplits, HoeffdingTree.SplitCriterion criterion, int splitPoints,
      double minBranchFraction) {
    this.dimension = dimension;
    this.nominalValues = nominalValues;
    this.nominalMask = nominalMask;
    this.binaryNominalSplits = binaryNominalSplits;
    this.criterion = criterion;
    boolean gini = criterion == HoeffdingTree.SplitCriterion.GINI;
    search = new SplitSearch(dimension, numClasses, splitPoints, gini, minBranchFraction);
    nominalSearch = new NominalSplitSearch(numClasses, gini, minBranchFraction);
    numericCandidates = new boolean[dimension];
  }

  /**
   * Scores the leaf's candidates; best and runner-up start at {@code startingMerit}. A multiway
   * split competes only when its extra leaves fit in {@code roomForLeaves};
   * {@code asked} is the feature whose merit {@link #askedMerit} reports (-1: none).
   */
  void score(Leaf leaf, double startingMerit, long roomForLeaves, int asked) {
    double parentImpurity = SplitMerit.impurity(criterion, leaf.classWeights);
    boolean[] allowed = leaf.allowed;
    boolean[] numeric = numericCandidates(allowed);
    bestValue = -1;
    askedMerit = Double.NEGATIVE_INFINITY;
    if (anyTrue(numeric)) {
      search.run(leaf.stats, parentImpurity, startingMerit, numeric);
      bestAttribute = search.bestAttribute;
      best = search.best;
      secondBest = search.secondBest;
      bestThreshold = search.bestThreshold;
      if (asked >= 0 && nominalValues[asked] == 0) {
        askedMerit = search.merit(asked, allowed);
      }
    } else { // no numeric feature to score (all nominal, or none allowed)
      bestAttribute = -1;
      best = startingMerit;
      secondBest = startingMerit;
    }
    if (nominalMask == null) {
      return;
    }
    for (int j = 0; j < dimension; j++) {
      int values = nominalValues[j];
      if (values == 0 || (allowed != null && !allowed[j])) {
        continue;
      }
      nominalSearch.run(leaf.nominalCounts[j], leaf.nominalObserved[j], values, parentImpurity,
          binaryNominalSplits || values - 1 > roomForLeaves);
      double merit = nominalSearch.merit;
      if (j == asked) {
        askedMerit = merit;
      }
      if (merit > best) {
        secondBest = best;
        best = merit;
        bestAttribute = j;
        bestValue = nominalSearch.value;
      } else if (merit > secondBest) {
        secondBest = merit;
      }
    }
  }

  /** Whether any flag is set; null means all features, so true. */
  private static boolean anyTrue(boolean[] flags) {
    if (flags == null) {
      return true;
    }
    for (boolean flag : flags) {
      if (flag) {
        return true;
      }
    }
    return false;
  }

  /** The class weights on either side of the best numeric split, from the last scoring. */
  void sideWeights(Leaf leaf, int attribute, double threshold, double[] left, double[] right) {
    search.sideWeights(leaf.stats, attribute, threshold, left, right);
  }

  /** The features the numeric search may split on: numeric ones the leaf allows (null: all). */
  private boolean[] numericCandidates(boolean[] allowed) {
    if (nominalMask == null) {
      return allowed;
    }
    for (int j = 0; j < dimension; j++) {
      numericCandidates[j] = !nominalMask[j] && (allowed == null || allowed[j]);
    }
    return numericCandidates;
  }
}
