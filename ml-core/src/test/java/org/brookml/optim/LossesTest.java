package org.brookml.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LossesTest {

  private static final List<RegressionLoss> REGRESSION = List.of(Losses.squared(), Losses.huber(1.35),
      Losses.epsilonInsensitive(0.1), Losses.quantile(0.3), Losses.poisson());
  private static final List<ClassificationLoss> CLASSIFICATION =
      List.of(Losses.log(), Losses.hinge(), Losses.modifiedHuber());

  @Test
  void derivatives_matchCentralDifferences_awayFromKinks() {
    double h = 1e-6;
    for (Loss loss : REGRESSION) {
      for (double y : new double[] {0, 1.5, 3}) {
        for (double p = -3.05; p <= 3; p += 0.5) {
          double numeric = (loss.loss(p + h, y) - loss.loss(p - h, y)) / (2 * h);
          assertThat(loss.derivative(p, y)).as("%s at p=%s y=%s", loss, p, y)
              .isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
        }
      }
    }
    for (Loss loss : CLASSIFICATION) {
      for (double y : new double[] {-1, 1}) {
        for (double p = -3.05; p <= 3; p += 0.5) {
          double numeric = (loss.loss(p + h, y) - loss.loss(p - h, y)) / (2 * h);
          assertThat(loss.derivative(p, y)).as("%s at p=%s y=%s", loss, p, y)
              .isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
        }
      }
    }
  }

  @Test
  void knownValues() {
    assertThat(Losses.squared().loss(3, 1)).isEqualTo(2.0);
    assertThat(Losses.log().loss(0, 1)).isCloseTo(Math.log(2), within(1e-15));
    assertThat(Losses.log().derivative(0, -1)).isEqualTo(0.5);
    assertThat(Losses.log().meanFunction(0)).isEqualTo(0.5);
    assertThat(Losses.hinge().loss(0.25, 1)).isEqualTo(0.75);
    assertThat(Losses.hinge().derivative(1, 1)).isZero();
    assertThat(Losses.modifiedHuber().loss(-2, 1)).isEqualTo(8.0);
    assertThat(Losses.modifiedHuber().loss(0, 1)).isEqualTo(1.0);
    assertThat(Losses.huber(1).loss(3, 0)).isEqualTo(2.5);
    assertThat(Losses.epsilonInsensitive(0.5).loss(2, 1)).isEqualTo(0.5);
    assertThat(Losses.quantile(0.9).loss(0, 1)).isCloseTo(0.9, within(1e-15));
    assertThat(Losses.quantile(0.9).loss(1, 0)).isCloseTo(0.1, within(1e-15));
    assertThat(Losses.poisson().meanFunction(Math.log(4))).isCloseTo(4, within(1e-12));
  }

  @Test
  void logLossAndSigmoid_stayFiniteForHugeMargins() {
    for (double p : new double[] {-1e4, -745, 745, 1e4}) {
      for (double y : new double[] {-1, 1}) {
        assertThat(Losses.log().loss(p, y)).isFinite();
        assertThat(Losses.log().derivative(p, y)).isFinite();
      }
      assertThat(Losses.sigmoid(p)).isBetween(0.0, 1.0);
    }
    assertThat(Losses.log().loss(-1e4, 1)).isEqualTo(1e4);
    assertThat(Losses.log().loss(1e4, 1)).isZero();
    assertThat(Losses.sigmoid(-1e4)).isZero();
    assertThat(Losses.sigmoid(3) + Losses.sigmoid(-3)).isCloseTo(1, within(1e-15));
  }

  @Test
  void settingsAreValidatedAndNamed() {
    assertThatThrownBy(() -> Losses.huber(0)).hasMessage("delta must be finite and > 0, got 0.0");
    assertThatThrownBy(() -> Losses.quantile(1)).hasMessageContaining("tau must be in (0, 1)");
    assertThatThrownBy(() -> Losses.epsilonInsensitive(-1)).hasMessageContaining("epsilon");
    assertThat(Losses.huber(1.35).name()).isEqualTo("huber(1.35)");
    assertThat(Losses.log()).hasToString("log");
  }

  @Test
  void learningRates_followTheirFormulas() {
    assertThat(LearningRate.constant(0.1).at(1000)).isEqualTo(0.1);
    assertThat(LearningRate.inverseScaling(0.5, 0.25).at(0)).isEqualTo(0.5);
    assertThat(LearningRate.inverseScaling(0.5, 0.25).at(15)).isCloseTo(0.25, within(1e-15));
    // scikit-learn: typw = sqrt(1 / sqrt(alpha)), eta at the first update = typw.
    double alpha = 1e-4;
    LearningRate optimal = LearningRate.optimal(alpha);
    double typw = Math.sqrt(1 / Math.sqrt(alpha));
    assertThat(optimal.at(0)).isCloseTo(typw, within(1e-12));
    double t0 = 1 / (typw * alpha);
    assertThat(optimal.at(99)).isCloseTo(1 / (alpha * (t0 + 99)), within(1e-15));
    assertThatThrownBy(() -> LearningRate.constant(0)).hasMessageContaining("eta0");
  }

  /**
   * The powers 1/2 and 1/4 take square roots: within three units in the last place of
   * {@code Math.pow}'s answer at every step checked, and the same for other powers.
   */
  @Test
  void inverseScaling_commonPowers_agreeWithPowWithinRounding() {
    for (double power : new double[] {0.5, 0.25, 0.3, 1.0}) {
      LearningRate rate = LearningRate.inverseScaling(0.01, power);
      for (long t = 0; t < 200_000; t += 1 + t / 100) {
        double expected = 0.01 / Math.pow(t + 1, power);
        assertThat(rate.at(t)).as("power %s, t %d", power, t)
            .isCloseTo(expected, within(3 * Math.ulp(expected)));
      }
    }
    assertThat(LearningRate.inverseScaling(1, 0.25).at(80)).isEqualTo(1.0 / 3);
    assertThat(LearningRate.inverseScaling(1, 0.5).at(8)).isEqualTo(1.0 / 3);
  }

  @Test
  void everyBuiltInLoss_isFoundByItsName_asItsOwnKindOnly() {
    for (RegressionLoss loss : REGRESSION) {
      assertThat(Losses.regressionByName(loss.name())).hasSameClassAs(loss)
          .hasToString(loss.name());
      assertThatThrownBy(() -> Losses.classificationByName(loss.name()))
          .hasMessage("loss '" + loss.name() + "' is not a classification loss");
    }
    for (ClassificationLoss loss : CLASSIFICATION) {
      assertThat(Losses.classificationByName(loss.name())).isSameAs(loss);
      assertThatThrownBy(() -> Losses.regressionByName(loss.name()))
          .hasMessage("loss '" + loss.name() + "' is not a regression loss");
    }
    assertThatThrownBy(() -> Losses.regressionByName("cubic"))
        .hasMessageContaining("unknown loss 'cubic'").hasMessageContaining("Losses.register");
    assertThatThrownBy(() -> Losses.register(Losses.huber(2)))
        .hasMessage("'huber(2.0)' is the name of a built-in loss");
  }

  @Test
  void classificationMeanFunctions_areProbabilitiesOfThePositiveClass() {
    assertThat(Losses.hinge().meanFunction(0.3)).isEqualTo(1.0);
    assertThat(Losses.hinge().meanFunction(-0.3)).isEqualTo(0.0);
    assertThat(Losses.modifiedHuber().meanFunction(0.5)).isEqualTo(0.75);
    assertThat(Losses.log().meanFunction(0)).isEqualTo(0.5);
    assertThat(Losses.poisson().acceptsTarget(-1)).isFalse();
    assertThat(Losses.squared().acceptsTarget(-1)).isTrue();
  }

  @Test
  void optimizerDefaults_areRiversAndReadableBack() {
    assertThat(Optimizer.adaGrad().settings()).containsExactly(0.1, 0);
    assertThat(Optimizer.adaGrad().kind()).isEqualTo(Optimizer.Kind.ADAGRAD);
    assertThat(Optimizer.adam().settings()).containsExactly(0.1, 0.9, 0.999, 0);
    assertThat(Optimizer.adam().learningRate()).isNull();
    Optimizer asgd = Optimizer.averagedSgd(LearningRate.constant(0.1), 1e-4, 0.5, 1);
    assertThat(asgd.averagesIterates()).isTrue();
    assertThat(asgd.settings()).containsExactly(1e-4, 0.5, 1, 1);
    assertThat(Optimizer.sgd(LearningRate.constant(0.1), 0, 0, 1).averagesIterates()).isFalse();
  }
}
