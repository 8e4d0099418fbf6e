package org.brookml.svm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.brookml.io.RealData;
import org.brookml.learner.DenseExample;
import org.brookml.learner.Probabilities;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pegasos with its defaults on raw (unscaled) features, one pass in file order over the rows
 * whose index modulo 10 is below 7, scored on the others: beside the paper's schedule (first step
 * {@code 1 / lambda}) and scikit-learn's one-pass hinge {@code SGDClassifier} on the same rows
 * (written by {@code sklearn_references.py}, see {@code svm/SOURCE.md}).
 */
class PegasosDefaultsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "digits, /data/digits/digits.csv.gz, 0, 64, 10",
      "breast_cancer, /data/breast_cancer/breast_cancer.csv.gz, 1, 30, 2"})
  void defaults_learnRawFeatures_asScikitLearnsScheduleDoes(String name, String resource,
      int skip, int dimension, int classes) {
    List<DenseExample> rows = RealData.bundledRows(resource, skip);
    double defaults = score(PegasosSvm.builder(dimension, classes).build(), rows);
    double paper = score(PegasosSvm.builder(dimension, classes).paperRule().build(), rows);
    Map<String, String> reference = RealData.sklearnReference("/svm/" + name
        + "-sklearn-hinge.txt");
    double sklearn = Double.parseDouble(reference.get("accuracy"));
    double majority = Double.parseDouble(reference.get("majority"));
    System.out.printf("%s (raw features): Pegasos defaults %.4f, paper's schedule %.4f, "
        + "scikit-learn hinge SGD %.4f, majority class %.4f%n", name, defaults, paper, sklearn,
        majority);
    assertThat(defaults).isCloseTo(sklearn, within(0.005));
  }

  /**
   * Platt scaling stays monotone in the margin on raw features, whose margins run to thousands:
   * {@code predict}'s class has the largest probability on every row, and with two classes the
   * probability of class 1 never falls as the margin grows.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "digits, /data/digits/digits.csv.gz, 0, 64, 10",
      "breast_cancer, /data/breast_cancer/breast_cancer.csv.gz, 1, 30, 2"})
  void probabilities_followTheMargin(String name, String resource, int skip, int dimension,
      int classes) {
    List<DenseExample> rows = RealData.bundledRows(resource, skip);
    PegasosSvm model = PegasosSvm.builder(dimension, classes).build();
    int agree = 0;
    double[] proba = new double[classes];
    double[] margins = new double[classes == 2 ? 1 : classes];
    for (DenseExample row : rows) {
      model.predictProba(row.features(), proba);
      // predict's class has the largest probability; a tie (probabilities that saturated at 1
      // for two classes of large margin) counts as agreement.
      agree += proba[model.predict(row.features())] == proba[Probabilities.argMax(proba)] ? 1 : 0;
      model.learn(row.features(), row.label());
    }
    System.out.printf("%s (raw features): predict's class has the largest probability on %d of"
        + " %d rows, prequentially%n", name, agree, rows.size());
    assertThat(agree).isEqualTo(rows.size());
    if (classes == 2) {
      // With the final model, over all rows: P(class 1) against the margin. (With more classes
      // a probability is normalized over the others' margins too; the check above covers them.)
      List<double[]> marginAndProbability = new ArrayList<>();
      for (DenseExample row : rows) {
        marginAndProbability.add(new double[] {model.decisionFunction(row.features(), margins)[0],
            model.predictProba(row.features(), proba)[1]});
      }
      marginAndProbability.sort(java.util.Comparator.comparingDouble(pair -> pair[0]));
      for (int i = 1; i < marginAndProbability.size(); i++) {
        assertThat(marginAndProbability.get(i)[1]).as("P(class 1) at a larger margin")
            .isGreaterThanOrEqualTo(marginAndProbability.get(i - 1)[1]);
      }
    }
  }

  private static double score(PegasosSvm model, List<DenseExample> rows) {
    for (int i = 0; i < rows.size(); i++) {
      if (i % 10 < 7) {
        model.learn(rows.get(i).features(), rows.get(i).label());
      }
    }
    int tested = 0;
    int correct = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (i % 10 >= 7) {
        tested++;
        correct += model.predict(rows.get(i).features()) == rows.get(i).label() ? 1 : 0;
      }
    }
    return correct / (double) tested;
  }
}
