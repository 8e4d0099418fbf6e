package org.brookml.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.io.Snapshots;
import org.brookml.linear.SgdClassifier;
import org.junit.jupiter.api.Test;

/**
 * The data-parallel trainer against its rule, replayed by hand: copies of the model learn
 * contiguous shares of the rows, then the model adds their deltas; one thread is the model
 * learning the rows itself; a failing share leaves the model as it was.
 */
class DataParallelTrainerTest {

  private static final int D = 5;

  private static double[] rows(int n, long seed, int[] labels) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] xs = new double[n * D];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int j = 0; j < D; j++) {
        xs[i * D + j] = random.nextGaussian();
        sum += (j + 1) * xs[i * D + j];
      }
      if (labels != null) {
        labels[i] = sum + 0.5 * random.nextGaussian() > 0 ? 1 : 0;
      }
    }
    return xs;
  }

  @Test
  void threeThreads_areCopiesLearningSharesThenTheirDeltasAdded() {
    int n = 10_000;
    int[] labels = new int[n];
    double[] xs = rows(n, 1, labels);
    SgdClassifier model = SgdClassifier.builder(D).build();
    model.learnBatch(xs, 0, 1_000, labels); // a model that has learned already
    SgdClassifier replay = model.copy();
    try (DataParallelTrainer<SgdClassifier> trainer = DataParallelTrainer.of(model, 3)) {
      assertThat(trainer.learn(1_000, 9_000, (m, from, rows) -> m.learnBatch(xs, from, rows,
          labels))).isSameAs(model);
    }
    // Shares of 9,000 rows over 3 threads: [1000, 4000), [4000, 7000), [7000, 10000).
    SgdClassifier a = replay.copy();
    SgdClassifier b = replay.copy();
    SgdClassifier c = replay.copy();
    a.learnBatch(xs, 1_000, 3_000, labels);
    b.learnBatch(xs, 4_000, 3_000, labels);
    c.learnBatch(xs, 7_000, 3_000, labels);
    replay.addDeltas(List.of(a, b, c));
    assertThat(Snapshots.write(model)).isEqualTo(Snapshots.write(replay));
    assertThat(model.samplesSeen()).isEqualTo(n);
  }

  @Test
  void oneThread_isTheModelLearningTheRows() {
    double[] xs = rows(4_000, 2, null);
    MiniBatchKMeans model = MiniBatchKMeans.builder(3, D).seed(4).build();
    MiniBatchKMeans alone = model.copy();
    try (DataParallelTrainer<MiniBatchKMeans> trainer = DataParallelTrainer.of(model, 1)) {
      trainer.learn(0, 4_000, (m, from, rows) -> m.learnBatch(xs, from, rows));
    }
    alone.learnBatch(xs, 0, 4_000);
    assertThat(Snapshots.write(model)).isEqualTo(Snapshots.write(alone));
  }

  @Test
  void aShareThatFails_leavesTheModelAsItWas() {
    int n = 2_000;
    int[] labels = new int[n];
    double[] xs = rows(n, 3, labels);
    xs[1_500 * D + 2] = Double.NaN; // in the second share
    SgdClassifier model = SgdClassifier.builder(D).build();
    model.learnBatch(xs, 0, 500, labels);
    byte[] before = Snapshots.write(model);
    try (DataParallelTrainer<SgdClassifier> trainer = DataParallelTrainer.of(model, 2)) {
      assertThatThrownBy(() -> trainer.learn(0, n, (m, from, rows) -> m.learnBatch(xs, from, rows,
          labels))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
      assertThat(Snapshots.write(model)).isEqualTo(before);
      assertThatThrownBy(() -> trainer.learn(-1, 10, (m, from, rows) -> { }))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("range");
    }
    assertThatThrownBy(() -> DataParallelTrainer.of(model, 0))
        .hasMessageContaining("threads");
  }
}
