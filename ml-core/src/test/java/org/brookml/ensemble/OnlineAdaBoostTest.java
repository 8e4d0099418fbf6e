package org.brookml.ensemble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.ensemble.OnlineAdaBoost.Normalization;
import org.brookml.ensemble.OnlineAdaBoost.Voting;
import org.brookml.io.Snapshots;
import org.brookml.learner.ClassifierChecks;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

class OnlineAdaBoostTest implements OnlineLearnerContract<OnlineAdaBoost> {

  @Override
  public OnlineAdaBoost newLearner() {
    return OnlineAdaBoost.builder(
            HoeffdingTree.builder(ClassifierChecks.D, ClassifierChecks.K).gracePeriod(50).build())
        .size(4).seed(7).adwin(0.002).build();
  }

  @Override
  public void train(OnlineAdaBoost learner, int n, long dataSeed) {
    ClassifierChecks.train(learner, n, dataSeed);
  }

  @Override
  public double[] predictions(OnlineAdaBoost learner) {
    return ClassifierChecks.predictions(learner);
  }

  @Override
  public Map<String, Consumer<OnlineAdaBoost>> badInputs() {
    return ClassifierChecks.badInputs(true);
  }

  // ------------------------------------------------------ Oza and Russell's update, by hand

  private static final boolean T = true;
  private static final boolean F = false;
  /** Which member is right at steps 0..3 (member 0, 1, 2). */
  private static final boolean[][] SCRIPT = {{T, F, T, T}, {F, T, T, F}, {T, T, F, T}};
  private static final int[] LABELS = {1, 0, 0, 1};

  private static OnlineAdaBoost scripted(Normalization normalization, Voting voting) {
    ScriptedClassifier prototype =
        new ScriptedClassifier(new ScriptedClassifier.Script(SCRIPT, LABELS));
    return OnlineAdaBoost.builder(prototype).size(3).normalization(normalization)
        .voting(voting).build();
  }

  /**
   * Worked by hand for the first step, N = examples seen: member 0 is right, so lambda_sc[0] = 1
   * and lambda = 1 * 1 / (2 * 1) = 0.5; member 1 is wrong, lambda_sw[1] = 0.5 and lambda = 0.5 * 1
   * / (2 * 0.5) = 0.5; member 2 is right with lambda 0.5. With N = each member's own mass, member
   * 1 gives lambda = 0.5 * 0.5 / (2 * 0.5) = 0.25 to member 2 instead.
   */
  /**
   * Found by fuzzing: a member almost never wrong (eps 1.4e-317) got the weight
   * log((1 - eps) / eps) = infinity, and the vote turned to NaN. The weight stays finite.
   */
  @Test
  void aMemberAlmostNeverWrong_getsAFiniteWeight_andTheVoteStaysFinite() {
    OnlineAdaBoost boost = OnlineAdaBoost.builder(GaussianNaiveBayes.builder(4, 2).build())
        .size(2).build();
    SplittableRandom random = new SplittableRandom(3);
    double[] x = new double[4];
    for (int i = 0; i < 50; i++) {
      for (int j = 0; j < 4; j++) {
        x[j] = random.nextGaussian();
      }
      boost.learn(x, x[0] > 0 ? 1 : 0);
    }
    boost.lambdaCorrect[0] = 192;
    boost.lambdaWrong[0] = 2.652575686E-315;
    double eps = 2.652575686E-315 / 192;
    assertThat(boost.memberWeight(0)).isCloseTo(-Math.log(eps), within(1e-9)).isLessThan(745);
    for (double p : boost.predictProba(new double[4], new double[2])) {
      assertThat(p).isFinite();
    }
    boost.lambdaWrong[0] = 10; // an ordinary eps keeps the exact old formula, bit for bit
    double ordinary = 10 / 202.0;
    assertThat(boost.memberWeight(0)).isEqualTo(Math.log((1 - ordinary) / ordinary));
  }

