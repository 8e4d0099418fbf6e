package org.brookml.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.internal.vector.SplitKernels;
import org.brookml.internal.vector.VectorKernelsProvider;
import org.brookml.io.CsvReader;
import org.brookml.io.RealData;
import org.brookml.io.Snapshots;
import org.brookml.learner.ClassifierChecks;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.tree.HoeffdingTree.LeafPrediction;
import org.brookml.tree.HoeffdingTree.SplitCriterion;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

class HoeffdingTreeTest implements OnlineLearnerContract<HoeffdingTree> {

  @Override
  public HoeffdingTree newLearner() {
    return HoeffdingTree.builder(ClassifierChecks.D, ClassifierChecks.K).gracePeriod(50).build();
  }

  @Override
  public void train(HoeffdingTree learner, int n, long dataSeed) {
    ClassifierChecks.train(learner, n, dataSeed);
  }

  @Override
  public double[] predictions(HoeffdingTree learner) {
    return ClassifierChecks.predictions(learner);
  }

  @Override
  public Map<String, Consumer<HoeffdingTree>> badInputs() {
    return ClassifierChecks.badInputs(true);
  }

  @Test
  void warmUp_growsATree() {
    HoeffdingTree tree = newLearner();
    train(tree, warmUp(), 1);
    assertThat(tree.leafCount()).isGreaterThan(1);
  }

  // ------------------------------------------------- the first split decision, replayed by hand

  /**
   * For 30 random data sets of 200 two-class examples, feature 0 informative to a varying degree
   * and feature 1 noise, an independent replay of VFDT's first decision (two-pass class-conditional
   * normal estimates, 10 evenly spaced thresholds per feature, normal CDF by numeric integration,
   * information gain, Hoeffding bound) predicts whether the tree splits, on which feature and
   * threshold, and the new leaves' class weights.
   */
  @Test
  void firstSplitDecision_matchesAnIndependentReplay() {
    int splits = 0;
    for (int seed = 0; seed < 30; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      double separation = 0.1 * seed;
      double[][] xs = new double[200][2];
      int[] ys = new int[200];
      HoeffdingTree tree = HoeffdingTree.builder(2, 2).gracePeriod(200).delta(0.01)
          .tieThreshold(0).prePrune(true).build();
      for (int i = 0; i < 200; i++) {
        ys[i] = random.nextInt(2);
        xs[i][0] = random.nextGaussian() + separation * ys[i];
        xs[i][1] = random.nextGaussian();
        tree.learn(xs[i], ys[i]);
      }
      Replay replay = new Replay(xs, ys, 0.01);
      if (replay.splits) {
        splits++;
        assertThat(tree.root).as("seed %d splits", seed).isInstanceOf(HoeffdingTree.Split.class);
        HoeffdingTree.Split split = (HoeffdingTree.Split) tree.root;
        assertThat(split.attribute).isEqualTo(replay.attribute);
        assertThat(split.threshold).isCloseTo(replay.threshold, within(1e-12));
        HoeffdingTree.Leaf left = (HoeffdingTree.Leaf) split.children[0];
        HoeffdingTree.Leaf right = (HoeffdingTree.Leaf) split.children[1];
        for (int c = 0; c < 2; c++) {
          assertThat(left.classWeights[c]).isCloseTo(replay.left[c], within(1e-4));
          assertThat(right.classWeights[c]).isCloseTo(replay.right[c], within(1e-4));
        }
      } else {
        assertThat(tree.root).as("seed %d does not split", seed)
            .isInstanceOf(HoeffdingTree.Leaf.class);
      }
    }
    assertThat(splits).as("data sets that split").isBetween(5, 28);
  }

  /**
   * VFDT's split decision on two-class rows of two features, written from the paper and MOA's
   * description (also {@link ExtremelyFastDecisionTreeTest}'s reference).
   */
  static final class Replay {
    boolean splits;
    /** Each feature's best merit. */
    final double[] merits = new double[2];
    /** The Hoeffding bound for these rows (range 1). */
    double epsilon;
    int attribute;
    double threshold;
    double[] left = new double[2];
    double[] right = new double[2];

