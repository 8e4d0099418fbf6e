package org.brookml.bench.linear;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import org.brookml.bench.ReadCeiling;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sparse logistic SGD against this machine's sparse ceilings, on the same rows in the same run:
 * 200,000 rows of 30 non-zeros among 1,000,000 columns (uniform, sorted, distinct), one pass per
 * operation, in rows per second. The ceilings are what a sparse linear learner cannot avoid: the
 * gather (each row's dot product with a weight vector of 1,000,000 doubles, 8 MB) and the gather
 * plus scatter an update needs (the dot product, then each touched weight moved by a step
 * proportional to its value), each with scalar loads and with the Vector API's gather. The
 * learners: logistic SGD with Brook's defaults per row ({@code learn(SparseVector)}) and its
 * prediction. {@link Ceilings} prints each as a fraction of the matching ceiling.
 *
 * <p>Ceilings and learners read the same {@link SparseVector} objects, allocated in the order they
 * are read; the fork's young generation holds them, so no collection moves them (a young
 * collection scatters them, see {@link DenseCeilingsBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms4g", "-Xmx4g",
    "-Xmn3g"})
public class SparseCeilingsBenchmark {

  static final int ROWS = 200_000;
  static final int NNZ = 30;
  static final int D = 1_000_000;

  private SparseVector[] rows;
  private int[] labels;
  private double[] weights;
  private SgdClassifier logistic;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(5);
    double[] truth = random.doubles(D, -1, 1).toArray();
    int[] indices = new int[ROWS * NNZ];
    double[] values = new double[ROWS * NNZ];
    labels = new int[ROWS];
    for (int r = 0; r < ROWS; r++) {
      int[] row = random.ints(0, D).distinct().limit(NNZ).sorted().toArray();
      double[] v = random.doubles(NNZ, -1, 1).toArray();
      double score = 0;
      for (int k = 0; k < NNZ; k++) {
        score += truth[row[k]] * v[k];
      }
      System.arraycopy(row, 0, indices, r * NNZ, NNZ);
      System.arraycopy(v, 0, values, r * NNZ, NNZ);
      labels[r] = score > 0 ? 1 : 0;
    }
    // Built apart from the garbage drawing them leaves, so each row's object and arrays follow
    // the previous row's in memory.
    rows = new SparseVector[ROWS];
    for (int r = 0; r < ROWS; r++) {
      rows[r] = new SparseVector(NNZ);
      for (int k = r * NNZ; k < (r + 1) * NNZ; k++) {
        rows[r].add(indices[k], values[k]);
      }
    }
    weights = random.doubles(D, -0.01, 0.01).toArray();
    logistic = SgdClassifier.builder(D).build();
  }

  /** The gather ceiling: each row's dot product with the weights, summed. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double gather() {
    double total = 0;
    for (int r = 0; r < ROWS; r++) {
      total += dot(r);
    }
    return total;
  }

  /** The update ceiling: each row's dot product, then its weights moved by a small step. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double gatherScatter() {
    double total = 0;
    for (int r = 0; r < ROWS; r++) {
      double s = dot(r);
      scatter(r, 1e-9 * (labels[r] - (s > 0 ? 1 : 0)));
      total += s;
    }
    return total;
  }

  /**
   * The gather ceiling with the Vector API's gather ({@link ReadCeiling#DOUBLES} lanes at a
   * time): faster than scalar loads on some machines (1.1x on the Intel Xeon VM), slower on
   * others, so {@link Ceilings} takes the faster of the two as the ceiling.
   */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double gatherVector() {
    double total = 0;
    for (int r = 0; r < ROWS; r++) {
      total += vectorDot(r);
    }
    return total;
  }

  /** {@link #gatherScatter} with {@link #gatherVector}'s dot product. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double gatherScatterVector() {
    double total = 0;
    for (int r = 0; r < ROWS; r++) {
      double s = vectorDot(r);
      scatter(r, 1e-9 * (labels[r] - (s > 0 ? 1 : 0)));
      total += s;
    }
    return total;
  }

  private void scatter(int r, double step) {
    int[] indices = rows[r].indices();
    double[] values = rows[r].values();
    for (int k = 0, n = rows[r].size(); k < n; k++) {
      weights[indices[k]] += step * values[k];
    }
  }

  /** Four independent sums, so that the gathers, not the additions' latency, bound the loop. */
  private double dot(int r) {
    int[] indices = rows[r].indices();
    double[] values = rows[r].values();
    int n = rows[r].size();
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 3 < n; k += 4) {
      s0 += weights[indices[k]] * values[k];
      s1 += weights[indices[k + 1]] * values[k + 1];
      s2 += weights[indices[k + 2]] * values[k + 2];
      s3 += weights[indices[k + 3]] * values[k + 3];
    }
    for (; k < n; k++) {
      s0 += weights[indices[k]] * values[k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  private double vectorDot(int r) {
    int[] indices = rows[r].indices();
    double[] values = rows[r].values();
    int n = rows[r].size();
    int lanes = ReadCeiling.DOUBLES.length();
    DoubleVector acc = DoubleVector.zero(ReadCeiling.DOUBLES);
    int k = 0;
    for (; k + lanes <= n; k += lanes) {
      acc = DoubleVector.fromArray(ReadCeiling.DOUBLES, weights, 0, indices, k)
          .fma(DoubleVector.fromArray(ReadCeiling.DOUBLES, values, k), acc);
    }
    double s = acc.reduceLanes(VectorOperators.ADD);
    for (; k < n; k++) {
      s += weights[indices[k]] * values[k];
    }
    return s;
  }

  /** Logistic SGD (defaults), one sparse row at a time. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public SgdClassifier logisticLearn() {
    for (int r = 0; r < ROWS; r++) {
      logistic.learn(rows[r], labels[r]);
    }
    return logistic;
  }

  /** Its prediction, one sparse row at a time. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public int logisticPredict() {
    int ones = 0;
    for (int r = 0; r < ROWS; r++) {
      ones += logistic.predict(rows[r]);
    }
    return ones;
  }
}
