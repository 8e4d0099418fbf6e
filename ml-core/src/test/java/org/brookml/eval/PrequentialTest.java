package org.brookml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.brookml.cluster.MiniBatchKMeans;
import org.brookml.io.CsvReader;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.OnlineClassifier;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

class PrequentialTest {

  /**
   * A classifier that predicts the previous label it was taught: the no-change baseline of the
   * drift literature. Only what the test needs is implemented.
   */
  private static class NoChange implements OnlineClassifier {
    private int last;
    private long seen;

    @Override public int numClasses() { return 2; }
    @Override public int dimension() { return 1; }
    @Override public long samplesSeen() { return seen; }
    @Override public NoChange copy() { throw new UnsupportedOperationException(); }
    @Override public void reset() { seen = 0; }
    @Override public void learn(double[] x, int label, double weight) { last = label; seen++; }
    @Override public void learn(SparseVector x, int label, double weight) { learn((double[]) null, label, weight); }
    @Override public int predict(double[] x) { return last; }
    @Override public int predict(SparseVector x) { return last; }
    @Override public double[] predictProba(double[] x, double[] out) {
      out[last] = 0.9;
      out[1 - last] = 0.1;
      return out;
    }
    @Override public double[] predictProba(SparseVector x, double[] out) { return predictProba((double[]) null, out); }
  }

  @Test
  void classification_testsEachExampleBeforeTrainingOnIt() {
    // Labels 0 0 0 1 1 0: the no-change predictor (starting at 0) is wrong on examples 4 and 6
    // only; had it trained before testing it would be right every time.
    try (DenseExampleStream stream = CsvReader.builder(
        new StringReader("1,0\n2,0\n3,0\n4,1\n5,1\n6,0\n"), "labels").open()) {
      ClassificationMetrics m =
          Prequential.classification(new NoChange(), stream, new ClassificationMetrics(2, 100));
      assertThat(m.count()).isEqualTo(6);
      assertThat(m.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
      assertThat(m.logLoss()).isCloseTo((-4 * Math.log(0.9) - 2 * Math.log(0.1)) / 6, within(1e-12));
    }
  }

  @Test
  void clustering_scoresOnlyOnceTheModelIsReady() {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      rows.append(i % 2 == 0 ? "0,0\n" : "10,10\n");
    }
    try (DenseExampleStream stream =
        CsvReader.builder(new StringReader(rows.toString()), "points").noTarget().open()) {
      MiniBatchKMeans model = MiniBatchKMeans.builder(2, 2).initBufferSize(4).build();
      ClusteringMetrics m = Prequential.clustering(model, stream, new ClusteringMetrics(5));
      assertThat(m.count()).isEqualTo(16);
      assertThat(m.inertia()).isZero();
    }
  }

  /**
   * A classifier whose probabilities disagree with its answer: accuracy and kappa must score
   * {@code predict}, log loss the probabilities.
   */
  @Test
  void classification_scoresAccuracyByPredict_andLogLossByTheProbabilities() {
    OnlineClassifier contrary = new NoChange() {
      @Override public int predict(double[] x) { return 1; }
    };
    try (DenseExampleStream stream = CsvReader.builder(
        new StringReader("1,1\n2,1\n3,1\n"), "ones").open()) {
      ClassificationMetrics m =
          Prequential.classification(contrary, stream, new ClassificationMetrics(2, 100));
      assertThat(m.accuracy()).isEqualTo(1.0);
      // NoChange's probabilities: 0.1 for label 1 on the first example, then 0.9 twice.
      assertThat(m.logLoss())
          .isCloseTo((-Math.log(0.1) - 2 * Math.log(0.9)) / 3, within(1e-12));
    }
  }

  @Test
  void progress_isReportedEveryNExamples_withTheMetricsSoFar() {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      rows.append(i).append(",0\n");
    }
    List<String> reports = new ArrayList<>();
    try (DenseExampleStream stream =
        CsvReader.builder(new StringReader(rows.toString()), "zeros").open()) {
      Prequential.classification(new NoChange(), stream, new ClassificationMetrics(2, 10),
          ProgressListener.every(10, (n, m) -> reports.add(n + ":" + m.count() + ":"
              + m.accuracy())));
    }
    assertThat(reports).containsExactly("10:10:1.0", "20:20:1.0");
  }

  @Test
  void printEvery_printsOneLinePerInterval() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    ProgressListener<String> listener =
        ProgressListener.printEvery(2, new java.io.PrintStream(bytes, true));
    for (int n = 1; n <= 5; n++) {
      listener.onProgress(n, "m" + n);
    }
    assertThat(bytes.toString().lines()).containsExactly("2 examples: m2", "4 examples: m4");
  }

  @Test
  void aClassCodeOutOfRange_isReportedWithItsLine() {
    try (DenseExampleStream stream = CsvReader.builder(
        new StringReader("1,0\n2,1\n3,7\n"), "codes.csv").open()) {
      assertThatThrownBy(() ->
          Prequential.classification(new NoChange(), stream, new ClassificationMetrics(2, 10)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("codes.csv:3: target 7.0 is not a class code in [0, 2)")
          .hasMessageContaining("LabelEncoder");
    }
  }
}
