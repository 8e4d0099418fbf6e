package org.brookml.bench.cluster;

/**
 * The in-process baseline: Sculley's mini-batch k-means in the most direct Java, row-major centres,
 * a full squared distance to every centre, no tricks. Seeded from given centres.
 */
public final class NaiveMiniBatchKMeans {

  private final int k;
  private final int d;
  private final double[][] centers;
  private final double[] counts;
  private int[] nearest = new int[0];

  public NaiveMiniBatchKMeans(double[][] initialCenters) {
    k = initialCenters.length;
    d = initialCenters[0].length;
    centers = new double[k][];
    for (int c = 0; c < k; c++) {
      centers[c] = initialCenters[c].clone();
    }
    counts = new double[k];
  }

  public void learnBatch(double[] xs, int rows) {
    if (nearest.length < rows) {
      nearest = new int[rows];
    }
    for (int i = 0; i < rows; i++) {
      int best = 0;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double distance = 0;
        for (int j = 0; j < d; j++) {
          double diff = xs[i * d + j] - centers[c][j];
          distance += diff * diff;
        }
        if (distance < bestDistance) {
          bestDistance = distance;
          best = c;
        }
      }
      nearest[i] = best;
    }
    for (int i = 0; i < rows; i++) {
      double[] center = centers[nearest[i]];
      double eta = 1.0 / ++counts[nearest[i]];
      for (int j = 0; j < d; j++) {
        center[j] = (1 - eta) * center[j] + eta * xs[i * d + j];
      }
    }
  }
}
