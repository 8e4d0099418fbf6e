package org.brookml.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.eval.RegressionMetrics;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.linear.SgdRegressor;
import org.junit.jupiter.api.Test;

class RegressorPipelineTest implements OnlineLearnerContract<RegressorPipeline> {

  @Override
  public RegressorPipeline newLearner() {
    return Pipeline.of(new StandardScaler(2), SgdRegressor.builder(2).build());
  }

  /** y depends on two features of very different scales. */
  private static double example(SplittableRandom random, double[] x) {
    x[0] = 1000 + 50 * random.nextGaussian();
    x[1] = 0.01 * random.nextGaussian();
    return 3 * (x[0] - 1000) / 50 - 2 * x[1] / 0.01 + 0.1 * random.nextGaussian();
  }

  @Override
  public void train(RegressorPipeline model, int n, long dataSeed) {
    SplittableRandom random = new SplittableRandom(dataSeed);
    double[] x = new double[2];
    for (int i = 0; i < n; i++) {
      double y = example(random, x);
      model.learn(x, y);
    }
  }

  @Override
  public double[] predictions(RegressorPipeline model) {
    return new double[] {model.predict(new double[] {1010, 0.002}), ((StandardScaler) model.stages().get(0)).mean(0)};
  }

  @Override
  public Map<String, Consumer<RegressorPipeline>> badInputs() {
    Map<String, Consumer<RegressorPipeline>> bad = new LinkedHashMap<>();
    bad.put("NaN feature", m -> m.learn(new double[] {Double.NaN, 0}, 1));
    bad.put("NaN target (the scaler must not learn the example either)",
        m -> m.learn(new double[] {5, 5}, Double.NaN));
    bad.put("wrong dimension", m -> m.learn(new double[3], 1));
    bad.put("negative weight", m -> m.learn(new double[2], 1, -1));
    return bad;
  }

  @Test
  void scaling_letsSgdFitFeaturesOfVeryDifferentScales() {
    RegressorPipeline scaled = newLearner();
    train(scaled, 50_000, 1);
    SplittableRandom test = new SplittableRandom(2);
    RegressionMetrics metrics = new RegressionMetrics(1_000);
    double[] x = new double[2];
    for (int i = 0; i < 5_000; i++) {
      double y = example(test, x);
      metrics.update(y, scaled.predict(x));
    }
    // The targets' standard deviation is about 3.6; the noise's is 0.1.
    assertThat(metrics.rmse()).isLessThan(0.2);
  }
}
