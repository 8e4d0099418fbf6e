package org.brookml.cluster;

import org.brookml.internal.random.SplitMix64;

/**
 * Greedy k-means++ seeding (Arthur and Vassilvitskii 2007): the first centre is a uniformly random
 * row; each next one is the best, by total potential, of {@code 2 + floor(ln k)} candidates drawn
 * with probability proportional to their squared distance to the nearest centre so far (the
 * greedy variant scikit-learn uses). Rows that coincide with a centre are never drawn again unless
 * every row does.
 */
final class KMeansPlusPlus {

  private KMeansPlusPlus() {}

  /** Writes {@code k} centres chosen among the first {@code n} rows of {@code rows} into {@code out}. */
  static void seed(double[] rows, int n, int d, int k, SplitMix64 random, double[] out) {
    int trials = 2 + (int) Math.log(k);
    double[] closest = new double[n];
    double[] candidateClosest = new double[n];
    double[] bestClosest = new double[n];

    int first = random.nextInt(n);
    System.arraycopy(rows, first * d, out, 0, d);
    double potential = 0;
    for (int i = 0; i < n; i++) {
      closest[i] = squaredDistance(rows, i * d, out, 0, d);
      potential += closest[i];
    }
    for (int c = 1; c < k; c++) {
      int bestCandidate = -1;
      double bestPotential = Double.POSITIVE_INFINITY;
      for (int t = 0; t < trials; t++) {
        int candidate = sample(closest, potential, random);
        double candidatePotential = 0;
        for (int i = 0; i < n; i++) {
          double dist = squaredDistance(rows, i * d, rows, candidate * d, d);
          candidateClosest[i] = Math.min(closest[i], dist);
          candidatePotential += candidateClosest[i];
        }
        if (candidatePotential < bestPotential) {
          bestPotential = candidatePotential;
          bestCandidate = candidate;
          System.arraycopy(candidateClosest, 0, bestClosest, 0, n);
        }
      }
      System.arraycopy(rows, bestCandidate * d, out, c * d, d);
      System.arraycopy(bestClosest, 0, closest, 0, n);
      potential = bestPotential;
    }
  }

  /** Index drawn with probability {@code weights[i] / total}; uniform if the total is 0. */
  private static int sample(double[] weights, double total, SplitMix64 random) {
    if (!(total > 0)) {
      return random.nextInt(weights.length);
    }
    double target = random.nextDouble() * total;
    double cumulative = 0;
    int lastPositive = 0;
    for (int i = 0; i < weights.length; i++) {
      if (weights[i] > 0) {
        cumulative += weights[i];
        lastPositive = i;
        if (cumulative > target) {
          return i;
        }
      }
    }
    return lastPositive;
  }

  private static double squaredDistance(double[] a, int aOff, double[] b, int bOff, int d) {
    double sum = 0;
    for (int j = 0; j < d; j++) {
      double diff = a[aOff + j] - b[bOff + j];
      sum += diff * diff;
    }
    return sum;
  }
}
