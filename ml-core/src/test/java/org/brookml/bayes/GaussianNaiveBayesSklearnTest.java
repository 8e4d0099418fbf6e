package org.brookml.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.brookml.io.RealData;
import org.brookml.learner.DenseExample;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gaussian naive Bayes with its default variance smoothing against scikit-learn's
 * {@code GaussianNB} on the same rows: rows whose index modulo 10 is below 7 train, the others are
 * predicted; scikit-learn's answers were written by {@code sklearn_references.py} (see
 * {@code bayes/SOURCE.md}). Digits has pixels that are constant within a class, where the old
 * 1e-9 density floor flattened the likelihoods; the test prints that rule's accuracy beside.
 */
class GaussianNaiveBayesSklearnTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "digits, /data/digits/digits.csv.gz, 0, 64, 10, 0.995",
      "breast_cancer, /data/breast_cancer/breast_cancer.csv.gz, 1, 30, 2, 0.995"})
  void defaults_agreeWithScikitLearnsGaussianNb(String name, String resource, int skip,
      int dimension, int classes, double minimumAgreement) {
    List<double[]> rows = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    for (DenseExample example : RealData.bundledRows(resource, skip)) {
      rows.add(example.features());
      labels.add(example.label());
    }
    GaussianNaiveBayes smoothed = GaussianNaiveBayes.builder(dimension, classes).build();
    GaussianNaiveBayes floored =
        GaussianNaiveBayes.builder(dimension, classes).varianceSmoothing(0).build();
    for (int i = 0; i < rows.size(); i++) {
      if (i % 10 < 7) {
        smoothed.learn(rows.get(i), labels.get(i));
        floored.learn(rows.get(i), labels.get(i));
      }
    }
    Map<String, String> reference = RealData.sklearnReference("/bayes/" + name
        + "-sklearn-gnb.txt");
    double sklearnAccuracy = Double.parseDouble(reference.get("accuracy"));
    int[] sklearnPredictions = Arrays.stream(reference.get("predictions").split(" "))
        .mapToInt(Integer::parseInt).toArray();
    int tested = 0;
    int correct = 0;
    int flooredCorrect = 0;
    int agree = 0;
    for (int i = 0; i < rows.size(); i++) {
      if (i % 10 >= 7) {
        int predicted = smoothed.predict(rows.get(i));
        correct += predicted == labels.get(i) ? 1 : 0;
        flooredCorrect += floored.predict(rows.get(i)) == labels.get(i) ? 1 : 0;
        agree += predicted == sklearnPredictions[tested] ? 1 : 0;
        tested++;
      }
    }
    assertThat(tested).isEqualTo(sklearnPredictions.length);
    double accuracy = correct / (double) tested;
    System.out.printf("%s: Brook GaussianNaiveBayes %.4f (1e-9 density floor: %.4f), scikit-learn"
            + " GaussianNB %.4f, same answer on %.4f of %d test rows%n", name, accuracy,
        flooredCorrect / (double) tested, sklearnAccuracy, agree / (double) tested, tested);
    assertThat(agree / (double) tested).isGreaterThanOrEqualTo(minimumAgreement);
    assertThat(accuracy).isCloseTo(sklearnAccuracy, within(0.002));
  }
}
