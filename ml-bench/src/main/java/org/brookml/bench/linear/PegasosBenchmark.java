package org.brookml.bench.linear;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.brookml.svm.PegasosSvm;
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
 * Pegasos learn throughput in examples per second: dense d = 100 one example per step and 64 per
 * step, sparse (30 non-zeros of 2^20) one per step; and per-example predict. Examples come from a
 * pre-generated ring of 4096. Run with {@code -prof gc} for allocation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PegasosBenchmark {

  static final int D = 100;
  static final int SPARSE_D = 1 << 20;
  static final int RING = 4096;
  static final int BATCH = 64;

  private double[][] dense;
  private double[] flat;
  private int[] labels;
  private SparseVector[] sparse;
  private PegasosSvm denseModel;
  private PegasosSvm batchModel;
  private PegasosSvm sparseModel;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    double[] truth = random.doubles(D, -1, 1).toArray();
    dense = new double[RING][D];
    flat = new double[RING * D];
    labels = new int[RING];
    sparse = new SparseVector[RING];
    for (int r = 0; r < RING; r++) {
      double score = 0;
      for (int j = 0; j < D; j++) {
        dense[r][j] = random.nextGaussian();
        score += truth[j] * dense[r][j];
      }
      System.arraycopy(dense[r], 0, flat, r * D, D);
      labels[r] = score + random.nextGaussian() > 0 ? 1 : 0;
      sparse[r] = new SparseVector(30);
      for (int index : random.ints(30, 0, SPARSE_D).sorted().distinct().toArray()) {
        sparse[r].add(index, random.nextGaussian());
      }
    }
    denseModel = PegasosSvm.builder(D, 2).lambda(1e-4).build();
    batchModel = PegasosSvm.builder(D, 2).lambda(1e-4).batchSize(BATCH).build();
    sparseModel = PegasosSvm.builder(SPARSE_D, 2).lambda(1e-4).build();
  }

  @Benchmark
  public PegasosSvm learnDense() {
    int r = next++ & (RING - 1);
    denseModel.learn(dense[r], labels[r]);
    return denseModel;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public PegasosSvm learnDenseBatch64() {
    int start = (next++ * BATCH) & (RING - 1);
    System.arraycopy(flat, start * D, batchRows, 0, BATCH * D);
    System.arraycopy(labels, start, batchLabels, 0, BATCH);
    batchModel.learnBatch(batchRows, BATCH, batchLabels);
    return batchModel;
  }

  private final double[] batchRows = new double[BATCH * D];
  private final int[] batchLabels = new int[BATCH];

  @Benchmark
  public PegasosSvm learnSparse() {
    int r = next++ & (RING - 1);
    sparseModel.learn(sparse[r], labels[r]);
    return sparseModel;
  }

  @Benchmark
  public int predictDense() {
    return denseModel.predict(dense[next++ & (RING - 1)]);
  }
}
