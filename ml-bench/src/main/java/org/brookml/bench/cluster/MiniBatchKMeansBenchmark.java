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
 * Mini-batch k-means learn throughput at d = 32, k = 16, batch 1024, in examples per second
 * (each invocation learns one batch: {@code @OperationsPerInvocation(1024)}), on the scalar and
 * Vector API kernels, against {@link NaiveMiniBatchKMeans}, the same algorithm in plain loops, as
 * the in-process baseline. Single-example learn and predict report per-call throughput; run with
 * {@code -prof gc} to see their allocation (about 0 B/op).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MiniBatchKMeansBenchmark {

  static final int D = 32;
  static final int K = 16;
  static final int BATCH = 1024;
  static final int BATCHES = 64; // a ring of 64 x 1024 points, 16 MiB: larger than L2

  private static final String VECTOR = "--add-modules=jdk.incubator.vector";

  private double[] data;
  private MiniBatchKMeans model;
  private NaiveMiniBatchKMeans naive;
  private double[] single;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    data = new double[BATCHES * BATCH * D];
    new GaussianBlobs(K, D, 1.0, 10, 0, 1).fill(data, BATCHES * BATCH, null);
    model = MiniBatchKMeans.builder(K, D).initBufferSize(3 * BATCH).seed(1).build();
    double[] first = new double[3 * BATCH * D];
    System.arraycopy(data, 0, first, 0, first.length);
    model.learnBatch(first, 3 * BATCH);
    naive = new NaiveMiniBatchKMeans(model.centers());
    single = new double[D];
  }

  private int nextBatchOffset() {
    int offset = next * BATCH * D;
    next = (next + 1) & (BATCHES - 1);
    return offset;
  }

  private double[] nextBatch() {
    // learnBatch reads rows from the start of the array it is given, so the ring is copied batch by
    // batch into a reused buffer; the copy (256 KiB, memcpy speed) is part of the measured cost.
    System.arraycopy(data, nextBatchOffset(), batchBuffer, 0, BATCH * D);
    return batchBuffer;
  }

  private final double[] batchBuffer = new double[BATCH * D];

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Fork(value = 1, jvmArgsAppend = {VECTOR, "-Dbrook.vector=scalar"})
  public MiniBatchKMeans learnBatchScalar() {
    model.learnBatch(nextBatch(), BATCH);
    return model;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Fork(value = 1, jvmArgsAppend = {VECTOR})
  public MiniBatchKMeans learnBatchVector() {
    model.learnBatch(nextBatch(), BATCH);
    return model;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  @Fork(value = 1, jvmArgsAppend = {VECTOR})
  public NaiveMiniBatchKMeans learnBatchNaiveBaseline() {
    naive.learnBatch(nextBatch(), BATCH);
    return naive;
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {VECTOR})
  public MiniBatchKMeans learnOneVector() {
    System.arraycopy(data, (next++ & (BATCHES * BATCH - 1)) * D, single, 0, D);
    model.learn(single);
    return model;
  }

  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {VECTOR})
  public int predictVector() {
    System.arraycopy(data, (next++ & (BATCHES * BATCH - 1)) * D, single, 0, D);
    return model.predict(single);
  }
}
