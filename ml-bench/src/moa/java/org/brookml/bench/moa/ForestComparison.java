package org.brookml.bench.moa;

import com.yahoo.labs.samoa.instances.Instance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import org.brookml.ensemble.AdaptiveRandomForest;
import org.brookml.ensemble.LeveragingBagging;
import org.brookml.io.CsvReader;
import org.brookml.learner.LabelEncoder;
import org.brookml.learner.OnlineClassifier;
import org.brookml.tree.HoeffdingTree;

/**
 * Brook's leveraging bagging and adaptive random forest beside MOA 2024.07's
 * {@code LeveragingBag} and {@code AdaptiveRandomForest}, each with its library's defaults,
 * prequential (predict, then learn) over Elec2's rows in the same order, seeds 1 to 5 (each
 * library's own random draws, so the runs agree in distribution, not example by example). Prints
 * the mean (and range) of accuracy and the median examples per second, and their ratio. Rows are
 * built before the clock starts. Run: {@code ./mvnw -q -pl ml-bench -am -Pmoa -DskipTests
 * package exec:exec@forest-comparison}.
 */
public final class ForestComparison {

  private static final int SEEDS = 5;
  private static final Path ELEC2 =
      Path.of("../ml-core/src/test/resources/data/elec2/electricity.csv.gz");

  private ForestComparison() {}

  private record Pair(String name, String moaCli, LongFunction<OnlineClassifier> brook) {}

  public static void main(String[] args) {
    List<double[]> xs = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    try (CsvReader rows = CsvReader.builder(ELEC2).header(true)
        .labels(LabelEncoder.of("DOWN", "UP")).open()) {
      while (rows.next()) {
        xs.add(rows.features().clone());
        labels.add((int) rows.target());
      }
    }
    int d = xs.get(0).length;
    Instance[] instances = MoaRuns.instances(xs, labels, d);
    List<Pair> pairs = List.of(
        new Pair("leveraging bagging, 10 trees", "meta.LeveragingBag -s 10",
            seed -> LeveragingBagging.builder(HoeffdingTree.builder(d, 2).build()).seed(seed)
                .build()),
        new Pair("adaptive random forest, 100 trees", "meta.AdaptiveRandomForest -s 100",
            seed -> AdaptiveRandomForest.builder(d, 2).seed(seed).build()));
    System.out.printf(Locale.ROOT, "Elec2, %d rows, %d seeds, Java %s, %d cpus%n", xs.size(),
        SEEDS, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
    for (Pair pair : pairs) {
      double[][] moa = new double[2][SEEDS];
      double[][] brook = new double[2][SEEDS];
      runBrook(pair.brook().apply(99), xs, labels); // warm-up
      for (int s = 0; s < SEEDS; s++) {
        double[] m = runMoa(pair.moaCli(), instances, s + 1);
        double[] b = runBrook(pair.brook().apply(s + 1), xs, labels);
        moa[0][s] = m[0];
        moa[1][s] = m[1];
        brook[0][s] = b[0];
        brook[1][s] = b[1];
      }
      System.out.printf(Locale.ROOT, "%-36s MOA %s, %8.0f ex/s | Brook %s, %8.0f ex/s, %.1fx%n",
          pair.name(), MoaRuns.accuracy(moa[1]), MoaRuns.median(moa[0]), MoaRuns.accuracy(brook[1]),
          MoaRuns.median(brook[0]), MoaRuns.median(brook[0]) / MoaRuns.median(moa[0]));
    }
  }

  private static double[] runMoa(String cli, Instance[] instances, int seed) {
    return MoaRuns.prequential(MoaRuns.prepared(cli, instances, seed), instances);
  }

  private static double[] runBrook(OnlineClassifier model, List<double[]> xs,
      List<Integer> labels) {
    int correct = 0;
    long start = System.nanoTime();
    for (int i = 0; i < xs.size(); i++) {
      correct += model.predict(xs.get(i)) == labels.get(i) ? 1 : 0;
      model.learn(xs.get(i), labels.get(i));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new double[] {xs.size() / seconds, correct / (double) xs.size()};
  }
}
