package org.brookml.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.data.Agrawal;
import org.brookml.data.ConceptDrift;
import org.brookml.data.Generator;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.io.ArffReader;
import org.brookml.io.RealData;
import org.brookml.io.Snapshots;
import org.brookml.learner.ClassifierChecks;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.tree.HoeffdingTree.Split;
import org.brookml.tree.HoeffdingTreeTest.Replay;
import org.junit.jupiter.api.Test;

/**
 * The extremely fast decision tree against its rule: the first split taken when the best
 * candidate beats not splitting, where VFDT waits for it to beat the runner-up (replayed from the
 * rows, independently of the tree); each re-evaluation of the root replayed from every row it has
 * seen; snapshots with split statistics; and Elec2.
 */
class ExtremelyFastDecisionTreeTest implements OnlineLearnerContract<ExtremelyFastDecisionTree> {

  @Override
  public ExtremelyFastDecisionTree newLearner() {
    return ExtremelyFastDecisionTree.builder(HoeffdingTree.builder(ClassifierChecks.D,
        ClassifierChecks.K).gracePeriod(50)).reevaluationPeriod(300).build();
  }

  @Override
  public void train(ExtremelyFastDecisionTree learner, int n, long dataSeed) {
    ClassifierChecks.train(learner, n, dataSeed);
  }

  @Override
  public double[] predictions(ExtremelyFastDecisionTree learner) {
    return ClassifierChecks.predictions(learner);
  }

  @Override
  public Map<String, Consumer<ExtremelyFastDecisionTree>> badInputs() {
    return ClassifierChecks.badInputs(true);
  }

  /**
   * For 30 data sets of 200 two-class examples whose two features are both informative, of
   * strengths that vary with the seed: the tree splits at 200 exactly when the replay's best merit
   * beats 0 by the bound, on the replay's feature and threshold; VFDT (same rows) only when the
   * best beats the runner-up too, so on fewer of them.
   */
  @Test
  void firstSplit_beatsNotSplitting_notTheRunnerUp() {
    int efdtSplits = 0;
    int vfdtSplits = 0;
    for (int seed = 0; seed < 30; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      double[][] xs = new double[200][2];
      int[] ys = new int[200];
      ExtremelyFastDecisionTree efdt = ExtremelyFastDecisionTree.builder(HoeffdingTree
          .builder(2, 2).gracePeriod(200).delta(0.01).tieThreshold(0)).build();
      HoeffdingTree vfdt = HoeffdingTree.builder(2, 2).gracePeriod(200).delta(0.01)
          .tieThreshold(0).prePrune(true).build();
      for (int i = 0; i < 200; i++) {
        ys[i] = random.nextInt(2);
        xs[i][0] = random.nextGaussian() + 0.08 * seed * ys[i];
        xs[i][1] = random.nextGaussian() + 0.07 * seed * ys[i];
        efdt.learn(xs[i], ys[i]);
        vfdt.learn(xs[i], ys[i]);
      }
      Replay replay = new Replay(xs, ys, 0.01);
      double best = Math.max(replay.merits[0], replay.merits[1]);
      boolean expected = best > replay.epsilon;
      assertThat(efdt.tree.root instanceof Split).as("seed %d", seed).isEqualTo(expected);
      if (expected) {
        efdtSplits++;
        Split split = (Split) efdt.tree.root;
        assertThat(split.attribute).isEqualTo(replay.attribute);
        assertThat(split.threshold).isCloseTo(replay.threshold, within(1e-12));
        assertThat(split.statistics.totalWeight()).isEqualTo(200);
      }
      vfdtSplits += vfdt.root instanceof Split ? 1 : 0;
    }
    System.out.printf("30 data sets: EFDT splits %d, VFDT %d%n", efdtSplits, vfdtSplits);
    assertThat(efdtSplits).isEqualTo(18); // the README's figures
    assertThat(vfdtSplits).isEqualTo(6);
  }

