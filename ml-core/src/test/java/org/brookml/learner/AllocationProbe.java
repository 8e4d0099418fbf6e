package org.brookml.learner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.bayes.MixedNaiveBayes;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.drift.Adwin;
import org.brookml.drift.Ddm;
import org.brookml.drift.DriftDetector;
import org.brookml.drift.HddmA;
import org.brookml.drift.Kswin;
import org.brookml.drift.PageHinkley;
import org.brookml.ensemble.AdaptiveRandomForest;
import org.brookml.ensemble.StreamingRandomPatches;
import org.brookml.ensemble.LeveragingBagging;
import org.brookml.ensemble.OnlineAdaBoost;
import org.brookml.linear.RecursiveLeastSquares;
import org.brookml.linear.SgdClassifier;
import org.brookml.linear.SgdRegressor;
import org.brookml.linear.SoftmaxRegression;
import org.brookml.multiclass.OneVsRest;
import org.brookml.optim.Optimizer;
import org.brookml.preprocess.Imputer;
import org.brookml.preprocess.Pipeline;
import org.brookml.preprocess.StandardScaler;
import org.brookml.svm.PegasosSvm;
import org.brookml.tree.HoeffdingTree;

/**
 * Measures, in the JVM it runs in, the bytes a workload allocates per call after a warm-up long
 * enough for the JIT (HotSpot's per-thread counter): {@code main} takes workload names and prints
 * {@code name bytes-per-call} per line. {@link AllocationTest} runs each workload in a fresh JVM.
 */
public final class AllocationProbe {

  private static final int WARM_UP = 60_000;
  private static final int MEASURED = 20_000;
  private static final int ROUNDS = 10;
  private static final int D = 8;
  private static final double[][] ROWS = rows(4_096);

  private AllocationProbe() {}

  /** HotSpot's {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}. */
  private static long allocatedBytes() {
    try {
      ThreadMXBean bean = ManagementFactory.getThreadMXBean();
      Method method = Class.forName("com.sun.management.ThreadMXBean")
          .getMethod("getThreadAllocatedBytes", long.class);
      return (long) method.invoke(bean, Thread.currentThread().getId());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this JVM cannot count allocated bytes per thread", e);
    }
  }

  private static double[][] rows(int n) {
    SplittableRandom random = new SplittableRandom(7);
    double[][] rows = new double[n][D];
    for (double[] row : rows) {
      for (int j = 0; j < D; j++) {
        row[j] = random.nextGaussian();
      }
    }
    return rows;
  }

  /** A call with a running index. */
  @FunctionalInterface
  interface Call {
    void run(int i);
  }

  /**
   * Bytes per call of {@code call} once warm: after WARM_UP calls, the fewest over up to ROUNDS
   * rounds of MEASURED calls (the JIT compiles in the background, so an early round may still run
   * code without escape analysis; an allocation the compiled code makes shows in every round).
   */
  static double bytesPerCall(Call call) {
    for (int i = 0; i < WARM_UP; i++) {
      call.run(i);
    }
    long counterCost = allocatedBytes();
    counterCost = allocatedBytes() - counterCost; // the counter's own cost, if any
    double fewest = Double.POSITIVE_INFINITY;
    for (int round = 0; round < ROUNDS && fewest > 0; round++) {
      long before = allocatedBytes();
      for (int i = 0; i < MEASURED; i++) {
        call.run(i);
      }
      fewest = Math.min(fewest, (allocatedBytes() - before - counterCost) / (double) MEASURED);
    }
    return fewest;
  }

  private static double[] row(int i) {
    return ROWS[i & 4095];
  }

  private static Map<String, OnlineClassifier> classifiers() {
    Map<String, OnlineClassifier> all = new LinkedHashMap<>();
    all.put("sgd-logistic", SgdClassifier.builder(D).build());
    all.put("sgd-adagrad", SgdClassifier.builder(D).optimizer(Optimizer.adaGrad()).build());
    all.put("softmax", SoftmaxRegression.builder(D, 3).build());
    all.put("pegasos", PegasosSvm.builder(D, 3).build());
    all.put("gaussian-naive-bayes", GaussianNaiveBayes.builder(D, 3).build());
    all.put("mixed-naive-bayes", MixedNaiveBayes.builder(D, 3).build());
    all.put("one-vs-rest", OneVsRest.builder(SgdClassifier.builder(D).build(), 3).build());
    all.put("pipeline", Pipeline.of(new StandardScaler(D), SgdClassifier.builder(D).build()));
    all.put("unsplit-tree", HoeffdingTree.builder(D, 3).gracePeriod(1 << 30).build());
    all.put("adaboost-unsplit-trees", OnlineAdaBoost.builder(
        HoeffdingTree.builder(D, 3).gracePeriod(1 << 30).build()).size(3).build());
    return all;
  }

