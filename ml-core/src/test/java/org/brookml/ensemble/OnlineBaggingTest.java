package org.brookml.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.learner.ClassifierChecks;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

class OnlineBaggingTest implements OnlineLearnerContract<OnlineBagging> {

  @Override
  public OnlineBagging newLearner() {
    return OnlineBagging.builder(
            HoeffdingTree.builder(ClassifierChecks.D, ClassifierChecks.K).gracePeriod(50).build())
        .size(4).seed(3).adwin(0.002).build();
  }

  @Override
  public void train(OnlineBagging learner, int n, long dataSeed) {
    ClassifierChecks.train(learner, n, dataSeed);
  }

  @Override
  public double[] predictions(OnlineBagging learner) {
    return ClassifierChecks.predictions(learner);
  }

  @Override
  public Map<String, Consumer<OnlineBagging>> badInputs() {
    return ClassifierChecks.badInputs(true);
  }

  @Test
  void everyMember_trainsWithPoissonOneWeights() {
    int steps = 20_000;
    boolean[][] script = new boolean[3][steps];
    ScriptedClassifier.Script record = new ScriptedClassifier.Script(script, new int[steps]);
    OnlineBagging bag = OnlineBagging.builder(new ScriptedClassifier(record)).size(3).build();
    for (int t = 0; t < steps; t++) {
      bag.learn(new double[] {t}, 0, 2.0);
    }
    for (int m = 0; m < 3; m++) {
      List<Double> weights = record.weights.get(m);
      double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
      assertThat(sum / steps).as("member %d mean weight (example weight 2)", m)
          .isCloseTo(2.0, within(0.06));
      assertThat(1 - weights.size() / (double) steps).isCloseTo(Math.exp(-1), within(0.015));
    }
  }

  @Test
  void averageVote_isTheMeanOfTheMembersProbabilities() {
    boolean[][] script = {{true}, {false}, {true}, {true}};
    ScriptedClassifier.Script record = new ScriptedClassifier.Script(script, new int[] {1});
    OnlineBagging bag = OnlineBagging.builder(new ScriptedClassifier(record)).size(4).build();
    assertThat(bag.predictProba(new double[] {0}, new double[2])).containsExactly(0.25, 0.75);
    assertThat(bag.predict(new double[] {0})).isEqualTo(1);
  }

  /**
   * A concept that flips halfway: ADWIN bagging notices its members' error rise, replaces the
   * worst ones, and after the flip is more accurate than plain bagging.
   */
  @Test
  void adwinBagging_recoversFasterFromAnAbruptChange() {
    HoeffdingTree tree = HoeffdingTree.builder(2, 2).build();
    OnlineBagging plain = OnlineBagging.builder(tree).size(5).build();
    OnlineBagging adwin = OnlineBagging.builder(tree).size(5).adwin(0.002).build();
    SplittableRandom random = new SplittableRandom(4);
    double[] x = new double[2];
    int plainCorrect = 0;
    int adwinCorrect = 0;
    for (int i = 0; i < 40_000; i++) {
      x[0] = random.nextDouble();
      x[1] = random.nextDouble();
      boolean above = x[0] + x[1] > 1;
      int label = (i < 20_000) == above ? 1 : 0;
      if (i >= 20_000 && i < 25_000) {
        plainCorrect += plain.predict(x) == label ? 1 : 0;
        adwinCorrect += adwin.predict(x) == label ? 1 : 0;
      }
      plain.learn(x, label);
      adwin.learn(x, label);
    }
    System.out.printf("After the flip: plain bagging %.3f, ADWIN bagging %.3f, %d replacements%n",
        plainCorrect / 5_000.0, adwinCorrect / 5_000.0, adwin.replacements());
    assertThat(adwin.replacements()).isPositive();
    assertThat(adwinCorrect).isGreaterThan(plainCorrect + 250);
  }
}