  @Test
  void firstStep_matchesTheHandComputedLambdas() {
    OnlineAdaBoost examples = scripted(Normalization.EXAMPLES_SEEN, Voting.HARD);
    examples.learn(new double[] {0}, LABELS[0]);
    assertThat(examples.lambdaCorrect(0)).isEqualTo(1.0);
    assertThat(examples.lambdaWrong(1)).isEqualTo(0.5);
    assertThat(examples.lambdaCorrect(2)).isEqualTo(0.5);
    OnlineAdaBoost own = scripted(Normalization.MEMBER_WEIGHT, Voting.HARD);
    own.learn(new double[] {0}, LABELS[0]);
    assertThat(own.lambdaCorrect(0)).isEqualTo(1.0);
    assertThat(own.lambdaWrong(1)).isEqualTo(0.5);
    assertThat(own.lambdaCorrect(2)).isEqualTo(0.25);
  }

  /**
   * Four scripted steps through three members, checked after every step against a plain replay of
   * the paper's rule; then the vote weights log((1 - eps) / eps) and the weighted majority vote.
   */
  @Test
  void lambdaSumsAndVoteWeights_matchAReplayOfThePaper() {
    for (Normalization normalization : Normalization.values()) {
      OnlineAdaBoost boost = scripted(normalization, Voting.HARD);
      double[] correct = new double[3];
      double[] wrong = new double[3];
      for (int t = 0; t < 4; t++) {
        boost.learn(new double[] {t}, LABELS[t]);
        double lambda = 1;
        for (int m = 0; m < 3; m++) {
          if (SCRIPT[m][t]) {
            correct[m] += lambda;
          } else {
            wrong[m] += lambda;
          }
          double n = normalization == Normalization.EXAMPLES_SEEN ? t + 1 : correct[m] + wrong[m];
          lambda *= n / (2 * (SCRIPT[m][t] ? correct[m] : wrong[m]));
        }
        for (int m = 0; m < 3; m++) {
          assertThat(boost.lambdaCorrect(m)).as("%s step %d member %d", normalization, t, m)
              .isCloseTo(correct[m], within(1e-12));
          assertThat(boost.lambdaWrong(m)).isCloseTo(wrong[m], within(1e-12));
        }
      }
      assertThat(boost.weightSeen()).isEqualTo(4.0);
      double[] votes = new double[2];
      double[] probe = {2}; // labels[2] = 0; members 0 and 1 right, member 2 wrong
      for (int m = 0; m < 3; m++) {
        double eps = wrong[m] / (correct[m] + wrong[m]);
        double weight = eps > 0 && eps < 0.5 ? Math.log((1 - eps) / eps) : 0;
        assertThat(boost.memberWeight(m)).isCloseTo(weight, within(1e-12));
        votes[SCRIPT[m][2] ? 0 : 1] += weight;
      }
      assertThat(votes[0] + votes[1]).isPositive();
      double[] proba = boost.predictProba(probe, new double[2]);
      assertThat(proba[0]).isCloseTo(votes[0] / (votes[0] + votes[1]), within(1e-12));
    }
  }

  @Test
  void membersOfErrorZeroOrAtLeastHalf_doNotVote() {
    OnlineAdaBoost boost = scripted(Normalization.EXAMPLES_SEEN, Voting.HARD);
    boost.learn(new double[] {0}, LABELS[0]);
    // Member 0 and member 2 have eps = 0, member 1 eps = 1: nobody may vote, so all vote equally.
    assertThat(boost.memberWeight(0)).isZero();
    assertThat(boost.memberWeight(1)).isZero();
    assertThat(boost.memberWeight(2)).isZero();
    assertThat(boost.predictProba(new double[] {0}, new double[2])[LABELS[0]])
        .isCloseTo(2 / 3.0, within(1e-12));
  }

  /** The first member always sees lambda = 1: its training weights are Poisson(1) draws. */
  @Test
  void trainingWeights_arePoissonDraws() {
    int steps = 20_000;
    boolean[][] script = new boolean[2][steps];
    int[] labels = new int[steps];
    SplittableRandom random = new SplittableRandom(3);
    for (int t = 0; t < steps; t++) {
      script[0][t] = random.nextInt(4) > 0;
      script[1][t] = random.nextBoolean();
    }
    ScriptedClassifier.Script record = new ScriptedClassifier.Script(script, labels);
    OnlineAdaBoost boost = OnlineAdaBoost.builder(new ScriptedClassifier(record)).size(2).build();
    for (int t = 0; t < steps; t++) {
      boost.learn(new double[] {t}, 0);
    }
    List<Double> weights = record.weights.get(0);
    double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
    assertThat(sum / steps).as("mean of k").isCloseTo(1.0, within(0.03));
    assertThat(1 - weights.size() / (double) steps).as("share of k = 0")
        .isCloseTo(Math.exp(-1), within(0.015));
    assertThat(weights).allSatisfy(k -> assertThat(k).isPositive().isEqualTo(Math.rint(k)));
  }