    Replay(double[][] xs, int[] ys, double delta) {
      int n = xs.length;
      double[] counts = new double[2];
      for (int y : ys) {
        counts[y]++;
      }
      double best = 0; // not splitting scores 0 (pre-pruning)
      double second = 0;
      for (int j = 0; j < 2; j++) {
        double[] mean = new double[2];
        double[] sd = new double[2];
        double[] min = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int c = 0; c < 2; c++) {
          double sum = 0;
          for (int i = 0; i < n; i++) {
            if (ys[i] == c) {
              sum += xs[i][j];
              min[c] = Math.min(min[c], xs[i][j]);
              max[c] = Math.max(max[c], xs[i][j]);
            }
          }
          mean[c] = sum / counts[c];
          double squares = 0;
          for (int i = 0; i < n; i++) {
            if (ys[i] == c) {
              squares += (xs[i][j] - mean[c]) * (xs[i][j] - mean[c]);
            }
          }
          sd[c] = Math.sqrt(squares / (counts[c] - 1));
        }
        double lo = Math.min(min[0], min[1]);
        double hi = Math.max(max[0], max[1]);
        double featureBest = Double.NEGATIVE_INFINITY;
        double featureThreshold = 0;
        double[] featureLeft = new double[2];
        for (int i = 1; i <= 10; i++) {
          double v = lo + (hi - lo) * i / 11;
          double[] l = new double[2];
          double[] r = new double[2];
          for (int c = 0; c < 2; c++) {
            l[c] = v < min[c] ? 0 : v >= max[c] ? counts[c] : counts[c] * phi((v - mean[c]) / sd[c]);
            r[c] = counts[c] - l[c];
          }
          double lw = l[0] + l[1];
          double rw = r[0] + r[1];
          double merit = lw / n <= 0.01 || rw / n <= 0.01 ? Double.NEGATIVE_INFINITY
              : entropy(counts) - (lw * entropy(l) + rw * entropy(r)) / n;
          if (merit > featureBest) {
            featureBest = merit;
            featureThreshold = v;
            featureLeft = l;
          }
        }
        merits[j] = featureBest;
        if (featureBest > best) {
          second = best;
          best = featureBest;
          attribute = j;
          threshold = featureThreshold;
          left = featureLeft;
          right = new double[] {counts[0] - left[0], counts[1] - left[1]};
        } else if (featureBest > second) {
          second = featureBest;
        }
      }
      epsilon = Math.sqrt(Math.log(1 / delta) / (2 * n)); // range log2(2) = 1
      splits = best > 0 && best - second > epsilon;
    }

    static double entropy(double[] weights) {
      double total = weights[0] + weights[1];
      double h = 0;
      for (double w : weights) {
        if (w > 0) {
          h -= w / total * Math.log(w / total) / Math.log(2);
        }
      }
      return h;
    }

    /** Standard normal CDF by Simpson's rule on the density from 0 to z. */
    static double phi(double z) {
      int steps = 20_000;
      double h = z / steps;
      double sum = density(0) + density(z);
      for (int i = 1; i < steps; i++) {
        sum += (i % 2 == 1 ? 4 : 2) * density(i * h);
      }
      return 0.5 + sum * h / 3;
    }

