package org.brookml.learner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.ensemble.AdaptiveRandomForest;
import org.brookml.ensemble.LeveragingBagging;
import org.brookml.ensemble.OnlineBagging;
import org.brookml.ensemble.StreamingRandomPatches;
import org.brookml.io.Snapshots;
import org.brookml.linear.RecursiveLeastSquares;
import org.brookml.linear.SgdClassifier;
import org.brookml.linear.SgdRegressor;
import org.brookml.linear.SoftmaxRegression;
import org.brookml.preprocess.Pipeline;
import org.brookml.preprocess.StandardScaler;
import org.brookml.svm.PegasosSvm;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

/**
 * One meaning of the batch calls on every learner: {@code learnBatch(xs, fromRow, rows, ...)}
 * learns those rows in order, the same model as {@code learn} on each; {@code predictBatch} and
 * {@code predictProbaBatch} write what {@code predict} and {@code predictProba} give, into the
 * caller's buffer indexed like the rows.
 */
class BatchVocabularyTest {

  private static final int D = 3;
  private static final int ROWS = 40;
  private static final int FROM = 7;
  private static final int COUNT = 25;

  private static double[] rows(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] xs = new double[ROWS * D];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextGaussian();
    }
    return xs;
  }

  private static int[] labels(double[] xs, int classes) {
    int[] labels = new int[ROWS];
    for (int r = 0; r < ROWS; r++) {
      labels[r] = Math.floorMod((int) Math.floor(2 * xs[r * D] + xs[r * D + 1]), classes);
    }
    return labels;
  }

  private static double[] row(double[] xs, int r) {
    return java.util.Arrays.copyOfRange(xs, r * D, r * D + D);
  }

  private static List<OnlineClassifier> classifiers() {
    return List.of(SgdClassifier.builder(D).build(),
        PegasosSvm.builder(D, 2).build(),
        SoftmaxRegression.builder(D, 2).build(),
        GaussianNaiveBayes.builder(D, 2).build(),
        HoeffdingTree.builder(D, 2).gracePeriod(5).build(),
        OnlineBagging.builder(HoeffdingTree.builder(D, 2).build()).size(3).build(),
        Pipeline.of(new StandardScaler(D), SgdClassifier.builder(D).build()));
  }

  @Test
  void classifierBatches_learnTheRowRangeInOrder_andPredictIntoTheCallersBuffer() {
    double[] xs = rows(1);
    int[] labels = labels(xs, 2);
    for (OnlineClassifier batched : classifiers()) {
      OnlineClassifier byRow = batched.copy();
      batched.learnBatch(xs, FROM, COUNT, labels);
      for (int r = FROM; r < FROM + COUNT; r++) {
        byRow.learn(row(xs, r), labels[r]);
      }
      String name = batched.getClass().getSimpleName();
      assertThat(Snapshots.write(batched)).as(name).isEqualTo(Snapshots.write(byRow));
      int[] classes = batched.predictBatch(xs, FROM, COUNT, new int[ROWS]);
      double[] proba = batched.predictProbaBatch(xs, FROM, COUNT, new double[ROWS * 2]);
      for (int r = FROM; r < FROM + COUNT; r++) {
        assertThat(classes[r]).as(name).isEqualTo(byRow.predict(row(xs, r)));
        assertThat(java.util.Arrays.copyOfRange(proba, 2 * r, 2 * r + 2)).as(name)
            .containsExactly(byRow.predictProba(row(xs, r), new double[2]));
      }
      assertThatThrownBy(() -> batched.predictBatch(xs, FROM, COUNT, new int[FROM + COUNT - 1]))
          .as(name).hasMessageContaining("out holds");
      assertThatThrownBy(() -> batched.learnBatch(xs, ROWS - 1, 2, labels)).as(name)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /**
   * {@code predictThenLearnBatch} and {@code predictThenLearn} answer each row as {@code predict}
   * would just before learning it, and leave the model of {@code learn} on each: the defaults, and
   * the ensembles' blocks. A wrong dimension or label changes nothing.
   */
  @Test
  void predictThenLearnBatch_answersEachRowBeforeLearningIt() {
    double[] xs = rows(5);
    int[] labels = labels(xs, 2);
    List<OnlineClassifier> all = new java.util.ArrayList<>(classifiers());
    all.add(AdaptiveRandomForest.builder(D, 2).size(3).build());
    all.add(StreamingRandomPatches.builder(D, 2).size(3).build());
    all.add(LeveragingBagging.builder(HoeffdingTree.builder(D, 2).build()).size(3).build());
    for (OnlineClassifier batched : all) {
      OnlineClassifier byRow = batched.copy();
      OnlineClassifier fused = batched.copy();
      int[] answers = batched.predictThenLearnBatch(xs, FROM, COUNT, labels, new int[ROWS]);
      String name = batched.getClass().getSimpleName();
      for (int r = FROM; r < FROM + COUNT; r++) {
        assertThat(answers[r]).as(name + " row " + r).isEqualTo(byRow.predict(row(xs, r)));
        byRow.learn(row(xs, r), labels[r]);
        assertThat(fused.predictThenLearn(row(xs, r), labels[r])).isEqualTo(answers[r]);
      }
      assertThat(Snapshots.write(batched)).as(name).isEqualTo(Snapshots.write(byRow));
      assertThat(Snapshots.write(fused)).as(name).isEqualTo(Snapshots.write(byRow));
      byte[] before = Snapshots.write(fused);
      assertThatThrownBy(() -> fused.predictThenLearn(new double[D + 1], 0)).as(name)
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> fused.predictThenLearn(row(xs, 0), 2)).as(name)
          .hasMessageContaining("label");
      assertThat(Snapshots.write(fused)).as(name).isEqualTo(before);
      assertThatThrownBy(
          () -> batched.predictThenLearnBatch(xs, FROM, COUNT, labels, new int[FROM + COUNT - 1]))
          .as(name).hasMessageContaining("out holds");
      assertThat(Snapshots.write(batched)).as(name).isEqualTo(Snapshots.write(byRow));
    }
  }

  @Test
  void regressorBatches_learnTheRowRangeInOrder_andPredictIntoTheCallersBuffer() {
    double[] xs = rows(2);
    double[] ys = new double[ROWS];
    for (int r = 0; r < ROWS; r++) {
      ys[r] = xs[r * D] - 2 * xs[r * D + 2];
    }
    for (OnlineRegressor batched : List.<OnlineRegressor>of(SgdRegressor.builder(D).build(),
        RecursiveLeastSquares.builder(D).build(),
        Pipeline.of(new StandardScaler(D), SgdRegressor.builder(D).build()))) {
      OnlineRegressor byRow = batched.copy();
      batched.learnBatch(xs, FROM, COUNT, ys);
      for (int r = FROM; r < FROM + COUNT; r++) {
        byRow.learn(row(xs, r), ys[r]);
      }
      String name = batched.getClass().getSimpleName();
      assertThat(Snapshots.write(batched)).as(name).isEqualTo(Snapshots.write(byRow));
      double[] predicted = batched.predictBatch(xs, FROM, COUNT, new double[ROWS]);
      for (int r = FROM; r < FROM + COUNT; r++) {
        assertThat(predicted[r]).as(name).isEqualTo(byRow.predict(row(xs, r)));
      }
    }
  }

  @Test
  void clustererPredictBatch_givesTheNearestCentreOfEachRow() {
    double[] xs = rows(3);
    MiniBatchKMeans kmeans = MiniBatchKMeans.builder(3, D).initBufferSize(10).build();
    kmeans.learnBatch(xs, 0, ROWS);
    int[] clusters = kmeans.predictBatch(xs, FROM, COUNT, new int[ROWS]);
    for (int r = FROM; r < FROM + COUNT; r++) {
      assertThat(clusters[r]).isEqualTo(kmeans.predict(row(xs, r)));
    }
  }

  @Test
  void pegasosBatchSize_stepsThroughTheRowsInChunks_theLastTakingWhatIsLeft() {
    double[] xs = rows(4);
    int[] labels = labels(xs, 2);
    PegasosSvm batched = PegasosSvm.builder(D, 2).batchSize(10).build();
    batched.learnBatch(xs, FROM, COUNT, labels); // steps of 10, 10 and 5 rows
    PegasosSvm chunked = PegasosSvm.builder(D, 2).batchSize(10).build();
    chunked.learnBatch(xs, FROM, 10, labels);
    chunked.learnBatch(xs, FROM + 10, 10, labels);
    chunked.learnBatch(xs, FROM + 20, 5, labels);
    assertThat(Snapshots.write(batched)).isEqualTo(Snapshots.write(chunked));
    assertThat(batched.samplesSeen()).isEqualTo(COUNT);
    assertThatThrownBy(() -> PegasosSvm.builder(D, 2).batchSize(0))
        .hasMessageContaining("batchSize must be in 1..2^20");
  }
}
