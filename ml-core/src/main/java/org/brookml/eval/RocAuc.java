package org.brookml.eval;

import java.util.Arrays;

/** Exact ROC AUC by ranks (the Mann-Whitney statistic), ties given their average rank. */
final class RocAuc {

  private RocAuc() {}

  /**
   * The AUC of the first {@code n} scores for binary truths.
   *
   * @throws IllegalStateException unless both classes occur
   */
  static double of(double[] scores, int[] truths, int n) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double positiveRankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (truths[order[k]] == 1) {
          positiveRankSum += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalStateException("nothing to report: ROC AUC needs scored examples of both "
          + "classes, the window has " + positives + " of class 1 and " + negatives + " of class 0");
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
