package org.brookml.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.io.CsvReader;
import org.brookml.io.RealData;
import org.brookml.learner.ClassifierChecks;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

class GaussianNaiveBayesTest implements OnlineLearnerContract<GaussianNaiveBayes> {

  @Override
  public GaussianNaiveBayes newLearner() {
    return GaussianNaiveBayes.builder(ClassifierChecks.D, ClassifierChecks.K).build();
  }

  @Override
  public void train(GaussianNaiveBayes learner, int n, long dataSeed) {
    ClassifierChecks.train(learner, n, dataSeed);
  }

  @Override
  public double[] predictions(GaussianNaiveBayes learner) {
    return ClassifierChecks.predictions(learner);
  }

  @Override
  public Map<String, Consumer<GaussianNaiveBayes>> badInputs() {
    return ClassifierChecks.badInputs();
  }

  /**
   * The posterior, computed here from batch statistics of the same rows (two-pass mean and sample
   * variance, plus scikit-learn's smoothing: 1e-9 times the largest variance of a feature over all
   * rows; normal densities; priors), matches the online model to 1e-9. The probe lies far out
   * (where the old 1e-9 density floor would have flattened a density) so that the rule counts.
   */
  @Test
  void posterior_equalsTheBatchFormula() {
    int n = 500;
    double[][] xs = new double[n][2];
    int[] ys = new int[n];
    SplittableRandom random = new SplittableRandom(3);
    GaussianNaiveBayes model = GaussianNaiveBayes.builder(2, 2).build();
    for (int i = 0; i < n; i++) {
      ys[i] = random.nextInt(3) == 0 ? 1 : 0;
      xs[i][0] = random.nextGaussian() * (1 + ys[i]) + 2 * ys[i];
      xs[i][1] = random.nextGaussian() * 0.5 - ys[i];
      model.learn(xs[i], ys[i]);
    }
    double[] probe = {1.2, -6};
    double largestVariance = 0;
    for (int j = 0; j < 2; j++) {
      double mean = 0;
      for (double[] x : xs) {
        mean += x[j] / n;
      }
      double squares = 0;
      for (double[] x : xs) {
        squares += (x[j] - mean) * (x[j] - mean);
      }
      largestVariance = Math.max(largestVariance, squares / n);
    }
    double epsilon = 1e-9 * largestVariance;
    double[] joint = new double[2];
    for (int c = 0; c < 2; c++) {
      int count = 0;
      double[] sum = new double[2];
      for (int i = 0; i < n; i++) {
        if (ys[i] == c) {
          count++;
          sum[0] += xs[i][0];
          sum[1] += xs[i][1];
        }
      }
      joint[c] = count / (double) n;
      for (int j = 0; j < 2; j++) {
        double mean = sum[j] / count;
        double squares = 0;
        for (int i = 0; i < n; i++) {
          if (ys[i] == c) {
            squares += (xs[i][j] - mean) * (xs[i][j] - mean);
          }
        }
        double variance = squares / (count - 1);
        assertThat(model.mean(c, j)).isCloseTo(mean, within(1e-12));
        assertThat(model.variance(c, j)).isCloseTo(variance, within(1e-12));
        double smoothed = variance + epsilon;
        joint[c] *= Math.exp(-(probe[j] - mean) * (probe[j] - mean) / (2 * smoothed))
            / Math.sqrt(2 * Math.PI * smoothed);
      }
    }
    double[] proba = model.predictProba(probe, new double[2]);
    assertThat(joint[0]).as("a density below the old floor").isLessThan(1e-18);
    assertThat(proba[1]).isCloseTo(joint[1] / (joint[0] + joint[1]), within(1e-9));
    assertThat(model.predict(probe)).isEqualTo(joint[1] > joint[0] ? 1 : 0);
  }

  @Test
  void weightedExample_countsAsThatManyCopies() {
    GaussianNaiveBayes weighted = GaussianNaiveBayes.builder(2, 2).build();
    GaussianNaiveBayes repeated = GaussianNaiveBayes.builder(2, 2).build();
    double[][] xs = {{1, 2}, {3, -1}, {0.5, 0.5}, {2, 2}};
    int[] ys = {0, 1, 0, 1};
    for (int i = 0; i < xs.length; i++) {
      weighted.learn(xs[i], ys[i], 3);
      for (int r = 0; r < 3; r++) {
        repeated.learn(xs[i], ys[i]);
      }
    }
    for (int c = 0; c < 2; c++) {
      assertThat(weighted.classWeight(c)).isEqualTo(repeated.classWeight(c));
      for (int j = 0; j < 2; j++) {
        assertThat(weighted.mean(c, j)).isCloseTo(repeated.mean(c, j), within(1e-12));
        assertThat(weighted.variance(c, j)).isCloseTo(repeated.variance(c, j), within(1e-12));
      }
    }
  }

