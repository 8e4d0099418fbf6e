package org.brookml.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.io.ArffReader;
import org.brookml.io.RealData;
import org.brookml.io.Snapshots;
import org.brookml.learner.FeatureSchema;
import org.brookml.learner.OnlineClassifier;
import org.brookml.preprocess.Imputer;
import org.brookml.preprocess.Pipeline;
import org.brookml.tree.HoeffdingTree.Leaf;
import org.brookml.tree.HoeffdingTree.LeafPrediction;
import org.brookml.tree.HoeffdingTree.Split;
import org.junit.jupiter.api.Test;

/**
 * Nominal features and missing values in {@link HoeffdingTree}: the split candidates and their
 * merits replayed by hand, the children's starting weights, naive Bayes with Laplace-smoothed
 * value weights, and the routing of missing values.
 */
class HoeffdingTreeNominalTest {

  /**
   * Feature 0 nominal (3 values), feature 1 numeric noise. Value 0 is class 0 (30 rows), value 1
   * class 1 (20 rows), value 2 half and half (10 rows): 60 rows, one grace period.
   */
  private static double[][] rows() {
    SplittableRandom random = new SplittableRandom(4);
    double[][] rows = new double[60][];
    for (int i = 0; i < 60; i++) {
      int value = i < 30 ? 0 : i < 50 ? 1 : 2;
      int label = value == 2 ? i % 2 : value;
      rows[i] = new double[] {value, random.nextDouble(), label};
    }
    return rows;
  }

  private static HoeffdingTree learned(HoeffdingTree tree) {
    for (double[] row : rows()) {
      tree.learn(new double[] {row[0], row[1]}, (int) row[2]);
    }
    return tree;
  }

  private static double entropy(double... weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double h = 0;
    for (double w : weights) {
      h -= w > 0 ? w / total * Math.log(w / total) / Math.log(2) : 0;
    }
    return h;
  }

  /**
   * A tree asked for an answer before each example (a prediction, probabilities, or a prediction
   * of another row, which must not be taken for this one), and one that only learns, end with the
   * same bytes: an answer reused for learning right after it is the answer learning would compute.
   * The same for the adaptive tree, which scores its main tree before learning, and the extremely
   * fast decision tree.
   */
  @Test
  void answersReusedWhenLearningRightAfter_leaveTheSameModel() {
    OnlineClassifier[][] pairs = {
        {HoeffdingTree.builder(4, 3).nominal(2, 5).gracePeriod(30).build(),
            HoeffdingTree.builder(4, 3).nominal(2, 5).gracePeriod(30).build()},
        {HoeffdingAdaptiveTree.builder(HoeffdingTree.builder(4, 3).nominal(2, 5).gracePeriod(30))
            .build(), HoeffdingAdaptiveTree.builder(HoeffdingTree.builder(4, 3).nominal(2, 5)
            .gracePeriod(30)).build()},
        {ExtremelyFastDecisionTree.builder(HoeffdingTree.builder(4, 3).nominal(2, 5)
            .gracePeriod(30)).reevaluationPeriod(100).build(), ExtremelyFastDecisionTree
            .builder(HoeffdingTree.builder(4, 3).nominal(2, 5).gracePeriod(30))
            .reevaluationPeriod(100).build()}};
    for (OnlineClassifier[] pair : pairs) {
      SplittableRandom random = new SplittableRandom(6);
      double[] other = {0.5, -0.5, 1, 0.25};
      for (int i = 0; i < 6_000; i++) {
        int value = random.nextInt(5);
        double[] x = {random.nextDouble() < 0.1 ? Double.NaN : random.nextGaussian(),
            random.nextGaussian(), random.nextDouble() < 0.1 ? Double.NaN : value,
            random.nextGaussian()};
        int label = i < 3_000 ? (x[1] > 0 ? 1 : value % 3) : (value + 1) % 3;
        switch (i % 4) {
          case 0:
            pair[0].predict(x);
            break;
          case 1:
            pair[0].predictProba(x, new double[3]);
            break;
          case 2:
            pair[0].predict(other);
            break;
          default: // learns with no answer before
        }
        pair[0].learn(x, label);
        pair[1].learn(x, label);
      }
      assertThat(Snapshots.write(pair[0])).as(pair[0].getClass().getSimpleName())
          .isEqualTo(Snapshots.write(pair[1]));
    }
  }

