package org.brookml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.eval.ClassificationMetrics;
import org.brookml.eval.Prequential;
import org.brookml.io.CsvReader;
import org.brookml.io.RealData;
import org.brookml.learner.LabelEncoder;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.optim.Optimizer;
import org.brookml.linear.SgdClassifier;
import org.brookml.linear.SoftmaxRegression;
import org.junit.jupiter.api.Test;

class ScaledClassifierTest implements OnlineLearnerContract<ScaledClassifier> {

  @Override
  public ScaledClassifier newLearner() {
    return ScaledClassifier.of(SgdClassifier.builder(3).build());
  }

  @Override
  public void train(ScaledClassifier model, int n, long dataSeed) {
    SplittableRandom random = new SplittableRandom(dataSeed);
    double[] x = new double[3];
    for (int i = 0; i < n; i++) {
      x[0] = 1000 + 50 * random.nextGaussian();
      x[1] = 0.01 * random.nextGaussian();
      x[2] = random.nextGaussian();
      int label = (x[0] - 1000) / 50 + x[1] / 0.01 > 0 ? 1 : 0;
      model.learn(x, label);
    }
  }

  @Override
  public double[] predictions(ScaledClassifier model) {
    return model.predictProba(new double[] {1010, 0.002, 0.5}, new double[2]);
  }

  @Override
  public Map<String, Consumer<ScaledClassifier>> badInputs() {
    Map<String, Consumer<ScaledClassifier>> bad = new LinkedHashMap<>();
    bad.put("NaN", m -> m.learn(new double[] {Double.NaN, 0, 0}, 1));
    bad.put("wrong dimension", m -> m.learn(new double[2], 1));
    bad.put("label 2 (the scaler must not learn the example either)",
        m -> m.learn(new double[] {5, 5, 5}, 2));
    bad.put("negative weight", m -> m.learn(new double[3], 1, -1));
    return bad;
  }

  @Test
  void scaling_letsPlainSgdLearnFeaturesOfVeryDifferentScales() {
    ScaledClassifier model = newLearner();
    train(model, 20_000, 1);
    SplittableRandom test = new SplittableRandom(2);
    int correct = 0;
    double[] x = new double[3];
    for (int i = 0; i < 5_000; i++) {
      x[0] = 1000 + 50 * test.nextGaussian();
      x[1] = 0.01 * test.nextGaussian();
      x[2] = test.nextGaussian();
      int label = (x[0] - 1000) / 50 + x[1] / 0.01 > 0 ? 1 : 0;
      correct += model.predict(x) == label ? 1 : 0;
    }
    assertThat(correct / 5_000.0).isGreaterThan(0.95);
  }


  /** Elec2 with default settings plus standard scaling; River's published figure is 0.822. */
  @Test
  void elec2_withScaling_prequentialAccuracyAtLeastRivers() {
    try (CsvReader rows = RealData.elec2()) {
      ScaledClassifier model = ScaledClassifier.of(SgdClassifier.builder(rows.dimension()).build());
      ClassificationMetrics m =
          Prequential.classification(model, rows, new ClassificationMetrics(2, 1_000));
      System.out.println("Elec2 scaled logistic regression, prequential: " + m);
      assertThat(m.accuracy()).isGreaterThanOrEqualTo(0.82);
    }
  }

  /** Shuttle softmax with scaling; majority class rate 0.786. */
  @Test
  void shuttle_scaledSoftmax_prequential() {
    LabelEncoder<String> classes = LabelEncoder.of("Rad.Flow", "High", "Bypass", "Fpv.Open",
        "Fpv.Close", "Bpv.Open", "Bpv.Close");
    try (CsvReader rows = CsvReader.builder(RealData.shared("shuttle/shuttle.csv")).header(true)
        .labels(classes).open()) {
      ScaledClassifier model =
          ScaledClassifier.of(SoftmaxRegression.builder(9, 7).optimizer(Optimizer.adaGrad(0.5, 0)).build());
      ClassificationMetrics m =
          Prequential.classification(model, rows, new ClassificationMetrics(7, 1_000));
      System.out.println("shuttle scaled softmax (AdaGrad), prequential: " + m);
      assertThat(m.accuracy()).isGreaterThan(0.95);
    }
  }
}
