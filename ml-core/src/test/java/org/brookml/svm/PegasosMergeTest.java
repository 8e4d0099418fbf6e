package org.brookml.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.brookml.io.Snapshots;
import org.junit.jupiter.api.Test;

/** Merging Pegasos models: parameter averaging (Zinkevich et al. 2010) and synchronous deltas. */
class PegasosMergeTest {

  private static final int D = 8;

  private static int example(SplittableRandom random, double[] x) {
    double score = 0.2;
    for (int j = 0; j < D; j++) {
      x[j] = random.nextGaussian();
      score += (j % 2 == 0 ? 1 : -1) * (1 + j / 4.0) * x[j];
    }
    return score + 0.5 * random.nextGaussian() > 0 ? 1 : 0;
  }

  private static void train(PegasosSvm model, int n, SplittableRandom random) {
    double[] x = new double[D];
    for (int i = 0; i < n; i++) {
      model.learn(x, example(random, x));
    }
  }

  private static double accuracy(PegasosSvm model) {
    SplittableRandom random = new SplittableRandom(99);
    double[] x = new double[D];
    int correct = 0;
    for (int i = 0; i < 5_000; i++) {
      int label = example(random, x);
      correct += model.predict(x) == label ? 1 : 0;
    }
    return correct / 5_000.0;
  }

  private static List<PegasosSvm.Builder> settings() {
    List<PegasosSvm.Builder> all = new ArrayList<>();
    for (PegasosSvm.Bias bias : PegasosSvm.Bias.values()) {
      all.add(PegasosSvm.builder(D, 2).lambda(1e-3).bias(bias));
      all.add(PegasosSvm.builder(D, 2).lambda(1e-3).bias(bias).averaging(true));
    }
    return all;
  }

  @Test
  void mergeFrom_averagesWeightsByExamplesLearned() {
    PegasosSvm a = PegasosSvm.builder(D, 2).lambda(1e-3).bias(PegasosSvm.Bias.UNREGULARIZED)
        .build();
    PegasosSvm b = a.copy();
    train(a, 300, new SplittableRandom(1));
    train(b, 100, new SplittableRandom(2));
    double[] expected = new double[D];
    for (int j = 0; j < D; j++) {
      expected[j] = (300 * a.weight(0, j) + 100 * b.weight(0, j)) / 400;
    }
    double expectedIntercept = (300 * a.intercept(0) + 100 * b.intercept(0)) / 400;
    a.mergeFrom(List.of(b));
    for (int j = 0; j < D; j++) {
      assertThat(a.weight(0, j)).isCloseTo(expected[j], within(1e-12));
    }
    assertThat(a.intercept(0)).isCloseTo(expectedIntercept, within(1e-12));
    assertThat(a.samplesSeen()).isEqualTo(400);
    assertThat(a.steps()).isEqualTo(400);
  }

  /** Merging with an untrained model, and the deltas of a single replica, change nothing. */
  @Test
  void identityMerges_keepTheWholeState() {
    for (PegasosSvm.Builder setting : settings()) {
      PegasosSvm trained = setting.build();
      train(trained, 1_000, new SplittableRandom(3));
      PegasosSvm withFresh = trained.copy();
      withFresh.mergeFrom(List.of(setting.build()));
      PegasosSvm base = setting.build();
      train(base, 400, new SplittableRandom(3));
      PegasosSvm replica = base.copy();
      train(replica, 600, new SplittableRandom(4));
      PegasosSvm expected = replica.copy();
      base.addDeltas(List.of(replica));
      for (PegasosSvm[] pair : new PegasosSvm[][] {{withFresh, trained}, {base, expected}}) {
        train(pair[0], 500, new SplittableRandom(5));
        train(pair[1], 500, new SplittableRandom(5));
        assertThat(pair[0].steps()).isEqualTo(pair[1].steps());
        for (int j = 0; j < D; j++) {
          assertThat(pair[0].weight(0, j)).as("%s weight %d", setting.build(), j)
              .isCloseTo(pair[1].weight(0, j), within(1e-9));
        }
        assertThat(pair[0].intercept(0)).isCloseTo(pair[1].intercept(0), within(1e-9));
      }
    }
  }

  @Test
  void dataParallelTraining_matchesOneModelOnAllData() {
    PegasosSvm single = PegasosSvm.builder(D, 2).lambda(1e-3).build();
    PegasosSvm base = single.copy();
    SplittableRandom random = new SplittableRandom(11);
    double[] x = new double[D];
    for (int round = 0; round < 30; round++) {
      List<PegasosSvm> replicas = new ArrayList<>();
      for (int r = 0; r < 4; r++) {
        replicas.add(base.copy());
      }
      for (int i = 0; i < 400; i++) {
        int label = example(random, x);
        single.learn(x, label);
        replicas.get(i % 4).learn(x, label);
      }
      base.addDeltas(replicas);
    }
    System.out.printf("Pegasos: one model %.4f, 4 replicas x 30 rounds %.4f%n", accuracy(single),
        accuracy(base));
    assertThat(base.samplesSeen()).isEqualTo(12_000);
    assertThat(accuracy(single)).isGreaterThan(0.9);
    assertThat(accuracy(base)).isGreaterThan(accuracy(single) - 0.01);
  }

  @Test
  void incompatibleModels_areRejected_andChangeNothing() {
    PegasosSvm base = PegasosSvm.builder(D, 2).lambda(1e-3).build();
    train(base, 200, new SplittableRandom(1));
    byte[] before = Snapshots.write(base);
    assertThatThrownBy(() -> base.mergeFrom(List.of(PegasosSvm.builder(D, 2).lambda(1e-2)
        .build()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lambda");
    PegasosSvm behind = PegasosSvm.builder(D, 2).lambda(1e-3).build();
    assertThatThrownBy(() -> base.addDeltas(List.of(behind))).hasMessageContaining("not copied");
    assertThat(Snapshots.write(base)).isEqualTo(before);
  }
}
