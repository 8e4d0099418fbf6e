package org.brookml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.brookml.io.Snapshots;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Optimizer;
import org.junit.jupiter.api.Test;

/** Merging linear models: parameter averaging (Zinkevich et al. 2010) and synchronous deltas. */
class LinearMergeTest {

  private static final int D = 10;

  private static Map<String, Optimizer> optimizers() {
    return Map.of(
        "sgd", Optimizer.sgd(LearningRate.optimal(1e-4), 1e-4, 0, 1),
        "elastic net", Optimizer.sgd(LearningRate.inverseScaling(0.1, 0.5), 1e-3, 0.5, 1),
        "averaged sgd", Optimizer.averagedSgd(LearningRate.optimal(1e-4), 1e-4, 0, 1),
        "adagrad", Optimizer.adaGrad(0.1, 1e-4),
        "adam", Optimizer.adam(0.01, 0.9, 0.999, 0),
        "ftrl", Optimizer.ftrl(0.1, 1, 0.01, 0.01));
  }

  /** A noisy linear concept over D features; returns the label. */
  private static int example(SplittableRandom random, double[] x) {
    double score = 0.3;
    for (int j = 0; j < D; j++) {
      x[j] = random.nextGaussian();
      score += (j % 3 - 1) * (1 + j / 5.0) * x[j];
    }
    return score + 0.5 * random.nextGaussian() > 0 ? 1 : 0;
  }

  private static void train(SgdClassifier model, int n, SplittableRandom random) {
    double[] x = new double[D];
    for (int i = 0; i < n; i++) {
      model.learn(x, example(random, x));
    }
  }

  private static double accuracy(SgdClassifier model) {
    SplittableRandom random = new SplittableRandom(99);
    double[] x = new double[D];
    int correct = 0;
    for (int i = 0; i < 5_000; i++) {
      int label = example(random, x);
      correct += model.predict(x) == label ? 1 : 0;
    }
    return correct / 5_000.0;
  }

  private static SgdClassifier model(Optimizer optimizer) {
    return SgdClassifier.builder(D).optimizer(optimizer).build();
  }

  @Test
  void mergeFrom_averagesWeightsByExamplesLearned() {
    Optimizer sgd = optimizers().get("sgd");
    SgdClassifier a = model(sgd);
    SgdClassifier b = model(sgd);
    train(a, 300, new SplittableRandom(1));
    train(b, 100, new SplittableRandom(2));
    double[] expected = new double[D];
    for (int j = 0; j < D; j++) {
      expected[j] = (300 * a.weight(j) + 100 * b.weight(j)) / 400;
    }
    double expectedIntercept = (300 * a.intercept() + 100 * b.intercept()) / 400;
    a.mergeFrom(List.of(b));
    for (int j = 0; j < D; j++) {
      assertThat(a.weight(j)).as("weight %d", j).isCloseTo(expected[j], within(1e-12));
    }
    assertThat(a.intercept()).isCloseTo(expectedIntercept, within(1e-12));
    assertThat(a.samplesSeen()).isEqualTo(400);
  }

  /**
   * Merging with an untrained model (share 0, nothing to add) and taking the deltas of a single
   * replica (share 1) both leave exactly the trained state: the model then goes on learning as the
   * unmerged one does, which needs every optimizer statistic (schedule step, AdaGrad sums, Adam
   * moments, FTRL z and n, L1 penalties, sums of iterates) carried over.
   */
  @Test
  void identityMerges_keepEveryOptimizerStatistic() {
    optimizers().forEach((name, optimizer) -> {
      SgdClassifier trained = model(optimizer);
      train(trained, 1_000, new SplittableRandom(3));
      SgdClassifier mergedWithFresh = trained.copy();
      mergedWithFresh.mergeFrom(List.of(model(optimizer)));
      SgdClassifier base = model(optimizer);
      train(base, 400, new SplittableRandom(3));
      SgdClassifier replica = base.copy();
      train(replica, 600, new SplittableRandom(4));
      SgdClassifier expectedReplica = replica.copy();
      base.addDeltas(List.of(replica));
      for (SgdClassifier[] pair : new SgdClassifier[][] {{mergedWithFresh, trained},
          {base, expectedReplica}}) {
        assertThat(pair[0].samplesSeen()).isEqualTo(pair[1].samplesSeen());
        assertSameWeights(name + " after merging", pair[0], pair[1], 1e-12);
        train(pair[0], 500, new SplittableRandom(5));
        train(pair[1], 500, new SplittableRandom(5));
        assertSameWeights(name + " after 500 more", pair[0], pair[1], 1e-9);
      }
    });
  }

  private static void assertSameWeights(String what, SgdClassifier a, SgdClassifier b,
      double tolerance) {
    for (int j = 0; j < D; j++) {
      assertThat(a.weight(j)).as("%s, weight %d", what, j).isCloseTo(b.weight(j),
          within(tolerance));
    }
    assertThat(a.intercept()).as(what + ", intercept").isCloseTo(b.intercept(), within(tolerance));
  }

