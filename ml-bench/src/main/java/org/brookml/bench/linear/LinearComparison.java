package org.brookml.bench.linear;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.brookml.bench.ReadCeiling;
import org.brookml.bench.ScikitLearn;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Optimizer;
import org.brookml.learner.OnlineClassifier;
import org.brookml.linear.SgdClassifier;
import org.brookml.svm.PegasosSvm;
import org.brookml.vector.SparseVector;
import org.brookml.vector.Vectors;

/**
 * One pass of a linear classifier in Brook and in scikit-learn's {@code SGDClassifier(max_iter=1,
 * shuffle=False)}, on the same rows written to files both read: dense (d = 100) and sparse (30
 * non-zeros of 2^20). Prints examples per second for each, their ratio, and each model's training
 * accuracy; and, as the ceiling of any one-pass learner here, the rate of merely reading the dense
 * rows (a vector sum, {@link ReadCeiling}), as row arrays and as the flat matrix scikit-learn
 * reads, and of reading the sparse rows and of taking their dot products with a 2^20 weight vector
 * (the score alone).
 *
 * <ul>
 *   <li>{@code logistic} (default): Brook's {@code SgdClassifier} with scikit-learn's defaults
 *       (log loss, optimal schedule, alpha 1e-4; intercept step 0.01 on sparse input, as
 *       scikit-learn does): the same algorithm, so the accuracies agree;
 *   <li>{@code pegasos}: Brook's {@code PegasosSvm} with scikit-learn's schedule (lambda 1e-4,
 *       step offset 999, no projection, unregularized intercept at scikit-learn's rate) against
 *       {@code SGDClassifier(loss='hinge')}: the same algorithm, so the accuracies agree.
 * </ul>
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -Dpython=/usr/bin/python3 -cp
 * ml-bench/target/benchmarks.jar org.brookml.bench.linear.LinearComparison [logistic|pegasos
 * [denseRows sparseRows]]}
 */
public final class LinearComparison {

  private static final int DENSE_D = 100;
  private static final int SPARSE_D = 1 << 20;
  private static final int NNZ = 30;
  private static final int REPS = 5;

  private LinearComparison() {}

  private static boolean pegasos;
  /** Keeps the sums of {@code readRate} alive. */
  private static double sink;

  public static void main(String[] args) throws Exception {
    pegasos = args.length > 0 && args[0].equals("pegasos");
    int denseRows = args.length > 1 ? Integer.parseInt(args[1]) : 500_000;
    int sparseRows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
    System.out.printf(Locale.ROOT, "%s, one pass; Java %s, kernels %s%n",
        pegasos ? "Pegasos vs hinge SGDClassifier" : "logistic regression, plain SGD",
        Runtime.version(), Vectors.implementation());
    Path dir = Files.createTempDirectory("brook-linear");
    try {
      dense(denseRows, dir);
      sparse(sparseRows, dir);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void dense(int rows, Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(1);
    double[] truth = random.doubles(DENSE_D, -1, 1).toArray();
    double[][] x = new double[rows][DENSE_D];
    double[] y = new double[rows];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
      double score = 0;
      for (int j = 0; j < DENSE_D; j++) {
        x[r][j] = random.nextGaussian();
        score += truth[j] * x[r][j];
      }
      labels[r] = score + random.nextGaussian() > 0 ? 1 : 0;
      y[r] = labels[r];
    }
    double[] flat = new double[rows * DENSE_D];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(x[r], 0, flat, r * DENSE_D, DENSE_D);
    }
    double[] rates = new double[REPS + 2];
    double[] batchRates = new double[REPS + 2];
    double accuracy = 0;
    double batchAccuracy = 0;
    for (int rep = 0; rep < rates.length; rep++) { // the first two warm the JIT up
      OnlineClassifier model = model(DENSE_D, 1);
      long start = System.nanoTime();
      for (int r = 0; r < rows; r++) {
        model.learn(x[r], labels[r]);
      }
      rates[rep] = rows / ((System.nanoTime() - start) / 1e9);
      accuracy = accuracy(model, x, labels);
      if (!pegasos) { // Pegasos: per-row learn only (learnBatch with batch size 1 is that loop)
        OnlineClassifier batched = model(DENSE_D, 1);
        start = System.nanoTime();
        batched.learnBatch(flat, rows, labels);
        batchRates[rep] = rows / ((System.nanoTime() - start) / 1e9);
        batchAccuracy = accuracy(batched, x, labels);
      }
    }
    ScikitLearn.writeDoubles(flat, flat.length, dir.resolve("x.f64"));
    ScikitLearn.writeDoubles(y, rows, dir.resolve("y.f64"));
    System.out.printf(Locale.ROOT, "%-18s reading the rows alone (a sum): %,.0f rows/s as row "
        + "arrays, %,.0f rows/s from the flat matrix%n", "ceiling", readRate(x), readRate(flat));
    String sklearn = ScikitLearn.run("sklearn_sgd_classifier.py", "dense", dir.toString(),
        Integer.toString(rows), Integer.toString(DENSE_D), Integer.toString(REPS), loss());
    report("dense d=100", rows, rates, accuracy, sklearn);
    if (!pegasos) {
      report("dense, learnBatch", rows, batchRates, batchAccuracy, sklearn);
    }
  }