  @Test
  void multiwaySplit_isTheBestCandidate_andItsChildrenStartFromTheirValuesWeights() {
    // Parent: 35 of class 0, 25 of class 1. Multiway: [30, 0], [0, 20], [5, 5].
    double parent = entropy(35, 25);
    double multiway = parent - (30 * entropy(30, 0) + 20 * entropy(0, 20) + 10 * entropy(5, 5))
        / 60;
    double binary0 = parent - (30 * entropy(30, 0) + 30 * entropy(5, 25)) / 60;
    double binary1 = parent - (20 * entropy(0, 20) + 40 * entropy(35, 5)) / 60;
    double binary2 = parent - (10 * entropy(5, 5) + 50 * entropy(30, 20)) / 60;
    assertThat(multiway).isGreaterThan(Math.max(binary0, Math.max(binary1, binary2)));
    NominalSplitSearch search = new NominalSplitSearch(2, false, 0.01);
    double[] counts = {30, 0, 5, 0, 20, 5}; // [c * 3 + v]
    search.run(counts, new double[] {35, 25}, 3, parent, false);
    assertThat(search.value).isEqualTo(-1);
    assertThat(search.merit).isCloseTo(multiway, within(1e-12));
    search.run(counts, new double[] {35, 25}, 3, parent, true);
    double bestBinary = Math.max(binary0, Math.max(binary1, binary2));
    assertThat(search.merit).isCloseTo(bestBinary, within(1e-12));
    assertThat(search.value).isEqualTo(bestBinary == binary0 ? 0 : bestBinary == binary1 ? 1 : 2);

    // eps = sqrt(ln(1e7) / 120) = 0.366 < multiway - (noise's merit): the first attempt splits.
    HoeffdingTree tree = learned(HoeffdingTree.builder(2, 2).nominal(0, 3).gracePeriod(60)
        .build());
    assertThat(tree.root).isInstanceOf(Split.class);
    Split split = (Split) tree.root;
    assertThat(split.kind).isEqualTo(Split.MULTIWAY);
    assertThat(split.attribute).isEqualTo(0);
    assertThat(tree.leafCount()).isEqualTo(3);
    double[][] expected = {{30, 0}, {0, 20}, {5, 5}};
    for (int v = 0; v < 3; v++) {
      assertThat(((Leaf) split.children[v]).classWeights).containsExactly(expected[v]);
      assertThat(split.branchWeights[v]).isEqualTo(expected[v][0] + expected[v][1]);
    }
    assertThat(tree.predict(new double[] {0, 0.5})).isEqualTo(0);
    assertThat(tree.predict(new double[] {1, 0.5})).isEqualTo(1);
  }

  @Test
  void binaryNominalSplits_splitOneValueFromTheRest() {
    HoeffdingTree tree = learned(HoeffdingTree.builder(2, 2).nominal(0, 3).gracePeriod(60)
        .binaryNominalSplits(true).build());
    Split split = (Split) tree.root;
    assertThat(split.kind).isEqualTo(Split.NOMINAL_BINARY);
    // Value 0 versus the rest has the best binary merit (checked in the replay above).
    assertThat(split.value).isEqualTo(0);
    assertThat(((Leaf) split.children[0]).classWeights).containsExactly(30, 0);
    assertThat(((Leaf) split.children[1]).classWeights).containsExactly(5, 25);
    assertThat(tree.predict(new double[] {2, 0.5})).isEqualTo(1);
  }

  @Test
  void missingValues_goDownTheHeaviestBranch_andAreLeftOutOfTheLeafStatistics() {
    HoeffdingTree tree = learned(HoeffdingTree.builder(2, 2).nominal(0, 3).gracePeriod(60)
        .leafPrediction(LeafPrediction.MAJORITY_CLASS).build());
    Split split = (Split) tree.root;
    Leaf heaviest = (Leaf) split.children[0]; // 30 of the 60 rows
    assertThat(tree.predict(new double[] {Double.NaN, 0.5})).isEqualTo(0);
    tree.learn(new double[] {Double.NaN, 0.25}, 1);
    tree.learn(new double[] {Double.NaN, Double.NaN}, 1, 2);
    assertThat(heaviest.classWeights).containsExactly(30, 3);
    assertThat(split.branchWeights).containsExactly(30, 20, 10); // observed values only
    assertThat(heaviest.stats.weight(1, 1)).isEqualTo(1); // the row with feature 1 missing: left out
    assertThat(heaviest.stats.mean(1, 1)).isEqualTo(0.25);
    assertThat(heaviest.nominalObserved[0]).containsExactly(0, 0);

    // A numeric split routes the same way.
    HoeffdingTree numeric = HoeffdingTree.builder(1, 2).gracePeriod(100).build();
    for (int i = 0; i < 100; i++) {
      numeric.learn(new double[] {i < 70 ? -1 - i % 3 : 1 + i % 3}, i < 70 ? 0 : 1);
    }
    Split cut = (Split) numeric.root;
    assertThat(cut.branchWeights[0]).isGreaterThan(cut.branchWeights[1]);
    assertThat(numeric.predict(new double[] {Double.NaN})).isEqualTo(0);
  }

