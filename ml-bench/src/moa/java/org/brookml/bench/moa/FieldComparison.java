package org.brookml.bench.moa;

import com.yahoo.labs.samoa.instances.Instance;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import moa.classifiers.Classifier;
import org.brookml.ensemble.AdaptiveRandomForest;
import org.brookml.ensemble.LeveragingBagging;
import org.brookml.ensemble.StreamingRandomPatches;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.ClassificationScores;
import org.brookml.learner.OnlineClassifier;
import org.brookml.tree.ExtremelyFastDecisionTree;
import org.brookml.tree.HoeffdingAdaptiveTree;
import org.brookml.tree.HoeffdingTree;

/**
 * Brook's trees and forests beside MOA 2024.07's on the same rows, per data set: prequential
 * (predict, then learn) accuracy, kappa and kappa-temporal (against the no-change classifier),
 * and examples per second, each library with its defaults (forests with 10 members here, to keep
 * MOA's side within minutes), nominal features declared on both sides. Every learner runs five
 * times, randomized ones with seeds 1 to 5 (each library's own draws): the mean and range of
 * accuracy, the median rate.
 * Both sides are scored by the same {@link ClassificationMetrics}. Rows are in memory before the
 * clock starts; one warm-up run per learner and data set. Prints a Markdown table per data set.
 * Run: {@code ./mvnw -q -pl ml-bench -am -Pmoa -DskipTests package exec:exec@field-comparison}
 * ({@code -Dbrook.field.only=kdd} keeps the data sets whose names start with it,
 * {@code -Dbrook.field.learner=hoeffding} the learners).
 */
public final class FieldComparison {

  private static final int SEEDS = 5;

  private FieldComparison() {}

  private record Learner(String name, String moaCli,
      Function<FieldData, Function<Long, OnlineClassifier>> brook) {}

