package org.brookml.bench.cluster;

import java.util.concurrent.TimeUnit;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.data.GaussianBlobs;
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
 * Mini-batch k-means against its compute ceiling on the same rows, in rows per second: one pass
 * of {@code learnBatch} in batches of 1,024 over 262,144 rows (d = 32, k = 16; 64 MiB, larger than
 * the caches), and the distance computation alone over the same rows ({@link DistanceCeiling}).
 * {@link org.brookml.bench.linear.Ceilings} prints the fraction.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xms2g", "-Xmx2g"})
public class KMeansCeilingsBenchmark {

  public static final int ROWS = 1 << 18;
  public static final int D = 32;
  public static final int K = 16;
  private static final int BATCH = 1024;

  private double[] rows;
  private MiniBatchKMeans model;
  private DistanceCeiling ceiling;

  @Setup(Level.Trial)
  public void setUp() {
    rows = new double[ROWS * D];
    new GaussianBlobs(K, D, 1.0, 10, 0, 1).fill(rows, ROWS, null);
    model = MiniBatchKMeans.builder(K, D).initBufferSize(3 * BATCH).seed(1).build();
    model.learnBatch(rows, 0, 3 * BATCH);
    ceiling = new DistanceCeiling(model.centers());
  }

  /** The compute ceiling: every row scored against every centre, nothing else. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public double distances() {
    return ceiling.scoreRows(rows, ROWS);
  }

  /** Brook's mini-batch step over the same rows. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public MiniBatchKMeans learnBatch() {
    for (int row = 0; row < ROWS; row += BATCH) {
      model.learnBatch(rows, row, BATCH);
    }
    return model;
  }
}
