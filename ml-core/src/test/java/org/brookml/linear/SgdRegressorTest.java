package org.brookml.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.io.Snapshots;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.optim.LearningRate;
import org.brookml.optim.Losses;
import org.brookml.optim.Optimizer;
import org.brookml.optim.RegressionLoss;
import org.brookml.vector.SparseVector;
import org.junit.jupiter.api.Test;

class SgdRegressorTest implements OnlineLearnerContract<SgdRegressor> {

  private static final double[] TRUE_W = {0.5, -0.3, 0.2};
  private static final double TRUE_B = 0.1;

  @Override
  public SgdRegressor newLearner() {
    return SgdRegressor.builder(3).loss(Losses.huber(1.0))
        .optimizer(Optimizer.sgd(LearningRate.inverseScaling(0.05, 0.25), 1e-4, 0.2, 1)).build();
  }

  @Override
  public void train(SgdRegressor model, int n, long dataSeed) {
    SplittableRandom random = new SplittableRandom(dataSeed);
    double[] x = new double[3];
    for (int i = 0; i < n; i++) {
      model.learn(x, linearExample(random, x) + 0.1 * random.nextGaussian());
    }
  }

  private static double linearExample(SplittableRandom random, double[] x) {
    double score = TRUE_B;
    for (int j = 0; j < 3; j++) {
      x[j] = random.nextGaussian();
      score += TRUE_W[j] * x[j];
    }
    return score;
  }

  @Override
  public double[] predictions(SgdRegressor model) {
    return new double[] {model.predict(new double[] {1, 2, 3}), model.predict(new double[3]),
        model.weight(0), model.weight(2), model.intercept()};
  }

  @Override
  public Map<String, Consumer<SgdRegressor>> badInputs() {
    Map<String, Consumer<SgdRegressor>> bad = new LinkedHashMap<>();
    bad.put("NaN feature", m -> m.learn(new double[] {0, Double.NaN, 0}, 1.0));
    bad.put("NaN target", m -> m.learn(new double[3], Double.NaN));
    bad.put("infinite target", m -> m.learn(new double[3], Double.POSITIVE_INFINITY));
    bad.put("wrong dimension", m -> m.learn(new double[4], 1.0));
    bad.put("null", m -> m.learn((double[]) null, 1.0));
    bad.put("negative weight", m -> m.learn(new double[3], 1.0, -1));
    bad.put("sparse index out of range", m -> m.learn(new SparseVector().add(3, 1), 1.0));
    bad.put("batch with a NaN target", m -> m.learnBatch(new double[6], 2, new double[] {1, Double.NaN}));
    return bad;
  }

  @Test
  void squaredLoss_recoversTheLinearModel() {
    SgdRegressor model = SgdRegressor.builder(3)
        .optimizer(Optimizer.sgd(LearningRate.inverseScaling(0.05, 0.25), 0, 0, 1)).build();
    train(model, 50_000, 1);
    assertThat(model.weights()).containsExactly(TRUE_W, within(0.01));
    assertThat(model.intercept()).isCloseTo(TRUE_B, within(0.01));
  }

  @Test
  void poissonRegression_recoversKnownCoefficients_fromCounts() {
    SgdRegressor model = SgdRegressor.builder(3).loss(Losses.poisson())
        .optimizer(Optimizer.adaGrad(0.05, 0)).build();
    SplittableRandom random = new SplittableRandom(2);
    double[] x = new double[3];
    for (int i = 0; i < 200_000; i++) {
      double rate = Math.exp(linearExample(random, x));
      model.learn(x, poisson(random, rate));
    }
    assertThat(model.weights()).containsExactly(TRUE_W, within(0.03));
    assertThat(model.intercept()).isCloseTo(TRUE_B, within(0.03));
    assertThat(model.predict(new double[3])).isCloseTo(Math.exp(TRUE_B), within(0.05));
    assertThatThrownBy(() -> model.learn(new double[3], -1))
        .hasMessage("target -1.0 is outside the domain of the 'poisson' loss: Poisson regression "
            + "needs a finite target >= 0");
  }

  /** Knuth's method: fine for the small rates used here. */
  private static int poisson(SplittableRandom random, double rate) {
    double limit = Math.exp(-rate);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }

  @Test
  void quantileLoss_tracksTheRequestedQuantile() {
    // y = noise ~ N(0, 1): the 0.9-quantile model's intercept should approach 1.2816.
    SgdRegressor model = SgdRegressor.builder(1).loss(Losses.quantile(0.9))
        .optimizer(Optimizer.sgd(LearningRate.inverseScaling(0.5, 0.5), 0, 0, 1)).build();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 200_000; i++) {
      model.learn(new double[] {0}, random.nextGaussian());
    }
    assertThat(model.intercept()).isCloseTo(1.2816, within(0.05));
  }

  @Test
  void huberLoss_resistsOutliersThatPullSquaredLoss() {
    SgdRegressor huber = SgdRegressor.builder(1).loss(Losses.huber(1.0))
        .optimizer(Optimizer.sgd(LearningRate.inverseScaling(0.05, 0.25), 0, 0, 1)).build();
    SgdRegressor squared = huber.toBuilder().loss(Losses.squared()).build();
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 100_000; i++) {
      double x = random.nextGaussian();
      double y = 2 * x + (random.nextInt(20) == 0 ? 50 : 0.1 * random.nextGaussian());
      huber.learn(new double[] {x}, y);
      squared.learn(new double[] {x}, y);
    }
    // 5% of targets are shifted by +50: the squared loss's intercept follows them (to about 2.5).
    assertThat(huber.intercept()).isLessThan(0.5);
    assertThat(squared.intercept()).isGreaterThan(1.5);
    assertThat(huber.weight(0)).isCloseTo(2, within(0.1));
  }

  /** Log-cosh loss, a smooth Huber: a loss of the user's own, not built in. */
  private static final class LogCosh implements RegressionLoss {
    @Override
    public double loss(double p, double y) {
      double r = Math.abs(p - y);
      return r + Math.log1p(Math.exp(-2 * r)) - Math.log(2);
    }

    @Override
    public double derivative(double p, double y) {
      return Math.tanh(p - y);
    }

    @Override
    public String name() {
      return "test.logCosh";
    }
  }

  @Test
  void customLoss_mustBeRegistered_thenLearnsAndItsSnapshotsRestore() {
    RegressionLoss logCosh = new LogCosh();
    assertThatThrownBy(() -> SgdRegressor.builder(2).loss(logCosh))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'test.logCosh' is neither built in nor registered")
        .hasMessageContaining("Losses.register");
    Losses.register(logCosh);
    Losses.register(logCosh); // again: nothing happens
    SgdRegressor model = SgdRegressor.builder(2).loss(logCosh)
        .optimizer(Optimizer.sgd(LearningRate.constant(0.05), 0, 0, 1)).build();
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 20_000; i++) {
      double a = random.nextGaussian();
      double b = random.nextGaussian();
      model.learn(new double[] {a, b}, 3 * a - b + 0.5);
    }
    assertThat(model.weights()).containsExactly(new double[] {3, -1}, within(0.05));
    SgdRegressor restored = Snapshots.read(Snapshots.write(model), SgdRegressor.class);
    assertThat(restored.loss()).isSameAs(logCosh);
    assertThat(Snapshots.write(restored)).isEqualTo(Snapshots.write(model));
    assertThatThrownBy(() -> Losses.register(new LogCosh()))
        .hasMessage("another loss is registered as 'test.logCosh'");
    assertThatThrownBy(() -> Losses.classificationByName("test.logCosh"))
        .hasMessage("loss 'test.logCosh' is not a classification loss");
  }
}
