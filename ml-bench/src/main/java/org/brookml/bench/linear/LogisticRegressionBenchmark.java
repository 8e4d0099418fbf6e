package org.brookml.bench.linear;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Optimizer;
import org.brookml.linear.SgdClassifier;
import org.brookml.vector.SparseVector;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Logistic regression, one example per call: learn throughput on dense d = 100 and on sparse
 * examples (30 non-zeros of 2^20), for plain SGD, AdaGrad and FTRL; per-example predict; and, as
 * the in-process baseline, plain two-loop Java logistic SGD (dot, then axpy) on the same dense
 * data; and {@code learnBatch} over the same rows held row-major. Examples come from a
 * pre-generated ring of 4096 (3.2 MB dense, mostly read from L3). Run with {@code -prof gc} for allocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class LogisticRegressionBenchmark {

  static final int DENSE_D = 100;
  static final int SPARSE_D = 1 << 20;
  static final int NNZ = 30;
  static final int RING = 4096;

  @Param({"sgd", "adagrad", "ftrl"})
  String optimizer;

  private double[][] dense;
  private double[] flat; // the same rows, row-major
  private SgdClassifier batchModel;
  private SparseVector[] sparse;
  private int[] labels;
  private final int[] predicted = new int[RING];
  private SgdClassifier denseModel;
  private SgdClassifier sparseModel;
  private PlainLogisticSgd baseline;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    double[] truth = random.doubles(DENSE_D, -1, 1).toArray();
    dense = new double[RING][DENSE_D];
    sparse = new SparseVector[RING];
    labels = new int[RING];
    for (int r = 0; r < RING; r++) {
      double score = 0;
      for (int j = 0; j < DENSE_D; j++) {
        dense[r][j] = random.nextGaussian();
        score += truth[j] * dense[r][j];
      }
      labels[r] = score + random.nextGaussian() > 0 ? 1 : 0;
      int[] indices = random.ints(NNZ, 0, SPARSE_D).sorted().distinct().toArray();
      sparse[r] = new SparseVector(NNZ);
      for (int index : indices) {
        sparse[r].add(index, random.nextGaussian());
      }
    }
    flat = new double[RING * DENSE_D];
    for (int r = 0; r < RING; r++) {
      System.arraycopy(dense[r], 0, flat, r * DENSE_D, DENSE_D);
    }
    denseModel = SgdClassifier.builder(DENSE_D).optimizer(optimizer()).build();
    batchModel = SgdClassifier.builder(DENSE_D).optimizer(optimizer()).build();
    sparseModel = SgdClassifier.builder(SPARSE_D).optimizer(optimizer()).build();
    baseline = new PlainLogisticSgd(DENSE_D, 1e-4);
  }

  private Optimizer optimizer() {
    switch (optimizer) {
      case "sgd":
        return Optimizer.sgd(LearningRate.optimal(1e-4), 1e-4, 0, 1);
      case "adagrad":
        return Optimizer.adaGrad(0.1, 1e-4);
      default:
        return Optimizer.ftrl(0.1, 1, 1e-5, 1e-4);
    }
  }

  @Benchmark
  public SgdClassifier learnDense() {
    int r = next++ & (RING - 1);
    denseModel.learn(dense[r], labels[r]);
    return denseModel;
  }

  /**
   * {@code learnBatch} over the whole ring: {@value #RING} rows of the row-major matrix, learned
   * where they lie, per call; the score is in examples per second all the same.
   */
  @Benchmark
  @OperationsPerInvocation(RING)
  public SgdClassifier learnDenseBatch() {
    batchModel.learnBatch(flat, RING, labels);
    return batchModel;
  }

  @Benchmark
  public SgdClassifier learnSparse() {
    int r = next++ & (RING - 1);
    sparseModel.learn(sparse[r], labels[r]);
    return sparseModel;
  }

  @Benchmark
  public int predictDense() {
    return denseModel.predict(dense[next++ & (RING - 1)]);
  }

  /**
   * Predict on rows already in the L1 cache, as for an event just parsed: 16 rows (12.8 KB) in
   * turn. {@link #predictDense} reads each row from the 3.2 MB ring, mostly from L3.
   */
  @Benchmark
  public int predictDenseCachedRow() {
    return denseModel.predict(dense[next++ & 15]);
  }

  /** {@code predictBatch} over the whole ring, beside {@link #predictDense} on the same rows. */
  @Benchmark
  @OperationsPerInvocation(RING)
  public int[] predictDenseBatch() {
    return denseModel.predictBatch(flat, 0, RING, predicted);
  }

  /** {@code predictBatch} over the 16 rows {@link #predictDenseCachedRow} reads, in the L1 cache. */
  @Benchmark
  @OperationsPerInvocation(16)
  public int[] predictDenseCachedBatch() {
    return denseModel.predictBatch(flat, 0, 16, predicted);
  }

  @Benchmark
  public PlainLogisticSgd plainJavaBaselineDense() {
    int r = next++ & (RING - 1);
    baseline.learn(dense[r], labels[r]);
    return baseline;
  }
}