  /**
   * Data-parallel training: 4 replicas learn disjoint shards of each round of 400 examples and
   * the base takes their deltas; after 30 rounds it is as accurate as one model trained on the
   * whole stream, for every optimizer. Merging 4 models trained on disjoint quarters
   * (parameter averaging) comes close too.
   */
  @Test
  void dataParallelTraining_matchesOneModelOnAllData() {
    optimizers().forEach((name, optimizer) -> {
      SgdClassifier single = model(optimizer);
      SgdClassifier base = model(optimizer);
      List<SgdClassifier> quarters = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        quarters.add(model(optimizer));
      }
      SplittableRandom random = new SplittableRandom(11);
      double[] x = new double[D];
      for (int round = 0; round < 30; round++) {
        List<SgdClassifier> replicas = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
          replicas.add(base.copy());
        }
        for (int i = 0; i < 400; i++) {
          int label = example(random, x);
          single.learn(x, label);
          replicas.get(i % 4).learn(x, label);
          quarters.get(i % 4).learn(x, label);
        }
        base.addDeltas(replicas);
      }
      SgdClassifier averaged = quarters.get(0);
      averaged.mergeFrom(quarters.subList(1, 4));
      assertThat(base.samplesSeen()).isEqualTo(12_000);
      assertThat(averaged.samplesSeen()).isEqualTo(12_000);
      double reference = accuracy(single);
      System.out.printf("%s: one model %.4f, synchronous deltas %.4f, averaged quarters %.4f%n",
          name, reference, accuracy(base), accuracy(averaged));
      assertThat(reference).as(name).isGreaterThan(0.85);
      assertThat(accuracy(base)).as(name + " synchronous").isGreaterThan(reference - 0.01);
      assertThat(accuracy(averaged)).as(name + " averaged").isGreaterThan(reference - 0.02);
    });
  }

  @Test
  void softmaxAndRegression_mergeByTheSameRules() {
    Optimizer adaGrad = Optimizer.adaGrad(0.1, 0);
    SoftmaxRegression a = SoftmaxRegression.builder(3, 3).optimizer(adaGrad).build();
    SoftmaxRegression b = SoftmaxRegression.builder(3, 3).optimizer(adaGrad).build();
    SgdRegressor ra = SgdRegressor.builder(3).build();
    SgdRegressor rb = SgdRegressor.builder(3).build();
    SplittableRandom random = new SplittableRandom(6);
    double[] x = new double[3];
    for (int i = 0; i < 600; i++) {
      for (int j = 0; j < 3; j++) {
        x[j] = random.nextGaussian();
      }
      int label = x[0] > 0.5 ? 2 : x[1] > 0 ? 1 : 0;
      (i < 200 ? a : b).learn(x, label);
      (i < 200 ? ra : rb).learn(x, 2 * x[0] - x[2]);
    }
    double[][] expected = new double[3][3];
    for (int c = 0; c < 3; c++) {
      for (int j = 0; j < 3; j++) {
        expected[c][j] = (200 * a.weight(c, j) + 400 * b.weight(c, j)) / 600;
      }
    }
    double expectedWeight = (200 * ra.weight(0) + 400 * rb.weight(0)) / 600;
    a.mergeFrom(List.of(b));
    ra.mergeFrom(List.of(rb));
    for (int c = 0; c < 3; c++) {
      for (int j = 0; j < 3; j++) {
        assertThat(a.weight(c, j)).isCloseTo(expected[c][j], within(1e-12));
      }
    }
    assertThat(ra.weight(0)).isCloseTo(expectedWeight, within(1e-12));
    assertThat(a.samplesSeen()).isEqualTo(600);
  }

  @Test
  void incompatibleOrForeignModels_areRejected_andChangeNothing() {
    SgdClassifier base = model(optimizers().get("adagrad"));
    train(base, 500, new SplittableRandom(1));
    byte[] before = Snapshots.write(base);
    SgdClassifier otherOptimizer = model(optimizers().get("ftrl"));
    SgdClassifier otherDimension = SgdClassifier.builder(D + 1)
        .optimizer(optimizers().get("adagrad")).build();
    SgdClassifier behind = model(optimizers().get("adagrad"));
    train(behind, 100, new SplittableRandom(2));
    assertThatThrownBy(() -> base.mergeFrom(List.of(otherOptimizer)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftrl");
    assertThatThrownBy(() -> base.addDeltas(List.of(base.copy(), otherDimension)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model 1");
    assertThatThrownBy(() -> base.addDeltas(List.of(behind)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not copied");
    List<SgdClassifier> withNull = new ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(() -> base.mergeFrom(withNull)).isInstanceOf(NullPointerException.class);
    assertThat(Snapshots.write(base)).isEqualTo(before);
  }
}
