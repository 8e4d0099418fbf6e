package org.brookml.multiclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.io.Snapshots;
import org.brookml.learner.ClassifierChecks;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.linear.SgdClassifier;
import org.brookml.linear.SoftmaxRegression;
import org.brookml.optim.Optimizer;
import org.brookml.svm.PegasosSvm;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

class OneVsRestTest implements OnlineLearnerContract<OneVsRest> {

  private static SgdClassifier logistic() {
    return SgdClassifier.builder(ClassifierChecks.D).optimizer(Optimizer.adaGrad()).build();
  }

  @Override
  public OneVsRest newLearner() {
    return OneVsRest.builder(logistic(), ClassifierChecks.K).build();
  }

  @Override
  public void train(OneVsRest learner, int n, long dataSeed) {
    ClassifierChecks.train(learner, n, dataSeed);
  }

  @Override
  public double[] predictions(OneVsRest learner) {
    return ClassifierChecks.predictions(learner);
  }

  @Override
  public Map<String, Consumer<OneVsRest>> badInputs() {
    return ClassifierChecks.badInputs();
  }

  /** Member c is exactly a binary model trained on "label == c", and the probabilities follow. */
  @Test
  void members_areTheBinaryModelsOfEachClassAgainstTheRest() {
    OneVsRest model = newLearner();
    SgdClassifier[] byHand = {logistic(), logistic(), logistic()};
    SplittableRandom random = new SplittableRandom(5);
    double[] x = new double[ClassifierChecks.D];
    for (int i = 0; i < 3_000; i++) {
      int label = ClassifierChecks.example(random, x);
      model.learn(x, label);
      for (int c = 0; c < 3; c++) {
        byHand[c].learn(x, label == c ? 1 : 0);
      }
    }
    double[] probe = {0.9, 0.8, 0.6, 0.1};
    double[] expected = new double[3];
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      assertThat(Snapshots.write(model.member(c))).isEqualTo(Snapshots.write(byHand[c]));
      expected[c] = byHand[c].predictProba(probe, new double[2])[1];
      sum += expected[c];
    }
    for (int c = 0; c < 3; c++) {
      expected[c] /= sum;
    }
    assertThat(model.predictProba(probe, new double[3])).containsExactly(expected);
    assertThat(model.predict(probe)).isEqualTo(2);
    SoftmaxRegression softmax = SoftmaxRegression.builder(ClassifierChecks.D, 3).build();
    ClassifierChecks.train(softmax, 3_000, 5);
    OneVsRest trees = OneVsRest.builder(HoeffdingTree.builder(ClassifierChecks.D, 2).build(), 3)
        .build();
    ClassifierChecks.train(trees, 3_000, 5);
    double ovr = ClassifierChecks.accuracy(model, 5_000, 9);
    double multinomial = ClassifierChecks.accuracy(softmax, 5_000, 9);
    double ovrTrees = ClassifierChecks.accuracy(trees, 5_000, 9);
    System.out.printf("one-vs-rest logistic %.4f, softmax %.4f, one-vs-rest trees %.4f%n",
        ovr, multinomial, ovrTrees);
    // Class 1 is a band, not separable by one hyperplane: linear models stay near 0.66-0.68 (the
    // majority class is 0.46), trees as members reach 0.84 (measured: 0.6564, 0.6816, 0.8422).
    assertThat(ovr).isGreaterThan(0.65).isCloseTo(multinomial, within(0.03));
    assertThat(ovrTrees).isGreaterThan(0.83);
  }

  @Test
  void aWeightTheBinaryModelRefuses_leavesEveryMemberAsItWas() {
    OneVsRest model = OneVsRest.builder(PegasosSvm.builder(2, 2).build(), 3).build();
    model.learn(new double[] {1, 2}, 2);
    byte[] before = Snapshots.write(model);
    assertThatThrownBy(() -> model.learn(new double[] {3, 4}, 1, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Snapshots.write(model)).isEqualTo(before);
  }

  @Test
  void builder_needsABinaryPrototype() {
    assertThatThrownBy(() -> OneVsRest.builder(PegasosSvm.builder(2, 3).build(), 3))
        .hasMessageContaining("must be a binary classifier");
    assertThatThrownBy(() -> OneVsRest.builder(logistic(), 1))
        .hasMessageContaining("numClasses must be in 2..");
    OneVsRest model = newLearner();
    assertThat(model.toBuilder().build().toString()).isEqualTo(model.toString());
  }
}
