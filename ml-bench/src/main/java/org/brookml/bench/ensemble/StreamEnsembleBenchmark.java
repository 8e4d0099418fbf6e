package org.brookml.bench.ensemble;

import java.util.concurrent.TimeUnit;
import org.brookml.ensemble.OnlineAdaBoost;
import org.brookml.ensemble.OnlineBagging;
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
 * Learn throughput (examples per second) and predict rate of a Hoeffding tree (default settings)
 * and of online AdaBoost and bagging over 10 of them, on {@link NumericStream} data with 8
 * (Elec2-like) or 100 numeric features. Each model first learns 20,000 examples so that trees have
 * grown; the measured examples then cycle through a ring of 65,536. Run with {@code -prof gc} for
 * allocation (learning allocates only when a leaf splits).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class StreamEnsembleBenchmark {

  static final int RING = 1 << 16;
  static final int WARM = 20_000;

  @Param({"8", "100"})
  public int features;

  private double[][] xs;
  private int[] labels;
  private HoeffdingTree tree;
  private OnlineAdaBoost boost;
  private OnlineBagging bagging;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    NumericStream stream = new NumericStream(features, 1);
    xs = new double[RING][features];
    labels = new int[RING];
    for (int r = 0; r < RING; r++) {
      labels[r] = stream.next(xs[r]);
    }
    HoeffdingTree prototype = HoeffdingTree.builder(features, 2).build();
    tree = prototype.copy();
    boost = OnlineAdaBoost.builder(prototype).size(10).build();
    bagging = OnlineBagging.builder(prototype).size(10).build();
    for (OnlineClassifier model : new OnlineClassifier[] {tree, boost, bagging}) {
      for (int i = 0; i < WARM; i++) {
        model.learn(xs[i & (RING - 1)], labels[i & (RING - 1)]);
      }
    }
    next = WARM;
  }

  @Benchmark
  public HoeffdingTree learnHoeffdingTree() {
    int r = next++ & (RING - 1);
    tree.learn(xs[r], labels[r]);
    return tree;
  }

  @Benchmark
  public OnlineAdaBoost learnAdaBoost10() {
    int r = next++ & (RING - 1);
    boost.learn(xs[r], labels[r]);
    return boost;
  }

  @Benchmark
  public OnlineBagging learnBagging10() {
    int r = next++ & (RING - 1);
    bagging.learn(xs[r], labels[r]);
    return bagging;
  }

  @Benchmark
  public int predictHoeffdingTree() {
    return tree.predict(xs[next++ & (RING - 1)]);
  }

  @Benchmark
  public int predictAdaBoost10() {
    return boost.predict(xs[next++ & (RING - 1)]);
  }
}
