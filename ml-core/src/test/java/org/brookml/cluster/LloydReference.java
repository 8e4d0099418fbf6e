package org.brookml.cluster;

import java.util.SplittableRandom;

/**
 * Plain batch k-means (Lloyd's algorithm) written independently of Brook's code, for tests: plain
 * k-means++ seeding, then assign / re-average until no assignment changes. Best of several seeds.
 */
final class LloydReference {

  private LloydReference() {}

  /** Lowest inertia of {@code restarts} runs of Lloyd's algorithm. */
  static double bestInertia(double[] xs, int n, int d, int k, int restarts) {
    double best = Double.POSITIVE_INFINITY;
    for (int seed = 0; seed < restarts; seed++) {
      best = Math.min(best, inertia(xs, n, d, lloyd(xs, n, d, k, seed)));
    }
    return best;
  }

  static double[] lloyd(double[] xs, int n, int d, int k, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] centers = new double[k * d];
    double[] closest = new double[n];
    int first = random.nextInt(n);
    System.arraycopy(xs, first * d, centers, 0, d);
    for (int i = 0; i < n; i++) {
      closest[i] = dist(xs, i, centers, 0, d);
    }
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (double v : closest) {
        total += v;
      }
      double target = random.nextDouble() * total;
      int pick = n - 1;
      for (int i = 0; i < n; i++) {
        target -= closest[i];
        if (target < 0) {
          pick = i;
          break;
        }
      }
      System.arraycopy(xs, pick * d, centers, c * d, d);
      for (int i = 0; i < n; i++) {
        closest[i] = Math.min(closest[i], dist(xs, i, centers, c, d));
      }
    }
    int[] assignment = new int[n];
    java.util.Arrays.fill(assignment, -1);
    for (int iteration = 0; iteration < 300; iteration++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int nearest = nearest(xs, i, centers, k, d);
        if (nearest != assignment[i]) {
          assignment[i] = nearest;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      double[] sums = new double[k * d];
      int[] counts = new int[k];
      for (int i = 0; i < n; i++) {
        counts[assignment[i]]++;
        for (int j = 0; j < d; j++) {
          sums[assignment[i] * d + j] += xs[i * d + j];
        }
      }
      for (int c = 0; c < k; c++) {
        if (counts[c] > 0) {
          for (int j = 0; j < d; j++) {
            centers[c * d + j] = sums[c * d + j] / counts[c];
          }
        }
      }
    }
    return centers;
  }

  static double inertia(double[] xs, int n, int d, double[] centers) {
    int k = centers.length / d;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += dist(xs, i, centers, nearest(xs, i, centers, k, d), d);
    }
    return sum;
  }

  private static int nearest(double[] xs, int i, double[] centers, int k, int d) {
    int best = 0;
    double bestDist = Double.POSITIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double dist = dist(xs, i, centers, c, d);
      if (dist < bestDist) {
        bestDist = dist;
        best = c;
      }
    }
    return best;
  }

  private static double dist(double[] xs, int i, double[] centers, int c, int d) {
    double sum = 0;
    for (int j = 0; j < d; j++) {
      double diff = xs[i * d + j] - centers[c * d + j];
      sum += diff * diff;
    }
    return sum;
  }
}
