package org.brookml.bench.parallel;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.brookml.bench.linear.DenseRows;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.linear.SgdClassifier;
import org.brookml.stream.DataParallelTrainer;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link DataParallelTrainer} on 1 and 2 threads over the same rows in the same run, in rows per
 * second: logistic SGD (defaults) over 200,000 rows of 100 doubles (160 MB, larger than the
 * caches), each call of the trainer 40,000 rows; mini-batch k-means (k = 16, d = 32, batches of
 * 1,024) over the first 196,608 of 200,000 points, each call 16 batches per thread. One thread is the model learning the
 * rows itself, so the ratio of the two is the trainer's speed-up on this machine. Each operation
 * is one pass over all rows, continuing the same model.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class DataParallelBenchmark {

  static final int ROWS = 200_000;
  static final int D = 100;
  static final int KMEANS_D = 32;
  static final int LINEAR_CALL = 40_000;
  static final int BATCH = 1_024;
  /** The k-means rows a pass covers: 12 calls of 16,384 rows on one thread, 6 of 32,768 on two. */
  static final int KMEANS_ROWS = 196_608;

  @Param({"1", "2"})
  public int threads;

  private double[] rows;
  private int[] labels;
  private double[] points;
  private DataParallelTrainer<SgdClassifier> logistic;
  private DataParallelTrainer<MiniBatchKMeans> kmeans;

  @Setup(Level.Trial)
  public void setUp() {
    DenseRows dense = DenseRows.generate(ROWS, D);
    rows = dense.values();
    labels = dense.labels();
    SplittableRandom random = new SplittableRandom(4);
    double[] centres = random.doubles(16 * KMEANS_D, -5, 5).toArray();
    points = new double[ROWS * KMEANS_D];
    for (int r = 0; r < ROWS; r++) {
      int c = random.nextInt(16);
      for (int j = 0; j < KMEANS_D; j++) {
        points[r * KMEANS_D + j] = centres[c * KMEANS_D + j] + random.nextGaussian();
      }
    }
    logistic = DataParallelTrainer.of(SgdClassifier.builder(D).build(), threads);
    kmeans = DataParallelTrainer.of(MiniBatchKMeans.builder(16, KMEANS_D).seed(1).build(),
        threads);
    kmeans.model().learnBatch(points, 0, 16 * BATCH); // seeded before the timed passes
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    logistic.close();
    kmeans.close();
  }

  /** One pass of logistic SGD over the rows, {@value #LINEAR_CALL} rows per trainer call. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double logistic() {
    for (int from = 0; from < ROWS; from += LINEAR_CALL) {
      logistic.learn(from, LINEAR_CALL, (m, first, count) -> m.learnBatch(rows, first, count,
          labels));
    }
    return logistic.model().intercept();
  }

  /** One pass of mini-batch k-means over the points, 16 batches per thread per trainer call. */
  @Benchmark
  @OperationsPerInvocation(KMEANS_ROWS)
  public double kmeans() {
    int call = 16 * BATCH * threads;
    for (int from = 0; from < KMEANS_ROWS; from += call) {
      kmeans.learn(from, call, (m, first, count) -> {
        for (int b = first; b < first + count; b += BATCH) {
          m.learnBatch(points, b, Math.min(BATCH, first + count - b));
        }
      });
    }
    return kmeans.model().centers()[0][0];
  }
}
