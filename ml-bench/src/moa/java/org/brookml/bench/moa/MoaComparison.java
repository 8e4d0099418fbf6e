package org.brookml.bench.moa;

import com.yahoo.labs.samoa.instances.Instance;
import com.yahoo.labs.samoa.instances.InstancesHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import moa.classifiers.meta.OzaBoost;
import org.brookml.bench.ensemble.NumericStream;
import org.brookml.ensemble.OnlineAdaBoost;
import org.brookml.io.CsvReader;
import org.brookml.learner.LabelEncoder;
import org.brookml.tree.HoeffdingTree;

/**
 * Brook's {@code OnlineAdaBoost} against MOA's {@code OzaBoost}, both over 10 Hoeffding trees with
 * default settings (grace period 200, delta 1e-7, tie threshold 0.05, information gain, naive
 * Bayes adaptive leaves; Brook once with MOA's boosting and pre-pruning choices, once with its own
 * defaults), prequential (predict, then learn) over the same rows in the same order,
 * in one JVM. Rows are built before the clock starts (MOA instances and Brook arrays alike); each
 * library runs once to warm up, then once per random seed 1 to {@value #SEEDS} (the seed of the
 * Poisson draws, MOA's {@code -r}; one seed alone moves accuracy by a few thousandths). Prints, per
 * data set, the median examples per second of each, the ratio of the medians, and the mean (and
 * range) of each accuracy over the seeds. Brook runs with its defaults both as two calls per
 * example and through {@code predictThenLearn}. Data: Elec2 from the shared data folder when present,
 * and {@link NumericStream} with 8 and 100 features.
 *
 * <p>MOA is GPL-licensed: it is only on the class path of the {@code moa} profile of this
 * benchmark module, never a dependency of a shipped module. Run: {@code ./mvnw -q -pl ml-bench -am
 * -Pmoa -DskipTests package exec:exec@moa-comparison}.
 */
public final class MoaComparison {

  private static final int SEEDS = 5;

  private MoaComparison() {}

  public static void main(String[] args) {
    System.out.println("Online AdaBoost, 10 Hoeffding trees, prequential; "
        + Runtime.getRuntime().availableProcessors() + " cpus, Java "
        + System.getProperty("java.version"));
    Path elec2 = Path.of(System.getProperty("brook.shared.data", "../shared/data"),
        "elec2/electricity.csv");
    if (Files.isReadable(elec2)) {
      compare("Elec2", elec2(elec2));
    } else {
      System.out.println("Elec2 skipped: " + elec2 + " is absent");
    }
    compare("synthetic, 8 features", synthetic(8, 100_000));
    compare("synthetic, 100 features", synthetic(100, 30_000));
  }

  /** Rows and labels of one data set. */
  private static final class Data {
    final List<double[]> xs = new ArrayList<>();
    final List<Integer> labels = new ArrayList<>();
  }

  private static Data elec2(Path path) {
    Data data = new Data();
    try (CsvReader rows = CsvReader.builder(path).header(true)
        .labels(LabelEncoder.of("DOWN", "UP")).open()) {
      while (rows.next()) {
        data.xs.add(rows.features().clone());
        data.labels.add((int) rows.target());
      }
    }
    return data;
  }

  private static Data synthetic(int features, int rows) {
    Data data = new Data();
    NumericStream stream = new NumericStream(features, 7);
    for (int i = 0; i < rows; i++) {
      double[] x = new double[features];
      data.labels.add(stream.next(x));
      data.xs.add(x);
    }
    return data;
  }

  private static void compare(String name, Data data) {
    int d = data.xs.get(0).length;
    Instance[] instances = MoaRuns.instances(data.xs, data.labels, d);
    runMoa(instances, 1);
    runBrook(data, d, true, false, 1);
    runBrook(data, d, false, false, 1);
    runBrook(data, d, false, true, 1);
    double[][] moa = new double[2][SEEDS];
    double[][] brook = new double[2][SEEDS];
    double[][] defaults = new double[2][SEEDS];
    double[][] fused = new double[2][SEEDS];
    for (int s = 0; s < SEEDS; s++) {
      record(moa, s, runMoa(instances, s + 1));
      record(brook, s, runBrook(data, d, true, false, s + 1));
      record(defaults, s, runBrook(data, d, false, false, s + 1));
      record(fused, s, runBrook(data, d, false, true, s + 1));
    }
    double moaRate = MoaRuns.median(moa[0]);
    System.out.printf(Locale.ROOT, "%s, %d rows, %d seeds:%n  MOA                                "
            + "%8.0f ex/s        acc %s%n", name, data.xs.size(), SEEDS, moaRate,
        MoaRuns.accuracy(moa[1]));
    report("Brook, MOA's settings", brook, moaRate);
    report("Brook defaults", defaults, moaRate);
    report("Brook defaults, predictThenLearn", fused, moaRate);
  }

  private static void report(String what, double[][] rateAndAccuracy, double moaRate) {
    double rate = MoaRuns.median(rateAndAccuracy[0]);
    System.out.printf(Locale.ROOT, "  %-34s %8.0f ex/s %5.1fx acc %s%n", what, rate,
        rate / moaRate, MoaRuns.accuracy(rateAndAccuracy[1]));
  }

  private static void record(double[][] into, int s, double[] rateAndAccuracy) {
    into[0][s] = rateAndAccuracy[0];
    into[1][s] = rateAndAccuracy[1];
  }

  /** Examples per second and accuracy of MOA's OzaBoost. */
  private static double[] runMoa(Instance[] instances, int seed) {
    OzaBoost boost = new OzaBoost();
    boost.setRandomSeed(seed);
    boost.baseLearnerOption.setValueViaCLIString("trees.HoeffdingTree");
    boost.ensembleSizeOption.setValue(10);
    boost.setModelContext(new InstancesHeader(instances[0].dataset()));
    boost.prepareForUse();
    return MoaRuns.prequential(boost, instances);
  }

  /**
   * Examples per second and accuracy of Brook's OnlineAdaBoost over 10 default Hoeffding trees:
   * with MOA's choices (lambda normalized by the examples seen, pre-pruning) or Brook's defaults
   * (Oza 2005's normalization, no pre-pruning, as River); predict then learn, or the two in one
   * {@code predictThenLearn} call (the same predictions and model).
   */
  private static double[] runBrook(Data data, int d, boolean moaSettings, boolean fused,
      long seed) {
    OnlineAdaBoost boost = moaSettings
        ? OnlineAdaBoost.builder(HoeffdingTree.builder(d, 2).prePrune(true).build()).size(10)
            .normalization(OnlineAdaBoost.Normalization.EXAMPLES_SEEN).seed(seed).build()
        : OnlineAdaBoost.builder(HoeffdingTree.builder(d, 2).build()).size(10).seed(seed).build();
    int n = data.xs.size();
    double[][] xs = data.xs.toArray(new double[0][]);
    int[] labels = data.labels.stream().mapToInt(Integer::intValue).toArray();
    int correct = 0;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      if (fused) {
        correct += boost.predictThenLearn(xs[i], labels[i]) == labels[i] ? 1 : 0;
      } else {
        correct += boost.predict(xs[i]) == labels[i] ? 1 : 0;
        boost.learn(xs[i], labels[i]);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new double[] {n / seconds, correct / (double) n};
  }
}
