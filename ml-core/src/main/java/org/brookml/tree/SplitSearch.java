package org.brookml.tree;

import java.util.Arrays;
import org.brookml.internal.stats.ClassGaussians;
import org.brookml.internal.vector.VectorKernelsProvider;

/**
 * A leaf's search for its best numeric split, as MOA's and River's Gaussian estimators do it: for
 * every feature, {@code splitPoints} thresholds evenly spaced strictly between the smallest and
 * largest value seen; each threshold's class weights on either side estimated from the per-class
 * normal estimates; the best threshold per feature by merit. All features are scored at once per
 * threshold rank through the vector kernels. Owns its scratch arrays: a search allocates nothing.
 * Not thread-safe; one per tree.
 */
final class SplitSearch {


  private final int dimension;
  private final int numClasses;
  private final int splitPoints;
  private final boolean gini;
  private final double minBranchFraction;
  private final double[] lo;
  private final double[] hi;
  private final double[] thresholds;
  private final double[] deviations;
  private final double[] left;
  private final double[] right;
  private final double[] merits;
  private final double[] meritScratch;
  private final double[] featureBest;
  private final double[] featureThreshold;
  // The classes the last search saw weight of, and how many: the only rows it scores.
  private final int[] classes;
  private int classCount;

  /** The best feature of the last search, -1 if none beat the starting merit. */
  int bestAttribute;
  /** Its best threshold. */
  double bestThreshold;
  /** Its merit. */
  double best;
  /** The best merit of any other feature. */
  double secondBest;

  SplitSearch(int dimension, int numClasses, int splitPoints, boolean gini,
      double minBranchFraction) {
    this.dimension = dimension;
    this.numClasses = numClasses;
    this.splitPoints = splitPoints;
    this.gini = gini;
    this.minBranchFraction = minBranchFraction;
    int cells = numClasses * dimension;
    lo = new double[dimension];
    hi = new double[dimension];
    thresholds = new double[dimension];
    deviations = new double[cells];
    left = new double[cells];
    right = new double[cells];
    merits = new double[dimension];
    meritScratch = new double[2 * cells + dimension];
    featureBest = new double[dimension];
    featureThreshold = new double[dimension];
    classes = new int[numClasses];
  }

  /**
   * The best merit of feature {@code j} in the last {@link #run}, {@code -inf} when it was no
   * candidate (all its values equal, or not {@code allowed}).
   */
  double merit(int j, boolean[] allowed) {
    return lo[j] < hi[j] && (allowed == null || allowed[j]) ? featureBest[j]
        : Double.NEGATIVE_INFINITY;
  }

  /**
   * The class weights on either side of {@code attribute <= threshold} into {@code left} and
   * {@code right} (one per class), from {@code stats} as the last {@link #run} saw them.
   */
  void sideWeights(ClassGaussians stats, int attribute, double threshold, double[] left,
      double[] right) {
    Arrays.fill(thresholds, threshold);
    stats.splitWeights(thresholds, deviations, classes, classCount, this.left, this.right);
    Arrays.fill(left, 0, numClasses, 0);
    Arrays.fill(right, 0, numClasses, 0);
    for (int r = 0; r < classCount; r++) {
      left[classes[r]] = this.left[r * dimension + attribute];
      right[classes[r]] = this.right[r * dimension + attribute];
    }
  }

  /**
   * Finds the best and second-best feature of {@code stats}; both start at {@code startingMerit}
   * (0 with pre-pruning, so that not splitting competes; else {@code -inf}). Features whose values
   * were all equal are not candidates, nor those {@code allowed} excludes (null: none excluded).
   * Ties go to the lower threshold, then the lower feature.
   */
  void run(ClassGaussians stats, double parentImpurity, double startingMerit,
      boolean[] allowed) {
    stats.ranges(lo, hi);
    stats.standardDeviations(deviations);
    // A class without weight has none on either side of any threshold: adding its zeros changes no
    // sum, so merits are the same bits without its rows, which cost as much as any other's.
    classCount = stats.classesWithWeight(classes);
    Arrays.fill(featureBest, Double.NEGATIVE_INFINITY);
    for (int i = 1; i <= splitPoints; i++) {
      for (int j = 0; j < dimension; j++) {
        thresholds[j] = lo[j] + (hi[j] - lo[j]) * i / (splitPoints + 1);
      }
      stats.splitWeights(thresholds, deviations, classes, classCount, left, right);
      VectorKernelsProvider.splits().splitMerits(left, right, classCount, dimension,
          parentImpurity, gini,
          minBranchFraction, merits, meritScratch);
      for (int j = 0; j < dimension; j++) {
        if (merits[j] > featureBest[j]) {
          featureBest[j] = merits[j];
          featureThreshold[j] = thresholds[j];
        }
      }
    }
    best = startingMerit;
    secondBest = startingMerit;
    bestAttribute = -1;
    for (int j = 0; j < dimension; j++) {
      double merit = merit(j, allowed); // -inf, beating nothing, when j is no candidate
      if (merit > best) {
        secondBest = best;
        best = merit;
        bestAttribute = j;
        bestThreshold = featureThreshold[j];
      } else if (merit > secondBest) {
        secondBest = merit;
      }
    }
  }
}
