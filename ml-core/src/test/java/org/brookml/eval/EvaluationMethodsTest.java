package org.brookml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.data.Sea;
import org.brookml.learner.DenseExampleStream;
import org.brookml.learner.OnlineClassifier;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

/**
 * The evaluation methods replayed with a scripted classifier, which predicts the last label it
 * learned and records, at every prediction, how many examples it had learned and which: so that
 * what each method let the model see, and when, is checked example by example.
 */
class EvaluationMethodsTest {

  /** Predicts the last label learned (0 before any); records what it had learned. */
  static final class Scripted implements OnlineClassifier {
    final List<Integer> learned = new ArrayList<>();
    final List<Integer> learnedWhenPredicting = new ArrayList<>();
    private final int classes;
    private final int dimension;

    Scripted(int classes, int dimension) {
      this.classes = classes;
      this.dimension = dimension;
    }

    /** Three classes of two features: the streams below. */
    Scripted() {
      this(3, 2);
    }

    @Override
    public int numClasses() {
      return classes;
    }

    @Override
    public int dimension() {
      return dimension;
    }

    @Override
    public long samplesSeen() {
      return learned.size();
    }

    @Override
    public void learn(double[] x, int label, double weight) {
      learned.add(label);
    }

    @Override
    public void learn(SparseVector x, int label, double weight) {
      throw new UnsupportedOperationException();
    }

    @Override
    public int predict(double[] x) {
      learnedWhenPredicting.add(learned.size());
      return learned.isEmpty() ? 0 : learned.get(learned.size() - 1);
    }

    @Override
    public int predict(SparseVector x) {
      throw new UnsupportedOperationException();
    }

    @Override
    public double[] predictProba(double[] x, double[] out) {
      java.util.Arrays.fill(out, 0);
      out[learned.isEmpty() ? 0 : learned.get(learned.size() - 1)] = 1;
      return out;
    }

    @Override
    public double[] predictProba(SparseVector x, double[] out) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void reset() {
      learned.clear();
    }

    @Override
    public OnlineClassifier copy() {
      throw new UnsupportedOperationException();
    }
  }