  private static void sparse(int rows, Path dir) throws Exception {
    SplittableRandom random = new SplittableRandom(2);
    SparseVector[] x = new SparseVector[rows];
    int[] labels = new int[rows];
    double[] y = new double[rows];
    long[] indptr = new long[rows + 1];
    int[] indices = new int[rows * NNZ];
    double[] values = new double[rows * NNZ];
    int nnz = 0;
    for (int r = 0; r < rows; r++) {
      x[r] = new SparseVector(NNZ);
      int[] picked = random.ints(NNZ, 0, SPARSE_D).sorted().distinct().toArray();
      double score = 0;
      for (int index : picked) {
        double value = random.nextGaussian();
        x[r].add(index, value);
        score += ((index * 2654435761L) % 7 - 3) * value / 3.0; // a fixed pseudo-random truth
        indices[nnz] = index;
        values[nnz++] = value;
      }
      indptr[r + 1] = nnz;
      labels[r] = score + random.nextGaussian() > 0 ? 1 : 0;
      y[r] = labels[r];
    }
    double[] rates = new double[REPS + 2];
    double accuracy = 0;
    for (int rep = 0; rep < rates.length; rep++) {
      OnlineClassifier model = model(SPARSE_D, 0.01);
      long start = System.nanoTime();
      for (int r = 0; r < rows; r++) {
        model.learn(x[r], labels[r]);
      }
      rates[rep] = rows / ((System.nanoTime() - start) / 1e9);
      accuracy = accuracy(model, x, labels);
    }
    double[] weights = random.doubles(SPARSE_D, -1, 1).toArray();
    System.out.printf(Locale.ROOT, "%-18s reading the sparse rows alone (a sum): %,.0f rows/s; their "
        + "dot products with a weight vector of 2^20 (8 MB): %,.0f rows/s%n", "ceiling",
        sparseReadRate(x, null), sparseReadRate(x, weights));
    ScikitLearn.writeLongs(indptr, dir.resolve("indptr.i64"));
    ScikitLearn.writeInts(indices, nnz, dir.resolve("indices.i32"));
    ScikitLearn.writeDoubles(values, nnz, dir.resolve("values.f64"));
    ScikitLearn.writeDoubles(y, rows, dir.resolve("y.f64"));
    report("sparse 30 of 2^20", rows, rates, accuracy, ScikitLearn.run("sklearn_sgd_classifier.py",
        "sparse", dir.toString(), Integer.toString(rows), Integer.toString(SPARSE_D),
        Integer.toString(REPS), loss()));
  }

