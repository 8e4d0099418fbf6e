package org.brookml.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.drift.Adwin;
import org.brookml.drift.DriftDetector;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.internal.random.SplitMix64;
import org.brookml.io.RealData;
import org.brookml.io.Snapshots;
import org.brookml.learner.ClassifierChecks;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

/**
 * Streaming random patches against its rule: subspaces (size, distinct, all combinations when
 * few), each member replayed as a tree learning the projected rows with its own Poisson weights,
 * the accuracy-weighted vote, the training methods, other base learners, threads, and Elec2.
 */
class StreamingRandomPatchesTest implements OnlineLearnerContract<StreamingRandomPatches> {

  @Override
  public StreamingRandomPatches newLearner() {
    return StreamingRandomPatches.builder(ClassifierChecks.D, ClassifierChecks.K).size(4).seed(3)
        .build();
  }

  @Override
  public void train(StreamingRandomPatches learner, int n, long dataSeed) {
    ClassifierChecks.train(learner, n, dataSeed);
  }

  @Override
  public double[] predictions(StreamingRandomPatches learner) {
    return ClassifierChecks.predictions(learner);
  }

  @Override
  public Map<String, Consumer<StreamingRandomPatches>> badInputs() {
    return ClassifierChecks.badInputs(true);
  }

  @Test
  void subspaces_holdSixtyPercentOfTheFeatures_distinctAndSorted() {
    StreamingRandomPatches srp = StreamingRandomPatches.builder(20, 2).size(30).build();
    assertThat(srp.subspaceSize()).isEqualTo(12);
    Set<List<Integer>> distinct = new HashSet<>();
    for (int m = 0; m < srp.size(); m++) {
      int[] features = srp.subspace(m);
      assertThat(features).hasSize(12).isSorted().doesNotHaveDuplicates();
      assertThat(features[0]).isGreaterThanOrEqualTo(0);
      assertThat(features[11]).isLessThan(20);
      assertThat(srp.member(m).dimension()).isEqualTo(12);
      distinct.add(Arrays.stream(features).boxed().toList());
    }
    assertThat(distinct.size()).isGreaterThan(25); // C(20, 12) = 125,970: nearly all differ
    // C(4, 2) = 6 <= 10 members: the members take all six in turn.
    StreamingRandomPatches few = StreamingRandomPatches.builder(4, 2).size(10)
        .subspacePercent(50).build();
    int[][] expected = {{0, 1}, {0, 2}, {0, 3}, {1, 2}, {1, 3}, {2, 3}};
    for (int m = 0; m < 10; m++) {
      assertThat(few.subspace(m)).containsExactly(expected[m % 6]);
    }
    assertThat(StreamingRandomPatches.builder(8, 2).size(1).build().subspaceSize()).isEqualTo(5);
    assertThat(StreamingRandomPatches.builder(8, 2).size(1)
        .trainingMethod(StreamingRandomPatches.TrainingMethod.RESAMPLING).build().subspaceSize())
        .isEqualTo(8);
  }

  /**
   * With up to 20 features the members start on distinct subspaces, as in MOA: C(8, 5) = 56
   * subsets for 10 members are drawn without replacement, each equally likely for any member
   * (member 0 over 3,000 seeds: every one of C(6, 4) = 15 subsets within 5 standard deviations of
   * 200); above 20 features each member draws its own.
   */
  @Test
  void subspaces_withFewFeatures_areDistinctAndUniform() {
    for (long seed = 1; seed <= 20; seed++) {
      StreamingRandomPatches srp = StreamingRandomPatches.builder(8, 2).size(10).seed(seed)
          .build();
      Set<List<Integer>> distinct = new HashSet<>();
      for (int m = 0; m < 10; m++) {
        distinct.add(Arrays.stream(srp.subspace(m)).boxed().toList());
      }
      assertThat(distinct).as("seed %d", seed).hasSize(10);
    }
    Map<List<Integer>, Integer> firstMember = new HashMap<>();
    for (long seed = 1; seed <= 3_000; seed++) {
      StreamingRandomPatches srp = StreamingRandomPatches.builder(6, 2).size(3).seed(seed)
          .build();
      firstMember.merge(Arrays.stream(srp.subspace(0)).boxed().toList(), 1,
          Integer::sum);
    }
    assertThat(firstMember).hasSize(15);
    assertThat(firstMember.values()).allSatisfy(n -> assertThat(n).isBetween(132, 268));
    // 21 features, C(21, 13) subsets: member m's subspace is its own stream's first draw.
    StreamingRandomPatches wide = StreamingRandomPatches.builder(21, 2).size(4).seed(3).build();
    for (int m = 0; m < 4; m++) {
      int[] order = new int[21];
      Arrays.setAll(order, j -> j);
      new SplitMix64(wide.memberSeed(m)).sampleInPlace(order, 21, 13);
      int[] expected = Arrays.copyOf(order, 13);
      Arrays.sort(expected);
      assertThat(wide.subspace(m)).containsExactly(expected);
    }
  }