  /**
   * Every workload by name: each classifier's learn, predict and predictProba; a grown tree's
   * predictions (a tree allocates when a leaf splits, so learning is measured without splits);
   * regressors, k-means, a scaler and the detectors.
   */
  static Map<String, Call> workloads() {
    Map<String, Call> all = new LinkedHashMap<>();
    for (Map.Entry<String, OnlineClassifier> e : classifiers().entrySet()) {
      OnlineClassifier model = e.getValue();
      int k = model.numClasses();
      double[] out = new double[k];
      all.put(e.getKey() + ".learn",
          i -> model.learn(row(i), (i * 7 + (row(i)[0] > 0 ? 1 : 0)) % k));
      all.put(e.getKey() + ".predict", i -> model.predict(row(i)));
      all.put(e.getKey() + ".predictProba", i -> model.predictProba(row(i), out));
    }
    HoeffdingTree tree = HoeffdingTree.builder(D, 2).gracePeriod(50).build();
    double[] treeOut = new double[2];
    all.put("grown-tree.predict", i -> grown(tree).predict(row(i)));
    all.put("grown-tree.predictProba", i -> grown(tree).predictProba(row(i), treeOut));
    SgdRegressor sgd = SgdRegressor.builder(D).build();
    RecursiveLeastSquares rls = RecursiveLeastSquares.builder(D).build();
    all.put("sgd-regressor.learn", i -> sgd.learn(row(i), row(i)[0]));
    all.put("sgd-regressor.predict", i -> sgd.predict(row(i)));
    all.put("recursive-least-squares.learn", i -> rls.learn(row(i), row(i)[0]));
    all.put("recursive-least-squares.predict", i -> rls.predict(row(i)));
    MiniBatchKMeans kmeans = MiniBatchKMeans.builder(4, D).build();
    all.put("kmeans.learn", i -> kmeans.learn(row(i)));
    all.put("kmeans.predict", i -> {
      if (kmeans.isReady()) {
        kmeans.predict(row(i));
      } else {
        kmeans.learn(row(i));
      }
    });
    LeveragingBagging leveraging = LeveragingBagging.builder(
        HoeffdingTree.builder(D, 2).gracePeriod(50).build()).size(5).build();
    AdaptiveRandomForest forest = AdaptiveRandomForest.builder(D, 2).size(5).build();
    double[] twoClasses = new double[2];
    double[] gaps = new double[D];
    all.put("leveraging-bagging.predictProba",
        i -> grown(leveraging).predictProba(row(i), twoClasses));
    all.put("adaptive-random-forest.predictProba",
        i -> grown(forest).predictProba(row(i), twoClasses));
    StreamingRandomPatches patches = StreamingRandomPatches.builder(D, 2).size(5).build();
    StreamingRandomPatches patchesOnTwoThreads = StreamingRandomPatches.builder(D, 2).size(5)
        .threads(2).build();
    all.put("streaming-random-patches.predictProba",
        i -> grown(patches).predictProba(row(i), twoClasses));
    all.put("streaming-random-patches-2-threads.predictProba",
        i -> grown(patchesOnTwoThreads).predictProba(row(i), twoClasses));
    HoeffdingTree nominalTree = HoeffdingTree.builder(D, 2).nominal(D - 1, 4).build();
    for (int i = 0; i < 20_000; i++) {
      nominalTree.learn(withGaps(row(i), i, gaps), row(i)[0] + (i % 4 == 1 ? 1 : 0) > 0.5 ? 1 : 0);
    }
    all.put("hoeffding-tree-nominal-missing.predictProba",
        i -> nominalTree.predictProba(withGaps(row(i), i, gaps), twoClasses));
    Imputer imputer = Imputer.builder(D).mostFrequent(D - 1).maxValues(4).build();
    double[] filled = new double[D];
    all.put("imputer.learn", i -> imputer.learn(withGaps(row(i), i, gaps)));
    all.put("imputer.transform", i -> imputer.transform(withGaps(row(i), i, gaps), filled));
    StandardScaler scaler = new StandardScaler(D);
    double[] scaled = new double[D];
    all.put("standard-scaler.learn", i -> scaler.learn(row(i)));
    all.put("standard-scaler.transform", i -> scaler.transform(row(i), scaled));
    Map<String, DriftDetector> detectors = new LinkedHashMap<>();
    detectors.put("ddm", Ddm.builder().build());
    detectors.put("hddm-a", HddmA.builder().build());
    detectors.put("page-hinkley", PageHinkley.builder().build());
    detectors.put("adwin", Adwin.create());
    detectors.put("kswin", Kswin.builder().build());
    detectors.forEach((name, d) -> all.put(name + ".update", i -> d.update(i % 10 == 0 ? 1 : 0)));
    return all;
  }

  /** The model, after 50,000 examples of a two-class concept the first time it is asked for. */
  private static <M extends OnlineClassifier> M grown(M model) {
    if (model.samplesSeen() == 0) {
      for (int i = 0; i < 50_000; i++) {
        model.learn(row(i), row(i)[0] + 0.5 * row(i)[1] > 0 ? 1 : 0);
      }
    }
    return model;
  }

  /** The row with a gap at one feature in three rows, and a nominal code in the last feature. */
  private static double[] withGaps(double[] row, int i, double[] out) {
    System.arraycopy(row, 0, out, 0, D);
    out[i % D] = i % 3 == 0 ? Double.NaN : out[i % D];
    out[D - 1] = i % 5 == 0 ? Double.NaN : i % 4;
    return out;
  }

  /** Prints {@code name bytes-per-call} for each workload named. */
  public static void main(String[] args) {
    Map<String, Call> all = workloads();
    for (String name : args) {
      Call call = all.get(name);
      if (call == null) {
        throw new IllegalArgumentException("no workload " + name + "; workloads: " + all.keySet());
      }
      System.out.println(name + " " + bytesPerCall(call));
    }
  }
}
