package org.brookml.bench.linear;

import java.util.concurrent.TimeUnit;
import org.brookml.bench.ReadCeiling;
import org.brookml.linear.SgdClassifier;
import org.brookml.linear.SgdRegressor;
import org.brookml.optim.Losses;
import org.brookml.vector.Vectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dense linear learners against this machine's read ceiling, on the same rows in the same run:
 * 200,000 rows of 100 doubles (160 MB: larger than most machines' caches, though not the 480 MB
 * L3 of the Intel Xeon VM this project runs on, where the ceiling is the L3's bandwidth), each
 * benchmark one pass over all of them, scored in rows per second. The ceilings: a sum over every
 * value of the {@code double[]} rows and of the same rows as {@code float[]} ({@link ReadCeiling}:
 * four vector accumulators, so the loop is bound by reading, not by adding). The learners:
 * logistic, hinge and squared-loss SGD, per row ({@code learn}) and over the whole matrix
 * ({@code learnBatch}). A learner's fraction of
 * the ceiling is its rate over the double ceiling's rate from the same run ({@link Ceilings}
 * prints them).
 *
 * <p>The per-row learners read one {@code double[]} per row, allocated in the order they are read,
 * as rows that arrive one by one would be. The fork's young generation holds them all, so no
 * collection moves them: a young collection copies them in another order (G1 follows the outer
 * array's references in no fixed order), and reading rows from scattered addresses cut the
 * per-row rate to 0.4 of its rate on rows in order (200,000 rows, this VM).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g",
    "-Xmn3g"})
public class DenseCeilingsBenchmark {

  static final int ROWS = 200_000;
  static final int D = 100;

  private double[] rows;
  private float[] floatRows;
  private double[][] rowArrays;
  private int[] labels;
  private double[] targets;
  private SgdClassifier logistic;
  private SgdClassifier hinge;
  private SgdRegressor squared;
  private SgdClassifier logisticBatch;
  private double[] updated;

  @Setup(Level.Trial)
  public void setUp() {
    DenseRows dense = DenseRows.generate(ROWS, D);
    rows = dense.values();
    targets = dense.targets();
    labels = dense.labels();
    floatRows = new float[ROWS * D];
    rowArrays = new double[ROWS][D];
    for (int r = 0; r < ROWS; r++) {
      for (int j = 0; j < D; j++) {
        floatRows[r * D + j] = (float) rows[r * D + j];
        rowArrays[r][j] = rows[r * D + j];
      }
    }
    logistic = SgdClassifier.builder(D).build();
    hinge = SgdClassifier.builder(D).loss(Losses.hinge()).build();
    squared = SgdRegressor.builder(D).build();
    logisticBatch = SgdClassifier.builder(D).build();
    updated = new double[D];
  }

  /** The read ceiling: every value of the {@code double[]} rows summed ({@link ReadCeiling}). */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double readDoubles() {
    return ReadCeiling.sum(rows, 0, rows.length);
  }

  /** The same ceiling over the rows as {@code float[]} (half the bytes). */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public float readFloats() {
    return ReadCeiling.sum(floatRows, 0, floatRows.length);
  }

  /**
   * The work any SGD step does over its row, with nothing waiting on anything: the row's dot
   * product with the weights, then the weights moved along the row by a step fixed by the label
   * alone (Brook's own kernels, {@code Vectors.dot} and {@code Vectors.axpy}). A learner's step
   * adds only scalar work to this, but that work sits between the dot product and the update.
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double dotThenUpdate() {
    double total = 0;
    for (int r = 0; r < ROWS; r++) {
      total += Vectors.dot(updated, 0, rows, r * D, D);
      Vectors.axpy(labels[r] == 1 ? 1e-9 : -1e-9, rows, r * D, updated, 0, D);
    }
    return total;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public SgdClassifier logisticLearn() {
    for (int r = 0; r < ROWS; r++) {
      logistic.learn(rowArrays[r], labels[r]);
    }
    return logistic;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public SgdClassifier logisticLearnBatch() {
    logisticBatch.learnBatch(rows, ROWS, labels);
    return logisticBatch;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public SgdClassifier hingeLearn() {
    for (int r = 0; r < ROWS; r++) {
      hinge.learn(rowArrays[r], labels[r]);
    }
    return hinge;
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public SgdRegressor squaredLearn() {
    for (int r = 0; r < ROWS; r++) {
      squared.learn(rowArrays[r], targets[r]);
    }
    return squared;
  }
}