  /**
   * Each member is a tree over its subspace that learned each example, projected, with a
   * Poisson(6) weight from the member's own stream, after being scored on it: replayed with
   * detectors off, the trees and accuracies are identical.
   */
  @Test
  void eachMember_isATreeLearningItsProjectedRows_withItsOwnPoissonWeights() {
    StreamingRandomPatches srp = StreamingRandomPatches.builder(6, 3).size(3).seed(5)
        .driftDelta(0).warningDelta(0).build();
    HoeffdingTree settings = HoeffdingTree.builder(6, 3).gracePeriod(50).delta(0.01).build();
    HoeffdingTree[] replay = new HoeffdingTree[3];
    SplitMix64[] streams = new SplitMix64[3];
    int[][] subspaces = new int[3][];
    double[] scored = new double[3];
    double[] correct = new double[3];
    for (int m = 0; m < 3; m++) {
      subspaces[m] = srp.subspace(m);
      replay[m] = settings.toBuilder(subspaces[m]).build();
      // C(6, 4) = 15 > 3 members: the forest drew their subspaces, not their own streams
      streams[m] = new SplitMix64(srp.memberSeed(m));
    }
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 3_000; i++) {
      double[] x = new double[6];
      for (int j = 0; j < 6; j++) {
        x[j] = random.nextGaussian();
      }
      int label = x[0] + x[3] > 0.5 ? 2 : x[1] > 0 ? 1 : 0;
      srp.learn(x, label);
      for (int m = 0; m < 3; m++) {
        double[] view = new double[4];
        for (int k = 0; k < 4; k++) {
          view[k] = x[subspaces[m][k]];
        }
        scored[m]++;
        correct[m] += replay[m].predict(view) == label ? 1 : 0;
        int count = streams[m].nextPoisson(6);
        if (count > 0) {
          replay[m].learn(view, label, count);
        }
      }
    }
    for (int m = 0; m < 3; m++) {
      assertThat(Snapshots.write(srp.member(m))).isEqualTo(Snapshots.write(replay[m]));
      assertThat(srp.accuracy(m)).isEqualTo(correct[m] / scored[m]);
    }
    // The vote: normalized member probabilities weighed by accuracy.
    double[] x = {0.3, -0.2, 1, 0.4, -1, 0};
    double[] expected = new double[3];
    for (int m = 0; m < 3; m++) {
      double[] view = new double[4];
      for (int k = 0; k < 4; k++) {
        view[k] = x[subspaces[m][k]];
      }
      double[] p = replay[m].predictProba(view, new double[3]);
      double sum = p[0] + p[1] + p[2];
      for (int c = 0; c < 3; c++) {
        expected[c] += srp.accuracy(m) * p[c] / sum;
      }
    }
    double total = expected[0] + expected[1] + expected[2];
    double[] proba = srp.predictProba(x, new double[3]);
    for (int c = 0; c < 3; c++) {
      assertThat(proba[c]).isCloseTo(expected[c] / total, within(1e-12));
    }
  }

  /**
   * A background member learns every example its member learns with the member's Poisson weight
   * (MOA's SRP; the random forest's backgrounds learn with the example's own weight): naive Bayes
   * members over two of three features, replayed by hand with their own streams and detectors
   * through warnings and the drifts that swap backgrounds in after a flip, end identical.
   */
  @Test
  void backgroundMembers_learnWithTheMembersPoissonWeight() {
    double warning = 0.3;
    double drift = 0.002;
    StreamingRandomPatches srp = StreamingRandomPatches.builder(3, 2).size(2).seed(7)
        .base(GaussianNaiveBayes.builder(2, 2).build()).warningDelta(warning).driftDelta(drift)
        .build();
    GaussianNaiveBayes[] model = new GaussianNaiveBayes[2];
    GaussianNaiveBayes[] background = new GaussianNaiveBayes[2];
    int[][] features = new int[2][];
    int[][] backgroundFeatures = new int[2][];
    SplitMix64[] streams = new SplitMix64[2];
    Adwin[] warnings = new Adwin[2];
    Adwin[] drifts = new Adwin[2];
    for (int m = 0; m < 2; m++) {
      model[m] = GaussianNaiveBayes.builder(2, 2).build();
      features[m] = srp.subspace(m); // drawn by the forest: C(3, 2) = 3 > 2 members
      streams[m] = new SplitMix64(srp.memberSeed(m));
      warnings[m] = new Adwin(warning);
      drifts[m] = new Adwin(drift);
    }
    SplittableRandom random = new SplittableRandom(3);
    int swaps = 0;
    for (int i = 0; i < 6_000; i++) {
      double[] x = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
      int label = (i < 3_000) == (x[0] + x[1] - x[2] > 0) ? 1 : 0;
      srp.learn(x, label);
      for (int m = 0; m < 2; m++) {
        int k = Math.min(streams[m].nextPoisson(6), 1_000);
        if (k == 0) {
          continue;
        }
        double[] view = project(x, features[m]);
        model[m].learn(view, label, k);
        int error = model[m].predict(view) == label ? 0 : 1;
        if (background[m] != null) {
          background[m].learn(project(x, backgroundFeatures[m]), label, k);
        }
        if (warnings[m].update(error) == DriftDetector.State.DRIFT) {
          background[m] = GaussianNaiveBayes.builder(2, 2).build();
          backgroundFeatures[m] = drawnSubspace(streams[m]);
          warnings[m] = new Adwin(warning);
        }
        if (drifts[m].update(error) == DriftDetector.State.DRIFT) {
          if (background[m] != null) {
            model[m] = background[m];
            features[m] = backgroundFeatures[m];
            background[m] = null;
            warnings[m] = new Adwin(warning);
            swaps++;
          } else {
            model[m] = GaussianNaiveBayes.builder(2, 2).build();
            features[m] = drawnSubspace(streams[m]);
          }
          drifts[m] = new Adwin(drift);
        }
      }
    }
    assertThat(swaps).isPositive();
    for (int m = 0; m < 2; m++) {
      assertThat(srp.subspace(m)).containsExactly(features[m]);
      assertThat(Snapshots.write(srp.member(m))).isEqualTo(Snapshots.write(model[m]));
    }
  }

  private static double[] project(double[] x, int[] features) {
    double[] view = new double[features.length];
    for (int k = 0; k < features.length; k++) {
      view[k] = x[features[k]];
    }
    return view;
  }

  /** A member's own draw of 2 of 3 features, sorted. */
  private static int[] drawnSubspace(SplitMix64 stream) {
    int[] order = {0, 1, 2};
    stream.sampleInPlace(order, 3, 2);
    int[] features = Arrays.copyOf(order, 2);
    Arrays.sort(features);
    return features;
  }

  @Test
  void randomSubspaces_learnEveryExampleWithItsOwnWeight() {
    StreamingRandomPatches srp = StreamingRandomPatches.builder(4, 3).size(2).seed(1)
        .trainingMethod(StreamingRandomPatches.TrainingMethod.RANDOM_SUBSPACES).driftDelta(0)
        .warningDelta(0).build();
    ClassifierChecks.train(srp, 500, 4);
    for (int m = 0; m < 2; m++) {
      assertThat(srp.member(m).samplesSeen()).isEqualTo(500);
    }
  }

  @Test
  void anyClassifierOverASubspace_canBeTheBase() {
    StreamingRandomPatches srp = StreamingRandomPatches.builder(4, 3).size(5)
        .base(GaussianNaiveBayes.builder(2, 3).build()).build();
    assertThat(srp.subspaceSize()).isEqualTo(2);
    ClassifierChecks.train(srp, 2_000, 5);
    assertThat(srp.member(0)).isInstanceOf(GaussianNaiveBayes.class);
    assertThat(srp.acceptsMissingValues()).isFalse();
    StreamingRandomPatches restored = Snapshots.read(Snapshots.write(srp),
        StreamingRandomPatches.class);
    assertThat(ClassifierChecks.predictions(restored))
        .isEqualTo(ClassifierChecks.predictions(srp));
    assertThatThrownBy(() -> StreamingRandomPatches.builder(4, 3)
        .base(GaussianNaiveBayes.builder(5, 3).build()).build())
        .hasMessageContaining("5 features");
  }

  /** Two threads and one give the same model, bit for bit (each member's randomness is its own). */
  @Test
  void threads_giveTheSameModelBitForBit() {
    for (boolean patches : new boolean[] {true, false}) {
      DriftAwareForest one = patches
          ? StreamingRandomPatches.builder(8, 2).size(7).seed(4).build()
          : AdaptiveRandomForest.builder(8, 2).size(7).seed(4).build();
      DriftAwareForest two = patches
          ? StreamingRandomPatches.builder(8, 2).size(7).seed(4).threads(2).build()
          : AdaptiveRandomForest.builder(8, 2).size(7).seed(4).threads(2).build();
      int agree = 0;
      SplittableRandom random = new SplittableRandom(6);
      double[] x = new double[8];
      for (int i = 0; i < 4_000; i++) {
        for (int j = 0; j < 8; j++) {
          x[j] = random.nextDouble();
        }
        int label = (i < 2_000) == (x[0] + x[5] > 1) ? 1 : 0;
        agree += one.predict(x) == two.predict(x) ? 1 : 0;
        one.learn(x, label);
        two.learn(x, label);
      }
      assertThat(agree).isEqualTo(4_000);
      assertThat(one.drifts()).isEqualTo(two.drifts()).isPositive();
      for (int m = 0; m < one.size(); m++) {
        assertThat(Snapshots.write(two.members[m].learner.model))
            .isEqualTo(Snapshots.write(one.members[m].learner.model));
        assertThat(two.accuracy(m)).isEqualTo(one.accuracy(m));
        assertThat(two.members[m].random.state()).isEqualTo(one.members[m].random.state());
      }
      assertThat(two.predictProba(x, new double[2])).isEqualTo(one.predictProba(x, new double[2]));
    }
  }

  /**
   * Both forests learning batches (chunks of 700 rows, with a concept flip, so members drift and
   * are replaced) give the model of learning row by row: bit for bit on one thread (the whole
   * snapshot), and member by member on two, where each thread takes its members through a batch.
   */
  @Test
  void learnBatch_givesTheModelOfLearningRowByRow_onOneAndTwoThreads() {
    int n = 4_000;
    double[] xs = uniformRows(n, 7);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (i < 2_000) == (xs[i * 8] + xs[i * 8 + 5] > 1) ? 1 : 0;
    }
    for (boolean patches : new boolean[] {true, false}) {
      DriftAwareForest rows = forest(patches, 2, 1);
      DriftAwareForest batches = (DriftAwareForest) rows.copy();
      DriftAwareForest twoThreads = forest(patches, 2, 2);
      for (int i = 0; i < n; i++) {
        rows.learn(Arrays.copyOfRange(xs, i * 8, i * 8 + 8), labels[i]);
      }
      for (int from = 0; from < n; from += 700) {
        batches.learnBatch(xs, from, Math.min(700, n - from), labels);
        twoThreads.learnBatch(xs, from, Math.min(700, n - from), labels);
      }
      assertThat(rows.drifts()).isPositive();
      assertThat(Snapshots.write(batches)).isEqualTo(Snapshots.write(rows));
      assertThat(twoThreads.samplesSeen()).isEqualTo(n);
      assertSameMembers(rows, twoThreads);
      xs[5 * 8 + 3] = Double.POSITIVE_INFINITY; // a bad row refuses the whole batch
      byte[] before = Snapshots.write(batches);
      assertThatThrownBy(() -> batches.learnBatch(xs, 0, 10, labels))
          .isInstanceOf(IllegalArgumentException.class);
      xs[5 * 8 + 3] = 0.5;
      int label = labels[9];
      labels[9] = 2; // and so does a bad label
      assertThatThrownBy(() -> batches.learnBatch(xs, 0, 10, labels))
          .hasMessageContaining("label");
      labels[9] = label;
      assertThat(Snapshots.write(batches)).isEqualTo(before);
    }
  }

  /**
   * Both forests in test-then-train over batches of 1,500 rows (blocks of 1,024 rows and less,
   * three classes, a concept flip so that members warn, drift and are replaced) answer and learn
   * as {@code predict} then {@code learn} row by row: the same answers, and the same forest bit for
   * bit on one thread (the whole snapshot) and member by member on two; so does {@code
   * predictThenLearn} row by row on two threads. A bad row or label refuses the whole batch before
   * any member changes.
   */
  @Test
  void predictThenLearnBatch_answersAndLearnsAsRowByRow_onOneAndTwoThreads() {
    int n = 4_000;
    double[] xs = uniformRows(n, 8);
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      double s = i < 2_000 ? xs[i * 8] + xs[i * 8 + 5] : xs[i * 8 + 2] - xs[i * 8 + 6] + 1;
      labels[i] = s < 0.8 ? 0 : s < 1.2 ? 1 : 2;
    }
    for (boolean patches : new boolean[] {true, false}) {
      DriftAwareForest rows = forest(patches, 3, 1);
      DriftAwareForest batches = (DriftAwareForest) rows.copy();
      DriftAwareForest twoThreads = forest(patches, 3, 2);
      DriftAwareForest fused = forest(patches, 3, 2);
      int[] byRow = new int[n];
      for (int i = 0; i < n; i++) {
        double[] x = Arrays.copyOfRange(xs, i * 8, i * 8 + 8);
        byRow[i] = rows.predict(x);
        rows.learn(x, labels[i]);
        assertThat(fused.predictThenLearn(x, labels[i])).isEqualTo(byRow[i]);
      }
      assertSameMembers(rows, fused);
      DriftAwareForest mixed = forest(patches, 3, 1); // single rows first: blocks grow after use
      int[] mixedAnswers = new int[n];
      for (int from = 0; from < n; from += 1_500) {
        for (int r = from; r < from + 10; r++) {
          mixedAnswers[r] = mixed.predictThenLearn(Arrays.copyOfRange(xs, r * 8, r * 8 + 8),
              labels[r]);
        }
        mixed.predictThenLearnBatch(xs, from + 10, Math.min(1_500, n - from) - 10, labels,
            mixedAnswers);
      }
      assertThat(mixedAnswers).isEqualTo(byRow);
      assertThat(Snapshots.write(mixed)).isEqualTo(Snapshots.write(rows));
      int[] batched = new int[n];
      int[] threaded = new int[n];
      for (int from = 0; from < n; from += 1_500) {
        batches.predictThenLearnBatch(xs, from, Math.min(1_500, n - from), labels, batched);
        twoThreads.predictThenLearnBatch(xs, from, Math.min(1_500, n - from), labels, threaded);
      }
      assertThat(rows.drifts()).isPositive();
      assertThat(rows.warnings()).isPositive();
      assertThat(batched).isEqualTo(byRow);
      assertThat(threaded).isEqualTo(byRow);
      assertThat(Snapshots.write(batches)).isEqualTo(Snapshots.write(rows));
      assertThat(twoThreads.samplesSeen()).isEqualTo(n);
      assertSameMembers(rows, twoThreads);
      byte[] before = Snapshots.write(batches);
      xs[5 * 8 + 3] = Double.NEGATIVE_INFINITY;
      assertThatThrownBy(() -> batches.predictThenLearnBatch(xs, 0, 10, labels, new int[10]))
          .hasMessageContaining("-Infinity");
      xs[5 * 8 + 3] = 0.5;
      labels[9] = 3;
      assertThatThrownBy(() -> batches.predictThenLearnBatch(xs, 0, 10, labels, new int[10]))
          .hasMessageContaining("label");
      labels[9] = 0;
      assertThat(Snapshots.write(batches)).isEqualTo(before);
    }
  }

  /** {@code n} rows of 8 values uniform in [0, 1), row-major. */
  private static double[] uniformRows(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] xs = new double[n * 8];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextDouble();
    }
    return xs;
  }

  /** Seven members over 8 features, seed 4: random patches or a random forest. */
  private static DriftAwareForest forest(boolean patches, int classes, int threads) {
    return patches
        ? StreamingRandomPatches.builder(8, classes).size(7).seed(4).threads(threads).build()
        : AdaptiveRandomForest.builder(8, classes).size(7).seed(4).threads(threads).build();
  }

  /** Member by member: the same model, accuracy and random stream. */
  private static void assertSameMembers(DriftAwareForest expected, DriftAwareForest actual) {
    for (int m = 0; m < expected.size(); m++) {
      assertThat(Snapshots.write(actual.members[m].learner.model))
          .isEqualTo(Snapshots.write(expected.members[m].learner.model));
      assertThat(actual.accuracy(m)).isEqualTo(expected.accuracy(m));
      assertThat(actual.members[m].random.state()).isEqualTo(expected.members[m].random.state());
    }
  }

  /** Elec2 prequential, 10 members, seeds 1 to 5 (MOA's SRP with 100 members: 0.899). */
  @Test
  void elec2_tenMembers() {
    double sum = 0;
    for (long seed = 1; seed <= 5; seed++) {
      StreamingRandomPatches srp = StreamingRandomPatches.builder(8, 2).size(10).seed(seed)
          .build();
      sum += Prequential.classification(srp, RealData.elec2(),
          new ClassificationMetrics(2, 1000)).accuracy();
    }
    System.out.printf("Elec2 streaming random patches, 10 members, mean of 5 seeds: %.4f%n",
        sum / 5);
    assertThat(sum / 5).isCloseTo(0.8959, within(0.0005));
  }
}