    static double density(double t) {
      return Math.exp(-t * t / 2) / Math.sqrt(2 * Math.PI);
    }
  }

  @Test
  void splitMerits_matchTheirDefinitions() {
    double[] parent = {6, 2};
    double hParent = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(2);
    double hRight = -(Math.log(1 / 3.0) / 3 + 2 * Math.log(2 / 3.0) / 3) / Math.log(2);
    double giniParent = 1 - 0.75 * 0.75 - 0.25 * 0.25;
    double giniRight = 1 - 1 / 9.0 - 4 / 9.0;
    assertThat(SplitMerit.impurity(SplitCriterion.INFO_GAIN, parent))
        .isCloseTo(hParent, within(1e-15));
    assertThat(SplitMerit.impurity(SplitCriterion.GINI, parent))
        .isCloseTo(giniParent, within(1e-15));
    // Splits {5, 0 | 1, 2}, then {6, 2 | 0.01, 0} (a side under 1% of the weight), then an empty
    // one, repeated over 27 features (class-major) so that the vector path scores them too.
    int n = 27;
    double[] left = new double[2 * n];
    double[] right = new double[2 * n];
    for (int j = 0; j < n; j++) {
      double[][] sides = j % 3 == 0 ? new double[][] {{5, 0}, {1, 2}}
          : j % 3 == 1 ? new double[][] {{6, 2}, {0.01, 0}} : new double[][] {{0, 0}, {0, 0}};
      for (int c = 0; c < 2; c++) {
        left[c * n + j] = sides[0][c];
        right[c * n + j] = sides[1][c];
      }
    }
    double[] gains = new double[n];
    double[] ginis = new double[n];
    SplitKernels kernels = VectorKernelsProvider.splits();
    kernels.splitMerits(left, right, 2, n, hParent, false, 0.01, gains, new double[5 * n]);
    kernels.splitMerits(left, right, 2, n, giniParent, true, 0.01, ginis, new double[5 * n]);
    for (int j = 0; j < n; j += 3) {
      assertThat(gains[j]).isCloseTo(hParent - 3 / 8.0 * hRight, within(1e-12));
      assertThat(ginis[j]).isCloseTo(giniParent - 3 / 8.0 * giniRight, within(1e-12));
      assertThat(gains[j + 1]).isEqualTo(Double.NEGATIVE_INFINITY);
      assertThat(ginis[j + 1]).isCloseTo(giniParent - 8 / 8.01 * (1 - 0.5625 - 0.0625),
          within(1e-12));
      assertThat(gains[j + 2]).isEqualTo(Double.NEGATIVE_INFINITY);
      assertThat(ginis[j + 2]).isEqualTo(Double.NEGATIVE_INFINITY);
    }
    assertThat(SplitMerit.range(SplitCriterion.INFO_GAIN, 8)).isCloseTo(3, within(1e-12));
  }

  // ---------------------------------------------------------------------- behaviour and limits

  @Test
  void learnsAConceptThatNeedsTwoSplits() {
    for (LeafPrediction prediction : LeafPrediction.values()) {
      for (SplitCriterion criterion : SplitCriterion.values()) {
        HoeffdingTree tree = HoeffdingTree.builder(ClassifierChecks.D, ClassifierChecks.K)
            .leafPrediction(prediction).splitCriterion(criterion).build();
        ClassifierChecks.train(tree, 30_000, 11);
        // The diagonal boundary x1 + x2 = 0.9 takes many axis-parallel splits; naive Bayes
        // leaves smooth it.
        double expected = prediction == LeafPrediction.MAJORITY_CLASS ? 0.8 : 0.9;
        assertThat(ClassifierChecks.accuracy(tree, 5_000, 12))
            .as("%s %s: %s", prediction, criterion, tree).isGreaterThan(expected);
      }
    }
  }

  @Test
  void memoryBudget_capsTheLeavesOnALongNoisyStream() {
    HoeffdingTree probe = HoeffdingTree.builder(8, 4).build();
    HoeffdingTree tree = HoeffdingTree.builder(8, 4).gracePeriod(50)
        .maxMemoryBytes(6 * probe.leafBytes()).build();
    assertThat(tree.maxLeaves()).isEqualTo(6);
    SplittableRandom random = new SplittableRandom(2);
    double[] x = new double[8];
    for (int i = 0; i < 100_000; i++) {
      for (int j = 0; j < 8; j++) {
        x[j] = random.nextDouble();
      }
      tree.learn(x, random.nextInt(4));
    }
    assertThat(tree.leafCount()).isEqualTo(6);
    assertThat(Snapshots.write(tree).length).isLessThan(6 * (int) tree.leafBytes() + 1_000);
  }

  @Test
  void stump_splitsOnceAndLosesToTheFullTree() {
    HoeffdingTree stump = HoeffdingTree.stump(ClassifierChecks.D, ClassifierChecks.K).toBuilder()
        .leafPrediction(LeafPrediction.MAJORITY_CLASS).build();
    HoeffdingTree tree = stump.toBuilder().maxDepth(1_000).build();
    ClassifierChecks.train(stump, 20_000, 3);
    ClassifierChecks.train(tree, 20_000, 3);
    assertThat(stump.leafCount()).isEqualTo(2);
    assertThat(stump.depth()).isEqualTo(1);
    double stumpAccuracy = ClassifierChecks.accuracy(stump, 5_000, 4);
    assertThat(stumpAccuracy).isGreaterThan(0.5)
        .isLessThan(ClassifierChecks.accuracy(tree, 5_000, 4) - 0.05);
  }

  /**
   * The shortcut ensembles take (learn, then predict the same example, reusing what a prediction
   * just before found) answers and learns exactly as the separate calls do: every leaf mode,
   * weights 0, 1 and 3, splits included.
   */
  @Test
  void learnAndPredict_isLearnThenPredict_bitForBit() {
    for (LeafPrediction mode : LeafPrediction.values()) {
      HoeffdingTree shortcut = HoeffdingTree.builder(ClassifierChecks.D, ClassifierChecks.K)
          .gracePeriod(50).leafPrediction(mode).build();
      HoeffdingTree twoCalls = shortcut.copy();
      SplittableRandom random = new SplittableRandom(11);
      double[] x = new double[ClassifierChecks.D];
      int disagreements = 0;
      for (int i = 0; i < 5_000; i++) {
        int label = ClassifierChecks.example(random, x);
        double weight = i % 7 == 0 ? 0 : i % 5 == 0 ? 3 : 1;
        // Every other example right after a prediction of it, whose findings may be reused.
        boolean afterVote = i % 2 == 0;
        int predictedBefore = afterVote ? shortcut.predictChecked(x) : -1;
        int predicted = shortcut.learnAndPredictChecked(x, label, weight, afterVote);
        disagreements += !afterVote || predictedBefore == twoCalls.predict(x) ? 0 : 1;
        twoCalls.learn(x, label, weight);
        disagreements += predicted == twoCalls.predict(x) ? 0 : 1;
      }
      assertThat(disagreements).as("%s", mode).isZero();
      assertThat(shortcut.leafCount()).as("%s", mode).isGreaterThan(3);
      assertThat(Snapshots.write(shortcut)).as("%s", mode).isEqualTo(Snapshots.write(twoCalls));
    }
  }

  @Test
  void sparseInput_givesTheSameTreeAsDense() {
    HoeffdingTree dense = newLearner();
    HoeffdingTree sparse = newLearner();
    SplittableRandom random = new SplittableRandom(9);
    double[] x = new double[ClassifierChecks.D];
    SparseVector sv = new SparseVector();
    for (int i = 0; i < 3_000; i++) {
      int label = ClassifierChecks.example(random, x);
      dense.learn(x, label);
      sv.clear();
      for (int j = 0; j < x.length; j++) {
        sv.add(j, x[j]);
      }
      sparse.learn(sv, label);
    }
    assertThat(Snapshots.write(sparse)).isEqualTo(Snapshots.write(dense));
  }

  @Test
  void builder_rejectsBadSettings() {
    assertThatThrownBy(() -> HoeffdingTree.builder(0, 2)).hasMessageContaining("dimension");
    assertThatThrownBy(() -> HoeffdingTree.builder(3, 1)).hasMessageContaining("numClasses");
    assertThatThrownBy(() -> HoeffdingTree.builder(3, 2).delta(1)).hasMessageContaining("delta");
    assertThatThrownBy(() -> HoeffdingTree.builder(3, 2).gracePeriod(0))
        .hasMessageContaining("gracePeriod");
    assertThatThrownBy(() -> HoeffdingTree.builder(3, 2).maxDepth(-1))
        .hasMessageContaining("maxDepth");
  }

  // ------------------------------------------------------------------------------- real data

  /**
   * Elec2, prequential in time order, default settings (grace period 200, delta 1e-7, tie
   * threshold 0.05, information gain, naive Bayes adaptive leaves). River's published figure for
   * its Hoeffding tree on the same file: 0.796.
   */
  @Test
  void elec2_prequentialAccuracy_atLeastRiversHoeffdingTree() {
    try (CsvReader rows = RealData.elec2()) {
      HoeffdingTree tree = HoeffdingTree.builder(rows.dimension(), 2).build();
      ClassificationMetrics m =
          Prequential.classification(tree, rows, new ClassificationMetrics(2, 1_000));
      System.out.println("Elec2 Hoeffding tree, prequential: " + m + " " + tree);
      assertThat(m.count()).isEqualTo(45_312);
      assertThat(m.accuracy()).isGreaterThanOrEqualTo(0.79);
    }
    try (CsvReader rows = RealData.elec2()) {
      HoeffdingTree stump = HoeffdingTree.stump(rows.dimension(), 2);
      ClassificationMetrics m =
          Prequential.classification(stump, rows, new ClassificationMetrics(2, 1_000));
      System.out.println("Elec2 decision stump, prequential: " + m);
      assertThat(m.accuracy()).isGreaterThan(0.7);
    }
  }

  /**
   * Many classes, as the class comment says: with information gain ({@code R = log2 10}) the
   * defaults do not split in 10,000 examples of a noisy 10-class concept on one feature; with Gini
   * ({@code R = 1}) the tree splits and does better.
   */
  @Test
  void manyClasses_informationGainWaits_giniSplits() {
    HoeffdingTree infoGain = HoeffdingTree.builder(2, 10)
        .leafPrediction(HoeffdingTree.LeafPrediction.MAJORITY_CLASS).build();
    HoeffdingTree gini = infoGain.toBuilder()
        .splitCriterion(HoeffdingTree.SplitCriterion.GINI).build();
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    int infoGainRight = 0;
    int giniRight = 0;
    for (int i = 0; i < 10_000; i++) {
      double[] x = {random.nextDouble() * 10, random.nextDouble()};
      // The class is the integer part of x[0] for 40% of the examples, random for the rest.
      int label = random.nextDouble() < 0.4 ? (int) x[0] : random.nextInt(10);
      infoGainRight += infoGain.predict(x) == label ? 1 : 0;
      giniRight += gini.predict(x) == label ? 1 : 0;
      infoGain.learn(x, label);
      gini.learn(x, label);
    }
    assertThat(infoGain.leafCount()).isEqualTo(1);
    assertThat(gini.leafCount()).isGreaterThan(1);
    System.out.printf("10 noisy classes, 10,000 examples: information gain %d leaves, %d right; "
        + "Gini %d leaves, %d right%n", infoGain.leafCount(), infoGainRight, gini.leafCount(),
        giniRight);
    assertThat(giniRight).isGreaterThan(infoGainRight + 300);
  }

  /**
   * A tree 5,000 levels deep (legal with {@code maxDepth(10_000)}; a sorted stream grows such
   * chains) can be copied, snapshotted and restored: none of these recurse.
   */
  @Test
  void aTreeThousandsOfLevelsDeep_copiesSnapshotsAndRestores() {
    HoeffdingTree tree = HoeffdingTree.builder(1, 2).maxDepth(10_000).build();
    int depth = 5_000;
    HoeffdingTree.Node chain = tree.newLeaf(depth);
    for (int d = depth - 1; d >= 0; d--) {
      // x <= d goes left, to a leaf; larger values go on down the chain.
      chain = HoeffdingTree.Split.numeric(d, 0, d, tree.newLeaf(d + 1), chain, 2);
    }
    tree.root = chain;
    tree.leafCount = depth + 1;
    double[] far = {depth + 0.5};
    HoeffdingTree copy = tree.copy();
    byte[] bytes = Snapshots.write(tree);
    HoeffdingTree restored = Snapshots.read(bytes, HoeffdingTree.class);
    assertThat(Snapshots.write(copy)).isEqualTo(bytes);
    assertThat(Snapshots.write(restored)).isEqualTo(bytes);
    assertThat(restored.leafCount()).isEqualTo(depth + 1);
    assertThat(restored.depth()).isEqualTo(depth);
    restored.learn(far, 1);
    assertThat(restored.predict(far)).isEqualTo(1);
  }

  /**
   * A tree whose parts disagree (what two threads learning it at once leave behind) is reported
   * when snapshotted, instead of written as bytes that could never be restored.
   */
  @Test
  void anInconsistentTree_isReportedRatherThanWritten() {
    HoeffdingTree tree = HoeffdingTree.builder(2, 2).build();
    tree.learn(new double[] {1, 2}, 1);
    tree.leafCount = 2; // as a lost update would leave it
    assertThatThrownBy(() -> Snapshots.write(tree)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("counts 2 leaves but has 1")
        .hasMessageContaining("two threads at once");
  }
}