  private static OnlineClassifier model(int dimension, double interceptFactor) {
    if (pegasos) {
      return PegasosSvm.builder(dimension, 2).lambda(1e-4).stepOffset(999).projection(false)
          .bias(PegasosSvm.Bias.UNREGULARIZED).interceptRate(interceptFactor).build();
    }
    return SgdClassifier.builder(dimension)
        .optimizer(Optimizer.sgd(LearningRate.optimal(1e-4), 1e-4, 0, interceptFactor)).build();
  }

  /** Rows per second of summing every value of the rows: what one pass can at best reach. */
  private static double readRate(double[][] rows) {
    double[] rates = new double[REPS + 2];
    for (int rep = 0; rep < rates.length; rep++) {
      long start = System.nanoTime();
      double sum = 0;
      for (double[] row : rows) {
        sum += ReadCeiling.sum(row, 0, row.length);
      }
      rates[rep] = rows.length / ((System.nanoTime() - start) / 1e9);
      sink += sum;
    }
    return ScikitLearn.median(java.util.Arrays.copyOfRange(rates, 2, rates.length));
  }

  /**
   * Rows per second of summing the values of sparse rows ({@code weights} null), or of their dot
   * products with {@code weights}: the score alone, which any linear learner computes per row.
   */
  private static double sparseReadRate(SparseVector[] rows, double[] weights) {
    double[] rates = new double[REPS + 2];
    for (int rep = 0; rep < rates.length; rep++) {
      long start = System.nanoTime();
      double sum = 0;
      for (SparseVector row : rows) {
        sum += weights == null ? ReadCeiling.sum(row.values(), 0, row.size())
            : Vectors.dot(row, weights);
      }
      rates[rep] = rows.length / ((System.nanoTime() - start) / 1e9);
      sink += sum;
    }
    return ScikitLearn.median(java.util.Arrays.copyOfRange(rates, 2, rates.length));
  }

  /** {@link #readRate(double[][])} over a row-major matrix of d = 100 columns. */
  private static double readRate(double[] flat) {
    double[] rates = new double[REPS + 2];
    for (int rep = 0; rep < rates.length; rep++) {
      long start = System.nanoTime();
      double sum = ReadCeiling.sum(flat, 0, flat.length);
      rates[rep] = flat.length / (double) DENSE_D / ((System.nanoTime() - start) / 1e9);
      sink += sum;
    }
    return ScikitLearn.median(java.util.Arrays.copyOfRange(rates, 2, rates.length));
  }

  private static double accuracy(OnlineClassifier model, double[][] x, int[] labels) {
    int correct = 0;
    for (int r = 0; r < x.length; r++) {
      correct += model.predict(x[r]) == labels[r] ? 1 : 0;
    }
    return correct / (double) x.length;
  }

  private static double accuracy(OnlineClassifier model, SparseVector[] x, int[] labels) {
    int correct = 0;
    for (int r = 0; r < x.length; r++) {
      correct += model.predict(x[r]) == labels[r] ? 1 : 0;
    }
    return correct / (double) x.length;
  }

  private static String loss() {
    return pegasos ? "hinge" : "log_loss";
  }

  private static void report(String name, int rows, double[] rates, double accuracy,
      String sklearn) {
    double brook = ScikitLearn.median(java.util.Arrays.copyOfRange(rates, 2, rates.length));
    System.out.printf(Locale.ROOT, "%-18s %,d rows: Brook %,12.0f examples/s, training accuracy "
        + "%.4f%n", name, rows, brook, accuracy);
    if (sklearn != null) {
      double rate = ScikitLearn.number(sklearn, "examples_per_second");
      System.out.printf(Locale.ROOT, "%-18s scikit-learn %s %,12.0f examples/s, training accuracy "
          + "%.4f -> ratio %.1fx%n", "", ScikitLearn.text(sklearn, "version"), rate,
          ScikitLearn.number(sklearn, "accuracy"), brook / rate);
    }
  }
}
