package org.brookml.cluster;

/**
 * Pairs the centres of two k-means models one to one, closest pairs first (greedy on squared
 * distance). For replicas that started from the same centres this recovers their common identity.
 */
final class CenterMatching {

  private CenterMatching() {}

  /** {@code partner[c]} is the centre of {@code b} paired with centre {@code c} of {@code a}. */
  static int[] closestPairs(double[] a, double[] b, int k, int d) {
    double[] distances = new double[k * k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double sum = 0;
        for (int t = 0; t < d; t++) {
          double diff = a[i * d + t] - b[j * d + t];
          sum += diff * diff;
        }
        distances[i * k + j] = sum;
      }
    }
    int[] partner = new int[k];
    boolean[] usedA = new boolean[k];
    boolean[] usedB = new boolean[k];
    for (int pair = 0; pair < k; pair++) {
      int bestI = -1;
      int bestJ = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < k; i++) {
        if (usedA[i]) {
          continue;
        }
        for (int j = 0; j < k; j++) {
          if (!usedB[j] && (bestI < 0 || distances[i * k + j] < best)) {
            best = distances[i * k + j];
            bestI = i;
            bestJ = j;
          }
        }
      }
      usedA[bestI] = true;
      usedB[bestJ] = true;
      partner[bestI] = bestJ;
    }
    return partner;
  }
}