  /**
   * The class follows feature 0 for 1,500 examples, then feature 1. A tree one split deep (its
   * leaves cannot split) re-evaluates its root every 500 units of weight; each time, the replay
   * of every row the root has seen says whether another feature's best merit beats the current
   * feature's by more than the bound, and the tree must agree: keep the root, or split on the
   * other feature with new leaves.
   */
  @Test
  void reevaluation_replacesTheRoot_exactlyWhenTheBoundSays() {
    ExtremelyFastDecisionTree efdt = ExtremelyFastDecisionTree.builder(HoeffdingTree
        .builder(2, 2).gracePeriod(100).delta(0.01).tieThreshold(0).maxDepth(1))
        .reevaluationPeriod(500).build();
    SplittableRandom random = new SplittableRandom(4);
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int checks = 0;
    int replacements = 0;
    for (int i = 0; i < 12_000; i++) {
      int y = random.nextInt(2);
      int informative = i < 1_500 ? 0 : 1;
      double[] x = new double[2];
      x[informative] = random.nextGaussian() + 2 * y;
      x[1 - informative] = random.nextGaussian();
      rows.add(x);
      labels.add(y);
      HoeffdingTree.Node before = efdt.tree.root;
      boolean reevaluates = before instanceof Split
          && ((Split) before).statistics.totalWeight() + 1
              - ((Split) before).statistics.weightAtLastEvaluation >= 500;
      efdt.learn(x, y);
      if (!reevaluates) {
        continue;
      }
      checks++;
      Replay replay = new Replay(rows.toArray(new double[0][]),
          labels.stream().mapToInt(Integer::intValue).toArray(), 0.01);
      int current = ((Split) before).attribute;
      double gain = replay.merits[1 - current] - replay.merits[current];
      if (Math.abs(gain - replay.epsilon) < 1e-4) {
        continue; // too close to call with the replay's own approximations
      }
      if (gain > replay.epsilon) {
        replacements++;
        assertThat(efdt.tree.root).as("example %d", i).isNotSameAs(before);
        assertThat(((Split) efdt.tree.root).attribute).isEqualTo(1 - current);
        assertThat(((Split) efdt.tree.root).statistics)
            .isSameAs(((Split) before).statistics);
      } else {
        assertThat(efdt.tree.root).as("example %d", i).isSameAs(before);
      }
    }
    System.out.printf("root re-evaluated %d times, replaced %d times%n", checks, replacements);
    assertThat(checks).isEqualTo(23);
    assertThat(replacements).isEqualTo(1);
    assertThat(efdt.revisions()).isEqualTo(1);
    assertThat(((Split) efdt.tree.root).attribute).isEqualTo(1);
  }

  /** Snapshots of a tree that has revised splits restore exactly and continue bit for bit. */
  @Test
  void snapshotWithSplitStatistics_continuesBitForBit() {
    Generator stream = ConceptDrift.between(Agrawal.builder().function(1).seed(3).build(),
        Agrawal.builder().function(4).seed(4).build()).position(15_000).width(1).build();
    ExtremelyFastDecisionTree efdt = ExtremelyFastDecisionTree.builder(HoeffdingTree
        .builder(stream.schema()).gracePeriod(100)).reevaluationPeriod(500).build();
    while (stream.emitted() < 40_000 && stream.next()) {
      efdt.learn(stream.features(), (int) stream.target());
    }
    assertThat(efdt.revisions()).isPositive();
    assertThat(efdt.leafCount()).isGreaterThan(2);
    byte[] bytes = Snapshots.write(efdt);
    ExtremelyFastDecisionTree restored = Snapshots.read(bytes, ExtremelyFastDecisionTree.class);
    assertThat(Snapshots.write(restored)).isEqualTo(bytes);
    ExtremelyFastDecisionTree copy = efdt.copy();
    while (stream.emitted() < 60_000 && stream.next()) {
      efdt.learn(stream.features(), (int) stream.target());
      restored.learn(stream.features(), (int) stream.target());
      copy.learn(stream.features(), (int) stream.target());
    }
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(efdt));
    assertThat(Snapshots.write(copy)).isEqualTo(Snapshots.write(efdt));
  }

  @Test
  void builder_leavesTheCallersTreeSettingsAlone() {
    HoeffdingTree.Builder settings = HoeffdingTree.builder(3, 2).gracePeriod(30);
    ExtremelyFastDecisionTree.builder(settings).build();
    assertThat(settings.build().anytime).isFalse();
    assertThatThrownBy(() -> ExtremelyFastDecisionTree.builder(3, 2).reevaluationPeriod(0))
        .hasMessageContaining("reevaluationPeriod");
  }

  /**
   * Elec2 from its ARFF (day nominal), defaults. MOA 2024.07's {@code trees.EFDT} on the same
   * rows: see the README's field table.
   */
  @Test
  void elec2_accuracy() {
    try (ArffReader arff = ArffReader.open(RealData.shared("elec2/electricity.arff"))) {
      ExtremelyFastDecisionTree efdt = ExtremelyFastDecisionTree.builder(arff.schema()).build();
      double accuracy = Prequential.classification(efdt, arff, new ClassificationMetrics(2,
          1000)).accuracy();
      System.out.printf("Elec2 EFDT: %.4f (%d revisions, %d leaves)%n", accuracy,
          efdt.revisions(), efdt.leafCount());
      assertThat(accuracy).isCloseTo(0.8321, within(5e-5));
    }
  }
}
