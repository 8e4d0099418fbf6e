package org.brookml.bench.ensemble;

import java.util.concurrent.TimeUnit;
import org.brookml.ensemble.AdaptiveRandomForest;
import org.brookml.ensemble.LeveragingBagging;
import org.brookml.ensemble.StreamingRandomPatches;
import org.brookml.learner.OnlineClassifier;
import org.brookml.tree.HoeffdingTree;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Thread scaling of ensemble members: the time of one fixed piece of work, test-then-train
 * (predict, then learn, one example per call) over the same 4,000 rows, by the adaptive random
 * forest, streaming random patches and leveraging bagging with 10 or 100 members, on 1 or 2
 * threads, each iteration starting from a copy of the same model grown on 20,000 earlier rows
 * ({@link NumericStream}, 8 Elec2-like features); the same test-then-train as one {@code
 * predictThenLearnBatch}; and the same rows as one {@code learnBatch}.
 * The models are the same bit for bit whatever the thread count, so the ratio of the two times
 * is the scaling.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, batchSize = 1)
@Measurement(iterations = 15, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ForestThreadsBenchmark {

  static final int WARM = 20_000;
  static final int WORK = 4_000;

  @Param({"arf", "srp", "leveraging-bagging"})
  public String forest;

  @Param({"10", "100"})
  public int members;

  @Param({"1", "2"})
  public int threads;

  private double[][] xs;
  private int[] labels;
  private double[] workRows; // the 4,000 rows of work, row-major, for learnBatch
  private int[] workLabels;
  private int[] answers;
  private OnlineClassifier grown;
  private OnlineClassifier model;

  @Setup(Level.Trial)
  public void setUp() {
    NumericStream stream = new NumericStream(8, 1);
    xs = new double[WARM + WORK][8];
    labels = new int[WARM + WORK];
    for (int r = 0; r < xs.length; r++) {
      labels[r] = stream.next(xs[r]);
    }
    grown = switch (forest) {
      case "arf" -> AdaptiveRandomForest.builder(8, 2).size(members).threads(threads).build();
      case "srp" -> StreamingRandomPatches.builder(8, 2).size(members).threads(threads).build();
      default -> LeveragingBagging.builder(HoeffdingTree.builder(8, 2).build()).size(members)
          .threads(threads).build();
    };
    for (int i = 0; i < WARM; i++) {
      grown.learn(xs[i], labels[i]);
    }
    workRows = new double[WORK * 8];
    workLabels = new int[WORK];
    answers = new int[WORK];
    for (int r = 0; r < WORK; r++) {
      System.arraycopy(xs[WARM + r], 0, workRows, r * 8, 8);
      workLabels[r] = labels[WARM + r];
    }
  }

  @Setup(Level.Iteration)
  public void copyGrownModel() {
    model = grown.copy();
  }

  @Benchmark
  public int predictThenLearn() {
    int right = 0;
    for (int r = WARM; r < WARM + WORK; r++) {
      right += model.predict(xs[r]) == labels[r] ? 1 : 0;
      model.learn(xs[r], labels[r]);
    }
    return right;
  }

  /**
   * The same test-then-train as one {@code predictThenLearnBatch}: the same answers and model as
   * {@link #predictThenLearn}; the members go through blocks of 1,024 rows on their threads, one
   * hand-off per block (leveraging bagging then replays the members its ADWIN replaced).
   */
  @Benchmark
  public int predictThenLearnBatch() {
    model.predictThenLearnBatch(workRows, 0, WORK, workLabels, answers);
    int right = 0;
    for (int r = 0; r < WORK; r++) {
      right += answers[r] == workLabels[r] ? 1 : 0;
    }
    return right;
  }

  /**
   * The same rows learned as one batch (no predictions): the forests' members go through the
   * batch on their threads with one hand-off; leveraging bagging's through blocks of 1,024 rows.
   */
  @Benchmark
  public OnlineClassifier learnBatch() {
    model.learnBatch(workRows, 0, WORK, workLabels);
    return model;
  }
}