  @Test
  void boostingNaiveBayes_learnsTheConcept() {
    OnlineAdaBoost boost = OnlineAdaBoost.builder(
        GaussianNaiveBayes.builder(ClassifierChecks.D, ClassifierChecks.K).build()).size(5).build();
    ClassifierChecks.train(boost, 20_000, 1);
    assertThat(ClassifierChecks.accuracy(boost, 5_000, 2)).isGreaterThan(0.85);
  }

  /**
   * predictThenLearn answers as predict and leaves the model learn leaves, bit for bit: hard and
   * soft voting, ADWIN replacement, tree members in each leaf mode, and naive Bayes members (which
   * do not report their class with their probabilities, so are asked again).
   */
  @Test
  void predictThenLearn_isPredictThenLearn_bitForBit() {
    List<OnlineClassifier> prototypes = List.of(
        tree(HoeffdingTree.LeafPrediction.NAIVE_BAYES_ADAPTIVE),
        tree(HoeffdingTree.LeafPrediction.NAIVE_BAYES),
        tree(HoeffdingTree.LeafPrediction.MAJORITY_CLASS),
        GaussianNaiveBayes.builder(ClassifierChecks.D, ClassifierChecks.K).build());
    for (OnlineClassifier prototype : prototypes) {
      for (Voting voting : Voting.values()) {
        OnlineAdaBoost fused = OnlineAdaBoost.builder(prototype).size(5).seed(3).voting(voting)
            .adwin(0.01).build();
        OnlineAdaBoost twoCalls = fused.copy();
        SplittableRandom random = new SplittableRandom(21);
        double[] x = new double[ClassifierChecks.D];
        int disagreements = 0;
        for (int i = 0; i < 4_000; i++) {
          // The concept flips halfway, so that ADWIN replaces members.
          int label = (ClassifierChecks.example(random, x) + (i < 2_000 ? 0 : 1)) % 3;
          int expected = twoCalls.predict(x);
          twoCalls.learn(x, label);
          disagreements += fused.predictThenLearn(x, label) == expected ? 0 : 1;
        }
        String what = prototype + " " + voting;
        assertThat(disagreements).as(what).isZero();
        assertThat(fused.replacements()).as(what).isPositive();
        assertThat(Snapshots.write(fused)).as(what).isEqualTo(Snapshots.write(twoCalls));
      }
    }
  }

  private static HoeffdingTree tree(HoeffdingTree.LeafPrediction leaves) {
    return HoeffdingTree.builder(ClassifierChecks.D, ClassifierChecks.K).gracePeriod(50)
        .leafPrediction(leaves).build();
  }

  @Test
  void predictThenLearn_rejectsBadInputAndLeavesTheModelAsItWas() {
    OnlineAdaBoost boost = newLearner();
    train(boost, 500, 4);
    byte[] before = Snapshots.write(boost);
    assertThatThrownBy(() -> boost.predictThenLearn(new double[] {0, Double.NEGATIVE_INFINITY, 0,
        0}, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
    assertThatThrownBy(() -> boost.predictThenLearn(new double[ClassifierChecks.D], 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label");
    assertThatThrownBy(() -> boost.predictThenLearn(new double[2], 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dimension");
    assertThat(Snapshots.write(boost)).isEqualTo(before);
  }

  @Test
  void builder_rejectsBadSettings() {
    GaussianNaiveBayes base = GaussianNaiveBayes.builder(2, 2).build();
    assertThatThrownBy(() -> OnlineAdaBoost.builder(base).size(0).build())
        .hasMessageContaining("size");
    assertThatThrownBy(() -> OnlineAdaBoost.builder(base).adwin(1.5).build())
        .hasMessageContaining("driftDelta");
    assertThatThrownBy(() -> OnlineAdaBoost.builder(null)).isInstanceOf(NullPointerException.class);
  }
}
