package org.brookml.bench.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.brookml.bench.ScikitLearn;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.data.GaussianBlobs;
import org.brookml.vector.Vectors;

/**
 * Brook's mini-batch k-means against scikit-learn's {@code MiniBatchKMeans}, one pass, one core,
 * the same data (written to a file both read), the same batch size and seeding-buffer size.
 * Prints examples per second for each, their ratio, the final inertia per point of each, and
 * Brook's rate as a fraction of the compute ceiling on the same rows ({@link DistanceCeiling}).
 * scikit-learn runs through {@code python3} (set {@code -Dpython=...}); without it only Brook runs.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -cp ml-bench/target/benchmarks.jar
 * org.brookml.bench.cluster.KMeansComparison [rows]}.
 */
public final class KMeansComparison {

  private static final int DIMENSION = 32;
  private static final int K = 16;
  private static final int BATCH = 1024;
  private static final int INIT_SIZE = 3 * BATCH;
  private static final int REPS = 5;

  private KMeansComparison() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    double[] data = new double[rows * DIMENSION];
    new GaussianBlobs(K, DIMENSION, 1.0, 10, 0, 1).fill(data, rows, null);
    System.out.printf(Locale.ROOT, "mini-batch k-means, one pass: %,d rows, d=%d, k=%d, batch %d,"
        + " k-means++ over %d; Java %s, kernels %s%n", rows, DIMENSION, K, BATCH, INIT_SIZE,
        Runtime.version(), Vectors.implementation());

    double[] rates = new double[REPS + 2];
    double inertia = 0;
    double[][] lastCenters = null;
    for (int rep = 0; rep < rates.length; rep++) { // the first two warm the JIT up
      MiniBatchKMeans model = MiniBatchKMeans.builder(K, DIMENSION).initBufferSize(INIT_SIZE)
          .seed(rep).build();
      long start = System.nanoTime();
      for (int row = 0; row < rows; row += BATCH) {
        model.learnBatch(data, row, Math.min(BATCH, rows - row));
      }
      rates[rep] = rows / ((System.nanoTime() - start) / 1e9);
      inertia = model.inertia(data, rows) / rows;
      lastCenters = model.centers();
    }
    double brook = ScikitLearn.median(Arrays.copyOfRange(rates, 2, rates.length));
    System.out.printf(Locale.ROOT, "Brook        %,12.0f examples/s   inertia/pt %.4f%n", brook,
        inertia);
    printCeiling(brook, data, rows, lastCenters);

    Path file = Files.createTempFile("brook-kmeans", ".f64");
    try {
      ScikitLearn.writeDoubles(data, data.length, file);
      String sklearn = ScikitLearn.run("sklearn_minibatch_kmeans.py", file.toString(),
          Integer.toString(rows), Integer.toString(DIMENSION), Integer.toString(K),
          Integer.toString(BATCH), Integer.toString(INIT_SIZE), Integer.toString(REPS));
      if (sklearn == null) {
        return;
      }
      double sklearnRate = ScikitLearn.number(sklearn, "examples_per_second");
      System.out.printf(Locale.ROOT, "scikit-learn %,12.0f examples/s   inertia/pt %.4f"
          + "   (version %s)%n", sklearnRate, ScikitLearn.number(sklearn, "inertia_per_point"),
          ScikitLearn.text(sklearn, "version"));
      System.out.printf(Locale.ROOT, "ratio Brook / scikit-learn: %.1fx%n", brook / sklearnRate);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * Brook's rate as a fraction of the distance computation alone ({@link DistanceCeiling}) over
   * the same rows and the final centres, the median of as many timed passes as Brook had.
   */
  private static void printCeiling(double brook, double[] data, int rows, double[][] centers) {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      System.out.println("distance ceiling: needs --add-modules jdk.incubator.vector");
      return;
    }
    DistanceCeiling ceiling = new DistanceCeiling(centers);
    double[] rates = new double[REPS + 2];
    double least = 0;
    for (int rep = 0; rep < rates.length; rep++) { // the first two warm the JIT up
      long start = System.nanoTime();
      least += ceiling.scoreRows(data, rows);
      rates[rep] = rows / ((System.nanoTime() - start) / 1e9);
    }
    double rate = ScikitLearn.median(Arrays.copyOfRange(rates, 2, rates.length));
    System.out.printf(Locale.ROOT, "distance ceiling %,8.0f rows/s (least score %.1f)%n"
        + "Brook / distance ceiling: %.2f%n", rate, least / rates.length, brook / rate);
  }
}
