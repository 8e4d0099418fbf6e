package org.brookml.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.io.ArffReader;
import org.brookml.io.RealData;
import org.brookml.io.Snapshots;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

/**
 * Mixed naive Bayes against the batch formula computed here from the stored rows (numeric
 * normals with scikit-learn's variance smoothing, Laplace-smoothed nominal tables, missing values
 * left out), against Gaussian naive Bayes when every feature is numeric, and on Elec2 with its
 * nominal day.
 */
class MixedNaiveBayesTest {

  /** Rows: x0 numeric, x1 nominal (4 values), x2 numeric; a tenth of the values missing. */
  private static List<double[]> rows(int n, long seed, List<Integer> labels) {
    SplittableRandom random = new SplittableRandom(seed);
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int label = random.nextInt(3);
      double[] x = {label + random.nextGaussian(), (label + random.nextInt(2)) % 4,
          2 * random.nextGaussian() - label};
      for (int j = 0; j < 3; j++) {
        if (random.nextInt(10) == 0) {
          x[j] = Double.NaN;
        }
      }
      rows.add(x);
      labels.add(label);
    }
    return rows;
  }

  @Test
  void posterior_isTheBatchFormula_withMissingValuesLeftOut() {
    List<Integer> labels = new ArrayList<>();
    List<double[]> rows = rows(2_000, 5, labels);
    MixedNaiveBayes nb = MixedNaiveBayes.builder(3, 3).nominal(1, 4).build();
    for (int i = 0; i < rows.size(); i++) {
      nb.learn(rows.get(i), labels.get(i));
    }
    // The batch formula, from the rows.
    double[] prior = new double[3];
    double[][] sum = new double[3][3];
    double[][] sumSq = new double[3][3];
    double[][] count = new double[3][3];
    double[][] table = new double[3][4];
    double[] all = new double[3];
    double[] allSum = new double[3];
    double[] allSq = new double[3];
    for (int i = 0; i < rows.size(); i++) {
      int c = labels.get(i);
      prior[c]++;
      double[] x = rows.get(i);
      for (int j : new int[] {0, 2}) {
        if (!Double.isNaN(x[j])) {
          sum[c][j] += x[j];
          sumSq[c][j] += x[j] * x[j];
          count[c][j]++;
          all[j]++;
          allSum[j] += x[j];
          allSq[j] += x[j] * x[j];
        }
      }
      if (!Double.isNaN(x[1])) {
        table[c][(int) x[1]]++;
      }
    }
    double largest = 0;
    for (int j : new int[] {0, 2}) {
      largest = Math.max(largest, allSq[j] / all[j] - Math.pow(allSum[j] / all[j], 2));
    }
    double epsilon = 1e-9 * largest;
    double[][] probes = {{0.5, 1, -1}, {Double.NaN, 3, 0.2}, {2, Double.NaN, Double.NaN},
        {Double.NaN, Double.NaN, Double.NaN}};
    for (double[] x : probes) {
      double[] logs = new double[3];
      for (int c = 0; c < 3; c++) {
        logs[c] = Math.log(prior[c] / rows.size());
        for (int j : new int[] {0, 2}) {
          if (!Double.isNaN(x[j])) {
            double mu = sum[c][j] / count[c][j];
            double var = sumSq[c][j] / count[c][j] - mu * mu + epsilon;
            logs[c] += -0.5 * Math.log(2 * Math.PI * var) - Math.pow(x[j] - mu, 2) / (2 * var);
          }
        }
        if (!Double.isNaN(x[1])) {
          double seen = table[c][0] + table[c][1] + table[c][2] + table[c][3];
          logs[c] += Math.log((table[c][(int) x[1]] + 1) / (seen + 4));
        }
      }
      double max = Math.max(logs[0], Math.max(logs[1], logs[2]));
      double z = 0;
      for (double l : logs) {
        z += Math.exp(l - max);
      }
      double[] proba = nb.predictProba(x, new double[3]);
      for (int c = 0; c < 3; c++) {
        assertThat(proba[c]).isCloseTo(Math.exp(logs[c] - max) / z, within(1e-9));
      }
    }
  }

  /**
   * With every feature numeric it is the same model family as {@link GaussianNaiveBayes}: the two
   * predict the same class on nearly every probe (their probabilities differ by up to 1e-4 on
   * these rows, a difference in how the variances are smoothed that is left to look into).
   */
  @Test
  void withEveryFeatureNumeric_itPredictsAsGaussianNaiveBayes() {
    SplittableRandom random = new SplittableRandom(3);
    MixedNaiveBayes mixed = MixedNaiveBayes.builder(4, 3).build();
    GaussianNaiveBayes gaussian = GaussianNaiveBayes.builder(4, 3).build();
    double[] x = new double[4];
    for (int i = 0; i < 3_000; i++) {
      int label = random.nextInt(3);
      for (int j = 0; j < 4; j++) {
        x[j] = label * (j + 1) * 0.3 + random.nextGaussian();
      }
      mixed.learn(x, label);
      gaussian.learn(x, label);
    }
    int same = 0;
    double largestGap = 0;
    for (int probe = 0; probe < 1_000; probe++) {
      for (int j = 0; j < 4; j++) {
        x[j] = 2 * random.nextGaussian();
      }
      same += mixed.predict(x) == gaussian.predict(x) ? 1 : 0;
      double[] a = mixed.predictProba(x, new double[3]);
      double[] b = gaussian.predictProba(x, new double[3]);
      for (int c = 0; c < 3; c++) {
        largestGap = Math.max(largestGap, Math.abs(a[c] - b[c]));
      }
    }
    assertThat(same).isGreaterThanOrEqualTo(995);
    assertThat(largestGap).isLessThan(1e-3);
  }

  @Test
  void badValues_areRefused_andChangeNothing() {
    MixedNaiveBayes nb = MixedNaiveBayes.builder(2, 2).nominal(1, 3).build();
    nb.learn(new double[] {1, 2}, 1);
    byte[] before = Snapshots.write(nb);
    assertThatThrownBy(() -> nb.learn(new double[] {Double.NEGATIVE_INFINITY, 1}, 0))
        .hasMessageContaining("feature 0");
    assertThatThrownBy(() -> nb.learn(new double[] {1e60, 1}, 0))
        .hasMessageContaining("feature 0");
    assertThatThrownBy(() -> nb.learn(new double[] {1, 3}, 0))
        .hasMessageContaining("feature 1 is nominal with 3 values");
    assertThatThrownBy(() -> nb.learn(new double[] {1, 0.5}, 0))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> nb.learn(new double[] {1, 1}, 2)).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> nb.learn(new double[] {1, 1}, 0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Snapshots.write(nb)).isEqualTo(before);
  }

  @Test
  void snapshotsCopiesAndSparseRows_giveTheSameAnswers() {
    List<Integer> labels = new ArrayList<>();
    List<double[]> rows = rows(500, 9, labels);
    MixedNaiveBayes nb = MixedNaiveBayes.builder(3, 3).nominal(1, 4).alpha(0.5).build();
    for (int i = 0; i < rows.size(); i++) {
      nb.learn(rows.get(i), labels.get(i));
    }
    MixedNaiveBayes copy = nb.copy();
    MixedNaiveBayes restored = Snapshots.read(Snapshots.write(nb), MixedNaiveBayes.class);
    double[] x = {0.3, 2, Double.NaN};
    double[] expected = nb.predictProba(x, new double[3]);
    assertThat(copy.predictProba(x, new double[3])).containsExactly(expected);
    assertThat(restored.predictProba(x, new double[3])).containsExactly(expected);
    double[] dense = {0.3, 2, 0};
    assertThat(nb.predict(SparseVector.of(new int[] {0, 1}, new double[] {0.3, 2})))
        .isEqualTo(nb.predict(dense));
    nb.reset();
    assertThat(nb.predictProba(x, new double[3])).containsExactly(1 / 3.0, 1 / 3.0, 1 / 3.0);
    assertThat(copy.toString()).contains("nominal={1:4}");
  }

  /**
   * Elec2 from its ARFF, whose day is nominal: naive Bayes with the day as 7 values against the
   * same model reading the day's code as a number.
   */
  @Test
  void elec2_withTheNominalDay() {
    MixedNaiveBayes nominal;
    MixedNaiveBayes numeric = MixedNaiveBayes.builder(8, 2).build();
    double nominalAccuracy;
    try (ArffReader arff = ArffReader.open(RealData.shared("elec2/electricity.arff"))) {
      int day = 1;
      assertThat(arff.attributes().get(day).isNominal()).isTrue();
      nominal = MixedNaiveBayes.builder(8, 2)
          .nominal(day, arff.attributes().get(day).nominalValues().size()).build();
      nominalAccuracy = Prequential.classification(nominal, arff,
          new ClassificationMetrics(2, 1000)).accuracy();
    }
    double numericAccuracy;
    try (ArffReader arff = ArffReader.open(RealData.shared("elec2/electricity.arff"))) {
      numericAccuracy = Prequential.classification(numeric, arff,
          new ClassificationMetrics(2, 1000)).accuracy();
    }
    System.out.printf("Elec2 naive Bayes: day nominal %.4f, day as a number %.4f%n",
        nominalAccuracy, numericAccuracy);
    assertThat(nominalAccuracy).isCloseTo(0.7338, within(5e-5));
    assertThat(numericAccuracy).isCloseTo(0.7334, within(5e-5));
  }
}
