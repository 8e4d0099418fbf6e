package org.brookml.bench.linear;

import java.util.SplittableRandom;

/**
 * Seeded dense rows for the linear benchmarks: {@code rows x d} standard normal values
 * (row-major), a target that is a fixed random linear function of them plus noise (sd 0.1), and
 * the label {@code target > 0}.
 */
public record DenseRows(int rows, int d, double[] values, double[] targets, int[] labels) {

  /** The rows of seed 3 that every linear benchmark reads. */
  public static DenseRows generate(int rows, int d) {
    SplittableRandom random = new SplittableRandom(3);
    double[] truth = random.doubles(d, -1, 1).toArray();
    double[] values = new double[rows * d];
    double[] targets = new double[rows];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      double score = 0;
      for (int j = 0; j < d; j++) {
        double v = random.nextGaussian();
        values[r * d + j] = v;
        score += truth[j] * v;
      }
      targets[r] = score + 0.1 * random.nextGaussian();
      labels[r] = targets[r] > 0 ? 1 : 0;
    }
    return new DenseRows(rows, d, values, targets, labels);
  }
}