  @Test
  void sparseInput_givesTheSameModelAsDense() {
    GaussianNaiveBayes dense = newLearner();
    GaussianNaiveBayes sparse = newLearner();
    SplittableRandom random = new SplittableRandom(9);
    double[] x = new double[ClassifierChecks.D];
    SparseVector sv = new SparseVector();
    for (int i = 0; i < 1_000; i++) {
      int label = ClassifierChecks.example(random, x);
      x[3] = 0;
      dense.learn(x, label);
      sv.clear().add(0, x[0]).add(1, x[1]).add(2, x[2]);
      sparse.learn(sv, label);
    }
    assertThat(ClassifierChecks.predictions(sparse)).isEqualTo(ClassifierChecks.predictions(dense));
    assertThat(sparse.predict(sv)).isEqualTo(dense.predict(x));
  }

  @Test
  void untrained_predictsUniformly() {
    assertThat(newLearner().predictProba(new double[ClassifierChecks.D], new double[3]))
        .containsExactly(1 / 3.0, 1 / 3.0, 1 / 3.0);
  }

  /** Learns examples {@code from .. to} of a fixed random stream. */
  private static void learnRange(GaussianNaiveBayes model, int from, int to) {
    SplittableRandom random = new SplittableRandom(21);
    double[] x = new double[ClassifierChecks.D];
    for (int i = 0; i < to; i++) {
      int label = ClassifierChecks.example(random, x);
      x[0] += 100; // a large mean tests the merge's numerical care
      if (i >= from) {
        model.learn(x, label, 1 + i % 3);
      }
    }
  }

  private static void assertSameStatistics(GaussianNaiveBayes actual, GaussianNaiveBayes expected) {
    assertThat(actual.samplesSeen()).isEqualTo(expected.samplesSeen());
    for (int c = 0; c < ClassifierChecks.K; c++) {
      assertThat(actual.classWeight(c)).isEqualTo(expected.classWeight(c));
      for (int j = 0; j < ClassifierChecks.D; j++) {
        assertThat(actual.mean(c, j)).isCloseTo(expected.mean(c, j), within(1e-9));
        assertThat(actual.variance(c, j)).isCloseTo(expected.variance(c, j), within(1e-9));
      }
    }
  }

  /** Pooling models of disjoint parts equals one model of all (Chan et al.'s parallel variance). */
  @Test
  void mergeFrom_equalsOneModelOnAllTheData() {
    GaussianNaiveBayes all = newLearner();
    learnRange(all, 0, 3_000);
    GaussianNaiveBayes first = newLearner();
    GaussianNaiveBayes second = newLearner();
    GaussianNaiveBayes third = newLearner();
    learnRange(first, 0, 1_000);
    learnRange(second, 1_000, 1_700);
    learnRange(third, 1_700, 3_000);
    first.mergeFrom(List.of(second, third));
    assertSameStatistics(first, all);
  }

  @Test
  void addDeltas_addsWhatEachReplicaLearnedOnce() {
    GaussianNaiveBayes base = newLearner();
    learnRange(base, 0, 1_000);
    GaussianNaiveBayes a = base.copy();
    GaussianNaiveBayes b = base.copy();
    learnRange(a, 1_000, 2_000);
    learnRange(b, 2_000, 3_000);
    base.addDeltas(List.of(a, b));
    GaussianNaiveBayes all = newLearner();
    learnRange(all, 0, 3_000);
    assertSameStatistics(base, all);
    GaussianNaiveBayes behind = newLearner();
    assertThatThrownBy(() -> base.addDeltas(List.of(behind))).hasMessageContaining("not copied");
  }

  /**
   * Elec2, prequential in time order, defaults: 0.7333 (0.7287 with the 1e-9 density floor that
   * was the rule before variance smoothing); River's GaussianNB on the same file: 0.729.
   */
  @Test
  void elec2_prequentialAccuracy_likeRiversGaussianNaiveBayes() {
    try (CsvReader rows = RealData.elec2()) {
      ClassificationMetrics m = Prequential.classification(
          GaussianNaiveBayes.builder(rows.dimension(), 2).build(), rows,
              new ClassificationMetrics(2, 1_000));
      System.out.println("Elec2 Gaussian naive Bayes, prequential: " + m);
      assertThat(m.count()).isEqualTo(45_312);
      assertThat(m.accuracy()).isCloseTo(0.7333, within(0.001));
    }
  }
}