  public static void main(String[] args) {
    Path data = Path.of(System.getProperty("brook.shared.data", "../../shared/data"));
    List<Supplier<FieldData>> sets = List.of(() -> FieldData.elec2(data),
        () -> FieldData.kdd99(data, 100_000), () -> FieldData.pokerHand(data),
        () -> FieldData.shuttle(data),
        () -> FieldData.paired("SEA", data.resolve("sea/SEA_training_data.csv"),
            data.resolve("sea/SEA_training_class.csv"), 2),
        () -> FieldData.paired("Weather", data.resolve("weather/NEweather_data.csv"),
            data.resolve("weather/NEweather_class.csv"), 2));
    List<Learner> learners = List.of(
        new Learner("Hoeffding tree", "trees.HoeffdingTree",
            set -> seed -> HoeffdingTree.builder(set.schema()).build()),
        new Learner("Hoeffding adaptive tree", "trees.HoeffdingAdaptiveTree",
            set -> seed -> HoeffdingAdaptiveTree.builder(set.schema()).seed(seed).build()),
        new Learner("extremely fast decision tree", "trees.EFDT",
            set -> seed -> ExtremelyFastDecisionTree.builder(set.schema()).build()),
        new Learner("leveraging bagging (10)", "meta.LeveragingBag -s 10",
            set -> seed -> LeveragingBagging.builder(HoeffdingTree.builder(set.schema()).build())
                .size(10).seed(seed).build()),
        new Learner("adaptive random forest (10)", "meta.AdaptiveRandomForest -s 10",
            set -> seed -> AdaptiveRandomForest.builder(set.schema().dimension(), set.numClasses())
                .tree(forestTree(set)).size(10).seed(seed).build()),
        new Learner("streaming random patches (10)", "meta.StreamingRandomPatches -s 10",
            set -> seed -> StreamingRandomPatches.builder(set.schema().dimension(),
                set.numClasses()).tree(forestTree(set)).size(10).seed(seed).build()));
    String only = System.getProperty("brook.field.only", "").toLowerCase(Locale.ROOT);
    String onlyLearner = System.getProperty("brook.field.learner", "").toLowerCase(Locale.ROOT);
    System.out.printf(Locale.ROOT, "Java %s, %d cpus, %s%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"));
    for (Supplier<FieldData> loader : sets) {
      FieldData set = loader.get();
      if (!set.name().toLowerCase(Locale.ROOT).startsWith(only)) {
        continue;
      }
      System.out.printf(Locale.ROOT, "%n%s: %d rows, %d features (%d nominal), %d classes%n%n",
          set.name(), set.xs().length, set.schema().dimension(), nominal(set),
          set.numClasses());
      System.out.println("| learner | MOA accuracy | Brook accuracy | MOA kappa / kappa-T | "
          + "Brook kappa / kappa-T | MOA ex/s | Brook ex/s | ratio |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
      Instance[] instances = set.instances();
      for (Learner learner : learners) {
        if (!learner.name().toLowerCase(Locale.ROOT).startsWith(onlyLearner)) {
          continue;
        }
        int seeds = SEEDS; // a deterministic learner repeats its run: the median rate of five
        double[][] moa = new double[seeds][];
        double[][] brook = new double[seeds][];
        runBrook(learner.brook().apply(set).apply(99L), set); // warm-up
        runMoa(learner.moaCli(), instances, set.numClasses(), 99);
        for (int s = 0; s < seeds; s++) {
          moa[s] = runMoa(learner.moaCli(), instances, set.numClasses(), s + 1);
          brook[s] = runBrook(learner.brook().apply(set).apply(s + 1L), set);
        }
        double moaRate = MoaRuns.median(column(moa, 3));
        double brookRate = MoaRuns.median(column(brook, 3));
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %.4f / %.4f | %.4f / %.4f | %.0f | %.0f "
            + "| %.1fx |%n", learner.name(), spread(column(moa, 0)), spread(column(brook, 0)),
            mean(column(moa, 1)), mean(column(moa, 2)), mean(column(brook, 1)),
            mean(column(brook, 2)), moaRate, brookRate, brookRate / moaRate);
      }
    }
  }

  /** MOA's forest tree settings (grace period 50, split confidence 0.01) over the schema. */
  private static HoeffdingTree forestTree(FieldData set) {
    return HoeffdingTree.builder(set.schema()).gracePeriod(50).delta(0.01).build();
  }

  private static int nominal(FieldData set) {
    int count = 0;
    for (int j = 0; j < set.schema().dimension(); j++) {
      count += set.schema().isNominal(j) ? 1 : 0;
    }
    return count;
  }

  private static String spread(double[] accuracies) {
    double first = accuracies[0];
    return Arrays.stream(accuracies).allMatch(a -> a == first)
        ? String.format(Locale.ROOT, "%.4f", first) : MoaRuns.accuracy(accuracies);
  }

  private static double[] column(double[][] rows, int c) {
    return Arrays.stream(rows).mapToDouble(r -> r[c]).toArray();
  }

  private static double mean(double[] values) {
    return Arrays.stream(values).average().orElseThrow();
  }

  /** {accuracy, kappa, kappa-T, examples per second}. */
  private static double[] runMoa(String cli, Instance[] instances, int numClasses, int seed) {
    Classifier classifier = MoaRuns.prepared(cli, instances, seed);
    int[] predicted = new int[instances.length];
    long start = System.nanoTime();
    for (int i = 0; i < instances.length; i++) {
      double[] votes = classifier.getVotesForInstance(instances[i]);
      int best = 0;
      for (int c = 1; c < votes.length; c++) {
        if (votes[c] > votes[best]) {
          best = c;
        }
      }
      predicted[i] = best;
      classifier.trainOnInstance(instances[i]);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int[] truth = new int[instances.length];
    for (int i = 0; i < truth.length; i++) {
      truth[i] = (int) instances[i].classValue();
    }
    return scores(truth, predicted, numClasses, instances.length / seconds);
  }

  private static double[] runBrook(OnlineClassifier model, FieldData set) {
    double[][] xs = set.xs();
    int[] ys = set.ys();
    int[] predicted = new int[xs.length];
    long start = System.nanoTime();
    for (int i = 0; i < xs.length; i++) {
      predicted[i] = model.predict(xs[i]);
      model.learn(xs[i], ys[i]);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return scores(ys, predicted, set.numClasses(), xs.length / seconds);
  }

  private static double[] scores(int[] truth, int[] predicted, int numClasses, double rate) {
    ClassificationMetrics metrics = new ClassificationMetrics(numClasses, 1000);
    for (int i = 0; i < truth.length; i++) {
      metrics.update(truth[i], predicted[i], Double.NaN);
    }
    ClassificationScores all = metrics.cumulative();
    return new double[] {all.accuracy(), all.kappa(), all.kappaTemporal(), rate};
  }
}