  @Test
  void naiveBayesLeaves_useLaplaceSmoothedValueWeights_andSkipMissingValues() {
    HoeffdingTree tree = HoeffdingTree.builder(2, 2).nominal(0, 3).gracePeriod(10_000)
        .leafPrediction(LeafPrediction.NAIVE_BAYES).build();
    double[][] rows = rows();
    for (double[] row : rows) {
      tree.learn(new double[] {row[0], row[1]}, (int) row[2]);
    }
    // Class c: prior n_c / 60, P(v | c) = (n_cv + 1) / (n_c + 3), numeric feature normal.
    double[][] counts = {{30, 0, 5}, {0, 20, 5}};
    double[] classTotals = {35, 25};
    double[] probe = {2, 0.4};
    double[] logs = new double[2];
    for (int c = 0; c < 2; c++) {
      double sum = 0;
      double sumSquares = 0;
      for (double[] row : rows) {
        if ((int) row[2] == c) {
          sum += row[1];
          sumSquares += row[1] * row[1];
        }
      }
      double mean = sum / classTotals[c];
      double variance = (sumSquares - classTotals[c] * mean * mean) / (classTotals[c] - 1);
      double logDensity = -0.5 * Math.log(2 * Math.PI * variance)
          - (probe[1] - mean) * (probe[1] - mean) / (2 * variance);
      logs[c] = Math.log(classTotals[c] / 60) + logDensity
          + Math.log((counts[c][2] + 1) / (classTotals[c] + 3));
    }
    double p1 = 1 / (1 + Math.exp(logs[0] - logs[1]));
    double[] proba = tree.predictProba(probe, new double[2]);
    assertThat(proba[1]).isCloseTo(p1, within(1e-9));

    // The nominal value missing: only the prior and the numeric density remain.
    double[] gap = {Double.NaN, 0.4};
    double withoutNominal0 = logs[0] - Math.log((counts[0][2] + 1) / (classTotals[0] + 3));
    double withoutNominal1 = logs[1] - Math.log((counts[1][2] + 1) / (classTotals[1] + 3));
    assertThat(tree.predictProba(gap, new double[2])[1])
        .isCloseTo(1 / (1 + Math.exp(withoutNominal0 - withoutNominal1)), within(1e-9));
    // Everything missing: the prior.
    assertThat(tree.predictProba(new double[] {Double.NaN, Double.NaN}, new double[2])[1])
        .isCloseTo(25.0 / 60, within(1e-12));
  }

