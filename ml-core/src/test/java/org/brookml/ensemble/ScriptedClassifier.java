package org.brookml.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.brookml.learner.OnlineClassifier;
import org.brookml.vector.SparseVector;

/**
 * A two-class base learner whose answers follow a script, for checking an ensemble's bookkeeping:
 * example {@code x = {t}} is step {@code t}; member {@code m} (the m-th copy the ensemble makes
 * after its own prototype) answers step {@code t} correctly iff {@code correct[m][t]}, and every
 * weight it is trained with is recorded.
 */
final class ScriptedClassifier implements OnlineClassifier {

  /** The script and the record shared by the prototype and all its copies. */
  static final class Script {
    final boolean[][] correct;
    final int[] labels;
    final List<List<Double>> weights = new ArrayList<>();
    int copies = -2; // the test's prototype, then the ensemble's own prototype copy

    Script(boolean[][] correct, int[] labels) {
      this.correct = correct;
      this.labels = labels;
    }
  }

  private final Script script;
  private final int member;
  private long samplesSeen;

  ScriptedClassifier(Script script) {
    this.script = script;
    this.member = script.copies++;
    if (member >= 0) {
      script.weights.add(new ArrayList<>());
    }
  }

  @Override
  public void learn(double[] x, int label, double weight) {
    script.weights.get(member).add(weight);
    samplesSeen++;
  }

  @Override
  public int predict(double[] x) {
    int step = (int) x[0];
    return script.correct[member][step] ? script.labels[step] : 1 - script.labels[step];
  }

  @Override
  public double[] predictProba(double[] x, double[] out) {
    out[0] = predict(x) == 0 ? 1 : 0;
    out[1] = 1 - out[0];
    return out;
  }

  @Override
  public void learn(SparseVector x, int label, double weight) {
    throw new UnsupportedOperationException("scripted learners read dense steps");
  }

  @Override
  public int predict(SparseVector x) {
    throw new UnsupportedOperationException("scripted learners read dense steps");
  }

  @Override
  public double[] predictProba(SparseVector x, double[] out) {
    throw new UnsupportedOperationException("scripted learners read dense steps");
  }

  @Override
  public int numClasses() {
    return 2;
  }

  @Override
  public int dimension() {
    return 1;
  }

  @Override
  public long samplesSeen() {
    return samplesSeen;
  }

  @Override
  public ScriptedClassifier copy() {
    return new ScriptedClassifier(script);
  }

  @Override
  public void reset() {
    samplesSeen = 0;
  }
}
