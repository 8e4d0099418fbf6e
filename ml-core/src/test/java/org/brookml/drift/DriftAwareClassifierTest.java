package org.brookml.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.brookml.bayes.GaussianNaiveBayes;
import org.brookml.drift.DriftDetector.State;
import org.brookml.learner.ClassifierChecks;
import org.brookml.learner.OnlineClassifier;
import org.brookml.learner.OnlineLearnerContract;
import org.brookml.svm.PegasosSvm;
import org.brookml.tree.HoeffdingTree;
import org.junit.jupiter.api.Test;

/**
 * The drift-aware wrapper: MOA's {@code SingleClassifierDrift} rule replayed with a scripted
 * detector; recovery after an abrupt change against the plain base; the shared contract.
 */
class DriftAwareClassifierTest implements OnlineLearnerContract<DriftAwareClassifier> {

  @Override
  public DriftAwareClassifier newLearner() {
    return DriftAwareClassifier.of(HoeffdingTree.builder(ClassifierChecks.D, ClassifierChecks.K)
        .build());
  }

  @Override
  public void train(DriftAwareClassifier learner, int n, long dataSeed) {
    ClassifierChecks.train(learner, n, dataSeed);
  }

  @Override
  public double[] predictions(DriftAwareClassifier learner) {
    return ClassifierChecks.predictions(learner);
  }

  @Override
  public Map<String, Consumer<DriftAwareClassifier>> badInputs() {
    return ClassifierChecks.badInputs(true);
  }

  /** A detector that answers a script of states, for replaying the wrapper's rule by hand. */
  private static final class ScriptedDetector implements DriftDetector {
    private final Deque<State> script;
    private State state = State.STABLE;
    private long seen;

    ScriptedDetector(List<State> script) {
      this.script = new ArrayDeque<>(script);
    }

    @Override public State update(double value) {
      seen++;
      state = script.removeFirst();
      return state;
    }
    @Override public State state() { return state; }
    @Override public long samplesSeen() { return seen; }
    @Override public void reset() { }
    @Override public ScriptedDetector copy() { return this; }
  }

  /**
   * MOA's rule, step by step: in a warning zone the background model (reset as the zone begins)
   * learns too; a drift swaps it in and puts a fresh one behind; the current model always
   * learns last.
   */
  @Test
  void followsSingleClassifierDrift_stepByStep() {
    State s = State.STABLE;
    State w = State.WARNING;
    State d = State.DRIFT;
    DriftAwareClassifier model = DriftAwareClassifier.of(GaussianNaiveBayes.builder(2, 2).build(),
        new ScriptedDetector(List.of(s, w, w, d, s, w, s, w, d)));
    long[][] expected = { // samples seen by the current and the background model after each step
        {1, 0}, {2, 1}, {3, 2}, {3, 0}, {4, 0}, {5, 1}, {6, 1}, {7, 1}, {2, 0}};
    long[] warningsAfter = {0, 1, 1, 1, 1, 2, 2, 3, 3};
    SplittableRandom random = new SplittableRandom(2);
    for (int step = 0; step < expected.length; step++) {
      model.learn(new double[] {random.nextGaussian(), random.nextGaussian()}, step % 2);
      assertThat(new long[] {model.current.samplesSeen(), model.background.samplesSeen()})
          .as("step %d", step + 1).containsExactly(expected[step]);
      assertThat(model.warnings()).as("warnings after step %d", step + 1)
          .isEqualTo(warningsAfter[step]);
    }
    assertThat(model.drifts()).isEqualTo(2);
    assertThat(model.samplesSeen()).isEqualTo(9);
  }

  /** A concept that flips at 5,000: the wrapper recovers where the plain tree drags its past. */
  @Test
  void afterAnAbruptChange_beatsThePlainBase() {
    HoeffdingTree base = HoeffdingTree.builder(2, 2).build();
    OnlineClassifier plain = base.copy();
    DriftAwareClassifier aware = DriftAwareClassifier.of(base);
    SplittableRandom random = new SplittableRandom(8);
    int plainRight = 0;
    int awareRight = 0;
    for (int i = 0; i < 10_000; i++) {
      double[] x = {random.nextDouble(), random.nextDouble()};
      int label = (x[0] + x[1] > 1) == (i < 5_000) ? 1 : 0;
      if (i >= 5_000) {
        plainRight += plain.predict(x) == label ? 1 : 0;
        awareRight += aware.predict(x) == label ? 1 : 0;
      }
      plain.learn(x, label);
      aware.learn(x, label);
    }
    System.out.printf("concept flipped at 5,000: accuracy over the last 5,000, plain tree %.4f, "
        + "drift-aware tree %.4f (%d drifts)%n", plainRight / 5_000.0, awareRight / 5_000.0,
        aware.drifts());
    assertThat(aware.drifts()).isPositive();
    assertThat(awareRight).isGreaterThan(plainRight + 500);
  }

  /** Weights its base would refuse are refused before the detector or any model changes. */
  @Test
  void weightsTheBaseRefuses_changeNothing() {
    DriftAwareClassifier model = DriftAwareClassifier.of(PegasosSvm.builder(2, 2).build());
    model.learn(new double[] {1, 2}, 1);
    byte[] before = org.brookml.io.Snapshots.write(model);
    assertThatThrownBy(() -> model.learn(new double[] {1, 2}, 1, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(org.brookml.io.Snapshots.write(model)).isEqualTo(before);
  }
}