  @Test
  void nominalCodes_areChecked_andARefusedRowChangesNothing() {
    HoeffdingTree tree = learned(HoeffdingTree.builder(2, 2).nominal(0, 3).gracePeriod(60)
        .build());
    byte[] before = Snapshots.write(tree);
    for (double bad : new double[] {3, -1, 0.5, Double.POSITIVE_INFINITY}) {
      assertThatThrownBy(() -> tree.learn(new double[] {bad, 0.5}, 0))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("feature 0");
      assertThatThrownBy(() -> tree.predict(new double[] {bad, 0.5}))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> tree.learnBatch(new double[] {0, 0.5, 7, 0.5}, 2, new int[] {0, 1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
    assertThat(Snapshots.write(tree)).isEqualTo(before);
  }

  @Test
  void aNominalTree_snapshotsCopiesAndContinuesIdentically_andKeepsItsSchema() {
    FeatureSchema schema = FeatureSchema.of(java.util.List.of(
        FeatureSchema.nominal("colour", "red", "green", "blue"), FeatureSchema.numeric("size")),
        java.util.List.of("no", "yes"));
    HoeffdingTree tree = learned(HoeffdingTree.builder(schema).gracePeriod(60).build());
    assertThat(tree.numValues(0)).isEqualTo(3);
    assertThat(tree.numValues(1)).isZero();
    HoeffdingTree restored = Snapshots.read(Snapshots.write(tree), HoeffdingTree.class);
    HoeffdingTree copy = tree.copy();
    double[][] more = {{2, 0.1}, {Double.NaN, 0.7}, {1, Double.NaN}};
    for (HoeffdingTree t : new HoeffdingTree[] {tree, restored, copy}) {
      for (int i = 0; i < 300; i++) {
        t.learn(more[i % 3], i % 2);
      }
    }
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(tree));
    assertThat(Snapshots.write(copy)).isEqualTo(Snapshots.write(tree));
    assertThat(restored.toString()).contains("nominalValues=[3, 0]");
  }

  @Test
  void aMultiwaySplitNeedsRoomForAllItsLeaves_elseTheBestBinarySplitCompetes() {
    HoeffdingTree probe = HoeffdingTree.builder(2, 2).nominal(0, 3).build();
    HoeffdingTree twoLeaves = learned(HoeffdingTree.builder(2, 2).nominal(0, 3).gracePeriod(60)
        .maxMemoryBytes(2 * probe.leafBytes()).build());
    assertThat(twoLeaves.maxLeaves()).isEqualTo(2);
    assertThat(twoLeaves.leafCount()).isEqualTo(2);
    assertThat(((Split) twoLeaves.root).kind).isEqualTo(Split.NOMINAL_BINARY);
  }

  /**
   * Elec2 from its ARFF: the tree built from the header's schema (day nominal, 7 values) against
   * the same tree reading the day's code as a number; then with a tenth of the feature values
   * removed at random (seeded): the tree taking the gaps against a mean imputer in front of it.
   */
  @Test
  void elec2_withTheNominalDay_andWithMissingValues() {
    double nominal;
    double numeric;
    double withGaps;
    double imputed;
    try (ArffReader arff = ArffReader.open(RealData.shared("elec2/electricity.arff"))) {
      HoeffdingTree tree = HoeffdingTree.builder(arff.schema()).build();
      assertThat(tree.numValues(1)).isEqualTo(7);
      nominal = Prequential.classification(tree, arff, new ClassificationMetrics(2, 1000))
          .accuracy();
    }
    try (ArffReader arff = ArffReader.open(RealData.shared("elec2/electricity.arff"))) {
      numeric = Prequential.classification(HoeffdingTree.builder(8, 2).build(), arff,
          new ClassificationMetrics(2, 1000)).accuracy();
    }
    HoeffdingTree gapped = HoeffdingTree.builder(8, 2).nominal(1, 7).build();
    withGaps = prequentialWithGaps(gapped);
    imputed = prequentialWithGaps(Pipeline.of(Imputer.builder(8).mostFrequent(1).maxValues(7)
        .build(), HoeffdingTree.builder(8, 2).nominal(1, 7).build()));
    System.out.printf("Elec2 Hoeffding tree: day nominal %.4f, day as a number %.4f; 10%% missing:"
        + " tree %.4f, imputer then tree %.4f%n", nominal, numeric, withGaps, imputed);
    assertThat(numeric).isCloseTo(0.8011, within(5e-5)); // the README's figure, unchanged
    assertThat(nominal).isCloseTo(0.7922, within(5e-5));
    assertThat(withGaps).isCloseTo(0.7863, within(5e-5));
    assertThat(imputed).isCloseTo(0.7697, within(5e-5));
  }

  /** Prequential accuracy on Elec2 with each feature value missing with probability 0.1. */
  private static double prequentialWithGaps(OnlineClassifier model) {
    SplittableRandom random = new SplittableRandom(10);
    long right = 0;
    long seen = 0;
    try (ArffReader arff = ArffReader.open(RealData.shared("elec2/electricity.arff"))) {
      while (arff.next()) {
        double[] x = arff.features().clone();
        for (int j = 0; j < x.length; j++) {
          if (random.nextDouble() < 0.1) {
            x[j] = Double.NaN;
          }
        }
        int label = (int) arff.target();
        right += model.predict(x) == label ? 1 : 0;
        seen++;
        model.learn(x, label);
      }
    }
    return (double) right / seen;
  }
}
