package org.brookml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
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
  private static final class NoChange implements OnlineClassifier {
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
}