  /** Labels {@code t mod 3} for t = 0, 1, ...; feature 0 is the time t. */
  private static DenseExampleStream stream(int n) {
    return new DenseExampleStream() {
      private int t = -1;
      private final double[] x = new double[2];

      @Override
      public int dimension() {
        return 2;
      }

      @Override
      public boolean next() {
        if (++t >= n) {
          return false;
        }
        x[0] = t;
        return true;
      }

      @Override
      public double[] features() {
        return x;
      }

      @Override
      public double target() {
        return t % 3;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void delayedByExamples_learnsEachLabelDelayExamplesLater() {
    for (int delay : new int[] {0, 1, 5, 50}) {
      Scripted model = new Scripted();
      ClassificationMetrics m = DelayedPrequential.byExamples(model, stream(200), delay,
          new ClassificationMetrics(3, 10), ProgressListener.none());
      for (int t = 0; t < 200; t++) {
        assertThat(model.learnedWhenPredicting.get(t)).as("delay %d, example %d", delay, t)
            .isEqualTo(Math.max(0, t - delay));
      }
      assertThat(model.learned).hasSize(200); // the pending ones are learned at the end
      assertThat(m.count()).isEqualTo(200);
    }
  }

  @Test
  void delayZero_isPrequential() {
    GaussianNaiveBayes a = GaussianNaiveBayes.builder(3, 2).build();
    GaussianNaiveBayes b = GaussianNaiveBayes.builder(3, 2).build();
    ClassificationMetrics plain = Prequential.classification(a, Sea.builder().build().limit(5_000),
        new ClassificationMetrics(2, 100));
    ClassificationMetrics delayed = DelayedPrequential.byExamples(b,
        Sea.builder().build().limit(5_000), 0, new ClassificationMetrics(2, 100),
        ProgressListener.none());
    assertThat(delayed.accuracy()).isEqualTo(plain.accuracy());
    assertThat(delayed.logLoss()).isEqualTo(plain.logLoss());
  }

  @Test
  void delayedByTime_learnsALabelOnceTheDelayHasPassed() {
    Scripted model = new Scripted();
    DelayedPrequential.byTime(model, stream(100), 0, 2.5, 10, new ClassificationMetrics(3, 10),
        ProgressListener.none());
    for (int t = 0; t < 100; t++) {
      // times are 0, 1, 2, ...: at time t the labels of times <= t - 2.5 are in
      assertThat(model.learnedWhenPredicting.get(t)).isEqualTo(Math.max(0, t - 2));
    }
    assertThatThrownBy(() -> DelayedPrequential.byTime(new Scripted(), stream(100), 0, 50, 10,
        new ClassificationMetrics(3, 10), ProgressListener.none()))
        .hasMessageContaining("more than 10 labels wait");
  }

  @Test
  void interleavedChunks_scoreAChunkWithTheModelOfItsStart_thenLearnIt() {
    Scripted model = new Scripted();
    List<Long> reports = new ArrayList<>();
    ClassificationMetrics m = InterleavedChunks.classification(model, stream(25), 10,
        new ClassificationMetrics(3, 100), (n, metrics) -> reports.add(n));
    for (int t = 0; t < 25; t++) {
      assertThat(model.learnedWhenPredicting.get(t)).isEqualTo(t / 10 * 10);
    }
    assertThat(reports).containsExactly(10L, 20L, 25L);
    // Chunk 1 predicts 0 (right for t = 0, 3, 6, 9: 4); chunks 2 and 3 predict the last label
    // of the chunk before, 9 % 3 = 0 and 19 % 3 = 1 (right at t = 12, 15, 18 and at t = 22).
    assertThat(m.accuracy()).isCloseTo((4 + 3 + 1) / 25.0, within(1e-12));
  }

  @Test
  void periodicHeldOut_neverLearnsTheTestSet_andScoresItAtEveryPoint() {
    Scripted model = new Scripted();
    List<Long> points = new ArrayList<>();
    List<Long> scored = new ArrayList<>();
    PeriodicHeldOut.classification(model, stream(130), 30, 25, 100,
        (trained, metrics) -> {
          points.add(trained);
          scored.add(metrics.count());
        });
    assertThat(model.learned).hasSize(100); // examples 30..129
    assertThat(model.learned.get(0)).isEqualTo(30 % 3);
    assertThat(points).containsExactly(25L, 50L, 75L, 100L);
    assertThat(scored).containsOnly(30L);
    assertThatThrownBy(() -> PeriodicHeldOut.classification(new Scripted(), stream(10), 30, 5,
        10, ProgressListener.none())).hasMessageContaining("before the 30 held out");
  }

  @Test
  void learningCurve_recordsEachLearnerEveryInterval_asCsv() throws Exception {
    LearningCurve curve = new LearningCurve();
    Prequential.classification(GaussianNaiveBayes.builder(3, 2).build(),
        Sea.builder().build().limit(3_000), new ClassificationMetrics(2, 500),
        curve.recorder("naive-bayes", 1_000));
    Prequential.classification(new Scripted(2, 3), Sea.builder().build().limit(3_000),
        new ClassificationMetrics(2, 500), curve.recorder("no-change, 2", 1_000));
    assertThat(curve.learners()).containsExactly("naive-bayes", "no-change, 2");
    assertThat(curve.points()).hasSize(6);
    StringWriter out = new StringWriter();
    curve.writeCsv(out);
    String[] lines = out.toString().split("\n");
    assertThat(lines[0]).isEqualTo("learner,examples,accuracy,kappa,kappa_m,kappa_t,macro_f1,"
        + "window_accuracy,window_kappa,window_kappa_m,window_kappa_t");
    assertThat(lines).hasSize(7);
    assertThat(lines[4]).startsWith("\"no-change, 2\",1000,");
    assertThat(curve.points().get(2).score("accuracy")).isGreaterThan(0.8);
  }
}
